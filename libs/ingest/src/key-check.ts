import { compactDictionaries, KeyIndex, rowHashes, statusRanks, takeRows, type ColumnTable } from '@creator-ops/columnar';
import { IngestError } from './messages';
import type { ImportPlan } from './plan';

/**
 * Within one file a natural key must identify one row. Identical rows are genuine repeats (one copy
 * is kept); the same key over different values means the key misses a column, and importing by it
 * would silently drop rows. Checked batch by batch against every earlier row of the file.
 */
export class FileKeyCheck {
  /** Tagged with each key's status rank when the kind's status moves forward (orders): see analyseOverlap. */
  readonly index: KeyIndex;
  repeated = 0;
  conflicts = 0;
  private firstConflict: { line: number; of: number } | null = null;

  constructor(
    private readonly plan: ImportPlan,
    private readonly onRepeat: (line: number, of: number) => void,
  ) {
    this.index = new KeyIndex({ tags: plan.kind.statusProgression !== undefined });
  }

  /** The batch without its exact repeats of earlier rows (conflicts are counted, and thrown by `assertComplete`). */
  keep(table: ColumnTable, lineOf: (row: number) => number): ColumnTable {
    const hashes = rowHashes(table, this.plan.keyFields);
    const ranks = statusRanks(this.plan.kind, table);
    let keep: Uint8Array | null = null;
    for (let i = 0; i < table.length; i++) {
      const line = lineOf(i);
      const seen = this.index.add(hashes, i, line);
      if (seen.kind === 'new') {
        if (ranks) this.index.setTag(seen.slot, ranks[i]);
        continue;
      }
      if (seen.kind === 'repeat') {
        keep ??= new Uint8Array(table.length).fill(1);
        keep[i] = 0;
        this.repeated++;
        this.onRepeat(line, seen.of);
      } else {
        this.conflicts++;
        this.firstConflict ??= { line, of: seen.of };
      }
    }
    // A dropped repeat of a row in an earlier batch may leave dictionary entries no row of this batch uses.
    return keep ? compactDictionaries(takeRows(table, keep)) : table;
  }

  /** Throws KEY_INCOMPLETE (naming the key used, the key columns the file lacks and the headers no field knows) when one key covered different rows. */
  assertComplete(): void {
    if (!this.firstConflict) return;
    const { kind, keyFields, presentFields, unknownHeaders } = this.plan;
    const label = (f: string) => `${kind.fields.find((d) => d.key === f)?.label.zh ?? f}(${f})`;
    const missing = [...new Set(kind.naturalKeys.flat())].filter((f) => !presentFields.has(f));
    throw new IngestError('KEY_INCOMPLETE', {
      line: this.firstConflict.line,
      firstLine: this.firstConflict.of,
      count: this.conflicts,
      key: keyFields.length ? keyFields.map(label).join(', ') : '-',
      missing: missing.length ? missing.map(label).join(', ') : '-',
      unknown: unknownHeaders.length ? unknownHeaders.join(', ') : '-',
    });
  }
}
