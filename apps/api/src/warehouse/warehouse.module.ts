import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { WarehouseController } from './warehouse.controller';
import { WarehouseService } from './warehouse.service';

@Module({ imports: [DatasetsModule], providers: [WarehouseService], exports: [WarehouseService] })
export class WarehouseModule {}

@Module({ imports: [WarehouseModule, WorkspacesModule], controllers: [WarehouseController] })
export class WarehouseHttpModule {}
