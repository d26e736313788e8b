import { concatTables, type ColumnStore, type ColumnTable, type StagedColumnWriter, type WrittenFile } from '@creator-ops/columnar';
import { reportMessage, withoutLines, type ImportReport, type SegmentSink } from '@creator-ops/ingest';
import { reconcileAdImport } from '@creator-ops/query';
import type { ExportKind } from '@creator-ops/schemas';

/**
 * The batches of one import on their way to its column file, staged in this instance's temporary
 * folder until the import commits (then placed into the workspace) or fails (then removed).
 */
export class StagedImport implements SegmentSink {
  private writer: StagedColumnWriter;
  private adBatches: ColumnTable[] = [];

  constructor(
    private readonly store: ColumnStore,
    private readonly dir: string,
  ) {
    this.writer = store.stage(dir);
  }

  add(segment: ColumnTable): void {
    this.writer.append(segment);
    // An ad report's reconciliation (reported vs recomputed ratios, totals included) reads the whole table.
    if (segment.kind === 'ad') this.adBatches.push(segment);
  }

  /** Rewrites the staged file without the rows at `lines` (exact repeats; rare, so a second pass is fine). */
  async drop(lines: ReadonlySet<number>): Promise<void> {
    await this.writer.rewrite((batch) => withoutLines(batch, lines));
    this.adBatches = this.adBatches.map((batch) => withoutLines(batch, lines));
  }

  restart(): void {
    this.writer.abort();
    this.writer = this.store.stage(this.dir);
    this.adBatches = [];
  }

  /** An ad import's rows. */
  adRows(): ColumnTable {
    return concatTables(this.adBatches);
  }

  place(workspaceId: string, kind: ExportKind, importId: string): Promise<WrittenFile> {
    return this.writer.place(workspaceId, kind, importId);
  }

  /** Removes the staged file unless it was placed. */
  abort(): void {
    this.writer.abort();
  }
}

/** Reported-vs-recomputed ratios of an ad import, as warnings and in the report. */
export function reconcile(report: ImportReport, rows: ColumnTable): void {
  const reconciliation = reconcileAdImport(rows, report.totalRows);
  report.reconciliation = reconciliation;
  if (reconciliation.issues.length) report.warnings.push(reportMessage('RECONCILIATION_MISMATCH', { count: reconciliation.issues.length }));
  else if (reconciliation.fields.length) report.warnings.push(reportMessage('RECONCILIATION_OK', { fields: reconciliation.fields.join(', ') }));
}
