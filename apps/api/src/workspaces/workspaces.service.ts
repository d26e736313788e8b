import { AppError, NotFoundError, ValidationError } from '../common/app-error';
import { Status } from '../common/http-status';
import { WorkspacesRepository, type Workspace } from './workspaces.repository';

const WORKSPACE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u;

export class WorkspacesService {
  constructor(private readonly repo: WorkspacesRepository) {}

  static assertValidName(name: string): void {
    if (!WORKSPACE_NAME.test(name)) throw new ValidationError('INVALID_WORKSPACE_NAME');
  }

  async get(name: string): Promise<Workspace> {
    WorkspacesService.assertValidName(name);
    const ws = await this.repo.findByName(name);
    if (!ws) throw new NotFoundError('workspace', name);
    return ws;
  }

  /** A workspace named in a path is created on its first upload (until roles exist). */
  ensure(name: string): Promise<Workspace> {
    WorkspacesService.assertValidName(name);
    return this.repo.ensure(name);
  }

  /** A new workspace; an existing name is 409 WORKSPACE_EXISTS (creating never grants access to another's workspace). */
  async create(name: string): Promise<Workspace> {
    WorkspacesService.assertValidName(name);
    const ws = await this.repo.create(name);
    if (!ws) throw new AppError('WORKSPACE_EXISTS', Status.CONFLICT, { name });
    return ws;
  }

  list(): Promise<Workspace[]> {
    return this.repo.list();
  }
}
