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
): KindAggregate {
  const readers = dims.map((d) => {
    const r = dimensionReader(kind, table, d, shiftDay);
    if (!r) throw new QueryError('DIMENSION_NOT_AVAILABLE', { dimension: d, kind, metric: neededBy });
    return r;
  });
  const { groupOf, representatives } = assignGroups(table.length, selected, readers);
  const groups = representatives.map((row) => readers.map((r) => r.display(r.component(row))));
  const count = dims.length === 0 ? 1 : representatives.length;
  const masks = new Map<string, Uint8Array>();
  const maskOf = (key: string) => {
    let m = masks.get(key);
    if (!m) {
      m = rowFilterMask(table, metricRegistry().rowFilters.get(key)!);
      masks.set(key, m);
    }
    return m;
  };
  const values = new Map<string, (number | null)[]>();
  for (const m of measures) values.set(m.id, computeMeasure(table, m, groupOf, count, m.rowFilter ? maskOf(m.rowFilter) : null));
  return { groups: dims.length === 0 ? [[]] : groups, values };
}

function assignGroups(n: number, selected: Uint8Array, readers: DimensionReader[]): { groupOf: Int32Array; representatives: number[] } {
  const groupOf = new Int32Array(n).fill(-1);
  const representatives: number[] = [];
  if (readers.length === 0) {
    for (let i = 0; i < n; i++) if (selected[i]) groupOf[i] = 0;
    return { groupOf, representatives: [] };
  }
  // Dense ids per dimension, then one composite number per row.
  const ids = readers.map(() => new Int32Array(n));
  const cards = readers.map((r, d) => {
    const dense = new Map<number, number>();
    const col = ids[d];
    for (let i = 0; i < n; i++) {
      if (!selected[i]) continue;
      const c = r.component(i);
      let id = dense.get(c);
      if (id === undefined) {
        id = dense.size;
        dense.set(c, id);
      }
      col[i] = id;
    }
    return Math.max(1, dense.size);
  });
  const strides: number[] = [];
  let product = 1;
  for (const card of cards) {
    strides.push(product);
    product *= card;
  }
  if (product > Number.MAX_SAFE_INTEGER) throw new Error('Too many dimension combinations');
  const groups = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (!selected[i]) continue;
    let key = 0;
    for (let d = 0; d < ids.length; d++) key += ids[d][i] * strides[d];
    let g = groups.get(key);
    if (g === undefined) {
      g = representatives.length;
      groups.set(key, g);
      representatives.push(i);
    }
    groupOf[i] = g;
  }
  return { groupOf, representatives };
}

function computeMeasure(table: ColumnTable, m: Measure, groupOf: Int32Array, groups: number, filter: Uint8Array | null): (number | null)[] {
  const n = table.length;
  const passing = new Float64Array(groups);
  const present = new Float64Array(groups);
  const acc = new Float64Array(groups);
  const col = m.field ? table.columns.get(m.field) : undefined;
  if (m.op === 'count') {
    for (let i = 0; i < n; i++) {
      const g = groupOf[i];
      if (g >= 0 && (!filter || filter[i])) acc[g]++;
    }
    return Array.from(acc);
  }
  if (m.op === 'distinct') {
    const sets: Set<number | string>[] = Array.from({ length: groups }, () => new Set());
    if (col?.type === 'dict') {
      for (let i = 0; i < n; i++) {
        const g = groupOf[i];
        if (g >= 0 && (!filter || filter[i]) && col.codes[i] >= 0) sets[g].add(col.codes[i]);
      }
    } else if (col) {
      for (let i = 0; i < n; i++) {
        const g = groupOf[i];
        if (g >= 0 && (!filter || filter[i]) && (col.valid === null || col.valid[i] === 1)) sets[g].add(col.values[i]);
      }
    } else return new Array(groups).fill(null);
    return sets.map((s) => s.size);
  }
  if (!col || col.type !== 'num') return new Array(groups).fill(m.op === 'sum' ? null : 0);
  const weightCol = m.weight ? table.columns.get(m.weight) : undefined;
  if ((m.op === 'wsum' || m.op === 'wbase') && (!weightCol || weightCol.type !== 'num')) return new Array(groups).fill(null);
  const values = col.values;
  const valid = col.valid;
  const w = weightCol?.type === 'num' ? weightCol : null;
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    if (g < 0 || (filter && !filter[i])) continue;
    passing[g]++;
    if (valid !== null && valid[i] === 0) continue;
    if (m.op === 'sum') {
      acc[g] += values[i];
      present[g]++;
      continue;
    }
    if (w!.valid !== null && w!.valid[i] === 0) continue;
    acc[g] += m.op === 'wsum' ? values[i] * w!.values[i] : w!.values[i];
    present[g]++;
  }
  const out = new Array<number | null>(groups);
  for (let g = 0; g < groups; g++) out[g] = passing[g] > 0 && present[g] === 0 ? null : acc[g];
  return out;
}
