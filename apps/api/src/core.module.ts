import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { databaseOptions, openDataSource } from './database/database-options';
import { ENTITIES } from './database/entities';
import { DatasetsRepository } from './datasets/datasets.repository';
import { DatasetsService } from './datasets/datasets.service';
import { StorageModule } from './storage/storage.module';
import { AuthRepository } from './auth/auth.repository';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { SignInThrottle } from './auth/sign-in-throttle';
import { UserAdminService } from './auth/user-admin.service';
import { AssignmentsRepository } from './exercises/assignments.repository';
import { AssignmentsService } from './exercises/assignments.service';
import { ExerciseAccessService } from './exercises/exercise-access.service';
import { ExercisesService } from './exercises/exercises.service';
import { SubmissionsService } from './exercises/submissions.service';
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
import { WorkspaceEvents } from './coordination/workspace-events';
import { WorkspaceLock } from './coordination/workspace-lock';
import { RATE_LIMIT_STORE, RATE_LIMIT_STORE_PROVIDER } from './coordination/rate-limit-store';

const SERVICES = [WorkspacesRepository, WorkspacesService, DatasetsRepository, DatasetsService, TablesService, QueryService, ReportsService, WorkspaceSummaryService, MonitoringRepository, MonitoringService, AuthRepository, PasswordHasher, SignInThrottle, AuthService, UserAdminService, SubmissionsRepository, AssignmentsRepository, ExerciseAccessService, ExercisesService, SubmissionsService, AssignmentsService, WarehouseService, WorkspaceLock, WorkspaceEvents];

/** Everything but HTTP: metadata, Arrow storage and the services. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const database = join(config.dataDir, 'creator-ops.sqlite');
    if (!config.databaseUrl) ownerOnly(database);
    return {
      module: CoreModule,
      imports: [
        StorageModule.forRoot(config),
        TypeOrmModule.forRootAsync({ useFactory: () => databaseOptions(config), dataSourceFactory: (options) => openDataSource(options!) }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [...SERVICES, MonitoringHook, RATE_LIMIT_STORE_PROVIDER],
      exports: [...SERVICES, RATE_LIMIT_STORE],
    };
  }
}

/**
 * The metadata database (users, password hashes, sessions) is readable by its owner only: created
 * 0600 before SQLite opens it (its -wal and -shm files copy the database file's mode), and
 * narrowed if an older version created it wider.
 */
function ownerOnly(database: string): void {
  if (!existsSync(database)) closeSync(openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
