import { cellValue, type Column, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import { formatDay, formatWallMs, MS_PER_DAY } from '@creator-ops/format';
import { aliasIndex, headerKey, KINDS, normaliseHeader, type ExportKind } from '@creator-ops/schemas';
import { formatMonth, mondayOf, monthOf, weekdayOf } from './period';

const DATE_DIMENSIONS = new Set(['date', 'date:day', 'date:week', 'date:month']);
export const TIME_DIMENSIONS = new Set([...DATE_DIMENSIONS, 'hour', 'weekday']);

export function isDateDimension(dim: string): boolean {
  return DATE_DIMENSIONS.has(dim);
}

/** Finds the stored column of a kind for a canonical field name or an original header. */
export function resolveColumn(kind: ExportKind, table: ColumnTable, name: string): ColumnSpec | null {
  const direct = table.specs.find((s) => s.name === name && s.role !== 'line');
  if (direct) return direct;
  const field = aliasIndex(kind).get(headerKey(name));
  if (field) return table.specs.find((s) => s.name === field.key) ?? null;
  const display = normaliseHeader(name).display;
  return table.specs.find((s) => s.role === 'raw' && (s.source === display || s.name === display)) ?? null;
}

/**
 * A dimension over one kind's table: a per-row numeric component (or NaN for null) and how to turn
 * a component into the value shown. Date dimensions go through `shiftDay` (comparison windows).
 */
export interface DimensionReader {
  component(i: number): number;
  display(component: number): string | number | null;
}

export function dimensionReader(kind: ExportKind, table: ColumnTable, dim: string, shiftDay: (d: number) => number = (d) => d): DimensionReader | null {
  if (TIME_DIMENSIONS.has(dim)) return timeReader(kind, table, dim, shiftDay);
  const spec = resolveColumn(kind, table, dim);
  if (!spec) return null;
  const col = table.columns.get(spec.name)!;
  if (col.type === 'dict') {
    return { component: (i) => col.codes[i], display: (c) => (c >= 0 ? col.dict[c] : null) };
  }
  return {
    component: (i) => (col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN),
    display: (v) => (Number.isNaN(v) ? null : spec.valueType === 'date' ? formatDay(v) : spec.valueType === 'datetime' ? formatWallMs(v) : spec.valueType === 'money' ? v / 100 : v),
  };
}

/** The day of each row by the kind's date field (datetimes by their business-time-zone day). */
export function dayReader(kind: ExportKind, table: ColumnTable): ((i: number) => number) | null {
  const field = KINDS[kind].dateField;
  const spec = table.specs.find((s) => s.name === field);
  const col = spec && table.columns.get(field);
  if (!spec || !col || col.type !== 'num') return null;
  const isDateTime = spec.valueType === 'datetime';
  return (i) => (col.valid !== null && col.valid[i] === 0 ? NaN : isDateTime ? Math.floor(col.values[i] / MS_PER_DAY) : col.values[i]);
}

function timeReader(kind: ExportKind, table: ColumnTable, dim: string, shiftDay: (d: number) => number): DimensionReader | null {
  if (dim === 'hour') {
    const hourCol = table.columns.get('hour');
    if (hourCol && hourCol.type === 'num') return { component: (i) => numAt(hourCol, i), display: (v) => (Number.isNaN(v) ? null : v) };
    const field = KINDS[kind].dateField;
    const spec = table.specs.find((s) => s.name === field);
    const col = table.columns.get(field);
    if (!spec || spec.valueType !== 'datetime' || !col || col.type !== 'num') return null;
    return { component: (i) => Math.floor((numAt(col, i) % MS_PER_DAY) / 3_600_000), display: (v) => (Number.isNaN(v) ? null : v) };
  }
  const day = dayReader(kind, table);
  if (!day) return null;
  switch (dim) {
    case 'weekday':
      return { component: (i) => weekdayOf(shiftDay(day(i))), display: (v) => (Number.isNaN(v) ? null : v) };
    case 'date:week':
      return { component: (i) => mondayOf(shiftDay(day(i))), display: (v) => (Number.isNaN(v) ? null : formatDay(v)) };
    case 'date:month':
      return { component: (i) => monthOf(shiftDay(day(i))), display: (v) => (Number.isNaN(v) ? null : formatMonth(v)) };
    default:
      return { component: (i) => shiftDay(day(i)), display: (v) => (Number.isNaN(v) ? null : formatDay(v)) };
  }
}

function numAt(col: Column & { type: 'num' }, i: number): number {
  return col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN;
}

export { cellValue };
