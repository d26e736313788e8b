import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringHook } from './monitoring.hook';
import { MonitoringRepository } from './monitoring.repository';
import { MonitoringService } from './monitoring.service';

/** Alert rules, their evaluation after every import (the hook), anomalies and pacing. */
@Module({ imports: [DatasetsModule], providers: [MonitoringRepository, MonitoringService, MonitoringHook], exports: [MonitoringRepository, MonitoringService] })
export class MonitoringModule {}

@Module({ imports: [MonitoringModule, WorkspacesModule], controllers: [MonitoringController] })
export class MonitoringHttpModule {}
