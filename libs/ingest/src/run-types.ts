/** The options and results of an import, and what its parts hand each other (ingest-run.ts). */
import type { ColumnTable, KeySpill } from '@creator-ops/columnar';
import type { ExportKind } from '@creator-ops/schemas';
import type { ParallelOptions } from './csv/parallel-options';
import type { IngestCode } from './messages';
import type { PlanOptions } from './plan';
import type { ImportReport, RejectedRow, SkippedRow } from './report';
import type { IngestHints, SegmentSink } from './segments';
import type { SlotState } from './slots';

export interface IngestOptions {
  /** The file's name as the user knows it (reports only; never used as a path). */
  fileName: string;
  kind?: ExportKind;
  account?: string;
  /** YYYY-MM-DD: the day of an export without a date column (else taken from the file name when it names one). */
  date?: string;
  /** CSV only: the text encoding, overriding detection (xlsx parts are UTF-8 XML). */
  encoding?: string;
  /** xlsx only: the sheet to import, by name or 1-based position (default: the sheet whose headers match a kind best). */
  sheet?: string;
  /** Per-installation secret for pseudonymous buyer keys. */
  secret?: string;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  /** Where the batches of accepted rows go (default: collected into one table). */
  sink?: SegmentSink;
  /** Rows per batch (default: the whole file is one batch). */
  segmentRows?: number;
  /** Decisions taken in advance when an import restarts (segments.ts). */
  hints?: IngestHints;
  /** Where the file's keys go for the key check (default: memory); see ingestFile's `spillDir`. */
  keySpill?: KeySpill;
  /** A folder of this process's own for the key check's temporary files (ingestFile, ingestBuffer): memory stays flat. */
  spillDir?: string;
  /** ingestFile on a large UTF-8 CSV: read from a line feed near its middle by a worker thread at once (csv/parallel.ts; default: on two cores or more unless CREATOR_OPS_INGEST_THREADS=1); false: one thread. */
  parallel?: ParallelOptions | false;
}

/** What the import plan takes from the caller's options. */
export function planOptions(opts: IngestOptions): PlanOptions {
  return { account: opts.account, secret: opts.secret, date: opts.date, fileName: opts.fileName, percentPoints: opts.hints?.percentPoints };
}

export interface IngestResult {
  /** The accepted rows; when they went to a sink (`IngestOptions.sink`), only the columns (no rows). */
  table: ColumnTable;
  report: ImportReport;
  /** The file's natural keys (for the overlap with earlier imports); the caller disposes of them. */
  keys: KeySpill;
  /** Lines of the rows dropped as exact repeats of earlier rows. */
  repeatLines: ReadonlySet<number>;
}
/** A cell longer than this is not an export value (and would be held in memory whole). */
export const MAX_CELL_CHARS = 1_000_000;

/** What a run over a later part of the file hands to the run that read the part before it (IngestRun.endPart, absorb). */
export interface RunPart {
  line: number;
  rowsRead: number;
  accepted: number;
  rejectedCount: number;
  skippedCount: number;
  rejected: RejectedRow[];
  skipped: SkippedRow[];
  pendingTotals: { line: number; label: string; cells: string[] }[];
  buyerWritten: boolean;
  slots: SlotState[];
  /** The folder of the part's key records (KeySpill.handOver). */
  keys: string;
}

/** A record of the CSV byte reader (csv/byte-record.ts): its cells decoded only when asked for. */
export interface ByteRecordView {
  readonly count: number;
  /** The cells as the text reader gives them. */
  strings(): string[];
  text(column: number): string;
  /** Every cell is whitespace (String#trim's). */
  isBlank(): boolean;
  /** The cells past `from` are all whitespace. */
  isBlankFrom(from: number): boolean;
  /** False when the cell can be no total-row label (`totalLabel` is then null for it). */
  mayBeLabel(column: number): boolean;
  /** Writes the cells at `row` through the plan's slots; returns the first failing column, or -1. */
  acceptInto(row: number, batch: number): number;
  /** The failing column's code. */
  readonly code: IngestCode | null;
}
