import { Module } from '@nestjs/common';
import { fromDataSource } from '../database/over-data-source';
import { ResolveWorkspacePipe } from './current-workspace';
import { WorkspacesRepository, workspacesRepositoryOf } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

const PROVIDERS = [
  fromDataSource(WorkspacesRepository, workspacesRepositoryOf),
  { provide: WorkspacesService, inject: [WorkspacesRepository], useFactory: (repo: WorkspacesRepository) => new WorkspacesService(repo) },
  ResolveWorkspacePipe,
];
const EXPORTED = [WorkspacesRepository, WorkspacesService, ResolveWorkspacePipe];

/**
 * Workspaces by name and id; `@CurrentWorkspace()` resolves through this module's pipe, so every
 * module with workspace routes imports it. Its HTTP side is in workspaces-http.module.ts (it needs
 * datasets and auth, which need this module).
 */
@Module({ providers: PROVIDERS, exports: EXPORTED })
export class WorkspacesModule {}
