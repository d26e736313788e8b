import { cellMaxPoints } from '../key/answer-key';
import { diagnosis, type Diagnosis } from '../messages';
import type { AnswerKey, AlternativeDef, CellValue, ColumnDef, Exercise, KeyRow, UnitPolicy, ValueFormat } from '../types';
import { judgeCell, type CellInput } from './cell';
import type { MatchedTable } from './match';
import { displayExpected } from './numbers';
import { cellVariants } from './variants';

export interface CellVerdict {
  row: string;
  rowIndex: number;
  column: string;
  header: string;
  expected: string;
  expectedValue: CellValue;
  actual: string | null;
  correct: boolean;
  points: number;
  maxPoints: number;
  nearMiss?: boolean;
  diagnosis?: Diagnosis;
}

export interface CellContext {
  exercise: Exercise;
  key: AnswerKey;
  table: MatchedTable;
  unitPolicy: UnitPolicy;
  /** Diagnoses found over a whole column or row (a drifted R, shifted dates), by `row\u0001column` and by row. */
  columnFindings: Map<string, Diagnosis>;
  rowFindings: Map<number, Diagnosis>;
}

type Alternative = { def: Pick<AlternativeDef, 'code' | 'note'>; value: CellValue };

function alternativesAt(key: AnswerKey, keyRow: KeyRow, column: string): Alternative[] {
  const out: Alternative[] = [];
  const matchKey = keyRow.match.join('\u0001');
  for (const alt of key.alternatives) {
    if (alt.def.offset || (alt.def.columns && !alt.def.columns.includes(column))) continue;
    const row = alt.table.rows.find((r) => r.match.join('\u0001') === matchKey && Boolean(r.isTotal) === Boolean(keyRow.isTotal));
    if (row) out.push({ def: alt.def, value: row.values[column] ?? null });
  }
  return out;
}

/** The typical mistakes a cell may show: the engine's alternatives, then the key-derived variants. */
const cellAlternatives = (key: AnswerKey, keyRow: KeyRow, col: ColumnDef): Alternative[] => [
  ...alternativesAt(key, keyRow, col.key),
  ...cellVariants(key, keyRow, col).map((v) => ({ def: { code: v.code }, value: v.value })),
];

function cellInput(ctx: CellContext, keyRow: KeyRow, col: ColumnDef, raw: string): CellInput {
  return {
    expected: keyRow.values[col.key] ?? null,
    format: keyRow.formats?.[col.key] ?? (col.format as ValueFormat),
    raw,
    headerPercent: ctx.table.headerPercent.get(col.key) ?? false,
    alternatives: [],
    tolerance: ctx.exercise.tolerance,
    unitPolicy: ctx.unitPolicy,
  };
}

function judgeRow(ctx: CellContext, r: number, votes: Map<string, number>): CellVerdict[] {
  const keyRow = ctx.key.rows[r];
  const sub = ctx.table.rows.get(r);
  return ctx.key.columns
    .filter((c) => c.role === 'value')
    .map((col) => {
      const format = keyRow.formats?.[col.key] ?? (col.format as ValueFormat);
      const expected = keyRow.values[col.key] ?? null;
      const cell = {
        row: keyRow.label,
        rowIndex: r,
        column: col.key,
        header: col.header.zh,
        expected: displayExpected(expected, format),
        expectedValue: expected,
        maxPoints: cellMaxPoints(ctx.exercise, keyRow, col),
      };
      const idx = ctx.table.columns.get(col.key);
      if (!sub) return { ...cell, actual: null, correct: false, points: 0, diagnosis: diagnosis('MISSING_ROW') };
      if (idx === undefined) return { ...cell, actual: null, correct: false, points: 0, diagnosis: diagnosis('MISSING_COLUMN') };
      const raw = sub.cells[idx] ?? '';
      if (cell.maxPoints === 0) return { ...cell, actual: raw, correct: true, points: 0 };
      const alternatives = cellAlternatives(ctx.key, keyRow, col).sort((a, b) => (votes.get(b.def.code) ?? 0) - (votes.get(a.def.code) ?? 0));
      const judged = judgeCell({ ...cellInput(ctx, keyRow, col, raw), alternatives });
      const found = ctx.columnFindings.get(`${r}\u0001${col.key}`) ?? ctx.rowFindings.get(r);
      if (found && !judged.correct) Object.assign(judged, { diagnosis: found, nearMiss: undefined });
      return { ...cell, actual: raw, ...judged, points: judged.correct ? cell.maxPoints : 0 };
    });
}

/**
 * How many wrong cells of the whole submission each typical mistake explains: the mistake behind
 * most of them wins a tie in one cell (unpaid orders counted change R, F, M and the segments; order
 * lines counted change only F, yet both can give the same F or the same segment).
 */
function votesOf(ctx: CellContext, first: CellVerdict[][]): Map<string, number> {
  const votes = new Map<string, number>();
  const explained = first.flat().filter((c) => !c.correct && c.diagnosis && c.actual !== null);
  if (explained.length < 2) return votes;
  for (const c of explained) {
    const keyRow = ctx.key.rows[c.rowIndex];
    const col = ctx.key.columns.find((x) => x.key === c.column)!;
    for (const alt of cellAlternatives(ctx.key, keyRow, col)) {
      if (judgeCell({ ...cellInput(ctx, keyRow, col, c.actual!), alternatives: [alt] }).diagnosis?.code === alt.def.code)
        votes.set(alt.def.code, (votes.get(alt.def.code) ?? 0) + 1);
    }
  }
  return votes;
}

/** The verdicts of every value cell of every key row, row by row. */
export function judgeCells(ctx: CellContext): CellVerdict[][] {
  const first = ctx.key.rows.map((_, r) => judgeRow(ctx, r, new Map()));
  const votes = votesOf(ctx, first);
  return votes.size > 1 ? ctx.key.rows.map((_, r) => judgeRow(ctx, r, votes)) : first;
}
