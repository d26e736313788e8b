import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The PostgreSQL pass of the e2e suite (`npm test` sets DATABASE_URL to TEST_DATABASE_URL, a
 * scratch server from .ci/postgres.sh): every DATA_DIR gets its own database, named from the folder's path, so a server
 * restarted on the same DATA_DIR finds its metadata again and tests never share state.
 * Without TEST_DATABASE_URL the metadata is SQLite inside DATA_DIR and these helpers do nothing.
 */
const BASE = process.env.DATABASE_URL ? process.env.TEST_DATABASE_URL : undefined;
export const ON_POSTGRES = Boolean(BASE);

function databaseName(dataDir: string): string {
  return `co_${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 24)}`;
}

function psql(sql: string): string {
  const r = spawnSync('psql', [BASE!, '-qAt', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed (${sql}): ${r.stderr}`);
  return r.stdout.trim();
}

function urlOf(name: string): string {
  const url = new URL(BASE!);
  url.pathname = `/${name}`;
  return url.toString();
}

function ensureDatabase(name: string, template?: string): void {
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`) === '1') return;
  psql(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
}

/** The environment that points a server or CLI on `dataDir` at its own database ({} on SQLite). */
export function databaseEnv(dataDir: string): Record<string, string> {
  if (!BASE) return {};
  const name = databaseName(dataDir);
  ensureDatabase(name);
  return { DATABASE_URL: urlOf(name) };
}

/** A copied DATA_DIR gets a copy of its metadata too (the source's server must be stopped). */
export function copyDatabase(fromDir: string, toDir: string): void {
  if (!BASE) return;
  ensureDatabase(databaseName(toDir), databaseName(fromDir));
}

/** The stored metadata as bytes: the SQLite file, or a plain-SQL dump of the DATA_DIR's database. */
export function metadataBytes(dataDir: string): Buffer {
  if (!BASE) return readFileSync(join(dataDir, 'creator-ops.sqlite'));
  const r = spawnSync('pg_dump', ['--data-only', '--inserts', urlOf(databaseName(dataDir))], { maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr.toString()}`);
  return r.stdout;
}
