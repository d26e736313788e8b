import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { setWorkspace } from '../workspaces/current-workspace';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { AuthService } from './auth.service';
import { PERMISSION_KEY } from './permission.decorator';
import { setPrincipal } from './principal';
import { ROLE_PERMISSIONS, WORKSPACE_PERMISSIONS, type Permission } from './roles';

export const SESSION_COOKIE = 'co_session';

/** Reads a cookie without a cookie-parsing middleware (one name is all we need). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function credentialOf(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return readCookie(req, SESSION_COOKIE);
}

/**
 * The one access check: every route declares a permission; workspace permissions are checked
 * against the caller's role in the `:ws` of the path. A route that declares none is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly workspaces: WorkspacesRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!permission) throw new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
    const req = ctx.switchToHttp().getRequest<Request>();
    const principal = await this.auth.resolve(credentialOf(req));
    setPrincipal(req, principal);
    if (permission === 'public') return true;
    if (!principal) throw new AppError('AUTH_REQUIRED', HttpStatus.UNAUTHORIZED);
    if (principal.role === 'admin') return true;
    if (WORKSPACE_PERMISSIONS.has(permission)) {
      const name = req.params?.ws;
      const ws = typeof name === 'string' ? await this.workspaces.findByName(name) : null;
      const role = ws ? principal.memberships.get(ws.id) : undefined;
      if (!role || !ROLE_PERMISSIONS[role].includes(permission)) throw new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
      if (ws) setWorkspace(req, ws);
      return true;
    }
    if (!ROLE_PERMISSIONS[principal.role].includes(permission)) throw new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
    return true;
  }
}
