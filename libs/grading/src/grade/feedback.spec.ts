import { feedbackFor } from './feedback';
import type { GradeResult } from './grade';

const cell = (row: string, rowIndex: number, correct: boolean, expected: string) => ({
  row,
  rowIndex,
  column: 'v',
  header: '值',
  expected,
  expectedValue: Number(expected),
  actual: correct ? expected : '0',
  correct,
  points: correct ? 1 : 0,
  maxPoints: 1,
});

/** Two rows in the key: 计划A answered (one cell right, one wrong), 计划B missing. */
const result: GradeResult = {
  exerciseId: 'x',
  fileName: 'a.csv',
  score: 1,
  maxScore: 3,
  ratio: 1 / 3,
  columns: [],
  cells: [cell('计划A', 0, true, '12.5'), { ...cell('计划A', 0, false, '3.75'), column: 'w' }, cell('计划B', 1, false, '99.25')],
  rows: [
    { row: '计划A', status: 'matched', line: 2, points: 1, maxPoints: 2 },
    { row: '计划B', status: 'missing', points: 0, maxPoints: 1, diagnosis: { code: 'MISSING_ROW', message: '缺少这一行', en: 'This row is missing' } },
  ],
  penalty: 0,
  diagnoses: [{ code: 'MISSING_ROW', message: '缺少这一行', en: 'This row is missing', count: 1, where: ['计划B'] }],
};

describe('feedbackFor', () => {
  it('practice, before N tries: no expected value of a wrong cell, no label of a missing row', () => {
    const shown = feedbackFor(result, { mode: 'practice', revealAfter: 3 }, 2);
    const text = JSON.stringify(shown);
    expect(text).not.toContain('3.75');
    expect(text).not.toContain('99.25');
    expect(text).not.toContain('计划B');
    expect(text).toContain('12.5');
    expect('cells' in shown && shown.cells.map((c) => c.correct)).toEqual([true, false, false]);
    expect(shown.feedback).toEqual({ mode: 'practice', tries: 2, revealed: false, revealAfter: 3 });
  });

  it('practice, at N tries: everything', () => {
    expect(feedbackFor(result, { mode: 'practice', revealAfter: 3 }, 3)).toMatchObject({ cells: result.cells, rows: result.rows });
  });

  it('exam: the score only until released, then everything', () => {
    expect(Object.keys(feedbackFor(result, { mode: 'exam', released: false }, 1)).sort()).toEqual([
      'exerciseId',
      'feedback',
      'fileName',
      'maxScore',
      'ratio',
      'score',
    ]);
    expect(feedbackFor(result, { mode: 'exam', released: true }, 1)).toMatchObject({ cells: result.cells });
  });
});
