import { Module } from '@nestjs/common';
import { ResolveWorkspacePipe } from './current-workspace';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

const PROVIDERS = [WorkspacesRepository, WorkspacesService, ResolveWorkspacePipe];

/**
 * Workspaces by name and id; `@CurrentWorkspace()` resolves through this module's pipe, so every
 * module with workspace routes imports it. Its HTTP side is in workspaces-http.module.ts (it needs
 * datasets and auth, which need this module).
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class WorkspacesModule {}
