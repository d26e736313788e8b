import type { Column, ColumnTable } from '@creator-ops/columnar';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { assignGroups, cachedRowFilter, combineMasks, coverageMask, type KindAggregate } from './aggregate';
import { dayReader, dimensionReader, resolveColumn, TIME_DIMENSIONS } from './fields';
import { applyFilter } from './filters';
import type { Measure } from './measures';
import type { DayWindow } from './period';
import type { QueryFilter } from './types';

/**
 * Daily rollups of an immutable table: one cell per (day × the values of a set of dimension columns),
 * holding per measure the sums and counts of the rows in the cell (never ratios: a ratio is always
 * the ratio of the summed cells). A query whose measures are all sums or counts and whose filters
 * and group-bys are columns of a rollup is answered from its cells instead of its rows.
 *
 * Exactness: cells are summed in the order of their first row, groups are numbered in the order of
 * their first selected row (as the row path does), and a sum is rolled up only when every value of
 * its column is an integer and the column's absolute total is below 2^53, so every partial sum is
 * exact whatever the order. Anything else (distinct counts, weighted averages, fractional columns,
 * `hour`, datetime filters) takes the row path.
 */
export interface Rollup {
  /** One row per cell: the key columns (and the date column) of the cell's first row. */
  cells: ColumnTable;
  /** Cell of each row of the source table. */
  cellOf: Int32Array;
  /** Day of each cell (NaN: the rows have no date). */
  day: Float64Array;
  /** Per measure id: per cell, the sum (or count), rows passing the measure's filter, rows with a value. */
  measures: Map<string, { acc: Float64Array; passing: Float64Array; present: Float64Array } | null>;
}

export interface RollupRequest {
  kind: ExportKind;
  table: ColumnTable;
  dims: string[];
  filters: QueryFilter[];
  window: DayWindow | null;
  measures: Measure[];
  shiftDay?: (d: number) => number;
  dateField?: string;
  /** false: answer only from a rollup already built (default true: build it when it is missing). */
  build?: boolean;
}

/** Rollups with more cells than this share of the table's rows are not worth keeping. */
const MAX_CELL_SHARE = 0.5;
const SMALL_TABLE = 4096;
/** At most this many rollups (dimension sets) per table: each holds a cell index per row (4 bytes a row). */
const MAX_ROLLUPS_PER_TABLE = 16;
const ROLLABLE_TIME = new Set(['date', 'date:day', 'date:week', 'date:month', 'weekday']);

const ROLLUPS = new WeakMap<ColumnTable, Map<string, Rollup | null>>();
const INTEGRAL = new WeakMap<Column, boolean>();

/** What a rollup answered: the aggregate of `answered` measures (the others need the rows). */
export interface RolledAggregate {
  agg: KindAggregate;
  /** Ids of the measures in `agg`. */
  answered: Set<string>;
  /** Distinct counts answered: their total over all selected cells (values are partitioned by cell). */
  distinctTotals: Map<string, (number | null)[]>;
}

/**
 * The measures of one kind that a rollup can answer, aggregated from its cells; null when none can
 * (the query's filters or dimensions are not rollup keys, or the rollup would be too large).
 */
export function aggregateFromRollup(req: RollupRequest): RolledAggregate | null {
  const { kind, table, dims, filters, window } = req;
  if (req.build === false && !ROLLUPS.get(table)?.size) return null;
  const candidates = req.measures.filter((m) => {
    if (m.op === 'count') return true;
    const col = table.columns.get(m.field!);
    if (m.op === 'sum') return !col || col.type !== 'num' || integralColumn(col);
    return m.op === 'distinct' && col?.type === 'dict';
  });
  if (candidates.length === 0) return null;
  const usesTime = dims.some((d) => TIME_DIMENSIONS.has(d));
  if (dims.some((d) => TIME_DIMENSIONS.has(d) && !ROLLABLE_TIME.has(d))) return null;
  const day = dayReader(kind, table, req.dateField);
  if ((window || usesTime) && !day) return null;
  const keyColumns = new Set<string>();
  for (const d of dims) {
    if (TIME_DIMENSIONS.has(d)) continue;
    const spec = resolveColumn(kind, table, d);
    if (!spec || !dimensionReader(kind, table, d)) return null;
    keyColumns.add(spec.name);
  }
  const presenceColumns = new Set<string>();
  for (const f of filters) {
    const spec = resolveColumn(kind, table, f.field);
    if (!spec) return null;
    // "Has a value" (a range open at both ends; the ratio bases use it): keyed by presence only.
    if (isPresenceFilter(f)) {
      presenceColumns.add(spec.name);
      continue;
    }
    // Datetime filters compare within the day: not a rollup key.
    if (spec.valueType === 'datetime') return null;
    keyColumns.add(spec.name);
  }
  for (const name of keyColumns) presenceColumns.delete(name);
  // Days are a key only when the query needs them (a window or a time dimension): by-plan totals
  // over all the data roll up to one cell per plan, not per plan and day.
  const shape = {
    keyColumns: [...keyColumns].sort(),
    presenceColumns: [...presenceColumns].sort(),
    dateField: req.dateField,
    byDay: Boolean(window || usesTime),
  };
  const rollup = rollupOf(kind, table, shape, req.build !== false);
  if (!rollup) return null;
  const measures = candidates.filter((m) => m.op !== 'distinct' || cellMeasure(table, rollup, m) !== null);
  if (measures.length === 0) return null;
  answered++;
  return aggregateCells(kind, table, rollup, { ...req, measures });
}

