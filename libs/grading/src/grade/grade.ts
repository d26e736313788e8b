import { rowMaxPoints } from '../key/answer-key';
import { diagnosis, type Diagnosis } from '../messages';
import type { Submission } from '../submission/parse';

export type { CellVerdict };
import type { AnswerKey, Exercise, KeyRow, UnitPolicy, ValueFormat } from '../types';
import { judgeCell } from './cell';
import { judgeCells, type CellVerdict } from './row-cells';
import { matchRows, type MatchedTable, type SubmittedRow } from './match';
import { keyShiftDiagnoses } from './key-shifts';
import { offsetDiagnoses } from './offsets';
import { unitPolicyOf } from './unit-policy';

export interface RowVerdict {
  row: string;
  status: 'matched' | 'missing' | 'extra' | 'ignored';
  /** Row of the submitted table (1-based), when it was submitted. */
  line?: number;
  points: number;
  maxPoints: number;
  diagnosis?: Diagnosis;
}

export interface DiagnosisSummary extends Diagnosis {
  count: number;
  /** `row · column` of each cell (or the row) it was found in. */
  where: string[];
}

export interface GradeResult {
  exerciseId: string;
  fileName: string;
  score: number;
  maxScore: number;
  /** score / maxScore, 0..1. */
  ratio: number;
  columns: { key: string; header: string; submitted: string | null }[];
  cells: CellVerdict[];
  rows: RowVerdict[];
  sort?: { required: true; correct: boolean; points: number; maxPoints: number; diagnosis?: Diagnosis };
  penalty: number;
  diagnoses: DiagnosisSummary[];
}

const EXTRA_REASON = {
  extra: 'EXTRA_ROW',
  duplicate: 'DUPLICATE_ROW',
  'export-total': 'TOTAL_ROW_AS_DATA',
  'total-ignored': 'TOTAL_ROW_IGNORED',
  'scientific-id': 'ID_SCIENTIFIC',
} as const;

/** Cell-by-cell verdicts, points and diagnoses of one submission against a key. */
export function gradeSubmission(exercise: Exercise, key: AnswerKey, submission: Submission): GradeResult {
  const table = matchRows(key, submission.grid);
  const base = { exerciseId: exercise.id, fileName: submission.fileName, maxScore: key.maxScore };
  const valueCols = key.columns.filter((c) => c.role === 'value');
  if (!table) {
    const d = diagnosis('NO_HEADER');
    return {
      ...base,
      score: 0,
      ratio: 0,
      columns: key.columns.map((c) => ({ key: c.key, header: c.header.zh, submitted: null })),
      cells: [],
      rows: [],
      penalty: 0,
      diagnoses: [{ ...d, count: 1, where: [] }],
    };
  }
  const offsets = offsetDiagnoses(key, table);
  const unitPolicy = unitPolicyOf(exercise);
  const shifted = keyShiftDiagnoses(key, table, (row, j) => rowAgrees(key, table, row, j, unitPolicy));
  const cells: CellVerdict[] = [];
  const rows: RowVerdict[] = [];
  let score = 0;
  const verdicts = judgeCells({ exercise, key, table, unitPolicy, columnFindings: offsets, rowFindings: shifted.matched });
  key.rows.forEach((keyRow, r) => {
    const sub = table.rows.get(r);
    const rowMax = rowMaxPoints(exercise, key, keyRow);
    const rowCells = verdicts[r];
    cells.push(...rowCells);
    let points: number;
    if (exercise.scoring.per === 'row' || valueCols.length === 0) points = sub && rowCells.every((c) => c.correct) ? rowMax : 0;
    else points = rowCells.reduce((s, c) => s + c.points, 0);
    score += points;
    rows.push({
      row: keyRow.label,
      status: sub ? 'matched' : 'missing',
      line: sub?.line,
      points,
      maxPoints: rowMax,
      ...(sub ? {} : { diagnosis: shifted.missing.get(r) ?? missingRowDiagnosis(key, table, r) }),
    });
  });
  const penaltyPerRow = exercise.scoring.extraRowPenalty ?? 1;
  let penalty = 0;
  for (const e of table.extra) {
    const penalised = e.reason !== 'total-ignored';
    if (penalised) penalty += penaltyPerRow;
    const explained = e.reason === 'extra' ? key.alternatives.find((a) => a.table.rows.some((r) => !r.isTotal && sameKey(r.match, e.row.match))) : undefined;
    const d = explained
      ? diagnosis(explained.def.code, {}, explained.def.note)
      : (shifted.extra.get(e.row.line) ?? diagnosis(EXTRA_REASON[e.reason], { row: e.row.label }));
    rows.push({
      row: e.row.label,
      status: penalised ? 'extra' : 'ignored',
      line: e.row.line,
      points: penalised ? -penaltyPerRow : 0,
      maxPoints: 0,
      diagnosis: d,
    });
  }
  const sort = exercise.question.sortRequired ? sortVerdict(exercise, key, table) : undefined;
  if (sort) score += sort.points;
  score = Math.max(0, score - penalty);
  return {
    ...base,
    score,
    ratio: key.maxScore ? score / key.maxScore : 0,
    columns: key.columns.map((c) => ({
      key: c.key,
      header: c.header.zh,
      submitted: table.columns.has(c.key) ? (submission.grid[table.headerLine - 1][table.columns.get(c.key)!] ?? null) : null,
    })),
    cells,
    rows,
    sort,
    penalty,
    diagnoses: summarise(cells, rows, sort),
  };
}

