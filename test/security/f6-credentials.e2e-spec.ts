import { createHash } from 'node:crypto';
import request from 'supertest';
import { expectErrorBody, makeDataDir, removeDataDir, startApp, type E2eApp } from '../helpers/e2e-app';
import { anon, sqlRun, type Agent } from './security-helpers';

/**
 * F6: changing a password left old sessions and API tokens valid, tokens never expired, and the
 * current password could be guessed at POST /auth/password without limit. Also: the Secure cookie
 * option, and the admin's user actions (reset, disable) end the user's credentials.
 */
describe('F6 sessions and tokens', () => {
  let dir: string;
  let e: E2eApp;
  const signIn = async (username: string, password: string): Promise<Agent> => {
    const agent = request.agent(e.app.getHttpServer());
    await agent.post('/api/auth/login').send({ username, password }).expect(200);
    return agent;
  };
  const bearer = (token: string) => anon(e).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    dir = makeDataDir();
    e = await startApp(dir);
    await e.http().post('/api/users').send({ username: 'olga', password: 'olga-password-1', role: 'operator' }).expect(201);
  });
  afterAll(async () => {
    await e.close();
    removeDataDir(dir);
  });

  it('ends every other session and token of the user when the password changes', async () => {
    const laptop = await signIn('olga', 'olga-password-1');
    const phone = await signIn('olga', 'olga-password-1');
    const { token } = (await laptop.post('/api/auth/tokens').send({ name: 'script' }).expect(201)).body;
    await bearer(token).expect(200);
    const res = await laptop.post('/api/auth/password').send({ current: 'olga-password-1', password: 'olga-password-2' }).expect(200);
    expect(res.body).toEqual({ ended: 2 });
    await laptop.get('/api/auth/me').expect(200);
    await phone.get('/api/auth/me').expect(401);
    await bearer(token).expect(401);
  });

  it('gives tokens a 90-day default expiry, lists them without secrets, revokes them, and refuses expired ones', async () => {
    const olga = await signIn('olga', 'olga-password-2');
    const created = (await olga.post('/api/auth/tokens').send({ name: 'ci' }).expect(201)).body;
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
    const short = (await olga.post('/api/auth/tokens').send({ name: 'short', days: 1 }).expect(201)).body;
    const list = (await olga.get('/api/auth/tokens').expect(200)).body.items as { id: string; name: string }[];
    expect(list.map((t) => t.name).sort()).toEqual(['ci', 'short']);
    expect(JSON.stringify(list)).not.toContain(created.token);
    await olga.delete(`/api/auth/tokens/${created.id}`).expect(204);
    await bearer(created.token).expect(401);
    expectErrorBody((await olga.delete(`/api/auth/tokens/${created.id}`).expect(404)).body, 'TOKEN_NOT_FOUND');
    // Time passes: the token's expiry (in the real database file) is now in the past.
    await bearer(short.token).expect(200);
    await sqlRun(dir, 'UPDATE credentials SET "expiresAt" = ? WHERE "secretHash" = ?', [
      '2000-01-01 00:00:00.000',
      createHash('sha256').update(short.token).digest('hex'),
    ]);
    await bearer(short.token).expect(401);
  });

  it('throttles the current-password check', async () => {
    const olga = await signIn('olga', 'olga-password-2');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await olga.post('/api/auth/password').send({ current: `guess-${i}-xxxxxx`, password: 'olga-password-3' })).body.code);
    expect(codes).toEqual([
      'CURRENT_PASSWORD_WRONG',
      'CURRENT_PASSWORD_WRONG',
      'CURRENT_PASSWORD_WRONG',
      'CURRENT_PASSWORD_WRONG',
      'CURRENT_PASSWORD_WRONG',
      'PASSWORD_CHECK_THROTTLED',
    ]);
    // Even the right password waits for the delay.
    const right = await olga.post('/api/auth/password').send({ current: 'olga-password-2', password: 'olga-password-3' }).expect(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('lets an admin reset a password or disable a user, ending their sessions and tokens', async () => {
    await e.http().post('/api/users').send({ username: 'dan', password: 'dan-password-1', role: 'trainee' }).expect(201);
    const dan = await signIn('dan', 'dan-password-1');
    const { token } = (await dan.post('/api/auth/tokens').send({}).expect(201)).body;
    await e.http().post('/api/users/dan/password').send({ password: 'dan-password-2' }).expect(200);
    await dan.get('/api/auth/me').expect(401);
    await bearer(token).expect(401);
    const again = await signIn('dan', 'dan-password-2');
    await e.http().post('/api/users/dan/disabled').send({ disabled: true }).expect(200);
    await again.get('/api/auth/me').expect(401);
    const refused = await anon(e).post('/api/auth/login').send({ username: 'dan', password: 'dan-password-2' }).expect(401);
    expect(refused.body.code).toBe('LOGIN_FAILED');
    const row = (await e.http().get('/api/users').expect(200)).body.items.find((u: { username: string }) => u.username === 'dan');
    expect(row).toMatchObject({ role: 'trainee', disabled: true });
    expect(typeof row.lastLoginAt).toBe('string');
    await e.http().post('/api/users/dan/disabled').send({ disabled: false }).expect(200);
    await signIn('dan', 'dan-password-2');
    expectErrorBody((await e.http().post('/api/users/admin/disabled').send({ disabled: true }).expect(400)).body, 'CANNOT_DISABLE_SELF');
    await dan.get('/api/users').expect(401);
  });
});

describe('COOKIE_SECURE', () => {
  it('marks the session cookie Secure when set, and not by default', async () => {
    for (const [env, secure] of [
      [{}, false],
      [{ COOKIE_SECURE: '1' }, true],
    ] as const) {
      const dir = makeDataDir();
      const e = await startApp(dir, env);
      try {
        const res = await anon(e).post('/api/auth/login').send({ username: 'admin', password: 'test-admin-password' }).expect(200);
        const cookie = String(res.headers['set-cookie']);
        expect(cookie).toMatch(/HttpOnly/i);
        expect(/;\s*Secure/i.test(cookie)).toBe(secure);
      } finally {
        await e.close();
        removeDataDir(dir);
      }
    }
  });
});
