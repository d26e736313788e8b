import { Module, type DynamicModule } from '@nestjs/common';
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
import { prepareDataDir } from '../storage/prepare-data-dir';
import { StorageModule } from '../storage/storage.module';
import { WarehouseModule } from '../warehouse/warehouse.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';

/** The feature modules without their HTTP side: what the API and the CLI share. */
const FEATURES = [WorkspacesModule, DatasetsModule, QueryModule, ReportsModule, MonitoringModule, AuthModule, ExercisesModule, WarehouseModule];

/** Everything but HTTP: platform providers, metadata, Arrow storage and the feature modules. Shared by the API and the CLI. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    prepareDataDir(config);
    return {
      module: CoreModule,
      imports: [PlatformModule, StorageModule.forRoot(config), DatabaseModule.forRoot(config), CoordinationModule, ...FEATURES],
      exports: FEATURES,
    };
  }
}
