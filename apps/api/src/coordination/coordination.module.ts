import { Global, Module } from '@nestjs/common';
import { RATE_LIMIT_STORE, RATE_LIMIT_STORE_PROVIDER } from './rate-limit-store';
import { WorkspaceEvents } from './workspace-events';
import { WorkspaceLock } from './workspace-lock';

/** What instances share through the metadata database: per-workspace locks, change notices and rate limits. */
@Global()
@Module({ providers: [WorkspaceLock, WorkspaceEvents, RATE_LIMIT_STORE_PROVIDER], exports: [WorkspaceLock, WorkspaceEvents, RATE_LIMIT_STORE] })
export class CoordinationModule {}
