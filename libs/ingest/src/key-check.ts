import { LINE_COLUMN, rowKeyIds, rowKeys, type Column, type ColumnTable } from '@creator-ops/columnar';

/** What the rows of one file say about its natural key. */
export interface FileKeyCheck {
  /** 1 = keep; null when every row is kept. */
  keep: Uint8Array | null;
  /** Exact repeats (every column equal): the repeat's index and the index of the row it repeats. */
  repeats: { row: number; of: number }[];
  /** Rows whose key repeats an earlier row's while some other value differs: the key is incomplete. */
  conflicts: number;
  firstConflict: { row: number; of: number } | null;
}

/**
 * Within one file a natural key must identify one row. Identical rows are genuine repeats (one copy
 * is kept); the same key over different values means the key misses a column, and importing by it
 * would silently drop rows.
 */
export function checkFileKeys(table: ColumnTable, keyFields: string[]): FileKeyCheck {
  const none: FileKeyCheck = { keep: null, repeats: [], conflicts: 0, firstConflict: null };
  if (table.length < 2) return none;
  const ids: ArrayLike<number | string> = rowKeyIds(table, keyFields) ?? rowKeys(table, keyFields);
  const first = new Map<number | string, number>();
  const columns = [...table.columns].filter(([name]) => name !== LINE_COLUMN).map(([, c]) => c);
  const result: FileKeyCheck = { ...none };
  for (let i = 0; i < table.length; i++) {
    const earlier = first.get(ids[i]);
    if (earlier === undefined) {
      first.set(ids[i], i);
      continue;
    }
    if (columns.every((c) => sameCell(c, earlier, i))) {
      result.keep ??= new Uint8Array(table.length).fill(1);
      result.keep[i] = 0;
      result.repeats.push({ row: i, of: earlier });
    } else {
      result.conflicts++;
      result.firstConflict ??= { row: i, of: earlier };
    }
  }
  return result;
}

function sameCell(c: Column, a: number, b: number): boolean {
  if (c.type === 'dict') return c.codes[a] === c.codes[b];
  const va = c.valid === null || c.valid[a] === 1;
  const vb = c.valid === null || c.valid[b] === 1;
  return va === vb && (!va || c.values[a] === c.values[b]);
}