let answered = 0;

/** How many per-kind aggregates rollups have answered in this process (lets tests see the path taken). */
export function rollupAnswers(): number {
  return answered;
}

function isPresenceFilter(f: QueryFilter): boolean {
  return f.op === 'range' && Array.isArray(f.value) && f.value.length === 2 && f.value.every((v) => v === null || v === undefined);
}

/** What a rollup groups by: the key columns, the presence columns and, when `byDay`, the day of `dateField`. */
interface RollupShape {
  keyColumns: string[];
  presenceColumns: string[];
  dateField: string | undefined;
  byDay: boolean;
}

function rollupOf(kind: ExportKind, table: ColumnTable, shape: RollupShape, build: boolean): Rollup | null {
  const { keyColumns, presenceColumns, dateField, byDay } = shape;
  let perTable = ROLLUPS.get(table);
  if (!perTable) {
    perTable = new Map();
    ROLLUPS.set(table, perTable);
  }
  const key = `${byDay ? `day:${dateField ?? ''}` : 'all'}|${keyColumns.join('\u0001')}|${presenceColumns.join('\u0001')}`;
  if (perTable.has(key)) return perTable.get(key)!;
  if (!build || perTable.size >= MAX_ROLLUPS_PER_TABLE) return null;
  const rollup = buildRollup(kind, table, shape);
  perTable.set(key, rollup);
  return rollup;
}

function buildRollup(kind: ExportKind, table: ColumnTable, shape: RollupShape): Rollup | null {
  const { keyColumns, presenceColumns, dateField, byDay } = shape;
  const n = table.length;
  const dayOf = byDay ? dayReader(kind, table, dateField) : null;
  const components = keyColumns.map((name) => componentsOf(table.columns.get(name)!, n));
  for (const name of presenceColumns) components.push(presenceOf(table.columns.get(name)!, n));
  let days: Float64Array | null = null;
  if (dayOf) {
    days = new Float64Array(n);
    for (let i = 0; i < n; i++) days[i] = dayOf(i);
    components.push(days);
  }
  const all = new Uint8Array(n).fill(1);
  // Small tables always roll up (cheap either way, and every test table exercises the rollup);
  // a large one stops grouping at the first cell beyond the share (it will not roll up).
  const large = n > SMALL_TABLE;
  const { groupOf, representatives } = assignGroups(n, all, components, large ? Math.floor(n * MAX_CELL_SHARE) : Infinity);
  const cellCount = components.length === 0 ? (n > 0 ? 1 : 0) : representatives.length;
  if (large && cellCount > n * MAX_CELL_SHARE) return null;
  const reps = components.length === 0 ? (n > 0 ? [0] : []) : representatives;
  const dateColumn = dayOf ? (dateField ?? KINDS[kind].dateField) : undefined;
  // A presence column's cell holds its first row's value: present or not, like every row of the cell.
  const names = new Set([...keyColumns, ...presenceColumns, ...(dateColumn ? [dateColumn] : [])]);
  const columns = new Map<string, Column>();
  for (const name of names) columns.set(name, gather(table.columns.get(name)!, reps));
  const cells: ColumnTable = { kind, length: reps.length, specs: table.specs.filter((s) => names.has(s.name)), columns };
  const day = new Float64Array(reps.length).fill(NaN);
  if (days) reps.forEach((row, c) => (day[c] = days![row]));
  return { cells, cellOf: groupOf, day, measures: new Map() };
}

function componentsOf(col: Column, n: number): Float64Array {
  const out = new Float64Array(n);
  if (col.type === 'dict') for (let i = 0; i < n; i++) out[i] = col.codes[i] >= 0 ? col.codes[i] : NaN;
  else for (let i = 0; i < n; i++) out[i] = col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN;
  return out;
}

/** 1 where the row has a value, NaN where not (a stored NaN fails a range test: it counts as no value). */
function presenceOf(col: Column, n: number): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (col.type === 'dict') {
    for (let i = 0; i < n; i++) if (col.codes[i] < 0) out[i] = NaN;
    return out;
  }
  const { values, valid } = col;
  for (let i = 0; i < n; i++) if ((valid !== null && valid[i] === 0) || Number.isNaN(values[i])) out[i] = NaN;
  return out;
}

function gather(col: Column, rows: number[]): Column {
  if (col.type === 'dict') return { type: 'dict', dict: col.dict, codes: Int32Array.from(rows, (i) => col.codes[i]) };
  return { type: 'num', values: Float64Array.from(rows, (i) => col.values[i]), valid: col.valid === null ? null : Uint8Array.from(rows, (i) => col.valid![i]) };
}

