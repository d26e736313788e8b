import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { databaseOptions, openDataSource } from './database-options';
import { ENTITIES } from './entities';

/** The metadata database and the TypeORM repositories of every entity, for the repositories of each feature. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    const entities = TypeOrmModule.forFeature(ENTITIES);
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ useFactory: () => databaseOptions(config), dataSourceFactory: (options) => openDataSource(options!) }), entities],
      exports: [entities],
    };
  }
}
