import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { WorkspaceSummaryService } from './workspace-summary.service';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesModule } from './workspaces.module';

/** The HTTP side of workspaces: list, create, members, summary. */
@Module({ imports: [WorkspacesModule, DatasetsModule, AuthModule], providers: [WorkspaceSummaryService], controllers: [WorkspacesController] })
export class WorkspacesHttpModule {}
