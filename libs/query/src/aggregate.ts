import type { ColumnTable } from '@creator-ops/columnar';
import { metricRegistry } from '@creator-ops/metrics';
import type { ExportKind } from '@creator-ops/schemas';
import { dimensionReader, type DimensionReader } from './fields';
import { rowFilterMask } from './filters';
import type { Measure } from './measures';
import { QueryError, type CellValue } from './types';

export interface KindAggregate {
  /** One entry per group: the displayed dimension values. */
  groups: CellValue[][];
  /** Measure id -> value per group (null when undefined). */
  values: Map<string, (number | null)[]>;
  /** Sum measures: per group, rows passing the measure's filter and rows with a value among them. */
  presence?: Map<string, { passing: Float64Array; present: Float64Array }>;
}

/**
 * Groups the selected rows of one kind's table by the dimensions and computes every measure per
 * group in one pass per measure over typed arrays (dictionary codes as group keys).
 */
export function aggregateKind(
  kind: ExportKind,
  table: ColumnTable,
  dims: string[],
  selected: Uint8Array,
  measures: Measure[],
  shiftDay?: (d: number) => number,
  neededBy = '',
  dateField?: string,
): KindAggregate {
  const readers = dims.map((d) => {
    const r = dimensionReader(kind, table, d, shiftDay, dateField);
    if (!r) throw new QueryError('DIMENSION_NOT_AVAILABLE', { dimension: d, kind, metric: neededBy });
    return r;
  });
  const components = readers.map((r, d) => (shiftDay ? r.components() : cachedComponents(table, `${dims[d]}@${dateField ?? ''}`, r)));
  const { groupOf, representatives, span } = assignGroups(table.length, selected, components);
  const groups = representatives.map((row) => readers.map((r, d) => r.display(components[d][row])));
  const count = dims.length === 0 ? 1 : representatives.length;
  const masks = new Map<string, Uint8Array | null>();
  /** Rows a measure counts: its named row filter, and coverage of the fields its ratio needs. */
  const maskFor = (m: Measure): Uint8Array | null => {
    const key = `${m.rowFilter ?? ''}|${(m.requires ?? []).join('+')}`;
    if (!masks.has(key)) {
      const filter = m.rowFilter ? cachedRowFilter(table, m.rowFilter) : null;
      masks.set(key, combineMasks(table.length, filter, coverageMask(table, m.requires ?? [])));
    }
    return masks.get(key)!;
  };
  const values = new Map<string, (number | null)[]>();
  const presence = new Map<string, { passing: Float64Array; present: Float64Array }>();
  // Plain sums sharing a row filter are computed together in one pass over the rows.
  const fused = new Map<string, Measure[]>();
  for (const m of measures) {
    const key = `${m.rowFilter ?? ''}|${(m.requires ?? []).join('+')}`;
    if (m.op === 'sum' && table.columns.get(m.field!)?.type === 'num') fused.set(key, [...(fused.get(key) ?? []), m]);
    else values.set(m.id, computeMeasure(table, m, groupOf, span, count, maskFor(m), presence));
  }
  for (const sums of fused.values()) computeSums(table, sums, groupOf, span, count, maskFor(sums[0]), values, presence);
  return { groups: dims.length === 0 ? [[]] : groups, values, presence };
}

/** Rows whose export carries every one of `fields` (null: all rows do). */
export function coverageMask(table: ColumnTable, fields: string[]): Uint8Array | null {
  if (fields.length === 0) return null;
  if (fields.some((f) => !table.columns.has(f))) return new Uint8Array(table.length);
  const parts = fields.map((f) => table.coverage?.get(f)).filter((c): c is Uint8Array => c !== undefined);
  if (parts.length === 0) return null;
  const mask = new Uint8Array(table.length).fill(1);
  for (const c of parts) for (let i = 0; i < mask.length; i++) mask[i] &= c[i];
  return mask;
}

