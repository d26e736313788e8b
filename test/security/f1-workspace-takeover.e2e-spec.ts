import { expectErrorBody, makeDataDir, removeDataDir, startApp, uploadSample, type E2eApp } from '../helpers/e2e-app';
import { userAgent, type Agent } from './security-helpers';

/**
 * F1: an operator who POSTs /api/workspaces with the name of someone else's workspace used to get
 * 201 and a membership in it (its orders, its webhook). Now: 409 WORKSPACE_EXISTS, no membership.
 */
describe('F1 workspace takeover by name', () => {
  let dir: string;
  let e: E2eApp;
  let mallory: Agent;

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    await uploadSample(e, 'victim-shop', 'doudian-orders.csv').expect(201);
    mallory = await userAgent(e, 'mallory', 'operator');
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('answers 409 WORKSPACE_EXISTS and grants nothing', async () => {
    const res = await mallory.post('/api/workspaces').send({ name: 'victim-shop' }).expect(409);
    expectErrorBody(res.body, 'WORKSPACE_EXISTS');
    expect(res.body.messages.zh).toMatch(/已存在/);
    expect((await mallory.get('/api/auth/me').expect(200)).body.memberships).toEqual([]);
    await mallory.get('/api/workspaces/victim-shop/datasets').expect(403);
    await mallory.get('/api/workspaces/victim-shop/summary').expect(403);
    await mallory.put('/api/workspaces/victim-shop/webhook').send({ url: 'http://127.0.0.1:9/x' }).expect(403);
    expect((await e.http().get('/api/workspaces/victim-shop/members').expect(200)).body.items).toEqual([]);
  });

  it('still lets an operator create a new workspace and become its member', async () => {
    await mallory.post('/api/workspaces').send({ name: 'mallory-shop' }).expect(201);
    expect((await mallory.get('/api/auth/me').expect(200)).body.memberships).toEqual([{ workspace: 'mallory-shop', role: 'operator' }]);
    await mallory.post('/api/workspaces').send({ name: 'mallory-shop' }).expect(409);
  });

  it('refuses parallel creations of one name but one', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => mallory.post('/api/workspaces').send({ name: 'race' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('changes membership only through the admin members API', async () => {
    await mallory.post('/api/workspaces/victim-shop/members').send({ username: 'mallory', role: 'operator' }).expect(403);
    await e.http().post('/api/workspaces/victim-shop/members').send({ username: 'mallory', role: 'operator' }).expect(201);
    await mallory.get('/api/workspaces/victim-shop/datasets').expect(200);
  });
});
