import type { ColumnTable } from '@creator-ops/columnar';
import { formatDay } from '@creator-ops/format';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { aggregateKind, type KindAggregate } from './aggregate';
import { aggregateFromRollup } from './rollup';
import { dateFieldFor, dayReader, isDateDimension, TIME_DIMENSIONS } from './fields';
import { selectRows } from './filters';
import { comparisonWindow, parseDay, type DayWindow } from './period';
import type { Measure } from './measures';
import { metricValues, type MeasureOf } from './metric-values';
import { kindsOf, planQuery, type QueryPlan } from './plan';
import { QueryError, type CellValue, type QueryResult, type QueryOptions, type QuerySpec, type ResultColumn, type ResultRow, type TableSet } from './types';

/** Every number of the product comes from here (DESIGN §5). */
export function runQuery(spec: QuerySpec, tables: TableSet, options: QueryOptions = {}): QueryResult {
  if (!spec.metrics?.length) throw new QueryError('NO_METRICS');
  const dims = spec.dimensions ?? [];
  const params = spec.params ?? {};
  const plan = planQuery(spec.metrics, tables, params);
  const kinds = [...plan.measuresByKind.keys()];
  const window = resolveWindow(spec, tables, kinds);
  const current = computeWindow(plan, tables, dims, spec, window, undefined, Boolean(spec.compare), options);
  const columns = buildColumns(plan, dims);

  let comparison: QueryResult['comparison'];
  if (spec.compare && window) {
    const { window: prevWindow, toCurrent } = comparisonWindow(window, spec.compare);
    const previous = computeWindow(plan, tables, dims, spec, prevWindow, toCurrent, true, options);
    blankUncovered(previous, plan, tables, prevWindow);
    comparison = compareWith(current, previous, plan, dims, prevWindow);
  }
  const order = sortOrder(current.rows, columns, spec, dims);
  const limited = spec.limit && spec.limit > 0 ? order.slice(0, spec.limit) : order;
  const pick = <T>(list: T[]) => limited.map((i) => list[i]);
  return {
    columns,
    rows: pick(current.rows),
    totals: spec.totals === false ? null : current.totals,
    groups: current.rows.length,
    period: { from: window ? formatDay(window.from) : null, to: window ? formatDay(window.to) : null },
    ...(comparison ? { comparison: { ...comparison, rows: pick(comparison.rows), rowDeltas: pick(comparison.rowDeltas) } } : {}),
  };
}

interface WindowResult {
  rows: ResultRow[];
  keys: string[];
  totals: ResultRow;
}

function computeWindow(
  plan: QueryPlan,
  tables: TableSet,
  dims: string[],
  spec: QuerySpec,
  window: DayWindow | null,
  shiftDay: ((d: number) => number) | undefined,
  needKeys: boolean,
  options: QueryOptions,
): WindowResult {
  const byKind = new Map<ExportKind, KindResult>();
  const inputs = { plan, tables, dims, spec, window, shiftDay, options };
  for (const [kind, measures] of plan.measuresByKind) byKind.set(kind, aggregateWindowKind(inputs, kind, measures));
  const { tupleValues, keys } = joinTuples(byKind, dims, needKeys);
  const params = spec.params ?? {};
  /** A measure's value for output tuple `t` (or the totals when t < 0). */
  const measureOf: MeasureOf = (kind, id) => {
    const agg = byKind.get(kind)!;
    const totals = agg.totals.values.get(id)!;
    const values = agg.groups.values.get(id)!;
    const groupOfTuple = agg.groupOfTuple;
    return (t) => {
      if (t < 0) return totals[0];
      const g = groupOfTuple ? groupOfTuple[t] : t;
      // A tuple this kind has no rows for: sums and counts are 0 (ratios over them come out null).
      return g < 0 ? 0 : values[g];
    };
  };
  const metrics = metricValues(plan, measureOf, params);
  const rows = tupleValues.map((values, t) => {
    const row: ResultRow = {};
    for (let i = 0; i < dims.length; i++) row[dims[i]] = values[i] ?? null;
    for (const { key, value } of metrics) row[key] = value(t);
    return row;
  });
  const totals: ResultRow = {};
  for (const { key, value } of metrics) totals[key] = value(-1);
  return { rows, keys, totals };
}

interface KindResult {
  groups: KindAggregate;
  totals: KindAggregate;
  groupOfTuple: Int32Array | null;
}

interface WindowInputs {
  plan: QueryPlan;
  tables: TableSet;
  dims: string[];
  spec: QuerySpec;
  window: DayWindow | null;
  shiftDay: ((d: number) => number) | undefined;
  options: QueryOptions;
}

