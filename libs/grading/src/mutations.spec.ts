import { mkdirSync, writeFileSync } from 'node:fs';
import { gradeSubmission, type GradeResult } from './grade/grade';
import { parseSubmission } from './submission/parse';
import { bank, keyOf, toCsv } from './testing/fixtures';
import { OPERATORS, type Application } from './testing/operators';

/**
 * Issue 18, acceptance 1: wrong answers generated from every exercise's key by the operators of
 * typical mistakes are marked down, and diagnosed with the operator's code wherever it applies.
 */
const exercises = bank();
const tally = new Map<string, { applied: number; diagnosed: number; failures: string[] }>();

function diagnosed(app: Application, r: GradeResult): boolean {
  const e = app.expect;
  if (e.cells) return e.cells.every((c) => r.cells.find((x) => x.rowIndex === c.row && x.column === c.column)?.diagnosis?.code === app.code);
  if (e.rowCode) return r.rows.some((x) => x.status !== 'matched' && x.diagnosis?.code === app.code);
  if (e.sort) return r.sort?.diagnosis?.code === app.code;
  return r.diagnoses.some((d) => d.code === app.code);
}

describe.each(exercises.map((e) => [e.id, e] as const))('%s: mutation operators', (_id, ex) => {
  it('every applicable operator marks the answer down and names its mistake', async () => {
    const key = await keyOf(ex);
    const problems: string[] = [];
    for (const op of OPERATORS) {
      for (const app of op.apply({ ex, key })) {
        const r = gradeSubmission(ex, key, await parseSubmission(toCsv(app.table), 'mutated.csv'));
        const t = tally.get(op.name) ?? { applied: 0, diagnosed: 0, failures: [] };
        t.applied++;
        const ok = diagnosed(app, r);
        if (ok) t.diagnosed++;
        else t.failures.push(`${ex.id}: ${app.code} → ${r.diagnoses.map((d) => d.code).join(',')}`);
        tally.set(op.name, t);
        if (r.score >= key.maxScore) problems.push(`${op.name} (${app.code}) scored full marks`);
        if (!ok) problems.push(`${op.name}: not diagnosed as ${app.code} (got ${r.diagnoses.map((d) => d.code).join(', ') || 'nothing'})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

afterAll(() => {
  const rows = [...tally.entries()].map(
    ([name, t]) => `  ${name.padEnd(26)} applied ${String(t.applied).padStart(3)}  diagnosed ${String(t.diagnosed).padStart(3)}`,
  );
  const applied = [...tally.values()].reduce((s, t) => s + t.applied, 0);
  const found = [...tally.values()].reduce((s, t) => s + t.diagnosed, 0);
  const text = [
    `diagnosis coverage over ${exercises.length} exercises: applied ${applied} / diagnosed ${found}`,
    ...rows,
    ...[...tally.values()].flatMap((t) => t.failures.map((f) => `  not diagnosed: ${f}`)),
  ].join('\n');
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/mutation-coverage.txt', text + '\n');
  console.log(text);
});
