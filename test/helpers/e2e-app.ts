import 'reflect-metadata';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseEnv } from './test-database';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { setupApp } from '../../apps/api/src/setup-app';

/** The sample exports (copies of ../shared/samples), read from the repository root. */
export const SAMPLES = join(process.cwd(), 'fixtures', 'samples');

export function samplePath(name: string): string {
  return join(SAMPLES, name);
}

export function sampleBytes(name: string): Buffer {
  return readFileSync(samplePath(name));
}

/** A fresh DATA_DIR for one spec file. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'co-e2e-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A Nest logger that keeps every message it is given (for "never logged" checks). */
export class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  private record(level: string, message: unknown, rest: unknown[]): void {
    this.lines.push(
      [level, message, ...rest].map((p) => (p instanceof Error ? `${p.message}\n${p.stack}` : typeof p === 'string' ? p : JSON.stringify(p))).join(' '),
    );
  }
  log(message: unknown, ...rest: unknown[]) {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.record('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.record('fatal', message, rest);
  }
}

export interface E2eApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  http: () => ReturnType<typeof request.agent>;
  anonymous: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** Boots the real app (real SQLite, real Arrow files) on DATA_DIR and listens on a free port. */
export async function startApp(dataDir: string, env: Record<string, string> = {}, logger: LoggerService | false = false): Promise<E2eApp> {
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', ...TEST_AUTH_ENV, ...databaseEnv(dataDir), ...env } as NodeJS.ProcessEnv, { webDist: undefined });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication({ logger });
  setupApp(app, config);
  await app.init();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  // Every request of a test goes out as the signed-in admin (session cookie kept by the agent).
  const agent = request.agent(app.getHttpServer());
  await agent.post('/api/auth/login').send({ username: 'admin', password: TEST_ADMIN_PASSWORD }).expect(200);
  return {
    app,
    config,
    url,
    http: () => agent,
    anonymous: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
/**
 * Fast password hashing, no upload or submission limit, webhooks to loopback receivers allowed in
 * tests (the limits and the webhook target check have their own tests, which set these back).
 */
export const TEST_AUTH_ENV = {
  ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  SCRYPT_N: '1024',
  UPLOADS_PER_MINUTE: '100000',
  SUBMISSIONS_PER_MINUTE: '100000',
  WEBHOOK_ALLOW_PRIVATE: '1',
};

/** Uploads a file (multipart `file`) with optional form fields. */
export function upload(e: E2eApp, ws: string, bytes: Buffer, fileName: string, fields: Record<string, string> = {}) {
  let req = e.http().post(`/api/workspaces/${encodeURIComponent(ws)}/datasets`);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', bytes, { filename: fileName, contentType: 'text/csv' });
}

export function uploadSample(e: E2eApp, ws: string, name: string, fields: Record<string, string> = {}) {
  return upload(e, ws, sampleBytes(name), name, fields);
}

export function query(e: E2eApp, ws: string, spec: Record<string, unknown>) {
  return e
    .http()
    .post(`/api/workspaces/${encodeURIComponent(ws)}/query`)
    .send(spec);
}

/** Every regular file under `dir`, recursively (absolute paths). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** The files under DATA_DIR/workspaces (Arrow files and any temporary leftovers). */
export function workspaceFiles(dataDir: string): string[] {
  return listFiles(join(dataDir, 'workspaces'));
}

/** Asserts the shape every error body must have (DESIGN §8). */
export function expectErrorBody(body: Record<string, unknown>, code: string): void {
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect((body.message as string).length).toBeGreaterThan(0);
  const messages = body.messages as { zh?: unknown; en?: unknown };
  expect(typeof messages?.zh).toBe('string');
  expect(typeof messages?.en).toBe('string');
  expect((messages.zh as string).length).toBeGreaterThan(0);
  expect((messages.en as string).length).toBeGreaterThan(0);
  expect(typeof body.requestId).toBe('string');
  expect((body.requestId as string).length).toBeGreaterThan(0);
}
