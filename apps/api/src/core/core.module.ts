import { Module, type DynamicModule } from '@nestjs/common';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { AuthModule } from '../auth/auth.module';
import { CoordinationModule } from '../coordination/coordination.module';
import type { AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { ExercisesModule } from '../exercises/exercises.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { PlatformModule } from '../platform/platform.module';
import { QueryModule } from '../query/query.module';
import { ReportsModule } from '../reports/reports.module';
import { StorageModule } from '../storage/storage.module';
import { WarehouseModule } from '../warehouse/warehouse.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';

/** The feature modules without their HTTP side: what the API and the CLI share. */
const FEATURES = [WorkspacesModule, DatasetsModule, QueryModule, ReportsModule, MonitoringModule, AuthModule, ExercisesModule, WarehouseModule];

/** Everything but HTTP: platform providers, metadata, Arrow storage and the feature modules. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const database = join(config.dataDir, 'creator-ops.sqlite');
    if (!config.databaseUrl) ownerOnly(database);
    return {
      module: CoreModule,
      imports: [PlatformModule, StorageModule.forRoot(config), DatabaseModule.forRoot(config), CoordinationModule, ...FEATURES],
      exports: FEATURES,
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
