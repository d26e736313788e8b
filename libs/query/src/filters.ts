import { isPresent, type Column, type ColumnTable } from '@creator-ops/columnar';
import { parseIsoDay } from '@creator-ops/format';
import type { RowFilterClause, RowFilterDef } from '@creator-ops/metrics';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { dayReader, resolveColumn } from './fields';
import { QueryError, type QueryFilter } from './types';
import type { DayWindow } from './period';

/** Rows of a kind's table that pass the period and the user's filters (1 = keep). */
export function selectRows(kind: ExportKind, table: ColumnTable, filters: QueryFilter[], window: DayWindow | null, dateField?: string): Uint8Array {
  const day = window ? dayReader(kind, table, dateField) : null;
  const mask =
    window && !(day === null && KINDS[kind].undatedFitsAnyPeriod) ? windowMask(kind, table, window, dateField).slice() : new Uint8Array(table.length).fill(1);
  for (const f of filters) applyFilter(kind, table, f, mask);
  return mask;
}

/** Per immutable table: its rows' days (NaN: no date) by date field, and the masks of recent windows. */
const DAY_CACHE = new WeakMap<ColumnTable, Map<string, DayIndex>>();
const MASKS_PER_FIELD = 16;
/** Rows per zone of the zone map. */
const ZONE = 4096;

interface DayIndex {
  days: Float64Array;
  min: number;
  max: number;
  /** Per zone of ZONE rows: least and greatest day, and whether some row has no date. */
  zoneMin: Float64Array;
  zoneMax: Float64Array;
  zoneUndated: Uint8Array;
  masks: Map<string, Uint8Array>;
}

/**
 * Rows whose day is inside the window (cached per table, date field and window; callers copy it).
 * A window covering the table's whole day range is every dated row without a comparison per row.
 */
function windowMask(kind: ExportKind, table: ColumnTable, window: DayWindow, dateField?: string): Uint8Array {
  let perTable = DAY_CACHE.get(table);
  if (!perTable) {
    perTable = new Map();
    DAY_CACHE.set(table, perTable);
  }
  const field = dateField ?? '';
  let entry = perTable.get(field);
  if (!entry) {
    const day = dayReader(kind, table, dateField);
    const days = new Float64Array(table.length);
    const zones = Math.ceil(days.length / ZONE);
    const zoneMin = new Float64Array(zones).fill(Infinity);
    const zoneMax = new Float64Array(zones).fill(-Infinity);
    const zoneUndated = new Uint8Array(zones);
    for (let i = 0; i < days.length; i++) {
      const d = day ? day(i) : NaN;
      days[i] = d;
      const z = (i / ZONE) | 0;
      if (d !== d) zoneUndated[z] = 1;
      if (d < zoneMin[z]) zoneMin[z] = d;
      if (d > zoneMax[z]) zoneMax[z] = d;
    }
    let min = Infinity;
    let max = -Infinity;
    for (let z = 0; z < zones; z++) {
      if (zoneMin[z] < min) min = zoneMin[z];
      if (zoneMax[z] > max) max = zoneMax[z];
    }
    entry = { days, min, max, zoneMin, zoneMax, zoneUndated, masks: new Map() };
    perTable.set(field, entry);
  }
  const key = `${window.from}|${window.to}`;
  let mask = entry.masks.get(key);
  if (!mask) {
    const { days } = entry;
    const n = days.length;
    mask = new Uint8Array(n);
    const { from, to } = window;
    if (from <= entry.min && to >= entry.max) for (let i = 0; i < n; i++) mask[i] = days[i] === days[i] ? 1 : 0;
    else if (!(from > entry.max || to < entry.min)) {
      // Zone map: zones wholly outside the window stay 0, zones wholly inside (every row dated) are
      // filled, only the zones the window's ends cut are tested row by row.
      for (let z = 0; z < entry.zoneMin.length; z++) {
        if (entry.zoneMax[z] < from || entry.zoneMin[z] > to) continue;
        const start = z * ZONE;
        const end = Math.min(n, start + ZONE);
        if (entry.zoneUndated[z] === 0 && entry.zoneMin[z] >= from && entry.zoneMax[z] <= to) mask.fill(1, start, end);
        else for (let i = start; i < end; i++) mask[i] = days[i] >= from && days[i] <= to ? 1 : 0;
      }
    }
    if (entry.masks.size >= MASKS_PER_FIELD) entry.masks.delete(entry.masks.keys().next().value!);
    entry.masks.set(key, mask);
  }
  return mask;
}

