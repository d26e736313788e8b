import { HttpStatus, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { AuthRepository } from './auth.repository';
import { hashPassword, passwordProblem, randomPassword, verifyPassword } from './password';
import type { Principal } from './principal';
import { isRole, type Role } from './roles';

const SESSION_HOURS = 12;
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{1,63}$/u;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly repo: AuthRepository,
    private readonly workspaces: WorkspacesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** First start: the `admin` user, with ADMIN_PASSWORD or a one-time password printed once. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.repo.countUsers()) > 0) return;
    const given = this.config.adminPassword;
    const password = given ?? randomPassword();
    await this.createUser('admin', password, 'admin');
    if (!given) process.stderr.write(`\ncreator-ops: first start — user "admin", one-time password: ${password}\n(change it with POST /api/auth/password; set ADMIN_PASSWORD to choose it)\n\n`);
  }

  async createUser(username: string, password: string, role: string) {
    if (!USERNAME.test(username ?? '')) throw new AppError('INVALID_USERNAME', HttpStatus.BAD_REQUEST);
    if (!isRole(role)) throw new AppError('INVALID_ROLE', HttpStatus.BAD_REQUEST, { role: String(role) });
    const problem = passwordProblem(password);
    if (problem) throw new AppError(problem, HttpStatus.BAD_REQUEST);
    if (await this.repo.userByName(username)) throw new AppError('USER_EXISTS', HttpStatus.CONFLICT, { username });
    const user = await this.repo.saveUser({ id: randomUUID(), username, passwordHash: await hashPassword(password, this.hashParams()), role, failedLogins: 0, lockedUntil: null });
    return { id: user.id, username: user.username, role: user.role as Role };
  }

  /** Checks the password with a lockout after repeated failures; returns a new session secret. */
  async login(username: string, password: string): Promise<{ secret: string; user: { username: string; role: Role }; expiresAt: Date }> {
    const user = typeof username === 'string' ? await this.repo.userByName(username) : null;
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED', HttpStatus.TOO_MANY_REQUESTS, { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
    const ok = user ? await verifyPassword(String(password ?? ''), user.passwordHash) : (await hashPassword('timing-equaliser', this.hashParams()), false);
    if (!user || !ok) {
      if (user) {
        const failed = user.failedLogins + 1;
        const locked = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await this.repo.saveUser({ id: user.id, failedLogins: locked ? 0 : failed, lockedUntil: locked });
      }
      throw new AppError('LOGIN_FAILED', HttpStatus.UNAUTHORIZED);
    }
    if (user.failedLogins || user.lockedUntil) await this.repo.saveUser({ id: user.id, failedLogins: 0, lockedUntil: null });
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await this.repo.saveCredential({ secretHash: sha256(secret), userId: user.id, kind: 'session', name: null, expiresAt });
    return { secret, user: { username: user.username, role: user.role as Role }, expiresAt };
  }

  async logout(secret: string | undefined): Promise<void> {
    if (secret) await this.repo.deleteCredential(sha256(secret));
  }

  async createToken(principal: Principal, name?: string): Promise<{ token: string }> {
    const token = `co_${randomBytes(32).toString('base64url')}`;
    await this.repo.saveCredential({ secretHash: sha256(token), userId: principal.userId, kind: 'token', name: name?.slice(0, 64) ?? null, expiresAt: null });
    return { token };
  }

  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const user = await this.repo.userById(principal.userId);
    if (!user || !(await verifyPassword(String(current ?? ''), user.passwordHash))) throw new AppError('CURRENT_PASSWORD_WRONG', HttpStatus.BAD_REQUEST);
    const problem = passwordProblem(next);
    if (problem) throw new AppError(problem, HttpStatus.BAD_REQUEST);
    await this.repo.saveUser({ id: user.id, passwordHash: await hashPassword(next, this.hashParams()) });
  }

  /** The principal behind a session cookie or a bearer token, or null. */
  async resolve(secret: string | undefined): Promise<Principal | null> {
    if (!secret) return null;
    const cred = await this.repo.credential(sha256(secret));
    if (!cred || (cred.expiresAt && cred.expiresAt < new Date())) return null;
    const user = await this.repo.userById(cred.userId);
    if (!user || !isRole(user.role)) return null;
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

  async users(): Promise<{ username: string; role: string; createdAt: string }[]> {
    return (await this.repo.listUsers()).map((u) => ({ username: u.username, role: u.role, createdAt: u.createdAt.toISOString() }));
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

  private hashParams() {
    return { N: this.config.scryptN, r: 8, p: 1 };
  }
}

export { sha256 };
