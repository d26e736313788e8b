import { MemoryRateLimitStore, type RateLimitStore } from '../coordination/rate-limit-store';

/**
 * Failed sign-ins slow the next attempt down, per account and per client, with delays that grow
 * with each failure (1 s, 2 s, 4 s ... up to a cap) instead of a long lock an outsider could
 * trigger at will. The state is kept for any name, existing or not, so the answers and timings of
 * unknown and known users are the same. Success clears the account's (and the client's) record.
 * The records live in a RateLimitStore: the database when several instances share it.
 */
export interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** First delay, doubled with each further failure. */
  baseMs: number;
  maxMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

interface Record_ {
  failures: number;
  lastFailure: number;
  /** No attempt is judged before this time. */
  until: number;
}

export const ACCOUNT_RULE: ThrottleRule = { free: 4, baseMs: 1000, maxMs: 60_000, windowMs: 15 * 60_000 };
export const CLIENT_RULE: ThrottleRule = { free: 20, baseMs: 1000, maxMs: 5 * 60_000, windowMs: 15 * 60_000 };

export class Throttle {
  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number = Date.now,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(now),
    /** Keeps the keys of different throttles apart in a shared store. */
    private readonly namespace = '',
  ) {}

  /** Milliseconds before `key` may try again (0: now). */
  async wait(key: string): Promise<number> {
    const r = this.fresh(await this.store.read<Record_>(this.namespace + key));
    return r ? Math.max(0, r.until - this.now()) : 0;
  }

  async fail(key: string): Promise<void> {
    await this.store.update<Record_>(
      this.namespace + key,
      (stored) => {
        const now = this.now();
        const r = this.fresh(stored) ?? { failures: 0, lastFailure: now, until: 0 };
        const failures = r.failures + 1;
        const over = failures - this.rule.free;
        return { failures, lastFailure: now, until: over > 0 ? now + Math.min(this.rule.maxMs, this.rule.baseMs * 2 ** (over - 1)) : 0 };
      },
      this.rule.windowMs,
    );
  }

  async clear(key: string): Promise<void> {
    await this.store.update(this.namespace + key, () => null, 0);
  }

  async failures(key: string): Promise<number> {
    return this.fresh(await this.store.read<Record_>(this.namespace + key))?.failures ?? 0;
  }

  private fresh(r: Record_ | null): Record_ | null {
    return r && this.now() - r.lastFailure <= this.rule.windowMs ? r : null;
  }
}
