import { KEY_PARTITIONS, KeySpill, rowHashes, statusRanks, type ColumnTable, type KeyRecords } from '@creator-ops/columnar';
import { IngestError } from './messages';
import type { ImportPlan } from './plan';

/** A row that repeats an earlier row exactly: its line and the earlier row's. */
export interface Repeat {
  line: number;
  of: number;
}

/**
 * Within one file a natural key must identify one row. Identical rows are genuine repeats (one copy
 * is kept); the same key over different values means the key misses a column, and importing by it
 * would silently drop rows. Every batch's keys go to a KeySpill; at the end each key partition is
 * checked on its own, so the check needs memory for 1/64 of the file's keys, whatever its size.
 * Rows with the same key and the same 32-bit content hash are taken as repeats (96 equal bits).
 */
export class FileKeyCheck {
  constructor(
    private readonly plan: ImportPlan,
    readonly spill: KeySpill,
  ) {}

  /** Records a batch's rows (status ranks too, for the overlap with earlier imports). */
  record(table: ColumnTable, lineOf: (row: number) => number): void {
    this.spill.add(rowHashes(table, this.plan.keyFields), statusRanks(this.plan.kind, table), lineOf, table.length);
  }

  /** The exact repeats in line order; throws KEY_INCOMPLETE when one key covered different rows. */
  resolve(): Repeat[] {
    const repeats: Repeat[] = [];
    let conflicts = 0;
    let firstConflict: Repeat | null = null;
    for (let p = 0; p < KEY_PARTITIONS; p++) {
      const records = this.spill.partition(p);
      const first = firstOccurrences(records);
      for (let j = 0; j < records.length; j++) {
        const f = first[j];
        if (f === j) continue;
        const sighting = { line: records.line(j), of: records.line(f) };
        if (records.content(j) === records.content(f)) repeats.push(sighting);
        else {
          conflicts++;
          if (!firstConflict || sighting.line < firstConflict.line) firstConflict = sighting;
        }
      }
    }
    if (firstConflict) throw this.keyIncomplete(firstConflict, conflicts);
    return repeats.sort((a, b) => a.line - b.line);
  }

  /** KEY_INCOMPLETE, naming the key used, the key columns the file lacks and the headers no field knows. */
  private keyIncomplete(first: Repeat, count: number): IngestError {
    const { kind, keyFields, presentFields, unknownHeaders } = this.plan;
    const label = (f: string) => `${kind.fields.find((d) => d.key === f)?.label.zh ?? f}(${f})`;
    const missing = [...new Set(kind.naturalKeys.flat())].filter((f) => !presentFields.has(f));
    return new IngestError('KEY_INCOMPLETE', {
      line: first.line,
      firstLine: first.of,
      count,
      key: keyFields.length ? keyFields.map(label).join(', ') : '-',
      missing: missing.length ? missing.map(label).join(', ') : '-',
      unknown: unknownHeaders.length ? unknownHeaders.join(', ') : '-',
    });
  }
}

/** For each record, the index of the first record with its key (itself when it is the first). */
export function firstOccurrences(records: KeyRecords): Int32Array {
  const n = records.length;
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const first = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const hi = records.keyHi(j);
    const lo = records.keyLo(j);
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (slots[slot] >= 0 && (records.keyHi(slots[slot]) !== hi || records.keyLo(slots[slot]) !== lo)) slot = (slot + 1) & mask;
    if (slots[slot] < 0) slots[slot] = j;
    first[j] = slots[slot];
  }
  return first;
}