/** One kind's groups and totals for a window, from the rollup where it answers and from the rows otherwise. */
function aggregateWindowKind({ plan, tables, dims, spec, window, shiftDay, options }: WindowInputs, kind: ExportKind, measures: Measure[]): KindResult {
  const table = tables.get(kind)!;
  const dateField = dateFieldFor(kind, table, spec.dateField);
  // Sums and counts (and distinct counts whose values each lie in one cell) over rollup dimensions
  // come from the table's daily rollup; the other measures (or all, when no rollup fits) from the
  // rows. Both number the groups by their first selected row, so their values line up.
  const rolled =
    options.rollups === false
      ? null
      : aggregateFromRollup({ kind, table, dims, filters: spec.filters ?? [], window, measures, shiftDay, dateField, build: options.rollups !== 'reuse' });
  const fromRows = rolled ? measures.filter((m) => !rolled.answered.has(m.id)) : measures;
  if (rolled && fromRows.length === 0) {
    const totals = dims.length === 0 ? rolled.agg : totalsOf(rolled.agg, { groups: [[]], values: rolled.distinctTotals }, measures);
    return { groups: rolled.agg, totals, groupOfTuple: null };
  }
  const selected = selectRows(kind, table, spec.filters ?? [], window, dateField);
  const neededBy = [...plan.metrics.values()]
    .filter((b) => kindsOf(b).includes(kind))
    .map((b) => b.metric.key)
    .join(', ');
  let groups = aggregateKind(kind, table, dims, selected, fromRows, shiftDay, neededBy, dateField);
  let distinctTotals = rolled?.distinctTotals ?? new Map<string, (number | null)[]>();
  if (rolled && rolled.agg.groups.length === groups.groups.length) {
    groups = {
      groups: groups.groups,
      values: new Map([...rolled.agg.values, ...groups.values]),
      presence: new Map([...(rolled.agg.presence ?? []), ...(groups.presence ?? [])]),
    };
  } else if (rolled) {
    // Cannot happen (same selection, same grouping); if it ever did, the rows answer everything.
    groups = aggregateKind(kind, table, dims, selected, measures, shiftDay, neededBy, dateField);
    distinctTotals = new Map();
  }
  const rowDistinct = measures.filter((m) => m.op === 'distinct' && !distinctTotals.has(m.id));
  const totals =
    dims.length === 0
      ? groups
      : totalsOf(
          groups,
          { groups: [[]], values: new Map([...distinctTotals, ...(rowDistinct.length ? aggregateKind(kind, table, [], selected, rowDistinct).values : [])]) },
          measures,
        );
  return { groups, totals, groupOfTuple: null };
}

/** Output tuples: one kind's groups as they are, or the outer join of several kinds' groups (each kind's groupOfTuple set). */
function joinTuples(byKind: Map<ExportKind, KindResult>, dims: string[], needKeys: boolean): { tupleValues: CellValue[][]; keys: string[] } {
  let tupleValues: CellValue[][];
  let keys: string[] = [];
  if (byKind.size === 1) {
    tupleValues = [...byKind.values()][0].groups.groups;
    if (needKeys) keys = tupleValues.map(tupleKey);
  } else {
    tupleValues = [];
    const tupleIndex = new Map<string, number>();
    const perKind = [...byKind.values()].map((agg) => ({
      agg,
      tuples: agg.groups.groups.map((values) => {
        const key = tupleKey(values);
        let t = tupleIndex.get(key);
        if (t === undefined) {
          t = tupleValues.length;
          tupleIndex.set(key, t);
          tupleValues.push(values);
          keys.push(key);
        }
        return t;
      }),
    }));
    for (const { agg, tuples } of perKind) {
      agg.groupOfTuple = new Int32Array(tupleValues.length).fill(-1);
      tuples.forEach((t, g) => (agg.groupOfTuple![t] = g));
    }
    if (dims.length === 0 && tupleValues.length === 0) {
      tupleValues.push([]);
      keys.push('');
    }
  }
  return { tupleValues, keys };
}

/**
 * Totals of additive measures are the sums of their groups (null, like a group, when rows passed
 * the measure's filter but none had a value); distinct counts come from their own pass.
 */