/** Every present value an integer and the absolute total exactly representable: sums are order-free. */
function integralColumn(col: Column & { type: 'num' }): boolean {
  let ok = INTEGRAL.get(col);
  if (ok === undefined) {
    ok = true;
    let total = 0;
    const { values, valid } = col;
    for (let i = 0; i < values.length; i++) {
      if (valid !== null && valid[i] === 0) continue;
      const v = values[i];
      if (!Number.isInteger(v)) {
        ok = false;
        break;
      }
      total += Math.abs(v);
    }
    if (!(total < Number.MAX_SAFE_INTEGER)) ok = false;
    INTEGRAL.set(col, ok);
  }
  return ok;
}

/** Per cell sums of one measure, with the row path's semantics (computeMeasure / computeSums). */
function cellMeasure(table: ColumnTable, rollup: Rollup, m: Measure) {
  if (rollup.measures.has(m.id)) return rollup.measures.get(m.id)!;
  const cells = rollup.cells.length;
  const n = table.length;
  const cellOf = rollup.cellOf;
  const filter = combineMasks(n, m.rowFilter ? cachedRowFilter(table, m.rowFilter) : null, coverageMask(table, m.requires ?? []));
  const acc = new Float64Array(cells);
  const passing = new Float64Array(cells);
  const present = new Float64Array(cells);
  let out: { acc: Float64Array; passing: Float64Array; present: Float64Array } | null = { acc, passing, present };
  if (m.op === 'count') {
    for (let i = 0; i < n; i++) if (filter === null || filter[i] === 1) acc[cellOf[i]]++;
  } else if (m.op === 'distinct') {
    // Additive only when every value lies in one cell (an order's items share its payment day,
    // account, province...): then a group's distinct count is the sum of its cells' counts.
    const col = table.columns.get(m.field!);
    if (!col || col.type !== 'dict') out = null;
    else {
      const cellOfCode = new Int32Array(col.dict.length).fill(-1);
      const codes = col.codes;
      for (let i = 0; i < n; i++) {
        const code = codes[i];
        if (code < 0 || (filter !== null && filter[i] === 0)) continue;
        const c = cellOf[i];
        const seen = cellOfCode[code];
        if (seen === c) continue;
        if (seen !== -1) {
          out = null;
          break;
        }
        cellOfCode[code] = c;
        acc[c]++;
      }
    }
  } else {
    const col = table.columns.get(m.field!);
    if (!col || col.type !== 'num') out = null;
    else {
      const { values, valid } = col;
      const zeroIfNull = m.nullAsZero === true;
      for (let i = 0; i < n; i++) {
        if (filter !== null && filter[i] === 0) continue;
        const c = cellOf[i];
        passing[c]++;
        if (valid !== null && valid[i] === 0) {
          if (zeroIfNull) present[c]++;
          continue;
        }
        acc[c] += values[i];
        present[c]++;
      }
    }
  }
  rollup.measures.set(m.id, out);
  return out;
}

function aggregateCells(kind: ExportKind, table: ColumnTable, rollup: Rollup, req: RollupRequest): RolledAggregate {
  const { dims, filters, window, measures, shiftDay, dateField } = req;
  const cells = rollup.cells;
  const count = cells.length;
  const selected = new Uint8Array(count).fill(1);
  if (window) {
    const day = rollup.day;
    for (let c = 0; c < count; c++) if (!(day[c] >= window.from && day[c] <= window.to)) selected[c] = 0;
  }
  for (const f of filters) applyFilter(kind, cells, f, selected);
  const readers = dims.map((d) => dimensionReader(kind, cells, d, shiftDay, dateField)!);
  const components = readers.map((r) => r.components());
  const { groupOf, representatives } = assignGroups(count, selected, components);
  const groupCount = dims.length === 0 ? 1 : representatives.length;
  const groups = dims.length === 0 ? [[]] : representatives.map((c) => readers.map((r, d) => r.display(components[d][c])));
  const values = new Map<string, (number | null)[]>();
  const presence = new Map<string, { passing: Float64Array; present: Float64Array }>();
  const distinctTotals = new Map<string, (number | null)[]>();
  for (const m of measures) {
    const cm = cellMeasure(table, rollup, m);
    if (!cm) {
      values.set(m.id, new Array(groupCount).fill(null));
      continue;
    }
    const acc = new Float64Array(groupCount);
    const passing = new Float64Array(groupCount);
    const present = new Float64Array(groupCount);
    for (let c = 0; c < count; c++) {
      const g = groupOf[c];
      if (g < 0) continue;
      acc[g] += cm.acc[c];
      passing[g] += cm.passing[c];
      present[g] += cm.present[c];
    }
    if (m.op === 'count' || m.op === 'distinct') {
      values.set(m.id, Array.from(acc));
      if (m.op === 'distinct') distinctTotals.set(m.id, [acc.reduce((a, b) => a + b, 0)]);
      continue;
    }
    const out = new Array<number | null>(groupCount);
    for (let g = 0; g < groupCount; g++) out[g] = passing[g] > 0 && present[g] === 0 ? null : acc[g];
    values.set(m.id, out);
    presence.set(m.id, { passing, present });
  }
  return { agg: { groups, values, presence }, answered: new Set(measures.map((m) => m.id)), distinctTotals };
}
