import type { DataSource } from 'typeorm';
import type { ColumnSpec } from '@creator-ops/columnar';
import type { ImportReport } from '@creator-ops/ingest';
import type { ExportKind } from '@creator-ops/schemas';
import { advisoryKey } from '../coordination/advisory-key';
import { DatasetEntity } from './dataset.entity';

export interface Dataset {
  id: string;
  workspaceId: string;
  kind: ExportKind;
  seq: number;
  fileName: string;
  sourceSha256: string;
  sourceBytes: number;
  arrowSha256: string;
  rowCount: number;
  keyFields: string[];
  columns: ColumnSpec[];
  report: ImportReport;
  createdAt: Date;
}

export type NewDataset = Omit<Dataset, 'seq' | 'createdAt'>;

const toDataset = (e: DatasetEntity): Dataset => ({ ...e, kind: e.kind as ExportKind, columns: e.columns as ColumnSpec[], report: e.report as ImportReport });

export class DatasetsRepository {
  constructor(private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(DatasetEntity);
  }

  /** Inserts the dataset with the next import sequence number, in one transaction (PostgreSQL: numbered under a lock, as instances commit in parallel). */
  async commit(dataset: NewDataset): Promise<Dataset> {
    return this.db.transaction(async (tx) => {
      if (this.db.options.type === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryKey('dataset-seq', 'all')]);
      const repo = tx.getRepository(DatasetEntity);
      const last = await repo.createQueryBuilder('d').select('MAX(d.seq)', 'max').getRawOne<{ max: number | null }>();
      const entity = repo.create({ ...dataset, seq: (last?.max ?? 0) + 1 });
      return toDataset(await repo.save(entity));
    });
  }

  async find(workspaceId: string, id: string): Promise<Dataset | null> {
    const e = await this.repo.findOneBy({ workspaceId, id });
    return e ? toDataset(e) : null;
  }

  async list(workspaceId: string, kind?: ExportKind): Promise<Dataset[]> {
    const rows = await this.repo.find({ where: kind ? { workspaceId, kind } : { workspaceId }, order: { seq: 'ASC' } });
    return rows.map(toDataset);
  }

  /** Committed (workspace, kind, id) triples, for sweeping orphan files. */
  async allFileKeys(): Promise<Set<string>> {
    const rows = await this.repo.find({ select: { id: true, workspaceId: true, kind: true } });
    return new Set(rows.map((r) => `${r.workspaceId}/${r.kind}/${r.id}`));
  }

  /** Import ids per kind of a workspace, in import order: the version of its logical tables. */
  async versions(workspaceId: string): Promise<Map<ExportKind, string[]>> {
    const rows = await this.repo.find({ select: { id: true, kind: true, seq: true }, where: { workspaceId }, order: { seq: 'ASC' } });
    const out = new Map<ExportKind, string[]>();
    for (const r of rows) {
      const k = r.kind as ExportKind;
      out.set(k, [...(out.get(k) ?? []), r.id]);
    }
    return out;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.transaction((tx) => tx.getRepository(DatasetEntity).delete({ workspaceId, id }));
    return (result.affected ?? 0) > 0;
  }
}
