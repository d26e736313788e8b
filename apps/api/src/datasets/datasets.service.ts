import { randomUUID } from 'node:crypto';
import { analyseOverlap, ArrowFileStore, toRecords, type ColumnSpec, type KeySpill } from '@creator-ops/columnar';
import { ingestFile, reportMessage, SEGMENT_ROWS, type ImportReport, type IngestOptions } from '@creator-ops/ingest';
import { reconcileAdImport, type Reconciliation } from '@creator-ops/query';
import { KINDS } from '@creator-ops/schemas';
import { KeyedMutex } from '../auth/keyed-mutex';
import { AppError, NotFoundError } from '../common/app-error';
import { Status } from '../common/http-status';
import type { Log } from '../common/log';
import { WorkspaceEvents } from '../coordination/workspace-events';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { FaultInjector } from '../storage/fault-injector';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from '../workspaces/workspaces.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { DatasetsRepository, type Dataset } from './datasets.repository';
import { reconcile, StagedImport } from './staged-import';

/** An upload to import: the ingest options a client may set (the secret is the server's), and where the bytes are. */
export interface ImportRequest extends Omit<IngestOptions, 'secret'> {
  /** Path of the uploaded bytes (a temp file owned by the caller). */
  path: string;
}

export interface ImportOutcome {
  dataset: Dataset;
  report: ImportReport;
}

