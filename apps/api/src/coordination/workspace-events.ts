import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TablesService } from '../tables/tables.service';
import { DedicatedClient } from './dedicated-client';
import { INSTANCE_ID } from './instance-id';

export const WORKSPACE_CHANNEL = 'creator_ops_workspace';

/**
 * Announces a committed change to a workspace's datasets (PostgreSQL: `NOTIFY creator_ops_workspace,
 * '<workspace id>:<instance id>'`). Correctness does not depend on it: TablesService checks the
 * workspace's committed import ids (one indexed metadata query) on every read, so a read on any
 * instance right after an import elsewhere sees the new data even if the notification is late.
 * The notification lets the other instances free the memory of tables that are no longer current.
 */
@Injectable()
export class WorkspaceEvents {
  private readonly logger = new Logger('Coordination');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async changed(workspaceId: string): Promise<void> {
    if (this.db.options.type !== 'postgres') return;
    await this.db
      .query('SELECT pg_notify($1, $2)', [WORKSPACE_CHANNEL, `${workspaceId}:${INSTANCE_ID}`])
      .catch((e: Error) => this.logger.warn(`workspace change not announced: ${e.message}`));
  }
}

/** Every API instance LISTENs on a dedicated connection and drops its cached tables of a changed workspace. */
@Injectable()
export class WorkspaceEventsListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Coordination');
  private client: DedicatedClient | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: TablesService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.db.options.type !== 'postgres' || !this.config.databaseUrl) return;
    this.client = new DedicatedClient(this.db, this.config.databaseUrl, 'listener', this.logger, async (client, reconnect) => {
      client.on('notification', (m) => this.received(m.payload ?? ''));
      await client.query(`LISTEN ${WORKSPACE_CHANNEL}`);
      // Notifications sent while the connection was down are lost: forget everything cached.
      if (reconnect) this.tables.forgetAll();
    });
    await this.client.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }

  private received(payload: string): void {
    const [workspaceId, from] = payload.split(':');
    if (workspaceId && from !== INSTANCE_ID) this.tables.forgetWorkspace(workspaceId);
  }
}