/** A submitted row holds every numeric value of key row `j` (the row of another day). */
function rowAgrees(key: AnswerKey, table: MatchedTable, row: SubmittedRow, j: number, unitPolicy: UnitPolicy): boolean {
  const cols = key.columns.filter((c) => c.role === 'value' && typeof key.rows[j].values[c.key] === 'number' && table.columns.has(c.key));
  return (
    cols.length > 0 &&
    cols.every(
      (c) =>
        judgeCell({
          expected: key.rows[j].values[c.key],
          format: (key.rows[j].formats?.[c.key] ?? c.format) as ValueFormat,
          raw: row.cells[table.columns.get(c.key)!] ?? '',
          headerPercent: table.headerPercent.get(c.key) ?? false,
          alternatives: [],
          unitPolicy,
        }).correct,
    )
  );
}

const sameKey = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A missing row is explained by a mistake when that mistake's key lacks the row and every row the
 * mistake drops is missing from the submission too (a period off by one drops a whole day).
 */
function missingRowDiagnosis(key: AnswerKey, table: MatchedTable, r: number): Diagnosis {
  const row = key.rows[r];
  for (const alt of key.alternatives) {
    if (alt.def.offset || alt.table.rows.length === 0 || row.isTotal) continue;
    const has = (k: KeyRow) => alt.table.rows.some((x) => !x.isTotal && sameKey(x.match, k.match));
    if (has(row)) continue;
    const dropped = key.rows.map((k, i) => ({ k, i })).filter(({ k }) => !k.isTotal && !has(k));
    if (dropped.every(({ i }) => !table.rows.has(i))) return diagnosis(alt.def.code, {}, alt.def.note);
  }
  return diagnosis('MISSING_ROW');
}

function sortVerdict(exercise: Exercise, key: AnswerKey, table: MatchedTable): NonNullable<GradeResult['sort']> {
  const maxPoints = exercise.scoring.sortPoints ?? 0;
  const seq = table.order.filter((o) => o.keyIndex >= 0 && !key.rows[o.keyIndex].isTotal).map((o) => o.keyIndex);
  const dataRows = key.rows.filter((r) => !r.isTotal).length;
  const ascending = seq.every((v, i) => i === 0 || v > seq[i - 1]);
  const enough = seq.length >= Math.min(2, dataRows);
  if (ascending && enough) return { required: true, correct: true, points: maxPoints, maxPoints };
  const descending = seq.length >= 2 && seq.every((v, i) => i === 0 || v < seq[i - 1]);
  return { required: true, correct: false, points: 0, maxPoints, diagnosis: diagnosis(descending ? 'SORT_REVERSED' : 'SORT_ORDER') };
}

function summarise(cells: CellVerdict[], rows: RowVerdict[], sort: GradeResult['sort']): DiagnosisSummary[] {
  const byCode = new Map<string, DiagnosisSummary>();
  const add = (d: Diagnosis, where: string) => {
    const s = byCode.get(d.code) ?? { ...d, count: 0, where: [] };
    s.count++;
    s.where.push(where);
    byCode.set(d.code, s);
  };
  const missingRows = new Set(rows.filter((r) => r.status === 'missing').map((r) => r.row));
  for (const c of cells) if (c.diagnosis && !missingRows.has(c.row)) add(c.diagnosis, `${c.row} · ${c.header}`);
  for (const r of rows) if (r.diagnosis) add(r.diagnosis, r.row);
  if (sort?.diagnosis) add(sort.diagnosis, '');
  return [...byCode.values()].sort((a, b) => b.count - a.count);
}
