import { gradeSubmission, type GradeResult } from './grade/grade';
import { keyToCsv } from './key/present';
import { parseSubmission } from './submission/parse';
import { applyMutation, bank, exampleAnswer, keyOf, mutationsOf, toCsv } from './testing/fixtures';

const exercises = bank();

/** The cells that lost points, for a readable failure. */
const wrongCells = (r: GradeResult) =>
  r.cells.filter((c) => !c.correct).map((c) => `${c.row} · ${c.header}: expected ${c.expected}, got ${c.actual} ${c.diagnosis?.code ?? ''}`);

it('the bank covers at least 20 exercises', () => {
  expect(exercises.length).toBeGreaterThanOrEqual(20);
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  it('the worked example answer (computed independently of the engine) scores 100%', async () => {
    const key = await keyOf(ex);
    const result = gradeSubmission(ex, key, await parseSubmission(toCsv(exampleAnswer(ex)), 'example-answer.csv'));
    expect(wrongCells(result)).toEqual([]);
    expect(result.rows.filter((r) => r.status !== 'matched')).toEqual([]);
    expect(result.score).toBe(key.maxScore);
    expect(key.maxScore).toBeGreaterThan(0);
  });

  it('the key as presented to graders (rounded cells) grades as 100% too', async () => {
    const key = await keyOf(ex);
    const result = gradeSubmission(ex, key, await parseSubmission(Buffer.from(keyToCsv(key), 'utf8'), 'key.csv'));
    expect(wrongCells(result)).toEqual([]);
    expect(result.score).toBe(key.maxScore);
  });

  const mutations = mutationsOf(ex);
  if (mutations.length === 0) return;
  it.each(mutations.map((m, i) => [`${i + 1}. ${m.code}`, m] as const))('mutation %s loses exactly its points, with its diagnosis', async (_name, m) => {
    const key = await keyOf(ex);
    const result = gradeSubmission(ex, key, await parseSubmission(toCsv(applyMutation(exampleAnswer(ex), m)), 'mutated.csv'));
    for (const s of m.set) {
      const keyRow = result.rows.findIndex((r) => r.status === 'matched' && r.line === lineOf(m, s.r, exampleAnswer(ex).rows.length));
      const cell = result.cells.find((c) => c.rowIndex === keyRow && c.header === headerBase(s.column, result));
      expect({ cell: `${s.r}/${s.column}=${s.value}`, code: cell?.diagnosis?.code, correct: cell?.correct }).toEqual({
        cell: `${s.r}/${s.column}=${s.value}`,
        code: m.code,
        correct: false,
      });
    }
    if (m.rowCode) expect(result.rows.filter((r) => r.status !== 'matched').map((r) => r.diagnosis?.code)).toContain(m.rowCode);
    if (m.sortCode) expect(result.sort?.diagnosis?.code).toBe(m.sortCode);
    expect(result.score).toBe(key.maxScore - m.lost);
  });
});

/** The task's header of a submitted column header (units stripped), as verdicts name it. */
function headerBase(column: string, result: GradeResult): string {
  const found = result.columns.find((c) => c.submitted === column);
  return found ? found.header : column;
}

/** The line (1-based, header = 1) of example row `r` in the mutated file. */
function lineOf(m: { reorder?: number[]; removeRows?: number[] }, r: number, count: number): number {
  let order = Array.from({ length: count }, (_, i) => i);
  if (m.reorder) order = m.reorder;
  if (m.removeRows) order = order.filter((_, i) => !m.removeRows!.includes(i));
  return order.indexOf(r) + 2;
}
