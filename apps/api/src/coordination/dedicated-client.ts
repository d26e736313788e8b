import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** The part of node-postgres' Client used here (the `pg` package ships no types). */
export interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
  end(): Promise<void>;
}

const RECONNECT_MS = 1000;

/**
 * One PostgreSQL connection outside the pool, kept for the life of the process (LISTEN, a lock
 * held for the process's lifetime). Lost connections are reopened every second; `onConnect` runs
 * on each (with `reconnect` true after a loss, when notifications or the lock may have been missed).
 */
export class DedicatedClient {
  private current: PgClient | null = null;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: DataSource,
    private readonly url: string,
    private readonly name: string,
    private readonly logger: Logger,
    private readonly onConnect: (client: PgClient, reconnect: boolean) => Promise<void>,
  ) {}

  /** Opens the first connection (throws when PostgreSQL cannot be reached). */
  start(): Promise<void> {
    return this.connect(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnect: boolean): Promise<void> {
    const { Client } = (this.db.driver as unknown as { postgres: { Client: new (options: object) => PgClient } }).postgres;
    const client = new Client({ connectionString: this.url, application_name: `creator-ops ${this.name}` });
    client.on('error', (e) => {
      this.logger.warn(`${this.name} connection lost: ${e.message}`);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    this.current = client;
    try {
      await client.connect();
      await this.onConnect(client, reconnect);
    } catch (e) {
      if (this.current === client) this.current = null;
      await client.end().catch(() => undefined);
      throw e;
    }
  }

  private lost(client: PgClient): void {
    if (this.closed || this.current !== client) return;
    this.current = null;
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect(true).catch((e: Error) => {
        this.logger.warn(`${this.name} reconnect failed: ${e.message}`);
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
