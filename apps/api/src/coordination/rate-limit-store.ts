import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * The state of rate limits and sign-in throttles, by key. With PostgreSQL it lives in the
 * `rate_limits` table, so every instance enforces the same limits (a client cannot multiply its
 * allowance by the number of instances); with SQLite (one process) in memory.
 */
export interface RateLimitStore {
  read<S>(key: string): Promise<S | null>;
  /** Replaces the state of `key` by `change(current)` atomically (null removes it); kept `ttlMs`. */
  update<S>(key: string, change: (current: S | null) => S | null, ttlMs: number): Promise<S | null>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/** Kept keys are bounded: the oldest go first (an attacker cannot exhaust memory with names). */
const MAX_KEYS = 20_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly entries = new Map<string, { state: unknown; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async read<S>(key: string): Promise<S | null> {
    const e = this.entries.get(key);
    return e && e.expiresAt > this.now() ? (e.state as S) : null;
  }

  async update<S>(key: string, change: (current: S | null) => S | null, ttlMs: number): Promise<S | null> {
    const next = change(await this.read<S>(key));
    this.entries.delete(key);
    if (next !== null) this.entries.set(key, { state: next, expiresAt: this.now() + ttlMs });
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
    return next;
  }
}

export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: DataSource) {}

  async read<S>(key: string): Promise<S | null> {
    const rows = (await this.db.query('SELECT "state" FROM "rate_limits" WHERE "key" = $1 AND "expiresAt" > $2', [key, Date.now()])) as { state: string }[];
    return rows.length ? (JSON.parse(rows[0].state) as S) : null;
  }

  /** One transaction holding the key's row lock: concurrent updates from any instance apply one after the other. */
  async update<S>(key: string, change: (current: S | null) => S | null, ttlMs: number): Promise<S | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO "rate_limits" ("key", "state", "expiresAt") VALUES ($1, \'null\', 0) ON CONFLICT ("key") DO NOTHING', [key]);
      const [row] = (await tx.query('SELECT "state", "expiresAt" FROM "rate_limits" WHERE "key" = $1 FOR UPDATE', [key])) as {
        state: string;
        expiresAt: string;
      }[];
      const now = Date.now();
      const next = change(row && Number(row.expiresAt) > now ? (JSON.parse(row.state) as S) : null);
      if (next === null) await tx.query('DELETE FROM "rate_limits" WHERE "key" = $1', [key]);
      else await tx.query('UPDATE "rate_limits" SET "state" = $2, "expiresAt" = $3 WHERE "key" = $1', [key, JSON.stringify(next), now + ttlMs]);
      // Expired keys go now and then, not on every call.
      if (Math.random() < 0.01) await tx.query('DELETE FROM "rate_limits" WHERE "expiresAt" < $1', [now]);
      return next;
    });
  }
}

export const RATE_LIMIT_STORE_PROVIDER: Provider = {
  provide: RATE_LIMIT_STORE,
  inject: [getDataSourceToken()],
  useFactory: (db: DataSource): RateLimitStore => (db.options.type === 'postgres' ? new DatabaseRateLimitStore(db) : new MemoryRateLimitStore()),
};

/** A sliding one-minute window of at most `limit` events per key: 0 when one more is allowed (and counted), else ms to wait. */
export async function takeMinuteSlot(store: RateLimitStore, key: string, limit: number, now: number = Date.now()): Promise<number> {
  let wait = 0;
  await store.update<number[]>(
    key,
    (times) => {
      const recent = (times ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= limit) {
        wait = 60_000 - (now - recent[0]);
        return recent;
      }
      return [...recent, now];
    },
    60_000,
  );
  return wait;
}
