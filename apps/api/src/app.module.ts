import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthHttpModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core/core.module';
import { DatasetsHttpModule } from './datasets/datasets.module';
import { DemoLoader } from './demo/demo.loader';
import { ExercisesHttpModule } from './exercises/exercises.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MonitoringHttpModule } from './monitoring/monitoring.module';
import { QueryHttpModule } from './query/query.module';
import { ReportsHttpModule } from './reports/reports.module';
import { DataDirLockRelease } from './storage/data-dir-lock-release';
import { InstanceRegistry, uploadDirOf } from './coordination/instance-registry';
import { WorkspaceEventsListener } from './coordination/workspace-events-listener';
import { StartupSweep } from './storage/startup-sweep';
import { WarehouseHttpModule } from './warehouse/warehouse.module';
import { WorkspacesHttpModule } from './workspaces/workspaces-http.module';

const HTTP_FEATURES = [
  AuthHttpModule,
  WorkspacesHttpModule,
  DatasetsHttpModule,
  QueryHttpModule,
  ReportsHttpModule,
  MonitoringHttpModule,
  ExercisesHttpModule,
  WarehouseHttpModule,
];

/** Upload limits and the temp folder, for the file interceptors of every feature's controllers. */
@Global()
@Module({})
class UploadsModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Per instance (coordination/instance-registry makes it again once this instance is registered alive).
    const uploads = uploadDirOf(config.dataDir);
    mkdirSync(uploads, { recursive: true });
    const limits = { fileSize: config.maxUploadMb * 1024 * 1024, files: 500 };
    const multer = MulterModule.register({ dest: uploads, limits, defParamCharset: 'utf8', preservePath: true });
    return { module: UploadsModule, imports: [multer], exports: [multer] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const web =
      config.webDist && existsSync(join(config.webDist, 'index.html'))
        ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), UploadsModule.forRoot(config), ...HTTP_FEATURES, ...web],
      controllers: [HealthController, MetricsController],
      providers: [InstanceRegistry, WorkspaceEventsListener, DemoLoader, StartupSweep, DataDirLockRelease],
    };
  }
}
