/**
 * Failed sign-ins slow the next attempt down, per account and per client, with delays that grow
 * with each failure (1 s, 2 s, 4 s ... up to a cap) instead of a long lock an outsider could
 * trigger at will. The state is kept for any name, existing or not, so the answers and timings of
 * unknown and known users are the same. Success clears the account's (and the client's) record.
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

/** Kept records are bounded: the oldest go first (an attacker cannot exhaust memory with names). */
const MAX_RECORDS = 20_000;

export class Throttle {
  private readonly records = new Map<string, Record_>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds before `key` may try again (0: now). */
  wait(key: string): number {
    const r = this.fresh(key);
    return r ? Math.max(0, r.until - this.now()) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const r = this.fresh(key) ?? { failures: 0, lastFailure: now, until: 0 };
    r.failures++;
    r.lastFailure = now;
    const over = r.failures - this.rule.free;
    r.until = over > 0 ? now + Math.min(this.rule.maxMs, this.rule.baseMs * 2 ** (over - 1)) : 0;
    this.records.delete(key);
    this.records.set(key, r);
    if (this.records.size > MAX_RECORDS) this.records.delete(this.records.keys().next().value as string);
  }

  clear(key: string): void {
    this.records.delete(key);
  }

  failures(key: string): number {
    return this.fresh(key)?.failures ?? 0;
  }

  private fresh(key: string): Record_ | undefined {
    const r = this.records.get(key);
    if (r && this.now() - r.lastFailure > this.rule.windowMs) {
      this.records.delete(key);
      return undefined;
    }
    return r;
  }
}
