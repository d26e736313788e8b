import { Global, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RATE_LIMIT_STORE, RATE_LIMIT_STORE_PROVIDER } from './rate-limit-store';
import { WorkspaceEvents } from './workspace-events';
import { WorkspaceLock } from './workspace-lock';

const DB = [getDataSourceToken()];

/** What instances share through the metadata database: per-workspace locks, change notices and rate limits. */
@Global()
@Module({
  providers: [
    { provide: WorkspaceLock, inject: DB, useFactory: (db: DataSource) => new WorkspaceLock(db) },
    { provide: WorkspaceEvents, inject: DB, useFactory: (db: DataSource) => new WorkspaceEvents(db, new Logger('Coordination')) },
    RATE_LIMIT_STORE_PROVIDER,
  ],
  exports: [WorkspaceLock, WorkspaceEvents, RATE_LIMIT_STORE],
})
export class CoordinationModule {}
