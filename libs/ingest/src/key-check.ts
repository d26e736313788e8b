import { LINE_COLUMN, rowKeyIds, rowKeys, takeRows, type Column, type ColumnTable } from '@creator-ops/columnar';
import { IngestError } from './messages';
import type { ImportPlan } from './plan';

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

/**
 * Applies the key rule to a finished import: throws KEY_INCOMPLETE (naming the key used, the key
 * columns the file lacks and the headers no field knows) when one key covers different rows; else
 * drops exact repeats, returning their lines and the lines they repeat.
 */
export function enforceFileKeys(
  table: ColumnTable,
  plan: ImportPlan,
  lineOf: (row: number) => number,
): { table: ColumnTable; repeats: { line: number; of: number }[] } {
  const check = checkFileKeys(table, plan.keyFields);
  if (check.firstConflict) {
    const { kind, keyFields, presentFields, unknownHeaders } = plan;
    const label = (f: string) => `${kind.fields.find((d) => d.key === f)?.label.zh ?? f}(${f})`;
    const missing = [...new Set(kind.naturalKeys.flat())].filter((f) => !presentFields.has(f));
    throw new IngestError('KEY_INCOMPLETE', {
      line: lineOf(check.firstConflict.row),
      firstLine: lineOf(check.firstConflict.of),
      count: check.conflicts,
      key: keyFields.length ? keyFields.map(label).join(', ') : '-',
      missing: missing.length ? missing.map(label).join(', ') : '-',
      unknown: unknownHeaders.length ? unknownHeaders.join(', ') : '-',
    });
  }
  if (!check.keep) return { table, repeats: [] };
  return { table: takeRows(table, check.keep), repeats: check.repeats.map((r) => ({ line: lineOf(r.row), of: lineOf(r.of) })) };
}
