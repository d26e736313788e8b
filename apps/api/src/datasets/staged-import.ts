import { readStreamBatches, type ColumnStore, type ColumnTable, type StagedColumnWriter, type WrittenFile } from '@creator-ops/columnar';
import { reportMessage, withoutLines, type ImportReport, type SegmentSink } from '@creator-ops/ingest';
import { AdReconciler, RECONCILE_PART_MODULE, type ReconciledPart, type Reconciliation } from '@creator-ops/query';
import type { ExportKind } from '@creator-ops/schemas';

/**
 * The batches of one import on their way to its column file, staged in this instance's temporary
 * folder until the import commits (then placed into the workspace) or fails (then removed).
 */
export class StagedImport implements SegmentSink {
  private writer: StagedColumnWriter;
  /** An ad report's reconciliation (reported vs recomputed ratios, totals included), fed batch by batch. */
  private reconciler: AdReconciler | null = null;

  constructor(
    private readonly store: ColumnStore,
    private readonly dir: string,
  ) {
    this.writer = store.stage(dir);
  }

  add(segment: ColumnTable): void {
    this.writer.append(segment);
    if (segment.kind === 'ad') (this.reconciler ??= new AdReconciler()).add(segment);
  }

  /** A second thread reconciles its part of an ad report as it reads it (reconcile-part.ts). */
  partObserver(kind: ExportKind): string | null {
    return kind === 'ad' ? RECONCILE_PART_MODULE : null;
  }

  /**
   * A second thread's batches, taken without decoding them. An ad report's part joins the
   * reconciliation as the thread reconciled it, or else (absorb declines) is read back for it.
   */
  async addStream(path: string, rows: number, observed?: unknown): Promise<boolean> {
    const taken = this.writer.appendStream(path, rows);
    if (taken === null) return false;
    const reconciler = this.reconciler;
    if (reconciler && !(observed && reconciler.absorb(observed as ReconciledPart))) {
      await readStreamBatches(taken, (batch) => reconciler.add(batch), reconciler.columnsRead() ?? undefined);
    }
    return true;
  }

  /** The second thread's stream copied while it is written (`addStream` then takes the rest). */
  copyAhead(path: string, written: number): Promise<boolean> {
    return this.writer.copyAhead(path, written);
  }

  /** Rewrites the staged file without the rows at `lines` (exact repeats; rare, so a second pass is fine). */
  async drop(lines: ReadonlySet<number>): Promise<void> {
    // The reconciliation starts again from the rows kept, read back as the file is rewritten.
    const reconciler = this.reconciler ? new AdReconciler() : null;
    await this.writer.rewrite((batch) => {
      const kept = withoutLines(batch, lines);
      reconciler?.add(kept);
      return kept;
    });
    this.reconciler = reconciler;
  }

  restart(): void {
    this.writer.abort();
    this.writer = this.store.stage(this.dir);
    this.reconciler = null;
  }

  /** An ad import's reconciliation, against its total row(s). */
  reconciliation(totalRows: ImportReport['totalRows']): Reconciliation {
    return (this.reconciler ?? new AdReconciler()).finish(totalRows);
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
export function reconcile(report: ImportReport, staging: StagedImport): void {
  const reconciliation = staging.reconciliation(report.totalRows);
  report.reconciliation = reconciliation;
  if (reconciliation.issueCount) report.warnings.push(reportMessage('RECONCILIATION_MISMATCH', { count: reconciliation.issueCount }));
  else if (reconciliation.fields.length) report.warnings.push(reportMessage('RECONCILIATION_OK', { fields: reconciliation.fields.join(', ') }));
}