function totalsOf(groups: KindAggregate, distinct: KindAggregate, measures: Measure[]): KindAggregate {
  const values = new Map(distinct.values);
  for (const m of measures) {
    if (m.op === 'distinct') continue;
    const perGroup = groups.values.get(m.id)!;
    const seen = groups.presence?.get(m.id);
    let total = 0;
    let passing = 0;
    let present = 0;
    perGroup.forEach((v, g) => {
      if (v !== null) total += v;
      passing += seen ? seen.passing[g] : 1;
      present += seen ? seen.present[g] : 1;
    });
    values.set(m.id, [passing > 0 && present === 0 ? null : total]);
  }
  return { groups: [[]], values };
}

/**
 * A comparison window the data does not reach at all is unknown, not zero: the metrics whose kinds
 * have no date inside it get null (so no "+100%" against an empty past).
 */
function blankUncovered(previous: WindowResult, plan: QueryPlan, tables: TableSet, window: DayWindow): void {
  for (const [key, bound] of plan.metrics) {
    const covered = kindsOf(bound).every((kind) => {
      const range = dataRange(tables, [kind]);
      return range !== null && range.from <= window.to && range.to >= window.from;
    });
    if (covered || kindsOf(bound).length === 0) continue;
    previous.totals[key] = null;
    for (const row of previous.rows) row[key] = null;
  }
}

function resolveWindow(spec: QuerySpec, tables: TableSet, kinds: ExportKind[]): DayWindow | null {
  if (!spec.from && !spec.to && !spec.compare) return null;
  let from = spec.from ? parseDay(spec.from) : null;
  let to = spec.to ? parseDay(spec.to) : null;
  if (from === null || to === null) {
    // An open end runs to the first / last day of the data, never past the end that was given: a
    // period after (or before) all the data selects no rows; it is neither an error nor ignored.
    const range = dataRange(tables, kinds);
    if (from === null) from = range ? (to === null ? range.from : Math.min(range.from, to)) : to;
    if (to === null) to = range ? Math.max(range.to, from ?? range.to) : from;
  }
  if (from === null || to === null) return null;
  if (from > to) throw new QueryError('BAD_PERIOD', { from: formatDay(from), to: formatDay(to) });
  return { from, to };
}

/** First and last day present in the data of the given kinds. */
export function dataRange(tables: TableSet, kinds: ExportKind[]): DayWindow | null {
  let from = Infinity;
  let to = -Infinity;
  for (const kind of kinds) {
    const table = tables.get(kind);
    const range = table && tableRange(kind, table);
    if (!range) continue;
    if (range.from < from) from = range.from;
    if (range.to > to) to = range.to;
  }
  return Number.isFinite(from) ? { from, to } : null;
}

/** Loaded tables never change (an import loads new ones), so each one's day range is scanned once. */
const RANGES = new WeakMap<ColumnTable, DayWindow | null>();

function tableRange(kind: ExportKind, table: ColumnTable): DayWindow | null {
  if (RANGES.has(table)) return RANGES.get(table)!;
  const day = dayReader(kind, table);
  let from = Infinity;
  let to = -Infinity;
  if (day) {
    for (let i = 0; i < table.length; i++) {
      const d = day(i);
      if (Number.isNaN(d)) continue;
      if (d < from) from = d;
      if (d > to) to = d;
    }
  }
  const range = Number.isFinite(from) ? { from, to } : null;
  RANGES.set(table, range);
  return range;
}

function buildColumns(plan: QueryPlan, dims: string[]): ResultColumn[] {
  const dimColumns: ResultColumn[] = dims.map((d) => ({ key: d, label: dimensionLabel(d, plan), role: 'dimension' }));
  const metricColumns: ResultColumn[] = [...plan.metrics.values()].map((b) => ({
    key: b.metric.key,
    label: b.metric.label,
    role: 'metric',
    unit: b.metric.unit,
    decimals: b.metric.decimals,
    formula: b.metric.formula,
    kinds: kindsOf(b),
    deltaUnit: b.metric.unit === 'percent' ? 'pp' : 'value',
  }));
  return [...dimColumns, ...metricColumns];
}

const TIME_LABELS: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期', en: 'Date' },
  'date:day': { zh: '日期', en: 'Date' },
  'date:week': { zh: '周（周一）', en: 'Week (Monday)' },
  'date:month': { zh: '月份', en: 'Month' },
  hour: { zh: '小时', en: 'Hour' },
  weekday: { zh: '星期', en: 'Weekday' },
};

function dimensionLabel(dim: string, plan: QueryPlan): { zh: string; en: string } {
  if (TIME_DIMENSIONS.has(dim)) return TIME_LABELS[dim];
  for (const kind of plan.measuresByKind.keys()) {
    const field = KINDS[kind].fields.find((f) => f.key === dim);
    if (field) return field.label;
  }
  return { zh: dim, en: dim };
}

