import { Inject, Injectable } from '@nestjs/common';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../coordination/rate-limit-store';
import { KeyedMutex } from './keyed-mutex';
import { ACCOUNT_RULE, CLIENT_RULE, Throttle } from './login-throttle';

/**
 * The throttles of sign-in and of the current-password check, shared by the sign-in and the user
 * administration (which can clear an account's record). In the rate-limit store: with PostgreSQL
 * every instance sees the same failures; with SQLite in memory (a restart forgets them).
 */
@Injectable()
export class SignInThrottle {
  readonly accounts: Throttle;
  readonly clients: Throttle;
  /** The current-password check of `POST /auth/password`, per user id. */
  readonly passwordChecks: Throttle;
  readonly serial = new KeyedMutex();

  constructor(@Inject(RATE_LIMIT_STORE) store: RateLimitStore) {
    this.accounts = new Throttle(ACCOUNT_RULE, Date.now, store, 'sign-in:account:');
    this.clients = new Throttle(CLIENT_RULE, Date.now, store, 'sign-in:client:');
    this.passwordChecks = new Throttle(ACCOUNT_RULE, Date.now, store, 'password-check:');
  }

  /** Account keys ignore case and width, so `Admin` and `ａｄｍｉｎ` share one record. */
  static accountKey(username: unknown): string {
    return String(username ?? '')
      .normalize('NFKC')
      .toLowerCase()
      .slice(0, 64);
  }

  /** Failures beyond the free ones are remembered: each further failure brings a delay (shown as locked). */
  async isSlowed(username: string): Promise<boolean> {
    return (await this.failures(username)) > ACCOUNT_RULE.free;
  }

  failures(username: string): Promise<number> {
    return this.accounts.failures(SignInThrottle.accountKey(username));
  }

  unlock(username: string): Promise<void> {
    return this.accounts.clear(SignInThrottle.accountKey(username));
  }
}
