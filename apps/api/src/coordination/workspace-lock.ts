import type { DataSource } from 'typeorm';
import { HashLimiter } from '../auth/hash-limiter';
import { KeyedMutex } from '../auth/keyed-mutex';
import { advisoryKey, type LockNamespace } from './advisory-key';

/**
 * Serialises the writes to one workspace (import, dataset delete, rule evaluation, alert
 * acknowledgement). In one process an in-process queue per workspace orders them; with PostgreSQL
 * each also holds `pg_advisory_lock` on the workspace's key, on a connection kept for the duration,
 * so two instances never interleave. The lock dies with its connection: an instance killed in the
 * middle of an import frees the workspace at once.
 */
export class WorkspaceLock {
  private readonly queue = new KeyedMutex();
  /**
   * Connections held for locks at once: at most half the pool (10), so the work done under the
   * locks always finds a connection (10 imports into 10 workspaces would otherwise hold them all).
   */
  private readonly holders = new HashLimiter(5);

  constructor(private readonly db: DataSource) {}

  /** True when several processes may share the metadata (PostgreSQL). */
  get shared(): boolean {
    return this.db.options.type === 'postgres';
  }

  withWorkspaceLock<T>(workspaceId: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(workspaceId, () => (this.shared ? this.withAdvisoryLock(advisoryKey('workspace', workspaceId), fn) : fn()));
  }

  /** Runs `fn` one instance at a time (PostgreSQL; with SQLite there is one process): first-start work. */
  exclusive<T>(namespace: LockNamespace, id: string, fn: () => Promise<T>): Promise<T> {
    return this.shared ? this.withAdvisoryLock(advisoryKey(namespace, id), fn) : fn();
  }

  /** Runs `fn` holding a session-level advisory lock on a dedicated connection; released in every case. */
  withAdvisoryLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.holders.run(() => this.holding(key, fn));
  }

  private async holding<T>(key: string, fn: () => Promise<T>): Promise<T> {
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