function compareWith(
  current: WindowResult,
  previous: WindowResult,
  plan: QueryPlan,
  dims: string[],
  prevWindow: DayWindow,
): NonNullable<QueryResult['comparison']> {
  const prevIndex = new Map(previous.keys.map((k, i) => [k, i]));
  const metricKeys = [...plan.metrics.keys()];
  const deltas = (cur: ResultRow, prev: ResultRow | null) => {
    const delta: ResultRow = {};
    const pct: ResultRow = {};
    for (const k of metricKeys) {
      const a = cur[k] as number | null;
      const b = prev ? (prev[k] as number | null) : null;
      delta[k] = a === null || b === null ? null : a - b;
      pct[k] = a === null || b === null || b === 0 ? null : (a - b) / Math.abs(b);
    }
    return { delta, delta_pct: pct };
  };
  const rows = current.keys.map((k, i) => {
    const p = prevIndex.get(k);
    if (p !== undefined) return previous.rows[p];
    const empty: ResultRow = {};
    dims.forEach((d) => (empty[d] = current.rows[i][d]));
    for (const m of metricKeys) empty[m] = null;
    return empty;
  });
  const totals = deltas(current.totals, previous.totals);
  return {
    period: { from: formatDay(prevWindow.from), to: formatDay(prevWindow.to) },
    rows,
    totals: previous.totals,
    delta: totals.delta,
    delta_pct: totals.delta_pct,
    rowDeltas: current.rows.map((r, i) => deltas(r, prevIndex.has(current.keys[i]) ? rows[i] : null)),
  };
}

function sortOrder(rows: ResultRow[], columns: ResultColumn[], spec: QuerySpec, dims: string[]): number[] {
  const keys = columns.map((c) => c.key);
  for (const s of spec.sort ?? []) if (!keys.includes(s.key)) throw new QueryError('UNKNOWN_SORT_KEY', { key: s.key });
  const sort = spec.sort?.length
    ? spec.sort
    : dims.some((d) => TIME_DIMENSIONS.has(d) || isDateDimension(d))
      ? dims.map((d) => ({ key: d, dir: 'asc' as const }))
      : spec.metrics.length
        ? [{ key: spec.metrics[0], dir: 'desc' as const }, ...dims.map((d) => ({ key: d, dir: 'asc' as const }))]
        : [];
  // Text keys are ranked once per distinct value (collation is the costly part), then compared as numbers.
  // Ranks of a later key are only computed if an earlier key leaves ties.
  const ranks: (Float64Array | undefined)[] = [];
  const rankOf = (k: number) => (ranks[k] ??= rankValues(rows, sort[k].key));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < sort.length; k++) {
      const r = rankOf(k);
      const c = r[a] - r[b];
      if (c !== 0) return sort[k].dir === 'asc' ? c : -c;
    }
    return a - b;
  });
  // Nulls always last, whatever the direction.
  return [...order.filter((i) => sort.length === 0 || rows[i][sort[0].key] !== null), ...order.filter((i) => sort.length > 0 && rows[i][sort[0].key] === null)];
}

const collator = new Intl.Collator('zh-CN');

function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Each row's rank by one column (nulls rank last). */
function rankValues(rows: ResultRow[], key: string): Float64Array {
  // Finite numbers (and nulls) rank by value, nulls above the largest: the same order as ranking
  // the sorted distinct values (a - b is 0 only for equal doubles), without sorting them.
  const out = new Float64Array(rows.length);
  let max = -Infinity;
  let numeric = true;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][key];
    if (v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      numeric = false;
      break;
    }
    out[i] = v;
    if (v > max) max = v;
  }
  const nullRank = max === -Infinity ? 0 : max + Math.max(1, Math.abs(max));
  if (numeric && Number.isFinite(nullRank)) {
    for (let i = 0; i < rows.length; i++) if (rows[i][key] === null) out[i] = nullRank;
    return out;
  }
  return rankDistinct(rows, key);
}

function rankDistinct(rows: ResultRow[], key: string): Float64Array {
  const distinct = [...new Set(rows.map((r) => r[key]))].sort(compareCells);
  const rank = new Map(distinct.map((v, i) => [v, i]));
  return Float64Array.from(rows, (r) => rank.get(r[key])!);
}

/** Identity of a row across kinds and windows (values of one dimension share a type). */
function tupleKey(values: CellValue[]): string {
  let key = '';
  for (const v of values) key += (v === null ? '\u0000' : String(v)) + '\u0001';
  return key;
}