export function combineMasks(n: number, a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a || !b) return a ?? b;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i] & b[i];
  return out;
}

/** Named row filters (paid orders…) of an immutable table, computed once. */
const rowFilterCache = new WeakMap<ColumnTable, Map<string, Uint8Array>>();

export function cachedRowFilter(table: ColumnTable, key: string): Uint8Array {
  let perTable = rowFilterCache.get(table);
  if (!perTable) {
    perTable = new Map();
    rowFilterCache.set(table, perTable);
  }
  let mask = perTable.get(key);
  if (!mask) {
    const filters = metricRegistry().rowFilters;
    mask = rowFilterMask(table, filters.get(key)!, (k) => filters.get(k));
    perTable.set(key, mask);
  }
  return mask;
}

/** Tables are immutable once loaded: their dimension components are computed once per dimension. */
const componentCache = new WeakMap<ColumnTable, Map<string, Float64Array>>();

function cachedComponents(table: ColumnTable, dim: string, reader: DimensionReader): Float64Array {
  let perTable = componentCache.get(table);
  if (!perTable) {
    perTable = new Map();
    componentCache.set(table, perTable);
  }
  let c = perTable.get(dim);
  if (!c) {
    c = reader.components();
    perTable.set(dim, c);
  }
  return c;
}

/** Largest composite key space addressed through a flat array rather than a Map. */
const DIRECT_KEYS = 1 << 23;

/** Rows [from, to): every selected row lies inside (a short window of date-ordered rows is a short span). */
export interface RowSpan {
  from: number;
  to: number;
}

/** The span from the first to just after the last selected row among the first n. */
function selectedSpan(selected: Uint8Array, n: number): RowSpan {
  let from = 0;
  while (from < n && !selected[from]) from++;
  let to = n;
  while (to > from && !selected[to - 1]) to--;
  return { from, to };
}

/**
 * A group per distinct combination of the components among the selected rows. With `maxGroups`,
 * it stops at the first group beyond it (the caller only wanted to know that there are more).
 * `span`: the rows that can have a group (groupOf is -1 outside it).
 */
export function assignGroups(
  n: number,
  selected: Uint8Array,
  components: Float64Array[],
  maxGroups = Infinity,
): { groupOf: Int32Array; representatives: number[]; span: RowSpan } {
  const groupOf = new Int32Array(n).fill(-1);
  const representatives: number[] = [];
  const span = selectedSpan(selected, n);
  const { from, to } = span;
  if (components.length === 0) {
    for (let i = from; i < to; i++) if (selected[i]) groupOf[i] = 0;
    return { groupOf, representatives: [], span };
  }
  // Dense ids per dimension (0 = null), then one composite number per row.
  const dense = components.map((c) => denseIds(c, selected, span));
  let product = 1;
  const strides = dense.map(({ card }) => {
    const stride = product;
    product *= card;
    return stride;
  });
  if (product > Number.MAX_SAFE_INTEGER) throw new Error('Too many dimension combinations');
  const direct = product <= DIRECT_KEYS ? new Int32Array(product).fill(-1) : null;
  const map = direct ? null : new KeyTable(countSelected(selected, span));
  const single = dense.length === 1 ? dense[0].ids : null;
  for (let i = from; i < to; i++) {
    if (!selected[i]) continue;
    let key = 0;
    if (single) key = single[i];
    else for (let d = 0; d < dense.length; d++) key += dense[d].ids[i] * strides[d];
    let g = direct ? direct[key] : map!.get(key);
    if (g < 0) {
      g = representatives.length;
      if (direct) direct[key] = g;
      else map!.set(key, g);
      representatives.push(i);
      if (g >= maxGroups) break;
    }
    groupOf[i] = g;
  }
  return { groupOf, representatives, span };
}

/** Selected rows in a span: a short window's key table is sized for its rows, not the table's. */
function countSelected(selected: Uint8Array, { from, to }: RowSpan): number {
  let count = 0;
  for (let i = from; i < to; i++) if (selected[i]) count++;
  return count;
}

