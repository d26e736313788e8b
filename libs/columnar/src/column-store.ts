import type { ExportKind } from '@creator-ops/schemas';
import type { ColumnTable } from './column';

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Where the column files of committed imports live, one immutable object per import. The Arrow
 * file store on DATA_DIR (a local disk, or a network file system shared by several instances) is
 * the one implementation; an S3-compatible store is the next one (README "Running several instances").
 */
/** The column file of one import being written, batch by batch. */
export interface ColumnWriter {
  /** Rows appended so far. */
  readonly rows: number;
  append(table: ColumnTable): void;
  /** Makes the object exist whole under its final name. */
  finish(): Promise<WrittenFile>;
  /** Removes what was written; the object never appears. */
  abort(): void;
}

/** A column file written before its import's place is known (the workspace may not exist yet). */
export interface StagedColumnWriter extends Omit<ColumnWriter, 'finish'> {
  /**
   * Takes a whole Arrow IPC stream file of the same columns (written by another staged writer's kind of
   * writer) as the rest of the object, without decoding it; returns where the file now is (readable
   * until `place`), or null when it cannot (then append its batches). Nothing is appended after it.
   */
  appendStream(path: string, rows: number): string | null;
  /**
   * The stream file at `path`, still being written, is to be taken by `appendStream` later: copies its
   * first `written` bytes now (false: it cannot, nothing copied, the file is taken at the end as usual).
   * Nothing is appended after a true.
   */
  copyAhead(path: string, written: number): Promise<boolean>;
  /** Rewrites what was appended through `transform` (which may drop rows); appending may go on after. */
  rewrite(transform: (batch: ColumnTable) => ColumnTable): Promise<void>;
  /** Completes the object and moves it to its place. */
  place(workspaceId: string, kind: ExportKind, importId: string): Promise<WrittenFile>;
}

export interface ColumnStore {
  /** Opens an object for writing batch by batch (all batches with the same columns). */
  open(workspaceId: string, kind: ExportKind, importId: string): ColumnWriter;
  /** Opens an object in `stagingDir` (this process's own temporary folder on the same file system), placed at the end. */
  stage(stagingDir: string): StagedColumnWriter;
  /** Writes atomically: the object exists whole under its final name, or not at all. */
  write(workspaceId: string, kind: ExportKind, importId: string, table: ColumnTable): Promise<WrittenFile>;
  read(workspaceId: string, kind: ExportKind, importId: string): ColumnTable;
  remove(workspaceId: string, kind: ExportKind, importId: string): void;
  /** Workspaces that have stored objects (for sweeping). */
  workspaceIds(): string[];
  /** Removes a workspace's temporary objects and the objects no committed import (`<ws>/<kind>/<id>`) refers to. */
  sweepWorkspace(workspaceId: string, committed: Set<string>): string[];
  removeWorkspace(workspaceId: string): void;
}
