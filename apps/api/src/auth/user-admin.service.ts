import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { AuthRepository } from './auth.repository';
import { passwordProblem } from './password';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import { SignInThrottle } from './sign-in-throttle';
import type { UserEntity } from './user.entity';

export interface UserRow {
  username: string;
  role: string;
  createdAt: string;
  lastLoginAt: string | null;
  /** Recent failed sign-ins slow this account down (until an admin unlocks it or they age out). */
  locked: boolean;
  failedLogins: number;
  disabled: boolean;
}

/** Admin actions on users: the list with their state, unlock, password reset, disable. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
  ) {}

  async list(): Promise<UserRow[]> {
    return Promise.all((await this.repo.listUsers()).map((u) => this.row(u)));
  }

  async unlock(username: string): Promise<UserRow> {
    const user = await this.user(username);
    await this.throttle.unlock(user.username);
    return this.row(user);
  }

  /** Sets a new password and ends every session and token of the user. */
  async resetPassword(username: string, password: string): Promise<UserRow> {
    const user = await this.user(username);
    const problem = passwordProblem(password);
    if (problem) throw new AppError(problem, HttpStatus.BAD_REQUEST);
    user.passwordHash = await this.hasher.hash(password);
    await this.repo.saveUser({ id: user.id, passwordHash: user.passwordHash });
    await this.repo.deleteCredentialsOf(user.id);
    await this.throttle.unlock(user.username);
    return this.row(user);
  }

  /** Disabling ends every session and token at once; an admin cannot disable themself. */
  async setDisabled(actor: Principal, username: string, disabled: boolean): Promise<UserRow> {
    const user = await this.user(username);
    if (user.id === actor.userId && disabled) throw new AppError('CANNOT_DISABLE_SELF', HttpStatus.BAD_REQUEST);
    user.disabled = disabled;
    await this.repo.saveUser({ id: user.id, disabled });
    if (disabled) await this.repo.deleteCredentialsOf(user.id);
    return this.row(user);
  }

  private async user(username: string): Promise<UserEntity> {
    const user = typeof username === 'string' ? await this.repo.userByName(username) : null;
    if (!user) throw new AppError('USER_NOT_FOUND', HttpStatus.NOT_FOUND, { username: String(username).slice(0, 64) });
    return user;
  }

  private async row(u: UserEntity): Promise<UserRow> {
    return {
      username: u.username,
      role: u.role,
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null,
      locked: await this.throttle.isSlowed(u.username),
      failedLogins: await this.throttle.failures(u.username),
      disabled: Boolean(u.disabled),
    };
  }
}