export class DatasetsService {
  /**
   * Imports of one workspace run one at a time in this process, reading included (bounded memory);
   * between instances the workspace lock orders their overlap analysis and commit.
   */
  private readonly queue = new KeyedMutex();

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly repo: DatasetsRepository,
    private readonly tables: TablesService,
    private readonly faults: FaultInjector,
    private readonly files: ArrowFileStore,
    private readonly secret: string,
    private readonly lock: WorkspaceLock,
    private readonly events: WorkspaceEvents,
    private readonly logger: Log,
    /** This instance's own temporary folder on DATA_DIR's file system (staged column files, key partitions). */
    private readonly stagingDir: string,
  ) {}

  async import(workspaceName: string, req: ImportRequest): Promise<ImportOutcome> {
    WorkspacesService.assertValidName(workspaceName);
    return this.queue.run(workspaceName, () => this.importNow(workspaceName, req));
  }

  /**
   * A workspace named for the first time is created only once its first file has been read
   * successfully. The rows stream in batches into a column file staged in this instance's temporary
   * folder, placed into the workspace when the import commits (memory bounded by a batch).
   */
  private async importNow(workspaceName: string, req: ImportRequest): Promise<ImportOutcome> {
    const fileName = sanitiseFileName(req.fileName);
    const stagingDir = this.stagingDir;
    const staging = new StagedImport(this.files, stagingDir);
    let keys: KeySpill | null = null;
    try {
      const result = await ingestFile(req.path, {
        fileName,
        kind: req.kind,
        account: req.account,
        date: req.date,
        encoding: req.encoding,
        sheet: req.sheet,
        secret: this.secret,
        onProgress: req.onProgress,
        segmentRows: SEGMENT_ROWS,
        sink: staging,
        spillDir: stagingDir,
      });
      keys = result.keys;
      const { table: columns, report } = result;
      if (report.rows.accepted === 0) {
        throw new AppError('NO_ACCEPTED_ROWS', Status.UNPROCESSABLE_ENTITY, { ...report.rows }, { report });
      }
      const workspace = await this.workspaces.ensure(workspaceName);
      if (report.kind === 'ad') reconcile(report, staging);
      // Overlap analysis reads the state the commit changes: the two happen under the workspace lock.
      const incoming = { fileName, specs: columns.specs, keys, report };
      const dataset = await this.lock.withWorkspaceLock(workspace.id, () => this.analyseAndCommit(workspace.id, incoming, staging));
      await this.events.changed(workspace.id);
      this.logger.log(
        `imported ${report.kind} dataset ${dataset.id}: ${report.rows.accepted} rows accepted, ${report.rows.rejected} rejected, ${report.rows.skipped} skipped`,
      );
      await this.runAfterImport(dataset, workspace);
      return { dataset, report };
    } finally {
      staging.abort();
      keys?.dispose();
    }
  }

  /** Overlap warnings, then the Arrow file into place, then the metadata commit (called under the workspace lock). */
  private async analyseAndCommit(
    workspaceId: string,
    incoming: { fileName: string; specs: ColumnSpec[]; keys: KeySpill; report: ImportReport },
    staging: StagedImport,
  ): Promise<Dataset> {
    const { report } = incoming;
    const kind = report.kind;
    const existing = await this.tables.importParts(workspaceId, kind);
    const overlap = analyseOverlap(KINDS[kind], existing, incoming.keys);
    report.duplicatesReplaced = overlap.replaced;
    if (overlap.replaced) report.warnings.push(reportMessage('DUPLICATES_REPLACED', { count: overlap.replaced }));
    if (overlap.statusRegressions)
      report.warnings.push(reportMessage('STATUS_REGRESSION', { count: overlap.statusRegressions, example: overlap.regressionExample ?? '' }));

    const id = randomUUID();
    this.faults.check('import:before-write');
    const written = await staging.place(workspaceId, kind, id);
    let dataset: Dataset;
    try {
      this.faults.check('import:before-commit');
      dataset = await this.repo.commit({
        id,
        workspaceId,
        kind,
        fileName: incoming.fileName,
        sourceSha256: report.source.sha256,
        sourceBytes: report.source.bytes,
        arrowSha256: written.sha256,
        rowCount: report.rows.accepted,
        keyFields: report.naturalKey,
        columns: incoming.specs,
        report,
      });
    } catch (e) {
      // Not committed: the file goes, and nothing of this import remains.
      this.files.remove(workspaceId, kind, id);
      this.tables.forget(id);
      throw e;
    }
    this.faults.check('import:after-commit');
    return dataset;
  }

  /** Called after each committed import (monitoring evaluates its rules); never fails the import. */
  private afterImport?: (dataset: Dataset, workspace: Workspace) => Promise<unknown>;

  onImported(listener: (dataset: Dataset, workspace: Workspace) => Promise<unknown>): void {
    this.afterImport = listener;
  }

  private async runAfterImport(dataset: Dataset, workspace: Workspace): Promise<void> {
    try {
      await this.afterImport?.(dataset, workspace);
    } catch (e) {
      this.logger.warn(`after-import step failed for ${dataset.id}: ${(e as Error).message}`);
    }
  }

  async list(ws: Workspace): Promise<Dataset[]> {
    return this.repo.list(ws.id);
  }

  async get(ws: Workspace, id: string): Promise<Dataset> {
    const dataset = isUuid(id) ? await this.repo.find(ws.id, id) : null;
    if (!dataset) throw new NotFoundError('dataset', id);
    return dataset;
  }

  async rows(ws: Workspace, id: string, offset: number, limit: number): Promise<{ total: number; columns: ColumnSpec[]; rows: ReturnType<typeof toRecords> }> {
    const dataset = await this.get(ws, id);
    const table = this.tables.part(dataset.workspaceId, dataset.kind, dataset.id);
    const columns = table.specs.filter((s) => s.role !== 'line');
    return { total: table.length, columns, rows: toRecords(table, offset, limit, [...columns, ...table.specs.filter((s) => s.role === 'line')]) };
  }

  /**
   * Reported-vs-recomputed ratios of an ad import: the report's (computed at import), or recomputed from
   * the stored rows for older reports (which listed every disagreement) and for a stretch `page` of the
   * disagreements (rows in line order, then the total row's).
   */
  async reconciliation(ws: Workspace, id: string, page?: { offset: number; limit: number }): Promise<Reconciliation & { offset?: number }> {
    const dataset = await this.get(ws, id);
    if (dataset.kind !== 'ad') return { fields: [], rowsChecked: 0, totalChecked: false, issueCount: 0, issueCounts: {}, issues: [] };
    const stored = dataset.report.reconciliation as Reconciliation | undefined;
    if (!page && stored?.issueCount !== undefined) return stored;
    // Past the end: nothing to list, and nothing to recompute.
    if (page && stored?.issueCount !== undefined && page.offset >= stored.issueCount) return { ...stored, offset: page.offset, issues: [] };
    const rows = this.tables.part(dataset.workspaceId, 'ad', dataset.id);
    if (!page) return reconcileAdImport(rows, dataset.report.totalRows);
    // The sequence is the rows' disagreements in line order, then the total row's: the page lists the rows' in it (and no
    // more, whatever the offset), then the total row's that fall in it.
    const listed = reconcileAdImport(rows, dataset.report.totalRows, page.limit, page.offset);
    const totals = listed.issues.filter((i) => i.line === 'total');
    const rowIssues = listed.issueCount - totals.length;
    const inPage = (at: number) => at >= page.offset && at < page.offset + page.limit;
    const issues = [...listed.issues.filter((i) => i.line !== 'total'), ...totals.filter((_, j) => inPage(rowIssues + j))];
    return { ...listed, offset: page.offset, issues };
  }

  /** Metadata first (one transaction), then the file: a crash in between leaves only an orphan file, swept at start. */
  async remove(ws: Workspace, id: string): Promise<void> {
    const dataset = await this.get(ws, id);
    await this.lock.withWorkspaceLock(dataset.workspaceId, async () => {
      await this.repo.remove(dataset.workspaceId, dataset.id);
      this.tables.forget(dataset.id);
      this.faults.check('delete:before-unlink');
      this.files.remove(dataset.workspaceId, dataset.kind, dataset.id);
    });
    await this.events.changed(dataset.workspaceId);
    this.faults.check('delete:after-unlink');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (s: string) => UUID.test(s);

/** Keeps the base name only, without control characters; it is a label, never a path. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : 'upload.csv';
}
