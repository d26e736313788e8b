import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { advisoryKey } from './advisory-key';
import { DedicatedClient } from './dedicated-client';
import { INSTANCE_ID, uploadDirOf } from './instance-id';

export { uploadDirOf };
import { InstanceEntity } from './instance.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * This instance's identity and liveness. With PostgreSQL it holds a session-level advisory lock
 * on its own key, on a dedicated connection, for its whole life, and records itself in `instances`:
 * another instance whose lock can be taken is dead (the lock goes with its connection, also on
 * kill -9). With SQLite the DATA_DIR lock makes this process the only one: every other is dead.
 */
@Injectable()
export class InstanceRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Coordination');
  private client: DedicatedClient | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get shared(): boolean {
    return this.db.options.type === 'postgres' && !!this.config.databaseUrl;
  }

  async onModuleInit(): Promise<void> {
    await this.register();
    // A peer starting before this instance held its lock may have judged it dead and swept its
    // (empty) upload dir: made again now that no sweep can take it.
    mkdirSync(uploadDirOf(this.config.dataDir), { recursive: true });
  }

  private async register(): Promise<void> {
    if (!this.shared) return;
    this.client = new DedicatedClient(this.db, this.config.databaseUrl!, 'instance', this.logger, async (client) => {
      await client.query('SELECT pg_advisory_lock($1::bigint)', [advisoryKey('instance', INSTANCE_ID)]);
      await client.query('INSERT INTO "instances" ("id", "host", "pid") VALUES ($1, $2, $3) ON CONFLICT ("id") DO NOTHING', [
        INSTANCE_ID,
        hostname(),
        process.pid,
      ]);
    });
    await this.client.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    await this.db
      .getRepository(InstanceEntity)
      .delete({ id: INSTANCE_ID })
      .catch(() => undefined);
    await this.client.close();
  }

  /** Whether the instance `id` is gone (its lock is free). */
  async isDead(id: string): Promise<boolean> {
    if (id === INSTANCE_ID) return false;
    if (!this.shared) return true;
    const key = advisoryKey('instance', id);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ free }] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS free', [key])) as { free: boolean }[];
      if (free) await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
      return free;
    } finally {
      await runner.release();
    }
  }

  /**
   * Removes the upload temp dirs of dead instances (and loose files of the layout before instance
   * dirs: an older version is never run beside this one), never a live peer's upload in progress;
   * forgets dead instances' records. Returns the count.
   */
  async sweepDeadUploads(): Promise<number> {
    const root = join(this.config.dataDir, 'tmp', 'uploads');
    let removed = 0;
    for (const entry of existsSync(root) ? readdirSync(root) : []) {
      const path = join(root, entry);
      const isInstanceDir = UUID.test(entry) && statSync(path).isDirectory();
      if (isInstanceDir && !(await this.isDead(entry))) continue;
      rmSync(path, { recursive: true, force: true });
      removed++;
    }
    if (this.shared) {
      for (const row of await this.db.getRepository(InstanceEntity).find()) {
        if (await this.isDead(row.id)) await this.db.getRepository(InstanceEntity).delete({ id: row.id });
      }
    }
    return removed;
  }
}
