import { HttpStatus, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, tooManyRequests } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../platform/clock';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { AuthRepository } from './auth.repository';
import { passwordProblem } from './password';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { isRole, type Role } from './roles';
import { SignInThrottle } from './sign-in-throttle';
import { UserCreation } from './user-creation';

const SESSION_HOURS = 12;
/** Hashes allowed to wait in line before sign-ins are refused as busy (503). */
const MAX_HASH_QUEUE = 64;
const DAY_MS = 86_400_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A token's public id: the start of the hash of its secret (enough to list and revoke it). */
const tokenId = (secretHash: string) => secretHash.slice(0, 16);

export interface TokenInfo {
  id: string;
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  constructor(
    private readonly repo: AuthRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.users = new UserCreation(repo, hasher, config);
  }

  private notice: string | null = null;
  private readonly users: UserCreation;

  /** First start: the `admin` user, with ADMIN_PASSWORD or a one-time password printed once. */
  async onApplicationBootstrap(): Promise<void> {
    this.notice = await this.users.firstStartAdmin();
    if (!this.config.noticeAfterListen) this.printFirstStartNotice();
  }

  /** Prints the one-time password once (the server calls it after "listening", so it is the last thing shown). */
  printFirstStartNotice(): void {
    if (this.notice) process.stderr.write(this.notice);
    this.notice = null;
  }

  createUser(username: string, password: string, role: string) {
    return this.users.createUser(username, password, role);
  }

  /**
   * Checks a password under the throttles: attempts on one account are judged one at a time, a
   * failure delays the next attempt of that account and of that client, and an unknown name, a
   * disabled user and a wrong password all cost one hash and get the same answer.
   */
  async login(username: unknown, password: unknown, client: string): Promise<{ secret: string; user: { username: string; role: Role }; expiresAt: Date }> {
    const clientWait = await this.throttle.clients.wait(client);
    if (clientWait > 0) throw tooManyRequests('LOGIN_THROTTLED', clientWait);
    const account = SignInThrottle.accountKey(username);
    return this.throttle.serial.run(account, async () => {
      const wait = Math.max(await this.throttle.accounts.wait(account), await this.throttle.clients.wait(client));
      if (wait > 0) throw tooManyRequests('LOGIN_THROTTLED', wait);
      if (this.hasher.queued > MAX_HASH_QUEUE) throw new AppError('LOGIN_BUSY', HttpStatus.SERVICE_UNAVAILABLE);
      const user = typeof username === 'string' && username.length <= 64 ? await this.repo.userByName(username) : null;
      const ok = await this.hasher.verify(password, user?.passwordHash ?? null);
      if (!user || !ok || user.disabled) {
        await this.throttle.accounts.fail(account);
        await this.throttle.clients.fail(client);
        throw new AppError('LOGIN_FAILED', HttpStatus.UNAUTHORIZED);
      }
      await this.throttle.accounts.clear(account);
      const now = this.clock.now();
      await this.repo.saveUser({ id: user.id, lastLoginAt: now });
      await this.repo.deleteExpired(now);
      const secret = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      await this.repo.saveCredential({ secretHash: sha256(secret), userId: user.id, kind: 'session', name: null, expiresAt });
      return { secret, user: { username: user.username, role: user.role as Role }, expiresAt };
    });
  }

  async logout(secret: string | undefined): Promise<void> {
    if (secret) await this.repo.deleteCredential(sha256(secret));
  }

  /** A personal token; it expires after `days` (default TOKEN_DAYS; 0 = never). */
  async createToken(principal: Principal, name?: string, days?: number): Promise<{ token: string } & TokenInfo> {
    const token = `co_${randomBytes(32).toString('base64url')}`;
    const lifetime = days ?? this.config.tokenDays;
    const expiresAt = lifetime > 0 ? new Date(this.clock.now().getTime() + lifetime * DAY_MS) : null;
    const saved = await this.repo.saveCredential({
      secretHash: sha256(token),
      userId: principal.userId,
      kind: 'token',
      name: name?.slice(0, 64) ?? null,
      expiresAt,
    });
    return { token, ...this.tokenInfo(saved) };
  }

