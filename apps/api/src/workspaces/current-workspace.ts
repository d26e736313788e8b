import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Workspace } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

const WORKSPACE = Symbol('workspace');

/** The guard records the workspace it loaded to check a membership, so the handler does not load it again. */
export function setWorkspace(req: object, ws: Workspace): void {
  (req as Record<symbol, unknown>)[WORKSPACE] = ws;
}

/** What the decorator reads from the request: the `:ws` of the path and the workspace the guard loaded, if any. */
export interface WorkspaceArg {
  name: string;
  loaded: Workspace | undefined;
}

export function workspaceArgOf(req: Request): WorkspaceArg {
  const name = req.params?.ws;
  return { name: typeof name === 'string' ? name : '', loaded: (req as unknown as Record<symbol, Workspace | undefined>)[WORKSPACE] };
}

/** Resolves the workspace of the path once: the guard's, else by name (400 INVALID_WORKSPACE_NAME, 404 WORKSPACE_NOT_FOUND). */
@Injectable()
export class ResolveWorkspacePipe implements PipeTransform<WorkspaceArg, Promise<Workspace>> {
  constructor(private readonly workspaces: WorkspacesService) {}

  async transform(arg: WorkspaceArg): Promise<Workspace> {
    if (arg.loaded && arg.loaded.name === arg.name) return arg.loaded;
    return this.workspaces.get(arg.name);
  }
}

const WorkspaceOfRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) => workspaceArgOf(ctx.switchToHttp().getRequest<Request>()));

/**
 * The workspace named by the `:ws` of the path, resolved at the edge: services take the Workspace
 * and never look it up by name again. Documents `ws` as a string path parameter, as `@Param('ws')` did.
 */
export function CurrentWorkspace(): ParameterDecorator {
  const arg = WorkspaceOfRequest(ResolveWorkspacePipe);
  const doc = ApiParam({ name: 'ws', type: String, required: true });
  return (target, key, index) => {
    arg(target, key, index);
    if (key !== undefined) doc(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
}
