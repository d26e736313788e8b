import type { ExecutionContext, INestApplicationContext } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { RequirePermission } from '../auth/permission.decorator';
import { AppError } from '../common/app-error';
import { translateError } from '../common/error-status';
import { loadConfig } from '../config/app-config';
import { CoreModule } from '../core/core.module';
import { ResolveWorkspacePipe, workspaceArgOf } from './current-workspace';
import { WorkspacesRepository, type Workspace } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

/** A route that reads the workspace (`workspace:read`), as the controllers declare them. */
class Routes {
  @RequirePermission('workspace:read')
  read(): void {}
}

const PASSWORD = 'correct horse battery';

/**
 * `@CurrentWorkspace()` end to end on real storage (SQLite in a temp DATA_DIR): the guard checks the
 * membership and hands the workspace it loaded to the decorator; the pipe resolves what the guard
 * did not load (admins) with the same 400/404 as before.
 */
describe('workspace resolution at the edge', () => {
  let dir: string;
  let ctx: INestApplicationContext;
  let guard: AuthGuard;
  let pipe: ResolveWorkspacePipe;
  let alpha: Workspace;
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'co-current-ws-'));
    const config = loadConfig({ DATA_DIR: dir, ADMIN_PASSWORD: PASSWORD });
    ctx = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: false });
    const auth = ctx.get(AuthService);
    const workspaces = ctx.get(WorkspacesService);
    alpha = await workspaces.create('alpha');
    const beta = await workspaces.create('beta');
    await auth.createUser('ann', PASSWORD, 'operator');
    await auth.createUser('bob', PASSWORD, 'operator');
    await auth.addMember(alpha.id, 'ann', 'operator');
    await auth.addMember(beta.id, 'bob', 'operator');
    for (const user of ['admin', 'ann', 'bob']) bearer[user] = (await auth.login(user, PASSWORD, '127.0.0.1')).secret;
    guard = new AuthGuard(ctx.get(Reflector), auth, ctx.get(WorkspacesRepository));
    pipe = ctx.get(ResolveWorkspacePipe);
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The request of GET /workspaces/:ws/… by `user`, and the context the guard sees. */
  function request(user: string, ws: string) {
    const req = { params: { ws }, headers: { authorization: `Bearer ${bearer[user]}` } };
    const context = {
      getHandler: () => Routes.prototype.read,
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
    return { req, context };
  }

  /** What the handler receives: guard, then decorator, then pipe. */
  async function resolve(user: string, ws: string): Promise<Workspace> {
    const { req, context } = request(user, ws);
    await guard.canActivate(context);
    return pipe.transform(workspaceArgOf(req as never));
  }

  async function failure(run: Promise<unknown>): Promise<{ status: number; code: string; en: string }> {
    const e = await run.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    const t = translateError(e);
    return { status: t.status, code: t.code, en: t.text('en') };
  }

  it('a member gets the workspace the guard loaded (no second lookup by name)', async () => {
    const { req, context } = request('ann', 'alpha');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    const arg = workspaceArgOf(req as never);
    expect(arg.name).toBe('alpha');
    expect(arg.loaded?.id).toBe(alpha.id);
    const ws = await pipe.transform(arg);
    expect(ws).toBe(arg.loaded);
    expect({ id: ws.id, name: ws.name }).toEqual({ id: alpha.id, name: 'alpha' });
  });

  it('a non-member is refused with 403 FORBIDDEN, whether the workspace exists or not', async () => {
    expect(await failure(resolve('bob', 'alpha'))).toEqual({ status: 403, code: 'FORBIDDEN', en: 'You are not allowed to do this' });
    expect(await failure(resolve('bob', 'nowhere'))).toEqual({ status: 403, code: 'FORBIDDEN', en: 'You are not allowed to do this' });
  });

  it('an admin passes the guard without a lookup; the pipe finds the workspace by name', async () => {
    const { req, context } = request('admin', 'alpha');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(workspaceArgOf(req as never).loaded).toBeUndefined();
    expect((await resolve('admin', 'alpha')).id).toBe(alpha.id);
  });

  it('an unknown workspace is 404 WORKSPACE_NOT_FOUND naming it, as before', async () => {
    expect(await failure(resolve('admin', 'nowhere'))).toEqual({ status: 404, code: 'WORKSPACE_NOT_FOUND', en: 'Workspace nowhere not found' });
  });

  it('an invalid name is 400 INVALID_WORKSPACE_NAME', async () => {
    const invalid = await failure(resolve('admin', '../etc'));
    expect({ status: invalid.status, code: invalid.code }).toEqual({ status: 400, code: 'INVALID_WORKSPACE_NAME' });
  });

  it('a workspace the guard loaded under another name is not trusted: the pipe looks the path name up', async () => {
    const ws = await pipe.transform({ name: 'beta', loaded: alpha });
    expect(ws.name).toBe('beta');
    expect(ws.id).not.toBe(alpha.id);
  });
});
