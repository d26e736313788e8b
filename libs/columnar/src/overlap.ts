import type { KindDef } from '@creator-ops/schemas';
import type { Column, ColumnTable } from './column';
import { rowHashes } from './key-hash';
import { KEY_PARTITIONS, partitionOf, type KeyRecords, type KeySpill } from './key-spill';
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

/** An earlier import's rows by key partition. */
interface ExistingPart {
  part: ImportPart;
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  ranks: Uint8Array | null;
  /** Row indices grouped by partition: rows[starts[p] .. starts[p + 1]). */
  rows: Uint32Array;
  starts: Uint32Array;
}

/**
 * What an incoming import replaces: the earlier rows with its keys, and the keys whose status moves
 * backwards (an earlier 已完成 now 待发货). Earlier imports are read in import order, so a key's earlier
 * status is that of its latest earlier row; the example is the regression on the incoming file's first
 * line. One key partition at a time: memory for 1/64 of the incoming keys.
 */
export function analyseOverlap(kind: KindDef, existing: ImportPart[], incoming: KeySpill): OverlapReport {
  if (existing.length === 0) return { replaced: 0, statusRegressions: 0 };
  const parts = existing.map((part) => partitioned(kind, part));
  let replaced = 0;
  let statusRegressions = 0;
  let best: { line: number; part: ExistingPart; row: number; before: number; after: number } | null = null;
  for (let p = 0; p < KEY_PARTITIONS; p++) {
    const records = incoming.partition(p);
    const table = new KeyTable(records);
    const earlier = new Int32Array(records.length).fill(-1);
    const earlierPart = new Int32Array(records.length);
    parts.forEach((e, k) => {
      for (let at = e.starts[p]; at < e.starts[p + 1]; at++) {
        const row = e.rows[at];
        const j = table.find(e.keyHi[row], e.keyLo[row]);
        if (j < 0) continue;
        earlier[j] = row;
        earlierPart[j] = k;
      }
    });
    for (let j = 0; j < records.length; j++) {
      if (earlier[j] < 0 || table.firstOf(j) !== j) continue;
      replaced++;
      const e = parts[earlierPart[j]];
      const before = e.ranks ? e.ranks[earlier[j]] : NO_RANK;
      const after = records.rank(j);
      if (before === NO_RANK || after === NO_RANK || after >= before) continue;
      statusRegressions++;
      if (!best || records.line(j) < best.line) best = { line: records.line(j), part: e, row: earlier[j], before, after };
    }
  }
  if (!best) return { replaced, statusRegressions };
  const order = kind.statusProgression!.order;
  const key = rowKeys(keyRow(best.part.part.table, best.part.part.keyFields, best.row), best.part.part.keyFields)[0];
  return { replaced, statusRegressions, regressionExample: `${key.replace(/\u0001$/, '')}: ${order[best.before]} -> ${order[best.after]}` };
}

function partitioned(kind: KindDef, part: ImportPart): ExistingPart {
  const h = rowHashes(part.table, part.keyFields);
  const n = part.table.length;
  const starts = new Uint32Array(KEY_PARTITIONS + 1);
  for (let i = 0; i < n; i++) starts[partitionOf(h.keyHi[i]) + 1]++;
  for (let p = 0; p < KEY_PARTITIONS; p++) starts[p + 1] += starts[p];
  const next = starts.slice(0, KEY_PARTITIONS);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[next[partitionOf(h.keyHi[i])]++] = i;
  return { part, keyHi: h.keyHi, keyLo: h.keyLo, ranks: statusRanks(kind, part.table), rows, starts };
}

/** One partition's incoming keys: the first record of each key (later records with the key point to it). */
class KeyTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly first: Int32Array;

  constructor(private readonly records: KeyRecords) {
    let capacity = 16;
    while (capacity < records.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(-1);
    this.first = new Int32Array(records.length);
    for (let j = 0; j < records.length; j++) {
      const slot = this.slotOf(records.keyHi(j), records.keyLo(j));
      if (this.slots[slot] < 0) this.slots[slot] = j;
      this.first[j] = this.slots[slot];
    }
  }

  /** The first record with the key, or -1. */
  find(hi: number, lo: number): number {
    return this.slots[this.slotOf(hi, lo)];
  }

  firstOf(j: number): number {
    return this.first[j];
  }

  private slotOf(hi: number, lo: number): number {
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.slots[slot] >= 0 && (this.records.keyHi(this.slots[slot]) !== hi || this.records.keyLo(this.slots[slot]) !== lo)) slot = (slot + 1) & this.mask;
    return slot;
  }
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
