import { cellValue, type Column, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import { formatDay, formatWallMs, MS_PER_DAY as MS_PER_DAY_IMPORTED } from '@creator-ops/format';

// A module-level copy: in the CommonJS build every read of an imported binding goes through the barrel's
// getter, which costs ~1 ms per 100k rows in the per-row readers below.
const MS_PER_DAY = MS_PER_DAY_IMPORTED;
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
 * A dimension over one kind's table: a numeric component per row (a dictionary code, a day, an
 * hour ...; NaN for null) and how to turn a component into the value shown. Date dimensions
 * go through `shiftDay` (comparison windows).
 */
export interface DimensionReader {
  components(): Float64Array;
  display(component: number): string | number | null;
}

/** formatDay for the few distinct days a table has, computed once each. */
function dayFormatter(): (day: number) => string | null {
  const cache = new Map<number, string>();
  return (v) => {
    if (Number.isNaN(v)) return null;
    let s = cache.get(v);
    if (s === undefined) {
      s = formatDay(v);
      cache.set(v, s);
    }
    return s;
  };
}

const byRow = (n: number, f: (i: number) => number): Float64Array => {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
};

export function dimensionReader(
  kind: ExportKind,
  table: ColumnTable,
  dim: string,
  shiftDay: (d: number) => number = (d) => d,
  dateField?: string,
): DimensionReader | null {
  if (TIME_DIMENSIONS.has(dim)) return timeReader(kind, table, dim, shiftDay, dateField);
  const spec = resolveColumn(kind, table, dim);
  if (!spec) return null;
  const col = table.columns.get(spec.name)!;
  if (col.type === 'dict') {
    return { components: () => byRow(table.length, (i) => (col.codes[i] >= 0 ? col.codes[i] : NaN)), display: (c) => (Number.isNaN(c) ? null : col.dict[c]) };
  }
  return {
    components: () => byRow(table.length, (i) => (col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN)),
    display: (v) =>
      Number.isNaN(v)
        ? null
        : spec.valueType === 'date'
          ? formatDay(v)
          : spec.valueType === 'datetime'
            ? formatWallMs(v)
            : spec.valueType === 'money'
              ? v / 100
              : v,
  };
}

/** The day of each row by the kind's date field, or `dateField` (datetimes by their business-time-zone day). */
export function dayReader(kind: ExportKind, table: ColumnTable, dateField?: string): ((i: number) => number) | null {
  const field = dateField ?? KINDS[kind].dateField;
  const spec = table.specs.find((s) => s.name === field);
  const col = spec && table.columns.get(field);
  if (!spec || !col || col.type !== 'num') return null;
  const isDateTime = spec.valueType === 'datetime';
  return (i) => (col.valid !== null && col.valid[i] === 0 ? NaN : isDateTime ? Math.floor(col.values[i] / MS_PER_DAY) : col.values[i]);
}

function timeReader(kind: ExportKind, table: ColumnTable, dim: string, shiftDay: (d: number) => number, dateField?: string): DimensionReader | null {
  const n = table.length;
  const asNumber = (v: number) => (Number.isNaN(v) ? null : v);
  if (dim === 'hour') {
    const hourCol = table.columns.get('hour');
    if (hourCol && hourCol.type === 'num') return { components: () => byRow(n, (i) => numAt(hourCol, i)), display: asNumber };
    const field = dateField ?? KINDS[kind].dateField;
    const spec = table.specs.find((s) => s.name === field);
    const col = table.columns.get(field);
    if (!spec || spec.valueType !== 'datetime' || !col || col.type !== 'num') return null;
    return { components: () => byRow(n, (i) => Math.floor((numAt(col, i) % MS_PER_DAY) / 3_600_000)), display: asNumber };
  }
  const day = dayReader(kind, table, dateField);
  if (!day) return null;
  switch (dim) {
    case 'weekday':
      return { components: () => byRow(n, (i) => weekdayOf(shiftDay(day(i)))), display: asNumber };
    case 'date:week':
      return { components: () => byRow(n, (i) => mondayOf(shiftDay(day(i)))), display: dayFormatter() };
    case 'date:month':
      return { components: () => byRow(n, (i) => monthOf(shiftDay(day(i)))), display: (v) => (Number.isNaN(v) ? null : formatMonth(v)) };
    default:
      return { components: () => byRow(n, (i) => shiftDay(day(i))), display: dayFormatter() };
  }
}

function numAt(col: Column & { type: 'num' }, i: number): number {
  return col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN;
}

export { cellValue };

/**
 * The field a query dates a kind's rows by: `requested` when the kind stores it as a date or time
 * (e.g. orders by 下单时间 `created_at` instead of 支付时间), else the kind's own date field.
 */
export function dateFieldFor(kind: ExportKind, table: ColumnTable, requested?: string): string | undefined {
  if (!requested) return undefined;
  const spec = table.specs.find((s) => s.name === requested);
  return spec && (spec.valueType === 'date' || spec.valueType === 'datetime') ? requested : undefined;
}
