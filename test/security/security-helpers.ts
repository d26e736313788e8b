import request from 'supertest';
import type { E2eApp } from '../helpers/e2e-app';

export type Agent = ReturnType<typeof request.agent>;

/** Creates a user (as the admin) and returns an agent signed in as them. */
export async function userAgent(e: E2eApp, username: string, role: string, password = `${username}-password-1`): Promise<Agent> {
  await e.http().post('/api/users').send({ username, password, role }).expect(201);
  const agent = request.agent(e.app.getHttpServer());
  await agent.post('/api/auth/login').send({ username, password }).expect(200);
  return agent;
}

/** A plain anonymous request. */
export function anon(e: E2eApp) {
  return request(e.app.getHttpServer());
}

/** An error body without its request id, to compare two answers. */
export function comparable(body: Record<string, unknown>): Record<string, unknown> {
  const { requestId: _ignored, ...rest } = body;
  return rest;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one statement on the real metadata database of DATA_DIR (to make time pass, or to store what
 * an older version stored): its SQLite file, or its PostgreSQL database in the PostgreSQL pass.
 * `?` placeholders; quote camelCase column names ("expiresAt") so both databases read them.
 */
export async function sqlRun(dataDir: string, sql: string, params: unknown[]): Promise<void> {
  const { DataSource } = await import('typeorm');
  const { join } = await import('node:path');
  const { databaseEnv } = await import('../helpers/test-database');
  const url = databaseEnv(dataDir).DATABASE_URL;
  let n = 0;
  const ds = url ? new DataSource({ type: 'postgres', url }) : new DataSource({ type: 'better-sqlite3', database: join(dataDir, 'creator-ops.sqlite') });
  if (url) sql = sql.replace(/\?/g, () => `$${++n}`);
  await ds.initialize();
  try {
    await ds.query(sql, params);
  } finally {
    await ds.destroy();
  }
}
