import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { PERMISSION_KEY } from '../apps/api/src/auth/permission.decorator';
import { ROLE_PERMISSIONS, WORKSPACE_PERMISSIONS, type Permission, type Role } from '../apps/api/src/auth/roles';
import { makeDataDir, removeDataDir, startApp, uploadSample, type E2eApp } from './helpers/e2e-app';

/**
 * Route × role matrix, generated from the application's own route table: every endpoint declares a
 * permission, and each caller gets through exactly when its role allows it.
 */
interface Route {
  method: string;
  path: string;
  permission: Permission | undefined;
}

const METHODS: Record<number, string> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
};

function routeTable(e: E2eApp): Route[] {
  const routes: Route[] = [];
  for (const module of e.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!cls) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = cls.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path =
          '/api/' +
          [base, sub]
            .filter((p) => p && p !== '/')
            .join('/')
            .replace(/\/+/g, '/');
        const permission = Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, cls);
        routes.push({ method: METHODS[Reflect.getMetadata(METHOD_METADATA, handler)], path, permission });
      }
    }
  }
  return routes;
}

/** Concrete values for path parameters: the shared workspace, a missing id, a real report and chart. */
function concrete(path: string): string {
  return path.replace(':ws', 'shop').replace(':key', 'ad_performance').replace(':chart', 'ad_funnel').replace(':id', '00000000-0000-4000-8000-000000000000');
}

type Caller = { name: string; role: Role | null; member: Role | null; token: string | null };

function allowed(c: Caller, p: Permission): boolean {
  if (p === 'public') return true;
  if (!c.role) return false;
  if (c.role === 'admin') return true;
  if (WORKSPACE_PERMISSIONS.has(p)) return c.member !== null && ROLE_PERMISSIONS[c.member].includes(p);
  return ROLE_PERMISSIONS[c.role].includes(p);
}

describe('route × role matrix', () => {
  let dir: string;
  let e: E2eApp;
  let routes: Route[];
  const callers: Caller[] = [];

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    await uploadSample(e, 'shop', 'qianchuan-plan-daily.csv').expect(201);
    await uploadSample(e, 'elsewhere', 'doudian-orders.csv').expect(201);
    routes = routeTable(e);
    const tokenFor = async (username: string, password: string) => {
      const agent = request.agent(e.app.getHttpServer());
      await agent.post('/api/auth/login').send({ username, password }).expect(200);
      return (await agent.post('/api/auth/tokens').send({ name: 'matrix' }).expect(201)).body.token as string;
    };
    const admin = (await e.http().post('/api/auth/tokens').send({}).expect(201)).body.token as string;
    callers.push({ name: 'anonymous', role: null, member: null, token: null }, { name: 'admin', role: 'admin', member: null, token: admin });
    for (const [name, role, member] of [
      ['op', 'operator', 'operator'],
      ['outsider', 'operator', null],
      ['grader', 'grader', 'grader'],
      ['trainee', 'trainee', 'trainee'],
    ] as [string, Role, Role | null][]) {
      const password = `${name}-password-123`;
      await e.http().post('/api/users').send({ username: name, password, role }).expect(201);
      if (member) await e.http().post('/api/workspaces/shop/members').send({ username: name, role: member }).expect(201);
      callers.push({ name, role, member, token: await tokenFor(name, password) });
    }
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('finds the routes of every controller', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'post /api/workspaces/:ws/datasets',
        'post /api/workspaces/:ws/query',
        'get /api/workspaces/:ws/reports/:key',
        'post /api/auth/login',
        'get /api/health',
      ]),
    );
    expect(routes.length).toBeGreaterThan(30);
  });

  it('every route declares its permission', () => {
    expect(routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('lets each role through exactly where its permissions allow', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      // Signing out would end the caller's own credential: public routes are checked anonymously only.
      const who = route.permission === 'public' ? callers.filter((c) => c.role === null) : callers;
      for (const caller of who) {
        let req = (e.anonymous() as unknown as Record<string, (p: string) => request.Test>)[route.method](concrete(route.path));
        if (caller.token) req = req.set('Authorization', `Bearer ${caller.token}`);
        if (route.method !== 'get' && route.method !== 'delete') req = req.send({});
        const res = await req;
        const expected = allowed(caller, route.permission!);
        const refused = res.status === 401 || res.status === 403;
        if (expected === refused)
          mismatches.push(
            `${caller.name} ${route.method.toUpperCase()} ${route.path}: ${res.status} ${res.body?.code ?? ''} (expected ${expected ? 'allowed' : 'refused'})`,
          );
        if (!expected) expect(res.status).toBe(caller.role ? 403 : 401);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('hides other workspaces from members and lets nobody but members read them', async () => {
    const op = callers.find((c) => c.name === 'op')!;
    const list = await e.anonymous().get('/api/workspaces').set('Authorization', `Bearer ${op.token}`).expect(200);
    expect(list.body.items.map((w: { name: string }) => w.name)).toEqual(['shop']);
    await e.anonymous().get('/api/workspaces/elsewhere/datasets').set('Authorization', `Bearer ${op.token}`).expect(403);
  });
});
