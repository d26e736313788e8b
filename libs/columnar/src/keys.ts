import type { ColumnTable } from './column';

/**
 * The natural key of every row as a string: `field=value` pairs joined, so imports that key on
 * different fields (a content export with ids, another without) never collide by accident.
 */
export function rowKeys(table: ColumnTable, keyFields: string[]): string[] {
  const cols = keyFields.map((f) => ({ f, c: table.columns.get(f) }));
  const keys = new Array<string>(table.length);
  if (cols.length === 1 && cols[0].c?.type === 'dict') {
    const { codes, dict } = cols[0].c;
    const prefix = `${cols[0].f}=`;
    for (let i = 0; i < table.length; i++) keys[i] = prefix + (codes[i] >= 0 ? dict[codes[i]] : '');
    return keys;
  }
  for (let i = 0; i < table.length; i++) {
    let k = '';
    for (const { f, c } of cols) {
      let v = '';
      if (c?.type === 'dict') v = c.codes[i] >= 0 ? c.dict[c.codes[i]] : '';
      else if (c && (c.valid === null || c.valid[i] === 1)) v = String(c.values[i]);
      k += `${f}=${v}\u0001`;
    }
    keys[i] = k;
  }
  return keys;
}

/**
 * Dense numeric key ids per row (dictionary codes and numbers combined), for finding duplicates
 * within one table without building a string per row; `space` bounds the ids (0 <= id < space).
 * Null when the combination cannot be packed into a safe integer.
 */
export function rowKeyIds(table: ColumnTable, keyFields: string[]): { ids: Float64Array; space: number } | null {
  const n = table.length;
  const ids = new Float64Array(n);
  let stride = 1;
  for (const f of keyFields) {
    const col = table.columns.get(f);
    let card: number;
    if (!col) card = 1;
    else if (col.type === 'dict') {
      card = col.dict.length + 1;
      for (let i = 0; i < n; i++) ids[i] += (col.codes[i] + 1) * stride;
    } else card = addNumberIds(col.values, col.valid, n, ids, stride);
    stride *= card;
    if (stride > Number.MAX_SAFE_INTEGER) return null;
  }
  return { ids, space: stride };
}

/** Integers within this range are numbered by offset (days, small counts); other numbers through a Map. */
const OFFSET_RANGE = 1 << 24;

/** Adds `stride` times a dense id of each row's number (equal numbers, and all nulls, share one); returns the ids' bound. */
function addNumberIds(values: Float64Array, valid: Uint8Array | null, n: number, ids: Float64Array, stride: number): number {
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const v = values[i];
    if (!Number.isInteger(v)) {
      integral = false;
      break;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (integral && max - min < OFFSET_RANGE) {
    // Null is 0; a number v is v - min + 1 (no number when every row is null: min is Infinity, no row uses it).
    for (let i = 0; i < n; i++) if (valid === null || valid[i] === 1) ids[i] += (values[i] - min + 1) * stride;
    return Number.isFinite(min) ? max - min + 2 : 1;
  }
  const dense = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = valid === null || valid[i] === 1 ? values[i] : NaN;
    let id = dense.get(v);
    if (id === undefined) {
      id = dense.size;
      dense.set(v, id);
    }
    ids[i] += id * stride;
  }
  return dense.size + 1;
}

/** Number of rows whose key repeats an earlier row's key within the table. */
export function countDuplicateKeys(table: ColumnTable, keyFields: string[]): number {
  const keyed = rowKeyIds(table, keyFields);
  if (keyed) return table.length - (keyed.space <= Math.max(BITSET_MIN, 8 * table.length) ? distinctBits(keyed.ids, keyed.space) : distinctCount(keyed.ids));
  return table.length - new Set(rowKeys(table, keyFields)).size;
}

/** Id spaces up to this size are always counted with a bit set (128 KB). */
const BITSET_MIN = 1 << 20;

/** Number of distinct ids below `space`, one bit each (a space of a few bits per row: cheaper than sorting). */
function distinctBits(ids: Float64Array, space: number): number {
  const seen = new Uint8Array(Math.ceil(space / 8));
  let distinct = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const byte = Math.floor(id / 8);
    const bit = 1 << (id - byte * 8);
    if ((seen[byte] & bit) === 0) {
      seen[byte] |= bit;
      distinct++;
    }
  }
  return distinct;
}

/**
 * Number of distinct ids (safe integers), by open addressing in typed arrays: one pass, where
 * sorting a copy of a million ids costs several times more (and a Set of them more still).
 */
function distinctCount(ids: Float64Array): number {
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Float64Array(size);
  const used = new Uint8Array(size);
  let distinct = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const lo = id >>> 0;
    const hi = Math.floor(id / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    let slot = h & mask;
    while (used[slot] === 1 && slots[slot] !== id) slot = (slot + 1) & mask;
    if (used[slot] === 1) continue;
    used[slot] = 1;
    slots[slot] = id;
    distinct++;
  }
  return distinct;
}
