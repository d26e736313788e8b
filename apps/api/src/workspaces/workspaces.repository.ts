import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

export interface Workspace {
  id: string;
  name: string;
  createdAt: Date;
}

export class WorkspacesRepository {
  constructor(private readonly repo: Repository<WorkspaceEntity>) {}

  findById(id: string): Promise<Workspace | null> {
    return this.repo.findOneBy({ id });
  }

  findByName(name: string): Promise<Workspace | null> {
    return this.repo.findOneBy({ name });
  }

  list(): Promise<Workspace[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  /** Returns the workspace of that name, creating it when absent (race-safe on the unique name). */
  async ensure(name: string): Promise<Workspace> {
    const found = await this.findByName(name);
    if (found) return found;
    try {
      return await this.repo.save(this.repo.create({ id: randomUUID(), name }));
    } catch (e) {
      const again = await this.findByName(name);
      if (again) return again;
      throw e;
    }
  }

  /** Creates a workspace; null when the name is taken (also when a parallel request took it first). */
  async create(name: string): Promise<Workspace | null> {
    if (await this.findByName(name)) return null;
    try {
      return await this.repo.insert({ id: randomUUID(), name }).then(() => this.findByName(name));
    } catch (e) {
      if (/UNIQUE|constraint/i.test(String((e as Error).message))) return null;
      throw e;
    }
  }

  /** Removes an empty workspace's row (the CLI's one-off query workspaces). */
  async removeByName(name: string): Promise<void> {
    await this.repo.delete({ name });
  }

  async count(): Promise<number> {
    return this.repo.count();
  }
}

/** The repository over a data source (the CLI's framework-free start; Nest injects the TypeORM repository). */
export function workspacesRepositoryOf(db: DataSource): WorkspacesRepository {
  return new WorkspacesRepository(db.getRepository(WorkspaceEntity));
}