export function applyFilter(kind: ExportKind, table: ColumnTable, f: QueryFilter, mask: Uint8Array): void {
  const spec = resolveColumn(kind, table, f.field);
  if (!spec) throw new QueryError('UNKNOWN_FILTER_FIELD', { field: f.field, kind });
  const col = table.columns.get(spec.name)!;
  const bad = () => new QueryError('BAD_FILTER', { field: f.field, op: f.op });
  if (col.type === 'dict') {
    const test = textTest(f, bad);
    const passes = col.dict.map(test);
    for (let i = 0; i < table.length; i++) if (mask[i] && !(col.codes[i] >= 0 ? passes[col.codes[i]] : test(null))) mask[i] = 0;
    return;
  }
  const toStored = (v: unknown): number => {
    if (spec.valueType === 'date' || spec.valueType === 'datetime') {
      const day = typeof v === 'string' ? parseIsoDay(v) : null;
      if (day === null) throw new QueryError('BAD_DATE', { value: String(v) });
      return spec.valueType === 'date' ? day : day * 86_400_000;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isFinite(n)) throw bad();
    return spec.valueType === 'money' ? Math.round(n * 100) : n;
  };
  // eq / ne / in on a datetime compare the day (a value given as YYYY-MM-DD means the whole day).
  const dayStart = spec.valueType === 'datetime' ? (v: number) => Math.floor(v / 86_400_000) * 86_400_000 : (v: number) => v;
  let test: (v: number) => boolean;
  switch (f.op) {
    case 'eq': {
      const x = toStored(f.value);
      test = (v) => dayStart(v) === x;
      break;
    }
    case 'ne': {
      const x = toStored(f.value);
      test = (v) => dayStart(v) !== x;
      break;
    }
    case 'in': {
      if (!Array.isArray(f.value)) throw bad();
      const set = new Set(f.value.map(toStored));
      test = (v) => set.has(dayStart(v));
      break;
    }
    case 'range': {
      if (!Array.isArray(f.value) || f.value.length !== 2) throw bad();
      const [lo, hi] = f.value;
      const min = lo === null || lo === undefined ? -Infinity : toStored(lo);
      let max = hi === null || hi === undefined ? Infinity : toStored(hi);
      if (spec.valueType === 'datetime' && Number.isFinite(max)) max += 86_400_000 - 1;
      test = (v) => v >= min && v <= max;
      break;
    }
    default:
      throw bad();
  }
  for (let i = 0; i < table.length; i++) {
    if (!mask[i]) continue;
    const present = col.valid === null || col.valid[i] === 1;
    if (!present ? f.op !== 'ne' : !test(col.values[i])) mask[i] = 0;
  }
}

function textTest(f: QueryFilter, bad: () => Error): (v: string | null) => boolean {
  switch (f.op) {
    case 'eq':
      return (v) => v === String(f.value);
    case 'ne':
      return (v) => v !== String(f.value);
    case 'in': {
      if (!Array.isArray(f.value)) throw bad();
      const set = new Set(f.value.map(String));
      return (v) => v !== null && set.has(v);
    }
    case 'contains': {
      const needle = String(f.value);
      return (v) => v !== null && v.includes(needle);
    }
    case 'contains_any':
    case 'contains_none': {
      if (!Array.isArray(f.value) || f.value.length === 0) throw bad();
      const words = f.value.map(String);
      const any = (v: string | null) => v !== null && words.some((w) => v.includes(w));
      return f.op === 'contains_any' ? any : (v) => !any(v);
    }
    case 'range': {
      if (!Array.isArray(f.value) || f.value.length !== 2) throw bad();
      const [lo, hi] = f.value.map((x) => (x === null || x === undefined ? null : String(x)));
      return (v) => v !== null && (lo === null || v >= lo) && (hi === null || v <= hi);
    }
    default:
      throw bad();
  }
}

