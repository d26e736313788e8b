/**
 * An import leaves the reader in batches of rows ("segments"): each batch becomes a column table,
 * loses its exact repeats of earlier rows (key-check.ts) and goes to a sink (the dataset's column
 * file, or a collector that joins the batches for callers that want one table). Memory is then
 * bounded by a batch, whatever the size of the file.
 */
import { compactDictionaries, concatTables, LINE_COLUMN, takeRows, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import type { ExportKind } from '@creator-ops/schemas';

/** Rows per batch when an import streams into a column file. */
export const SEGMENT_ROWS = 1 << 17;

export interface SegmentSink {
  add(segment: ColumnTable): void;
  /**
   * Optional: a compiled module whose `observePart()` gives the PartObserver a second thread runs
   * over its part's batches of this kind as it reads them (null: none); its result comes to `addStream`.
   */
  partObserver?(kind: ExportKind): string | null;
  /**
   * Optional: the rest of the import's batches as an Arrow IPC stream file (a second thread's part),
   * taken whole when the sink can (the file is then its own); false to have them `add`ed one by one.
   * `observed`: the part's PartObserver result, when the sink named one.
   */
  addStream?(path: string, rows: number, observed?: unknown): Promise<boolean>;
  /**
   * Optional, with `addStream`: that stream file is still being written and its first `written` bytes
   * are final; the sink may copy them now (true; nothing is then `add`ed before `addStream` takes the file).
   */
  copyAhead?(path: string, written: number): Promise<boolean>;
  /** At the end: the rows at these lines repeat earlier rows exactly; they are not part of the import. */
  drop(lines: ReadonlySet<number>): Promise<void>;
  /** The import starts again from its first row (see IngestRestart): forget every batch. */
  restart(): void;
}

/** What a second thread runs over its part's batches for the sink (SegmentSink.partObserver). */
export interface PartObserver {
  add(batch: ColumnTable): void;
  /** Handed to the sink with the part (a structured clone). */
  result(): unknown;
}

/**
 * Decisions a column can only take once every value is seen (a percent column's shape, whether a
 * buyer key can be kept). When a later batch overturns what earlier batches were written with, the
 * import starts again from the first row with the decision taken in advance.
 */
export interface IngestHints {
  /** Percent columns (by source header) written as percent points from the first row. */
  percentPoints?: string[];
  /** No buyer key column (a masked phone turned up after batches with keys were written). */
  dropBuyer?: boolean;
}

export class IngestRestart extends Error {
  constructor(readonly hints: IngestHints) {
    super('the import restarts with decisions taken in advance');
  }
}

export function mergeHints(a: IngestHints | undefined, b: IngestHints): IngestHints {
  return {
    percentPoints: [...new Set([...(a?.percentPoints ?? []), ...(b.percentPoints ?? [])])],
    dropBuyer: Boolean(a?.dropBuyer || b.dropBuyer),
  };
}

/** Keeps the batches and joins them into one table at the end (for callers that want the whole table). */
export class SegmentCollector implements SegmentSink {
  private segments: ColumnTable[] = [];

  add(segment: ColumnTable): void {
    this.segments.push(segment);
  }

  restart(): void {
    this.segments = [];
  }

  async drop(lines: ReadonlySet<number>): Promise<void> {
    this.segments = this.segments.map((s) => withoutLines(s, lines));
  }

  table(kind: ExportKind, specs: ColumnSpec[], dropped: ReadonlySet<number> = new Set()): ColumnTable {
    if (this.segments.length === 0) return { kind, length: 0, specs, columns: new Map() };
    return concatTables(this.segments.map((s) => withoutLines(s, dropped)));
  }
}

/**
 * A batch without the rows at `lines`. Dictionaries keep only the entries the remaining rows use (a
 * dropped repeat of a row in an earlier batch may have been the only user of one).
 */
export function withoutLines(batch: ColumnTable, lines: ReadonlySet<number>): ColumnTable {
  if (lines.size === 0) return batch;
  const col = batch.columns.get(LINE_COLUMN);
  if (col?.type !== 'num') throw new Error('withoutLines: the batch has no line column');
  const keep = new Uint8Array(batch.length);
  let dropped = 0;
  for (let i = 0; i < batch.length; i++) {
    keep[i] = lines.has(col.values[i]) ? 0 : 1;
    dropped += 1 - keep[i];
  }
  return dropped ? compactDictionaries(takeRows(batch, keep)) : batch;
}
