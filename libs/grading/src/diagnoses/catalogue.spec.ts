import { gradeSubmission } from '../grade/grade';
import { parseSubmission } from '../submission/parse';
import { bank, keyOf, toCsv } from '../testing/fixtures';
import { keyAsAnswer } from '../testing/operators';
import { CATALOGUE, type CatalogueEntry } from './catalogue';

describe('diagnosis catalogue', () => {
  it('every entry has zh and en text and a detector', () => {
    for (const [code, e] of Object.entries(CATALOGUE) as [string, CatalogueEntry][]) {
      expect({ code, zh: e.zh.length > 0, en: e.en.length > 0, detector: typeof e.detector }).toEqual({ code, zh: true, en: true, detector: 'string' });
    }
  });

  it('every mistake an exercise lists is in the catalogue, detected by the engine or a more specific detector', () => {
    for (const ex of bank())
      for (const alt of ex.question.alternatives ?? []) expect(`${ex.id}: ${alt.code} ${alt.code in CATALOGUE}`).toBe(`${ex.id}: ${alt.code} true`);
  });

  it('unpaid orders counted in RFM are named UNPAID_COUNTED, never F_COUNTS_LINES', async () => {
    const ex = bank().find((e) => e.id === 'gj-2.2.1-rfm')!;
    const key = await keyOf(ex);
    const unpaid = key.alternatives.find((a) => a.def.code === 'UNPAID_COUNTED')!;
    const r = gradeSubmission(ex, key, await parseSubmission(toCsv(keyAsAnswer(unpaid.table)), 'unpaid.csv'));
    const codes = r.diagnoses.map((d) => d.code);
    expect(codes).toContain('UNPAID_COUNTED');
    expect(codes).not.toContain('F_COUNTS_LINES');
    // …while lines counted as orders (F only) are still F_COUNTS_LINES.
    const lines = key.alternatives.find((a) => a.def.code === 'F_COUNTS_LINES')!;
    const l = gradeSubmission(ex, key, await parseSubmission(toCsv(keyAsAnswer(lines.table)), 'lines.csv'));
    expect(l.diagnoses.map((d) => d.code)).toContain('F_COUNTS_LINES');
    expect(l.diagnoses.map((d) => d.code)).not.toContain('UNPAID_COUNTED');
  });
});
