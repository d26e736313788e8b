import { LessThan, Not, type DataSource } from 'typeorm';
import { CredentialEntity } from './credential.entity';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  private get users() {
    return this.db.getRepository(UserEntity);
  }

  private get credentials() {
    return this.db.getRepository(CredentialEntity);
  }

  userByName(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  userById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  listUsers(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  countUsers(): Promise<number> {
    return this.users.count();
  }

  saveUser(user: Partial<UserEntity> & { id: string }): Promise<UserEntity> {
    return this.users.save(user);
  }

  credential(secretHash: string): Promise<CredentialEntity | null> {
    return this.credentials.findOneBy({ secretHash });
  }

  saveCredential(c: Partial<CredentialEntity>): Promise<CredentialEntity> {
    return this.credentials.save(c);
  }

  async deleteCredential(secretHash: string): Promise<void> {
    await this.credentials.delete({ secretHash });
  }

  /** Ends every session and token of a user, except the one whose hash is `keep`. */
  async deleteCredentialsOf(userId: string, keep?: string): Promise<number> {
    const res = await this.credentials.delete(keep ? { userId, secretHash: Not(keep) } : { userId });
    return res.affected ?? 0;
  }

  tokensOf(userId: string): Promise<CredentialEntity[]> {
    return this.credentials.find({ where: { userId, kind: 'token' }, order: { createdAt: 'ASC' } });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.credentials.delete({ expiresAt: LessThan(now) });
  }

  memberships(userId: string): Promise<MembershipEntity[]> {
    return this.db.getRepository(MembershipEntity).findBy({ userId });
  }

  async setMembership(workspaceId: string, userId: string, role: string): Promise<void> {
    await this.db.getRepository(MembershipEntity).save({ workspaceId, userId, role });
  }

  async membersOf(workspaceId: string): Promise<{ username: string; role: string }[]> {
    const rows = await this.db.getRepository(MembershipEntity).findBy({ workspaceId });
    const out: { username: string; role: string }[] = [];
    for (const m of rows) {
      const u = await this.userById(m.userId);
      if (u) out.push({ username: u.username, role: m.role });
    }
    return out;
  }
}
