import type { KindDef } from '@creator-ops/schemas';
import type { Column, ColumnTable } from './column';
import { rowHashes } from './key-hash';
import type { KeyIndex } from './key-index';
import { rowKeys } from './keys';
import type { ImportPart } from './merge';

export interface OverlapReport {
  /** Distinct keys of the incoming import that replace (or, in field mode, update) earlier rows. */
  replaced: number;
  /** Keys whose status moved backwards compared with the earlier import. */
  statusRegressions: number;
  regressionExample?: string;
}

/** A status without a rank (null, or not in the kind's progression). */
export const NO_RANK = 255;

/** Each row's rank in the kind's status progression (NO_RANK when none); null when the kind has none. */
export function statusRanks(kind: KindDef, table: ColumnTable): Uint8Array | null {
  const progression = kind.statusProgression;
  if (!progression) return null;
  const ranks = new Uint8Array(table.length).fill(NO_RANK);
  const col = table.columns.get(progression.field);
  if (col?.type !== 'dict') return ranks;
  const rankOf = col.dict.map((s) => {
    const r = progression.order.indexOf(s);
    return r >= 0 && r < NO_RANK ? r : NO_RANK;
  });
  for (let i = 0; i < table.length; i++) if (col.codes[i] >= 0) ranks[i] = rankOf[col.codes[i]];
  return ranks;
}

/**
 * What an incoming import replaces: the earlier rows with its keys, and the keys whose status moves
 * backwards (an earlier 已完成 now 待发货). Earlier imports are read in import order, so a key's earlier
 * status is that of its latest earlier row; the example is the regression on the incoming file's first line.
 */
export function analyseOverlap(kind: KindDef, existing: ImportPart[], incoming: KeyIndex): OverlapReport {
  if (existing.length === 0) return { replaced: 0, statusRegressions: 0 };
  const earlier = new Uint8Array(incoming.capacity).fill(NO_RANK);
  const matched = new Uint8Array(incoming.capacity);
  let replaced = 0;
  for (const part of existing) {
    const h = rowHashes(part.table, part.keyFields);
    const ranks = statusRanks(kind, part.table);
    for (let i = 0; i < part.table.length; i++) {
      const slot = incoming.find(h.keyHi[i], h.keyLo[i]);
      if (slot < 0) continue;
      if (!matched[slot]) replaced++;
      matched[slot] = 1;
      if (ranks) earlier[slot] = ranks[i];
    }
  }
  let statusRegressions = 0;
  let first = -1;
  for (let slot = 0; slot < incoming.capacity; slot++) {
    const before = earlier[slot];
    const after = incoming.tagAt(slot);
    if (!matched[slot] || before === NO_RANK || after === NO_RANK || after >= before) continue;
    statusRegressions++;
    if (first < 0 || incoming.lineAt(slot) < incoming.lineAt(first)) first = slot;
  }
  if (first < 0) return { replaced, statusRegressions };
  return { replaced, statusRegressions, regressionExample: example(kind, existing, incoming, first, earlier[first]) };
}

/** `key: before -> after` for the key in `slot`, its text taken from an earlier row with that key. */
function example(kind: KindDef, existing: ImportPart[], incoming: KeyIndex, slot: number, before: number): string {
  const [hi, lo] = incoming.keyAt(slot);
  const order = kind.statusProgression!.order;
  for (const part of existing) {
    const h = rowHashes(part.table, part.keyFields);
    for (let i = 0; i < part.table.length; i++) {
      if (h.keyHi[i] !== hi || h.keyLo[i] !== lo) continue;
      const key = rowKeys(keyRow(part.table, part.keyFields, i), part.keyFields)[0];
      return `${key.replace(/\u0001$/, '')}: ${order[before]} -> ${order[incoming.tagAt(slot)]}`;
    }
  }
  return '';
}

/** Row `i`'s key columns as a one-row table (views, no copies). */
function keyRow(table: ColumnTable, keyFields: string[], i: number): ColumnTable {
  const columns = new Map<string, Column>();
  for (const f of keyFields) {
    const col = table.columns.get(f);
    if (!col) continue;
    columns.set(
      f,
      col.type === 'dict'
        ? { type: 'dict', codes: col.codes.subarray(i, i + 1), dict: col.dict }
        : { type: 'num', values: col.values.subarray(i, i + 1), valid: col.valid?.subarray(i, i + 1) ?? null },
    );
  }
  return { kind: table.kind, length: 1, specs: [], columns };
}
