import { Inject, Injectable } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeParquetFile, type ParquetFileInfo } from '@creator-ops/warehouse';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatasetsService } from '../datasets/datasets.service';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from '../workspaces/workspaces.repository';

/** Datasets as Parquet files a warehouse (DuckDB, Spark, ClickHouse, Trino) reads in place. */
@Injectable()
export class WarehouseService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly datasets: DatasetsService,
    private readonly tables: TablesService,
  ) {}

  /** One import's own rows, as stored. */
  async exportDataset(ws: Workspace, id: string, path: string): Promise<ParquetFileInfo> {
    const dataset = await this.datasets.get(ws, id);
    const table = this.tables.part(dataset.workspaceId, dataset.kind, dataset.id);
    return writeParquetFile(table, path, { timeZone: this.config.tzBusiness });
  }

  /** One file per kind, `<kind>.parquet`: the workspace's logical tables (imports merged, overlaps resolved). */
  async exportWorkspace(ws: Workspace, dir: string): Promise<ParquetFileInfo[]> {
    mkdirSync(dir, { recursive: true });
    const out: ParquetFileInfo[] = [];
    for (const [kind, logical] of await this.tables.all(ws.id)) {
      out.push(writeParquetFile(logical.table, join(dir, `${kind}.parquet`), { timeZone: this.config.tzBusiness }));
    }
    return out;
  }
}
