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
 * within one table without building a string per row. Null when the combination cannot be packed
 * into a safe integer.
 */
export function rowKeyIds(table: ColumnTable, keyFields: string[]): Float64Array | null {
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
    } else {
      const dense = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const v = col.valid === null || col.valid[i] === 1 ? col.values[i] : NaN;
        let id = dense.get(v);
        if (id === undefined) {
          id = dense.size;
          dense.set(v, id);
        }
        ids[i] += id * stride;
      }
      card = dense.size + 1;
    }
    stride *= card;
    if (stride > Number.MAX_SAFE_INTEGER) return null;
  }
  return ids;
}

/** Number of rows whose key repeats an earlier row's key within the table. */
export function countDuplicateKeys(table: ColumnTable, keyFields: string[]): number {
  const ids = rowKeyIds(table, keyFields);
  if (ids) return table.length - distinctCount(ids);
  return table.length - new Set(rowKeys(table, keyFields)).size;
}

/** Number of distinct values (sorted copy, equal neighbours counted once: no hash set of a million numbers). */
function distinctCount(ids: Float64Array): number {
  if (ids.length === 0) return 0;
  const sorted = ids.slice().sort();
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}
