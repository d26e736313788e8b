import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { DatasetEntity } from './datasets/dataset.entity';
import { DatasetsRepository } from './datasets/datasets.repository';
import { DatasetsService } from './datasets/datasets.service';
import { StorageModule } from './storage/storage.module';
import { QueryService } from './query/query.service';
import { ReportsService } from './reports/reports.service';
import { WorkspaceSummaryService } from './workspaces/workspace-summary.service';
import { TablesService } from './tables/tables.service';
import { WorkspaceEntity } from './workspaces/workspace.entity';
import { WorkspacesRepository } from './workspaces/workspaces.repository';
import { WorkspacesService } from './workspaces/workspaces.service';

const SERVICES = [WorkspacesRepository, WorkspacesService, DatasetsRepository, DatasetsService, TablesService, QueryService, ReportsService, WorkspaceSummaryService];

/** Everything but HTTP: metadata, Arrow storage and the services. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true });
    return {
      module: CoreModule,
      imports: [
        StorageModule.forRoot(config),
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: join(config.dataDir, 'creator-ops.sqlite'),
          entities: [WorkspaceEntity, DatasetEntity],
          synchronize: true,
          enableWAL: true,
          timeout: 10_000,
        }),
        TypeOrmModule.forFeature([WorkspaceEntity, DatasetEntity]),
      ],
      providers: SERVICES,
      exports: SERVICES,
    };
  }
}