/**
 * Composite keys (non-negative safe integers) to group numbers, by open addressing in typed arrays
 * (a Map of a million numbers is several times slower). Sized for `capacity` keys; get gives -1
 * for a key not set.
 */
class KeyTable {
  private readonly keys: Float64Array;
  private readonly groups: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.groups = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.groups[i] >= 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number): number {
    return this.groups[this.slot(key)];
  }

  set(key: number, group: number): void {
    const i = this.slot(key);
    this.keys[i] = key;
    this.groups[i] = group;
  }
}

/** Components as small integers: by offset when they are integers in a small range, else through a Map. */
function denseIds(values: Float64Array, selected: Uint8Array, { from, to }: RowSpan): { ids: Int32Array; card: number } {
  const ids = new Int32Array(values.length);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = from; i < to; i++) {
    if (!selected[i]) continue;
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (min === Infinity) return { ids, card: 1 };
  if (integral && max - min < DIRECT_KEYS) {
    for (let i = from; i < to; i++) {
      const v = values[i];
      ids[i] = Number.isNaN(v) ? 0 : v - min + 1;
    }
    return { ids, card: max - min + 2 };
  }
  const map = new Map<number, number>();
  for (let i = from; i < to; i++) {
    if (!selected[i]) continue;
    const v = values[i];
    if (Number.isNaN(v)) continue;
    let id = map.get(v);
    if (id === undefined) {
      id = map.size + 1;
      map.set(v, id);
    }
    ids[i] = id;
  }
  return { ids, card: map.size + 1 };
}

function computeMeasure(
  table: ColumnTable,
  m: Measure,
  groupOf: Int32Array,
  { from, to }: RowSpan,
  groups: number,
  filter: Uint8Array | null,
  presence: NonNullable<KindAggregate['presence']>,
): (number | null)[] {
  const passing = new Float64Array(groups);
  const present = new Float64Array(groups);
  const acc = new Float64Array(groups);
  const col = m.field ? table.columns.get(m.field) : undefined;
  if (m.op === 'count') {
    for (let i = from; i < to; i++) {
      const g = groupOf[i];
      if (g >= 0 && (!filter || filter[i])) acc[g]++;
    }
    return Array.from(acc);
  }
  if (m.op === 'distinct') {
    if (!col) return new Array(groups).fill(null);
    return col.type === 'dict'
      ? distinctCodes(col.codes, col.dict.length, groupOf, { from, to }, groups, filter)
      : distinctNumbers(col.values, col.valid, groupOf, { from, to }, groups, filter);
  }
  if (!col || col.type !== 'num') return new Array(groups).fill(m.op === 'sum' ? null : 0);
  const weightCol = m.weight ? table.columns.get(m.weight) : undefined;
  if ((m.op === 'wsum' || m.op === 'wbase') && (!weightCol || weightCol.type !== 'num')) return new Array(groups).fill(null);
  const values = col.values;
  const valid = col.valid;
  const w = weightCol?.type === 'num' ? weightCol : null;
  for (let i = from; i < to; i++) {
    const g = groupOf[i];
    if (g < 0 || (filter && !filter[i])) continue;
    passing[g]++;
    if (valid !== null && valid[i] === 0) {
      if (m.op === 'sum' && m.nullAsZero) present[g]++;
      continue;
    }
    if (m.op === 'sum') {
      acc[g] += values[i];
      present[g]++;
      continue;
    }
    if (w!.valid !== null && w!.valid[i] === 0) continue;
    acc[g] += m.op === 'wsum' ? values[i] * w!.values[i] : w!.values[i];
    present[g]++;
  }
  presence.set(m.id, { passing, present });
  const out = new Array<number | null>(groups);
  for (let g = 0; g < groups; g++) out[g] = passing[g] > 0 && present[g] === 0 ? null : acc[g];
  return out;
}

