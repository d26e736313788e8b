import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { advisoryKey } from './advisory-key';

/**
 * Serialises the writes to one workspace (import, dataset delete, rule evaluation, alert
 * acknowledgement). In one process an in-process queue per workspace orders them; with PostgreSQL
 * each also holds `pg_advisory_lock` on the workspace's key, on a connection kept for the duration,
 * so two instances never interleave. The lock dies with its connection: an instance killed in the
 * middle of an import frees the workspace at once.
 */
@Injectable()
export class WorkspaceLock {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** True when several processes may share the metadata (PostgreSQL). */
  get shared(): boolean {
    return this.db.options.type === 'postgres';
  }

  async withWorkspaceLock<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workspaceId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => (this.shared ? this.withAdvisoryLock(advisoryKey('workspace', workspaceId), fn) : fn()));
    this.queues.set(workspaceId, run);
    try {
      return await run;
    } finally {
      if (this.queues.get(workspaceId) === run) this.queues.delete(workspaceId);
    }
  }

  /** Runs `fn` holding a session-level advisory lock on a dedicated connection; released in every case. */
  async withAdvisoryLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      try {
        return await fn();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }
}
