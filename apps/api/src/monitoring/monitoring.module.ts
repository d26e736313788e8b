import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { overDataSource } from '../database/over-data-source';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { DatasetsModule } from '../datasets/datasets.module';
import { Clock } from '../platform/clock';
import { HttpClient } from '../platform/http-client';
import { TablesService } from '../tables/tables.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringHook } from './monitoring.hook';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

const PROVIDERS = [
  overDataSource(MonitoringRepository),
  {
    provide: MonitoringService,
    inject: [TablesService, MonitoringRepository, APP_CONFIG, Clock, HttpClient, WorkspaceLock],
    useFactory: (tables: TablesService, repo: MonitoringRepository, config: AppConfig, clock: Clock, http: HttpClient, lock: WorkspaceLock) =>
      new MonitoringService(tables, repo, config, clock, http, lock, new Logger('Monitoring')),
  },
];

/** Alert rules, their evaluation after every import (the hook), anomalies and pacing. */
@Module({ imports: [DatasetsModule], providers: [...PROVIDERS, MonitoringHook], exports: [MonitoringRepository, MonitoringService] })
export class MonitoringModule {}

@Module({ imports: [MonitoringModule, WorkspacesModule], controllers: [MonitoringController] })
export class MonitoringHttpModule {}
