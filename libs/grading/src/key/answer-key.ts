import type { TableSet } from '@creator-ops/query';
import type { AnswerKey, ColumnDef, Exercise, KeyRow, KeyTable } from '../types';
import { asExerciseData, buildKeyTable, type ExerciseData } from './build-key';

/**
 * The answer key of an exercise, computed by the engine from its data every time (never stored),
 * with the same table under each typical mistake the exercise lists (for diagnoses). Alternatives
 * that need a data variant are skipped when plain tables are given.
 */
export function answerKey(exercise: Exercise, data: ExerciseData | TableSet): AnswerKey {
  const d = asExerciseData(data);
  const main = buildKeyTable(exercise.question, d);
  const alternatives: AnswerKey['alternatives'] = [];
  for (const def of exercise.question.alternatives ?? []) {
    if (def.offset) {
      alternatives.push({ def, table: { columns: main.columns, rows: [] } });
      continue;
    }
    if (def.tables && !d.variants[def.tables]) continue;
    alternatives.push({ def, table: buildKeyTable(exercise.question, d, def) });
  }
  return {
    exerciseId: exercise.id,
    columns: main.columns,
    rows: main.rows,
    alternatives,
    exportTotalLabels: d.totalLabels,
    maxScore: maxScoreOf(exercise, main),
  };
}

const cellPoints = (column: { points?: number }): number => column.points ?? 1;

/** Points of one cell: its column's points, none for a cell the task leaves empty in the totals row. */
export function cellMaxPoints(exercise: Exercise, row: KeyRow, column: ColumnDef): number {
  return row.ungraded?.includes(column.key) ? 0 : cellPoints(column);
}

/** Points of a key row: its value cells (per cell) or `rowPoints` (per row, or a list without values). */
export function rowMaxPoints(exercise: Exercise, table: Pick<KeyTable, 'columns'>, row?: KeyRow): number {
  const values = table.columns.filter((c) => c.role === 'value');
  if (exercise.scoring.per === 'row' || values.length === 0) return exercise.scoring.rowPoints ?? 1;
  return values.reduce((s, c) => s + (row ? cellMaxPoints(exercise, row, c) : cellPoints(c)), 0);
}

function maxScoreOf(exercise: Exercise, key: KeyTable): number {
  const sort = exercise.question.sortRequired ? (exercise.scoring.sortPoints ?? 0) : 0;
  return key.rows.reduce((s, row) => s + rowMaxPoints(exercise, key, row), 0) + sort;
}
