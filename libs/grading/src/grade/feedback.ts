import type { CellValue } from '../types';
import type { CellVerdict, DiagnosisSummary, GradeResult, RowVerdict } from './grade';

/**
 * What a trainee is shown of a graded answer, by the exercise's feedback policy. `practice`:
 * every cell is marked right or wrong with its diagnosis, but an expected value is shown only for
 * a cell already right, or for all cells once the trainee has tried `revealAfter` times; the
 * labels of rows the answer lacks are key data too and stay hidden until then. `exam`: the score
 * only, until the grader releases the results. Graders see the full result.
 */
export type FeedbackPolicy = { mode: 'practice'; revealAfter: number } | { mode: 'exam'; released: boolean };

export const DEFAULT_REVEAL_AFTER = 3;

export interface FeedbackState {
  mode: 'practice' | 'exam';
  /** Tries so far (refused empty answers included). */
  tries: number;
  /** Expected values are shown (practice: after `revealAfter` tries; exam: once released). */
  revealed: boolean;
  revealAfter?: number;
  released?: boolean;
}

export type HiddenCellVerdict = Omit<CellVerdict, 'expected' | 'expectedValue'> & { expected?: string; expectedValue?: CellValue };

export type TraineeFeedback =
  | (Omit<GradeResult, 'cells'> & { cells: HiddenCellVerdict[]; feedback: FeedbackState })
  | (Pick<GradeResult, 'exerciseId' | 'fileName' | 'score' | 'maxScore' | 'ratio'> & { feedback: FeedbackState });

/** The feedback of `result` under `policy` for a trainee who has tried `tries` times. */
export function feedbackFor(result: GradeResult, policy: FeedbackPolicy, tries: number): TraineeFeedback {
  if (policy.mode === 'exam') {
    const feedback: FeedbackState = { mode: 'exam', tries, revealed: policy.released, released: policy.released };
    if (policy.released) return { ...result, feedback };
    return { exerciseId: result.exerciseId, fileName: result.fileName, score: result.score, maxScore: result.maxScore, ratio: result.ratio, feedback };
  }
  const revealed = tries >= policy.revealAfter;
  const feedback: FeedbackState = { mode: 'practice', tries, revealed, revealAfter: policy.revealAfter };
  if (revealed) return { ...result, feedback };
  const hiddenLabel = new Map<string, string>();
  result.rows.forEach((r, i) => {
    if (r.status === 'missing') hiddenLabel.set(r.row, `#${i + 1}`);
  });
  const label = (row: string) => hiddenLabel.get(row) ?? row;
  const cells: HiddenCellVerdict[] = result.cells.map((c) => {
    const { expected, expectedValue, ...rest } = c;
    return { ...rest, row: label(c.row), ...(c.correct ? { expected, expectedValue } : {}) };
  });
  const rows: RowVerdict[] = result.rows.map((r) => ({ ...r, row: label(r.row) }));
  const diagnoses: DiagnosisSummary[] = result.diagnoses.map((d) => ({ ...d, where: d.where.map((w) => hiddenLabel.get(w) ?? w) }));
  return { ...result, cells, rows, diagnoses, feedback };
}
