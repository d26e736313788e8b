import { Injectable } from '@nestjs/common';
import { KeyedMutex } from './keyed-mutex';
import { ACCOUNT_RULE, CLIENT_RULE, Throttle } from './login-throttle';

/**
 * The throttles of sign-in and of the current-password check, shared by the sign-in and the user
 * administration (which can clear an account's record). In memory: a restart forgets them.
 */
@Injectable()
export class SignInThrottle {
  readonly accounts = new Throttle(ACCOUNT_RULE);
  readonly clients = new Throttle(CLIENT_RULE);
  /** The current-password check of `POST /auth/password`, per user id. */
  readonly passwordChecks = new Throttle(ACCOUNT_RULE);
  readonly serial = new KeyedMutex();

  /** Account keys ignore case and width, so `Admin` and `ａｄｍｉｎ` share one record. */
  static accountKey(username: unknown): string {
    return String(username ?? '').normalize('NFKC').toLowerCase().slice(0, 64);
  }

  /** Failures beyond the free ones are remembered: each further failure brings a delay (shown as locked). */
  isSlowed(username: string): boolean {
    return this.accounts.failures(SignInThrottle.accountKey(username)) > ACCOUNT_RULE.free;
  }

  failures(username: string): number {
    return this.accounts.failures(SignInThrottle.accountKey(username));
  }

  unlock(username: string): void {
    this.accounts.clear(SignInThrottle.accountKey(username));
  }
}