  async tokens(principal: Principal): Promise<TokenInfo[]> {
    return (await this.repo.tokensOf(principal.userId)).map((c) => this.tokenInfo(c));
  }

  async revokeToken(principal: Principal, id: string): Promise<void> {
    const found = (await this.repo.tokensOf(principal.userId)).find((c) => tokenId(c.secretHash) === id);
    if (!found) throw new AppError('TOKEN_NOT_FOUND', HttpStatus.NOT_FOUND, { id: String(id).slice(0, 32) });
    await this.repo.deleteCredential(found.secretHash);
  }

  /** Changes one's password (the current-password check is throttled) and ends every other session and token. */
  async changePassword(principal: Principal, current: string, next: string, currentSecret: string | undefined): Promise<{ ended: number }> {
    const key = principal.userId;
    return this.throttle.serial.run(`password:${key}`, async () => {
      const wait = await this.throttle.passwordChecks.wait(key);
      if (wait > 0) throw tooManyRequests('PASSWORD_CHECK_THROTTLED', wait);
      const user = await this.repo.userById(principal.userId);
      if (!user || !(await this.hasher.verify(current, user.passwordHash))) {
        await this.throttle.passwordChecks.fail(key);
        throw new AppError('CURRENT_PASSWORD_WRONG', HttpStatus.BAD_REQUEST);
      }
      await this.throttle.passwordChecks.clear(key);
      const problem = passwordProblem(next);
      if (problem) throw new AppError(problem, HttpStatus.BAD_REQUEST);
      await this.repo.saveUser({ id: user.id, passwordHash: await this.hasher.hash(next) });
      return { ended: await this.repo.deleteCredentialsOf(user.id, currentSecret ? sha256(currentSecret) : undefined) };
    });
  }

  /** The principal behind a session cookie or a bearer token, or null. */
  async resolve(secret: string | undefined): Promise<Principal | null> {
    if (!secret) return null;
    const cred = await this.repo.credential(sha256(secret));
    if (!cred || (cred.expiresAt && cred.expiresAt < this.clock.now())) return null;
    const user = await this.repo.userById(cred.userId);
    if (!user || user.disabled || !isRole(user.role)) return null;
    const memberships = new Map<string, Role>();
    for (const m of await this.repo.memberships(user.id)) if (isRole(m.role)) memberships.set(m.workspaceId, m.role);
    return { userId: user.id, username: user.username, role: user.role, memberships };
  }

  async addMember(workspaceId: string, username: string, role: string): Promise<{ username: string; role: Role }> {
    if (!isRole(role)) throw new AppError('INVALID_ROLE', HttpStatus.BAD_REQUEST, { role: String(role) });
    const user = typeof username === 'string' ? await this.repo.userByName(username) : null;
    if (!user) throw new AppError('USER_NOT_FOUND', HttpStatus.NOT_FOUND, { username: String(username) });
    await this.repo.setMembership(workspaceId, user.id, role);
    return { username: user.username, role };
  }

  /** The workspaces a principal belongs to, with its role in each (for the UI). */
  async membershipsOf(principal: Principal): Promise<{ workspace: string; role: Role }[]> {
    const out: { workspace: string; role: Role }[] = [];
    for (const [id, role] of principal.memberships) {
      const ws = await this.workspaces.findById(id);
      if (ws) out.push({ workspace: ws.name, role });
    }
    return out;
  }

  members(workspaceId: string) {
    return this.repo.membersOf(workspaceId);
  }

  private tokenInfo(c: { secretHash: string; name: string | null; createdAt: Date; expiresAt: Date | null }): TokenInfo {
    return { id: tokenId(c.secretHash), name: c.name, createdAt: c.createdAt.toISOString(), expiresAt: c.expiresAt?.toISOString() ?? null };
  }
}

export { sha256 };
