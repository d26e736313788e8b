import { databaseEnv, metadataBytes } from './helpers/test-database';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AppModule } from '../apps/api/src/app.module';
import { loadConfig } from '../apps/api/src/config/app-config';
import { setupApp } from '../apps/api/src/setup-app';
import { makeDataDir, removeDataDir, sampleBytes, startApp, TEST_ADMIN_PASSWORD, type E2eApp } from './helpers/e2e-app';

/** Sign-in, sessions, tokens, lockout, password change, the first admin, the upload limit. */
describe('authentication', () => {
  let dir: string;
  let e: E2eApp;
  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir, { UPLOADS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });
  const anon = () => request(e.app.getHttpServer());

  it('refuses data to anonymous callers, and stores no password in clear', async () => {
    const res = await anon().get('/api/workspaces').expect(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
    const db = metadataBytes(dir);
    expect(db.includes(Buffer.from(TEST_ADMIN_PASSWORD))).toBe(false);
  });

  it('signs in with an httpOnly SameSite cookie and signs out', async () => {
    const agent = request.agent(e.app.getHttpServer());
    const login = await agent.post('/api/auth/login').send({ username: 'admin', password: TEST_ADMIN_PASSWORD }).expect(200);
    expect(login.body).toEqual({ username: 'admin', role: 'admin' });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/co_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
  });

  it('issues personal tokens usable as Bearer credentials', async () => {
    const { token } = (await e.http().post('/api/auth/tokens').send({ name: 'cli' }).expect(201)).body;
    const me = await anon().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.username).toBe('admin');
    await anon().get('/api/auth/me').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('slows an account down after 4 failed sign-ins (429 with Retry-After), and an admin can lift it', async () => {
    await e.http().post('/api/users').send({ username: 'victim', password: 'victim-password-1', role: 'operator' }).expect(201);
    for (let i = 0; i < 5; i++) expect((await anon().post('/api/auth/login').send({ username: 'victim', password: 'wrong' })).body.code).toBe('LOGIN_FAILED');
    const slowed = await anon().post('/api/auth/login').send({ username: 'victim', password: 'victim-password-1' }).expect(429);
    expect(slowed.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const listed = (await e.http().get('/api/users').expect(200)).body.items.find((u: { username: string }) => u.username === 'victim');
    expect(listed).toMatchObject({ locked: true, failedLogins: 5, disabled: false });
    await e.http().post('/api/users/victim/unlock').expect(200);
    await anon().post('/api/auth/login').send({ username: 'victim', password: 'victim-password-1' }).expect(200);
  });

  it('changes a password (the old one stops working) and rejects short ones', async () => {
    await e.http().post('/api/users').send({ username: 'ops', password: 'ops-password-123', role: 'operator' }).expect(201);
    const agent = request.agent(e.app.getHttpServer());
    await agent.post('/api/auth/login').send({ username: 'ops', password: 'ops-password-123' }).expect(200);
    expect((await agent.post('/api/auth/password').send({ current: 'nope', password: 'new-password-4567' }).expect(400)).body.code).toBe(
      'CURRENT_PASSWORD_WRONG',
    );
    expect((await agent.post('/api/auth/password').send({ current: 'ops-password-123', password: 'short' }).expect(400)).body.code).toBe('PASSWORD_TOO_SHORT');
    await agent.post('/api/auth/password').send({ current: 'ops-password-123', password: 'new-password-4567' }).expect(200);
    await anon().post('/api/auth/login').send({ username: 'ops', password: 'ops-password-123' }).expect(401);
    await anon().post('/api/auth/login').send({ username: 'ops', password: 'new-password-4567' }).expect(200);
  });

  it('limits uploads per user per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await e
        .http()
        .post('/api/workspaces/limited/datasets')
        .attach('file', sampleBytes('数据表现_播放量数据.csv'), '播放量.csv')
        .field('account', 'a');
      codes.push(res.status);
    }
    expect(codes).toEqual([201, 201, 201, 429]);
  });
});

describe('the first start', () => {
  it('creates `admin` with a printed one-time password when ADMIN_PASSWORD is not set', async () => {
    const dir = makeDataDir();
    const config = loadConfig({ DATA_DIR: dir, DEMO: '0', SCRYPT_N: '1024', ...databaseEnv(dir) } as NodeJS.ProcessEnv, { webDist: undefined });
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const app = await NestFactory.create(AppModule.forRoot(config), { logger: false });
    try {
      setupApp(app, config);
      await app.init();
    } finally {
      process.stderr.write = original;
    }
    try {
      const printed = /one-time password: (\S+)/.exec(writes.join(''))?.[1];
      expect(printed).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const login = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'admin', password: printed }).expect(200);
      expect(login.body.role).toBe('admin');
    } finally {
      await app.close();
      removeDataDir(dir);
    }
  });
});
