import { Module } from '@nestjs/common';
import { TablesService } from '../tables/tables.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { DatasetsController } from './datasets.controller';
import { DatasetsRepository } from './datasets.repository';
import { DatasetsService } from './datasets.service';

const PROVIDERS = [DatasetsRepository, TablesService, DatasetsService];

/** Imports (datasets) and the logical tables made of them. */
@Module({ imports: [WorkspacesModule], providers: PROVIDERS, exports: PROVIDERS })
export class DatasetsModule {}

@Module({ imports: [DatasetsModule, WorkspacesModule], controllers: [DatasetsController] })
export class DatasetsHttpModule {}
