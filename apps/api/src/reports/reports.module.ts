import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [DatasetsModule], providers: [ReportsService], exports: [ReportsService] })
export class ReportsModule {}

@Module({ imports: [ReportsModule, WorkspacesModule], controllers: [ReportsController] })
export class ReportsHttpModule {}
