import { formatValue } from './format';
import type { CellVerdict, ColumnFormat, Diagnosis, ExerciseItem, ExerciseLevel, GradeResult, RowVerdict } from '../api/types';
import type { MessageKey } from '../i18n/messages';

export const EXERCISE_LEVELS: ExerciseLevel[] = ['初级', '中级', '高级'];

/** The bank by level (初级 -> 高级), each level by skill code then id. */
export function groupByLevel(items: ExerciseItem[]): { level: ExerciseLevel; items: ExerciseItem[] }[] {
  const bySkill = (a: ExerciseItem, b: ExerciseItem) => a.skill.localeCompare(b.skill, undefined, { numeric: true }) || a.id.localeCompare(b.id);
  return EXERCISE_LEVELS.map((level) => ({ level, items: items.filter((e) => e.level === level).sort(bySkill) })).filter((g) => g.items.length > 0);
}

export type CellState = 'right' | 'wrong' | 'near' | 'ungraded';

export function cellState(c: CellVerdict): CellState {
  if (c.maxPoints === 0) return 'ungraded';
  if (c.correct) return 'right';
  return c.nearMiss ? 'near' : 'wrong';
}

export interface GradeRow {
  /** Index of the key row (the `row` of `cell-<row>-<column>`). */
  index: number;
  label: string;
  status: RowVerdict['status'];
  points: number;
  maxPoints: number;
  line?: number;
  diagnosis?: Diagnosis;
  cells: Map<string, CellVerdict>;
}

/**
 * The answer as a table in the key's row order: the key rows (matched or missing, in the order the
 * grader lists them) with their cells by column, then the extra rows the answer had.
 */
export function gradeRows(result: GradeResult): { rows: GradeRow[]; extra: RowVerdict[] } {
  const cellsByRow = new Map<number, Map<string, CellVerdict>>();
  for (const c of result.cells) {
    if (!cellsByRow.has(c.rowIndex)) cellsByRow.set(c.rowIndex, new Map());
    cellsByRow.get(c.rowIndex)!.set(c.column, c);
  }
  const keyRows = result.rows.filter((r) => r.status === 'matched' || r.status === 'missing');
  const rows = keyRows.map((r, index) => ({
    index,
    label: r.row,
    status: r.status,
    points: r.points,
    maxPoints: r.maxPoints,
    line: r.line,
    diagnosis: r.diagnosis,
    cells: cellsByRow.get(index) ?? new Map(),
  }));
  return { rows, extra: result.rows.filter((r) => r.status === 'extra' || r.status === 'ignored') };
}

/** How a column is asked for, as an i18n key and its parameters (`百分数 · 2 位小数`). */
export function formatText(format: ColumnFormat): { key: MessageKey; params: Record<string, number> } {
  const known = [
    'integer',
    'number',
    'money',
    'percent',
    'fraction',
    'multiple',
    'pp',
    'label',
    'text',
    'id',
    'date',
    'week',
    'month',
    'weekday',
    'hour',
    'datetime',
  ];
  const type = known.includes(format.type) ? format.type : 'text';
  return { key: `format.${type}` as MessageKey, params: { n: format.decimals ?? 0 } };
}

/** `0.6667` -> `66.7%`. */
export const percentText = (ratio: number | null | undefined, digits = 1): string => formatValue(ratio, 'percent', { decimals: digits });

/** Scores keep at most two decimals (row scoring and penalties can make fractions). */
export const scoreText = (n: number | null | undefined): string => (n === null || n === undefined ? '-' : String(Number(n.toFixed(2))));