/**
 * A named row filter (paid orders, refunded items) as a mask. On an absent column a `notIn` clause
 * passes and an `in` clause fails. `lookup` resolves the filters a definition refers to.
 */
export function rowFilterMask(table: ColumnTable, def: RowFilterDef, lookup: (key: string) => RowFilterDef | undefined = () => undefined): Uint8Array {
  const mask = new Uint8Array(table.length).fill(1);
  for (const clause of def.clauses) andInto(mask, clauseMask(table, clause));
  if (def.anyOf) {
    const any = new Uint8Array(table.length);
    for (const group of def.anyOf) {
      const all = new Uint8Array(table.length).fill(1);
      for (const clause of group) andInto(all, clauseMask(table, clause));
      for (let i = 0; i < any.length; i++) any[i] |= all[i];
    }
    andInto(mask, any);
  }
  if (def.hasValue) andInto(mask, hasValueMask(table, def.hasValue, lookup));
  if (def.also) andInto(mask, rowFilterMask(table, required(lookup, def.also), lookup));
  return mask;
}

function required(lookup: (key: string) => RowFilterDef | undefined, key: string): RowFilterDef {
  const def = lookup(key);
  if (!def) throw new Error(`Unknown row filter ${key}`);
  return def;
}

function andInto(mask: Uint8Array, other: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) mask[i] &= other[i];
}

function clauseMask(table: ColumnTable, clause: RowFilterClause): Uint8Array {
  const mask = new Uint8Array(table.length).fill(1);
  const col = table.columns.get(clause.field);
  if (clause.atLeast !== undefined || clause.atMost !== undefined) {
    numericClause(col, clause, mask);
    return mask;
  }
  if (!col || col.type !== 'dict') {
    if (clause.in) mask.fill(0);
    return mask;
  }
  const inSet = clause.in ? new Set(clause.in) : null;
  const outSet = clause.notIn ? new Set(clause.notIn) : null;
  const pass = col.dict.map((v) => (!inSet || inSet.has(v)) && (!outSet || !outSet.has(v)));
  const nullPasses = !inSet;
  for (let i = 0; i < table.length; i++) {
    const c = col.codes[i];
    if (!(c >= 0 ? pass[c] : nullPasses)) mask[i] = 0;
  }
  return mask;
}

/**
 * Rows with a value in the field pass. Rows whose export has no such column (the column is absent,
 * or absent from the import the row came from) are judged by the `otherwise` filter.
 */
function hasValueMask(table: ColumnTable, rule: NonNullable<RowFilterDef['hasValue']>, lookup: (key: string) => RowFilterDef | undefined): Uint8Array {
  const col = table.columns.get(rule.field);
  const coverage = table.coverage?.get(rule.field);
  const fallback = !col || coverage ? (rule.otherwise ? rowFilterMask(table, required(lookup, rule.otherwise), lookup) : new Uint8Array(table.length)) : null;
  if (!col) return fallback!;
  const mask = new Uint8Array(table.length);
  for (let i = 0; i < table.length; i++) {
    if (coverage && !coverage[i]) mask[i] = fallback![i];
    else mask[i] = isPresent(col, i) ? 1 : 0;
  }
  return mask;
}

/** `atLeast` / `atMost` on a numeric column: a null cell, or an absent or text column, fails. */
function numericClause(col: Column | undefined, clause: RowFilterClause, mask: Uint8Array): void {
  if (!col || col.type !== 'num') {
    mask.fill(0);
    return;
  }
  const lo = clause.atLeast ?? -Infinity;
  const hi = clause.atMost ?? Infinity;
  for (let i = 0; i < mask.length; i++) {
    const present = col.valid === null || col.valid[i] === 1;
    if (!present || !(col.values[i] >= lo && col.values[i] <= hi)) mask[i] = 0;
  }
}
