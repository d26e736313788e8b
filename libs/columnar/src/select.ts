import type { Column, ColumnTable } from './column';

/** The rows of a table where `keep` is 1, in order (specs and column types unchanged). */
export function takeRows(table: ColumnTable, keep: Uint8Array): ColumnTable {
  let length = 0;
  for (let i = 0; i < table.length; i++) length += keep[i];
  if (length === table.length) return table;
  const columns = new Map<string, Column>();
  for (const [name, col] of table.columns) {
    if (col.type === 'dict') {
      const codes = new Int32Array(length);
      for (let i = 0, j = 0; i < table.length; i++) if (keep[i]) codes[j++] = col.codes[i];
      columns.set(name, { type: 'dict', codes, dict: col.dict });
    } else {
      const values = new Float64Array(length);
      const valid = col.valid ? new Uint8Array(length) : null;
      for (let i = 0, j = 0; i < table.length; i++) {
        if (!keep[i]) continue;
        values[j] = col.values[i];
        if (valid) valid[j] = col.valid![i];
        j++;
      }
      columns.set(name, { type: 'num', values, valid });
    }
  }
  return { ...table, length, columns };
}

/** The table with each dictionary reduced to the entries its rows use, in the order rows first use them. */
export function compactDictionaries(table: ColumnTable): ColumnTable {
  const columns = new Map<string, Column>();
  for (const [name, col] of table.columns) {
    if (col.type !== 'dict') {
      columns.set(name, col);
      continue;
    }
    const remap = new Int32Array(col.dict.length).fill(-1);
    const dict: string[] = [];
    const codes = new Int32Array(table.length);
    for (let i = 0; i < table.length; i++) {
      const c = col.codes[i];
      if (c < 0) {
        codes[i] = -1;
        continue;
      }
      if (remap[c] < 0) {
        remap[c] = dict.length;
        dict.push(col.dict[c]);
      }
      codes[i] = remap[c];
    }
    columns.set(name, { type: 'dict', codes, dict });
  }
  return { ...table, columns };
}
