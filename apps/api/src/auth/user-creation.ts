import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error';
import { Status } from '../common/http-status';
import type { AppConfig } from '../config/app-config';
import type { AuthRepository } from './auth.repository';
import type { EarlyAdminHash } from './early-admin-hash';
import { passwordProblem, randomPassword } from './password';
import type { PasswordHasher } from './password-hasher';
import { isRole, type Role } from './roles';

const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{1,63}$/u;

/** Creating users, and the first start's `admin`: AuthService's, and the CLI's on its framework-free start. */
export class UserCreation {
  constructor(
    private readonly repo: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  /**
   * First start: the `admin` user, with ADMIN_PASSWORD or a one-time password; returns the notice
   * that shows the one-time password (null when there is none to show).
   */
  async firstStartAdmin(): Promise<string | null> {
    return (await this.beginFirstStartAdmin())();
  }

  /**
   * The first start in two steps: this one sees whether there is a user yet and starts hashing the
   * password (scrypt, on the thread pool); the function it returns creates `admin` and gives the
   * notice. A caller with work of its own to do (the CLI) does it in between, beside the hash.
   * `early`: the password and hash the CLI began before the core loaded (beginEarlyAdminHash).
   */
  async beginFirstStartAdmin(early: EarlyAdminHash | null = null): Promise<() => Promise<string | null>> {
    if ((await this.repo.countUsers()) > 0) return async () => null;
    const given = this.config.adminPassword;
    const password = early?.password ?? given ?? randomPassword();
    const hash = early?.hash ?? (given ? this.hasher.hash(password) : this.hasher.hashGenerated(password));
    hash.catch(() => undefined); // awaited (and its failure thrown) by the second step
    return async () => {
      try {
        await this.createUser('admin', password, 'admin', hash);
      } catch (e) {
        // Another instance starting at the same moment created it (PostgreSQL): its notice is the one shown.
        if ((await this.repo.countUsers()) > 0) return null;
        throw e;
      }
      if (given) return null;
      return `\ncreator-ops: first start — user "admin", one-time password: ${password}\n(change it on the web (top right) or with POST /api/auth/password; set ADMIN_PASSWORD to choose it)\n\n`;
    };
  }

  /** `passwordHash`: the password's hash when the caller started it already. */
  async createUser(username: string, password: string, role: string, passwordHash?: Promise<string>) {
    if (!USERNAME.test(username ?? '')) throw new AppError('INVALID_USERNAME', Status.BAD_REQUEST);
    if (!isRole(role)) throw new AppError('INVALID_ROLE', Status.BAD_REQUEST, { role: String(role) });
    const problem = passwordProblem(password);
    if (problem) throw new AppError(problem, Status.BAD_REQUEST);
    if (await this.repo.userByName(username)) throw new AppError('USER_EXISTS', Status.CONFLICT, { username });
    const user = await this.repo.saveUser({
      id: randomUUID(),
      username,
      passwordHash: await (passwordHash ?? this.hasher.hash(password)),
      role,
      lastLoginAt: null,
      disabled: false,
    });
    return { id: user.id, username: user.username, role: user.role as Role };
  }
}
