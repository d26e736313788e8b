import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { UsersController } from './auth/users.controller';
import { MulterModule } from '@nestjs/platform-express';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { DatasetsController } from './datasets/datasets.controller';
import { DemoLoader } from './demo/demo.loader';
import { AssignmentsController } from './exercises/assignments.controller';
import { ExercisesController } from './exercises/exercises.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MonitoringController } from './monitoring/monitoring.controller';
import { QueryController } from './query/query.controller';
import { ReportsController } from './reports/reports.controller';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { StartupSweep } from './storage/startup-sweep';
import { WarehouseController } from './warehouse/warehouse.controller';
import { DataDirLockRelease } from './storage/data-dir-lock-release';
import { InstanceRegistry, uploadDirOf } from './coordination/instance-registry';
import { WorkspaceEventsListener } from './coordination/workspace-events';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Per instance (coordination/instance-registry makes it again once this instance is registered alive).
    const uploads = uploadDirOf(config.dataDir);
    mkdirSync(uploads, { recursive: true });
    const web = config.webDist && existsSync(join(config.webDist, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        MulterModule.register({ dest: uploads, limits: { fileSize: config.maxUploadMb * 1024 * 1024, files: 500 }, defParamCharset: 'utf8', preservePath: true }),
        ...web,
      ],
      controllers: [AuthController, UsersController, HealthController, WorkspacesController, DatasetsController, MetricsController, QueryController, ReportsController, MonitoringController, ExercisesController, AssignmentsController, WarehouseController],
      providers: [InstanceRegistry, WorkspaceEventsListener, DemoLoader, StartupSweep, DataDirLockRelease, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
