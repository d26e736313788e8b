import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { uploadDirOf } from '../coordination/instance-id';
import { Logger, Module } from '@nestjs/common';
import { ArrowFileStore } from '@creator-ops/columnar';
import { WorkspaceEvents } from '../coordination/workspace-events';
import { overDataSource } from '../database/over-data-source';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { FaultInjector } from '../storage/fault-injector';
import { INSTALLATION_SECRET } from '../storage/storage.tokens';
import { TablesService } from '../tables/tables.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { DatasetsController } from './datasets.controller';
import { DatasetsRepository } from './datasets.repository';
import { DatasetsService } from './datasets.service';

/** The plain classes of datasets (shared with the CLI's framework-free start), constructed for Nest. */
const PROVIDERS = [
  overDataSource(DatasetsRepository),
  {
    provide: TablesService,
    inject: [DatasetsRepository, ArrowFileStore],
    useFactory: (repo: DatasetsRepository, files: ArrowFileStore) => new TablesService(repo, files),
  },
  {
    provide: DatasetsService,
    inject: [
      WorkspacesService,
      DatasetsRepository,
      TablesService,
      FaultInjector,
      ArrowFileStore,
      INSTALLATION_SECRET,
      WorkspaceLock,
      WorkspaceEvents,
      APP_CONFIG,
    ],
    useFactory: (
      ws: WorkspacesService,
      repo: DatasetsRepository,
      tables: TablesService,
      faults: FaultInjector,
      files: ArrowFileStore,
      secret: string,
      lock: WorkspaceLock,
      events: WorkspaceEvents,
      config: AppConfig,
    ) => new DatasetsService(ws, repo, tables, faults, files, secret, lock, events, new Logger('Datasets'), uploadDirOf(config.dataDir)),
  },
];
const EXPORTED = [DatasetsRepository, TablesService, DatasetsService];

/** Imports (datasets) and the logical tables made of them. */
@Module({ imports: [WorkspacesModule], providers: PROVIDERS, exports: EXPORTED })
export class DatasetsModule {}

@Module({ imports: [DatasetsModule, WorkspacesModule], controllers: [DatasetsController] })
export class DatasetsHttpModule {}
