import type { Column, ColumnTable, DictColumn } from './column';

/**
 * The rows of several batches of one import (same columns, in order) as one table. Text columns are
 * re-encoded against one dictionary: each batch carries its own.
 */
export function concatTables(batches: ColumnTable[]): ColumnTable {
  if (batches.length === 1) return batches[0];
  const [first] = batches;
  const length = batches.reduce((n, b) => n + b.length, 0);
  const columns = new Map<string, Column>();
  for (const spec of first.specs) {
    const parts = batches.map((b) => {
      const col = b.columns.get(spec.name);
      if (!col) throw new Error(`concatTables: a batch lacks column ${spec.name}`);
      return { col, length: b.length };
    });
    columns.set(spec.name, parts[0].col.type === 'dict' ? concatDict(parts as { col: DictColumn; length: number }[], length) : concatNum(parts, length));
  }
  return { kind: first.kind, length, specs: first.specs, columns };
}

function concatNum(parts: { col: Column; length: number }[], length: number): Column {
  const values = new Float64Array(length);
  const anyNull = parts.some((p) => p.col.type === 'num' && p.col.valid !== null);
  const valid = anyNull ? new Uint8Array(length).fill(1) : null;
  let offset = 0;
  for (const { col, length: n } of parts) {
    if (col.type !== 'num') throw new Error('concatTables: a column changes type between batches');
    values.set(col.values.subarray(0, n), offset);
    if (valid && col.valid) valid.set(col.valid.subarray(0, n), offset);
    offset += n;
  }
  return { type: 'num', values, valid };
}

function concatDict(parts: { col: DictColumn; length: number }[], length: number): Column {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(length);
  let offset = 0;
  for (const { col, length: n } of parts) {
    if (col.type !== 'dict') throw new Error('concatTables: a column changes type between batches');
    // Entries join in the order rows first use them (as one builder over all the rows would have it).
    const remap = new Int32Array(col.dict.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const local = col.codes[i];
      if (local < 0) {
        codes[offset + i] = -1;
        continue;
      }
      if (remap[local] < 0) {
        const s = col.dict[local];
        let code = index.get(s);
        if (code === undefined) {
          code = dict.length;
          dict.push(s);
          index.set(s, code);
        }
        remap[local] = code;
      }
      codes[offset + i] = remap[local];
    }
    offset += n;
  }
  return { type: 'dict', codes, dict };
}
