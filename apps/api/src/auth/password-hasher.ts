import type { AppConfig } from '../config/app-config';
import { HashLimiter } from './hash-limiter';
import { generatedPasswordParamsOf, hashParamsOf, hashPassword, randomPassword, verifyPassword } from './password';

/** Password hashing through one bounded queue, and a decoy hash so unknown users cost the same. */
export class PasswordHasher {
  private readonly limiter: HashLimiter;
  private decoy: Promise<string> | null = null;

  constructor(private readonly config: AppConfig) {
    this.limiter = new HashLimiter(config.hashConcurrency);
  }

  /** Makes the decoy now (server start), so the first unknown name costs one hash like every later one. */
  async warmUp(): Promise<void> {
    await this.decoyHash();
  }

  hash(password: string): Promise<string> {
    return this.limiter.run(() => hashPassword(password, this.params()));
  }

  /** The hash of a password `randomPassword` made (cheaper: see generatedPasswordParamsOf). */
  hashGenerated(password: string): Promise<string> {
    return this.limiter.run(() => hashPassword(password, generatedPasswordParamsOf(this.config)));
  }

  /** Checks `password` against `stored`, or against a decoy of the same cost when there is no user. */
  async verify(password: unknown, stored: string | null): Promise<boolean> {
    const against = stored ?? (await this.decoyHash());
    const ok = await this.limiter.run(() => verifyPassword(typeof password === 'string' ? password : '', against));
    return stored !== null && ok;
  }

  /** Hashes waiting for a turn: beyond a bound, sign-ins are refused at once rather than queued for minutes. */
  get queued(): number {
    return this.limiter.queued;
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword(randomPassword(), this.params());
    return this.decoy;
  }

  private params() {
    return hashParamsOf(this.config);
  }
}