/** Several sums over the same rows in one pass; same semantics as computeMeasure's `sum`. */
function computeSums(
  table: ColumnTable,
  measures: Measure[],
  groupOf: Int32Array,
  { from, to }: RowSpan,
  groups: number,
  filter: Uint8Array | null,
  values: Map<string, (number | null)[]>,
  presence: NonNullable<KindAggregate['presence']>,
): void {
  // The counted rows once (their index and group), then one tight loop per measure over them.
  let grouped = 0;
  for (let i = from; i < to; i++) if (groupOf[i] >= 0) grouped++;
  const rows = new Int32Array(grouped);
  const rowGroup = new Int32Array(grouped);
  const passing = new Float64Array(groups);
  let count = 0;
  for (let i = from; i < to; i++) {
    const g = groupOf[i];
    if (g < 0 || (filter !== null && filter[i] === 0)) continue;
    rows[count] = i;
    rowGroup[count++] = g;
    passing[g]++;
  }
  for (const m of measures) {
    const col = table.columns.get(m.field!) as { values: Float64Array; valid: Uint8Array | null };
    const acc = new Float64Array(groups);
    const present = new Float64Array(groups);
    const v = col.values;
    const valid = col.valid;
    if (valid === null) {
      for (let r = 0; r < count; r++) acc[rowGroup[r]] += v[rows[r]];
      present.set(passing);
    } else {
      const zeroIfNull = m.nullAsZero === true;
      for (let r = 0; r < count; r++) {
        const i = rows[r];
        if (valid[i] === 1) {
          acc[rowGroup[r]] += v[i];
          present[rowGroup[r]]++;
        } else if (zeroIfNull) present[rowGroup[r]]++;
      }
    }
    const out = new Array<number | null>(groups);
    for (let g = 0; g < groups; g++) out[g] = passing[g] > 0 && present[g] === 0 ? null : acc[g];
    presence.set(m.id, { passing, present });
    values.set(m.id, out);
  }
}

/**
 * Distinct dictionary codes per group in O(rows + dictionary): rows are bucketed by group (a
 * counting sort), then one stamp per code marks the last group that counted it.
 */
function distinctCodes(codes: Int32Array, dictSize: number, groupOf: Int32Array, { from, to }: RowSpan, groups: number, filter: Uint8Array | null): number[] {
  const starts = new Int32Array(groups + 1);
  for (let i = from; i < to; i++) {
    const g = groupOf[i];
    if (g >= 0 && (!filter || filter[i]) && codes[i] >= 0) starts[g + 1]++;
  }
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  const cursor = starts.slice(0, groups);
  const order = new Int32Array(starts[groups]);
  for (let i = from; i < to; i++) {
    const g = groupOf[i];
    if (g >= 0 && (!filter || filter[i]) && codes[i] >= 0) order[cursor[g]++] = codes[i];
  }
  const stamp = new Int32Array(dictSize).fill(-1);
  const out = new Array<number>(groups).fill(0);
  for (let g = 0; g < groups; g++) {
    let count = 0;
    for (let k = starts[g]; k < starts[g + 1]; k++) {
      const code = order[k];
      if (stamp[code] !== g) {
        stamp[code] = g;
        count++;
      }
    }
    out[g] = count;
  }
  return out;
}

function distinctNumbers(
  values: Float64Array,
  valid: Uint8Array | null,
  groupOf: Int32Array,
  { from, to }: RowSpan,
  groups: number,
  filter: Uint8Array | null,
): number[] {
  const sets: Set<number>[] = Array.from({ length: groups }, () => new Set());
  for (let i = from; i < to; i++) {
    const g = groupOf[i];
    if (g >= 0 && (!filter || filter[i]) && (valid === null || valid[i] === 1)) sets[g].add(values[i]);
  }
  return sets.map((s) => s.size);
}
