import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TablesService } from '../tables/tables.service';
import { DedicatedClient } from './dedicated-client';
import { INSTANCE_ID } from './instance-id';
import { WORKSPACE_CHANNEL } from './workspace-events';

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
