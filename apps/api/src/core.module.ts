import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import type { AppConfig } from './config/app-config';
import { databaseOptions } from './database/database-options';
import { ENTITIES } from './database/entities';
import { DatasetsRepository } from './datasets/datasets.repository';
import { DatasetsService } from './datasets/datasets.service';
import { StorageModule } from './storage/storage.module';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { ExercisesService } from './exercises/exercises.service';
import { SubmissionsRepository } from './exercises/submissions.repository';
import { MonitoringRepository } from './monitoring/monitoring.repository';
import { MonitoringHook } from './monitoring/monitoring.hook';
import { MonitoringService } from './monitoring/monitoring.service';
import { QueryService } from './query/query.service';
import { ReportsService } from './reports/reports.service';
import { WorkspaceSummaryService } from './workspaces/workspace-summary.service';
import { TablesService } from './tables/tables.service';
import { WorkspacesRepository } from './workspaces/workspaces.repository';
import { WorkspacesService } from './workspaces/workspaces.service';
import { WarehouseService } from './warehouse/warehouse.service';

const SERVICES = [WorkspacesRepository, WorkspacesService, DatasetsRepository, DatasetsService, TablesService, QueryService, ReportsService, WorkspaceSummaryService, MonitoringRepository, MonitoringService, AuthRepository, AuthService, SubmissionsRepository, ExercisesService, WarehouseService];

/** Everything but HTTP: metadata, Arrow storage and the services. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true });
    return {
      module: CoreModule,
      imports: [
        StorageModule.forRoot(config),
        TypeOrmModule.forRoot(databaseOptions(config)),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [...SERVICES, MonitoringHook],
      exports: SERVICES,
    };
  }
}
