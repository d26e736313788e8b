import { gradeSubmission, type GradeResult } from '../grade/grade';
import { cellMaxPoints } from '../key/answer-key';
import { diagnosis, type Diagnosis } from '../messages';
import { SubmissionError } from '../submission/errors';
import { parseSubmission } from '../submission/parse';
import type { AnswerKey, Exercise } from '../types';

export interface BatchInput {
  studentId: string;
  fileName: string;
  bytes: Buffer | Uint8Array;
}

export interface BatchItem {
  id: string;
  label: string;
  maxPoints: number;
  /** Share of the item's cells answered right over all graded students, 0..1. */
  shareCorrect: number;
  averagePoints: number;
  topDiagnosis: { code: string; message: string; count: number } | null;
}

export interface BatchStudent {
  studentId: string;
  fileName: string;
  score: number;
  maxScore: number;
  ratio: number;
  /** Item id -> points. */
  items: Record<string, number>;
  penalty: number;
  /** The most frequent diagnoses of this submission (zh). */
  mainIssues: string[];
  error?: { code: string; message: string };
  result?: GradeResult;
}

export interface BatchResult {
  exerciseId: string;
  maxScore: number;
  items: BatchItem[];
  students: BatchStudent[];
  summary: { submissions: number; graded: number; failed: number; mean: number | null; median: number | null; passRate: number | null };
}

export const PASS_RATIO = 0.6;
const SORT_ITEM = '__sort';

/** Items of the per-student table: value columns (or key rows for a list scored per row), plus the sort. */
function itemsOf(exercise: Exercise, key: AnswerKey): { id: string; label: string; maxPoints: number }[] {
  const values = key.columns.filter((c) => c.role === 'value');
  const perRow = exercise.scoring.per === 'row' || values.length === 0;
  const items = perRow
    ? key.rows.map((r, i) => ({ id: `row${i}`, label: r.label, maxPoints: exercise.scoring.rowPoints ?? 1 }))
    : values.map((c) => ({ id: c.key, label: c.header.zh, maxPoints: key.rows.reduce((s, r) => s + cellMaxPoints(exercise, r, c), 0) }));
  if (exercise.question.sortRequired) items.push({ id: SORT_ITEM, label: '排序', maxPoints: exercise.scoring.sortPoints ?? 0 });
  return items;
}

/**
 * What a wrong cell counts as in the item analysis: its diagnosis; in a missing row, the row's own
 * (a period off by one, shifted dates) when it says more than "missing"; unexplained, WRONG_VALUE.
 */
function itemDiagnosis(c: GradeResult['cells'][number], result: GradeResult): Diagnosis {
  if (c.diagnosis?.code === 'MISSING_ROW') return result.rows[c.rowIndex]?.diagnosis ?? c.diagnosis;
  return c.diagnosis ?? diagnosis('WRONG_VALUE');
}

function pointsByItem(exercise: Exercise, key: AnswerKey, result: GradeResult): Record<string, number> {
  const values = key.columns.filter((c) => c.role === 'value');
  const perRow = exercise.scoring.per === 'row' || values.length === 0;
  const out: Record<string, number> = {};
  if (perRow) result.rows.filter((r) => r.status === 'matched' || r.status === 'missing').forEach((r, i) => (out[`row${i}`] = r.points));
  else for (const c of values) out[c.key] = result.cells.filter((x) => x.column === c.key).reduce((s, x) => s + x.points, 0);
  if (result.sort) out[SORT_ITEM] = result.sort.points;
  return out;
}

/**
 * Grades many submissions against one key (file names are student ids by convention): a
 * per-student × per-item table with totals, and item analysis. Unreadable files become a row with
 * an error and 0 points, never a failure of the batch. Regrading after an exercise changes is a
 * new call with the new key.
 */
export async function gradeBatch(exercise: Exercise, key: AnswerKey, submissions: BatchInput[], opts: { keepResults?: boolean } = {}): Promise<BatchResult> {
  const items = itemsOf(exercise, key);
  const students: BatchStudent[] = [];
  const correctCells = new Map<string, number>();
  const totalCells = new Map<string, number>();
  const diagnosisCounts = new Map<string, Map<string, { message: string; count: number }>>();
  for (const s of submissions) {
    try {
      const result = gradeSubmission(exercise, key, await parseSubmission(s.bytes, s.fileName));
      const byItem = pointsByItem(exercise, key, result);
      const count = (item: string, d: Diagnosis) => {
        const m = diagnosisCounts.get(item) ?? new Map();
        const entry = m.get(d.code) ?? { message: d.message, count: 0 };
        entry.count++;
        m.set(d.code, entry);
        diagnosisCounts.set(item, m);
      };
      for (const c of result.cells) {
        if (c.maxPoints === 0) continue;
        const item = exercise.scoring.per === 'row' ? `row${c.rowIndex}` : c.column;
        totalCells.set(item, (totalCells.get(item) ?? 0) + 1);
        if (c.correct) correctCells.set(item, (correctCells.get(item) ?? 0) + 1);
        else count(item, itemDiagnosis(c, result));
      }
      if (!result.cells.length || exercise.scoring.per === 'row')
        result.rows.forEach((r, i) => r.status === 'missing' && r.diagnosis && count(`row${i}`, r.diagnosis));
      if (result.sort?.diagnosis) count(SORT_ITEM, result.sort.diagnosis);
      students.push({
        studentId: s.studentId,
        fileName: s.fileName,
        score: result.score,
        maxScore: result.maxScore,
        ratio: result.ratio,
        items: byItem,
        penalty: result.penalty,
        mainIssues: result.diagnoses
          .filter((d) => d.code !== 'TOTAL_ROW_IGNORED')
          .slice(0, 3)
          .map((d) => d.message),
        ...(opts.keepResults ? { result } : {}),
      });
    } catch (e) {
      const error = e instanceof SubmissionError ? { code: e.code, message: e.zh } : { code: 'SUBMISSION_UNREADABLE', message: '文件无法读取' };
      students.push({ studentId: s.studentId, fileName: s.fileName, score: 0, maxScore: key.maxScore, ratio: 0, items: {}, penalty: 0, mainIssues: [], error });
    }
  }
  const graded = students.filter((s) => !s.error);
  const scores = graded.map((s) => s.score).sort((a, b) => a - b);
  const analysis: BatchItem[] = items.map((it) => {
    const counts = diagnosisCounts.get(it.id);
    const top = counts ? [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0] : undefined;
    const isSort = it.id === SORT_ITEM;
    const total = isSort ? graded.length : (totalCells.get(it.id) ?? 0);
    const correct = isSort ? graded.filter((s) => (s.items[SORT_ITEM] ?? 0) > 0).length : (correctCells.get(it.id) ?? 0);
    return {
      ...it,
      shareCorrect: total ? correct / total : 0,
      averagePoints: graded.length ? graded.reduce((s, g) => s + (g.items[it.id] ?? 0), 0) / graded.length : 0,
      topDiagnosis: top ? { code: top[0], message: top[1].message, count: top[1].count } : null,
    };
  });
  return {
    exerciseId: exercise.id,
    maxScore: key.maxScore,
    items: analysis,
    students,
    summary: {
      submissions: submissions.length,
      graded: graded.length,
      failed: students.length - graded.length,
      mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      median: scores.length ? (scores[Math.floor((scores.length - 1) / 2)] + scores[Math.ceil((scores.length - 1) / 2)]) / 2 : null,
      passRate: graded.length ? graded.filter((s) => s.ratio >= PASS_RATIO).length / graded.length : null,
    },
  };
}
