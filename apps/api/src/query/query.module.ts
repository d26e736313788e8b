import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { TablesService } from '../tables/tables.service';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { QueryController } from './query.controller';
import { QueryService } from './query.service';

const QUERY = { provide: QueryService, inject: [TablesService], useFactory: (tables: TablesService) => new QueryService(tables) };

@Module({ imports: [DatasetsModule], providers: [QUERY], exports: [QueryService] })
export class QueryModule {}

@Module({ imports: [QueryModule, WorkspacesModule], controllers: [QueryController] })
export class QueryHttpModule {}
