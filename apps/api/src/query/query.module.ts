import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { QueryController } from './query.controller';
import { QueryService } from './query.service';

@Module({ imports: [DatasetsModule], providers: [QueryService], exports: [QueryService] })
export class QueryModule {}

@Module({ imports: [QueryModule, WorkspacesModule], controllers: [QueryController] })
export class QueryHttpModule {}
