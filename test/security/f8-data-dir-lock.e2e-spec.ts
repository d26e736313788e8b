import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir, removeDataDir, sampleBytes, samplePath } from '../helpers/e2e-app';
import { adminToken, http, killAllServers, PROCESS_AUTH_ENV, startServerProcess } from '../helpers/server-process';
import { databaseEnv, ON_POSTGRES } from '../helpers/test-database';

/**
 * F8: a second server on the same DATA_DIR started silently and its start-up sweep deleted the
 * first one's in-flight upload. Now DATA_DIR has an exclusive lock held for the process's life:
 * a second server (or a writing CLI command) exits non-zero naming the holder; a lock left by a
 * killed process is taken over; reading CLI commands still run beside the server. Real processes
 * of the built server (`npm run build` first).
 * With PostgreSQL metadata (issue 16) the database coordinates instead, and several servers share
 * DATA_DIR: the lock is not taken, and each server's uploads in flight sit in its own folder that
 * only the sweep of a dead instance's successor removes (test/multi-instance.e2e-spec.ts).
 */
const CLI = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'creator-ops.lock'), 'utf8')) as { pid: number; command: string };

function cli(dir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...PROCESS_AUTH_ENV, DATA_DIR: dir, DEMO: '0', ...databaseEnv(dir) };
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
}

describe('F8 DATA_DIR lock', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeDataDir();
  });
  afterAll(async () => {
    await killAllServers();
    removeDataDir(dir);
  });

  (ON_POSTGRES ? it.skip : it)(
    'refuses a second server, naming the holder, and leaves the first one’s files alone (SQLite)',
    async () => {
      const first = await startServerProcess(dir);
      expect(lockOf(dir)).toMatchObject({ pid: first.child.pid, command: 'server' });
      const token = await adminToken(first.base);
      const up = await http(first.base, 'POST', '/api/workspaces/shop/datasets', {
        token,
        multipart: { field: 'file', fileName: 'orders.csv', bytes: sampleBytes('doudian-orders.csv') },
      });
      expect(up.status).toBe(201);
      // An upload the first server is receiving right now.
      mkdirSync(join(dir, 'tmp', 'uploads'), { recursive: true });
      const inFlight = join(dir, 'tmp', 'uploads', 'upload-in-progress');
      writeFileSync(inFlight, 'partial multipart body');

      await expect(startServerProcess(dir)).rejects.toThrow(new RegExp(`code 3[\\s\\S]*in use by process ${first.child.pid}`));
      expect(existsSync(inFlight)).toBe(true);
      expect((await http(first.base, 'GET', '/api/health')).status).toBe(200);

      // The CLI: a write is refused with the holder named; a read runs beside the server.
      const ingest = cli(dir, ['ingest', samplePath('doudian-orders.csv'), '--workspace', 'shop']);
      expect(ingest.status).toBe(3);
      expect(ingest.stderr).toContain(`in use by process ${first.child.pid}`);
      const query = cli(dir, ['query', '--workspace', 'shop', '--metrics', 'gmv', '--format', 'json']);
      expect([query.status, query.stderr]).toEqual([0, expect.any(String)]);
      expect(JSON.parse(query.stdout).totals.gmv).toBeGreaterThan(0);

      // kill -9: the lock stays behind, stale; the next start takes it over.
      first.child.kill('SIGKILL');
      await first.exited;
      expect(lockOf(dir).pid).toBe(first.child.pid);
      const next = await startServerProcess(dir);
      expect(lockOf(dir)).toMatchObject({ pid: next.child.pid });
      const list = await http(next.base, 'GET', '/api/workspaces/shop/datasets', { token: await adminToken(next.base) });
      expect(list.status).toBe(200);
      // A clean stop releases the lock, and a writing CLI command may then run.
      await next.stop();
      expect(existsSync(join(dir, 'creator-ops.lock'))).toBe(false);
      expect(cli(dir, ['ingest', samplePath('doudian-orders.csv'), '--workspace', 'shop', '--json']).status).toBe(0);
      expect(existsSync(join(dir, 'creator-ops.lock'))).toBe(false);
    },
    120_000,
  );

  (ON_POSTGRES ? it : it.skip)(
    'with PostgreSQL: a second server and a writing CLI share DATA_DIR, and leave the first one’s upload in flight alone',
    async () => {
      const first = await startServerProcess(dir);
      const uploads = join(dir, 'tmp', 'uploads');
      const [own] = readdirSync(uploads);
      const inFlight = join(uploads, own, 'upload-in-progress');
      writeFileSync(inFlight, 'partial multipart body');
      const second = await startServerProcess(dir);
      expect(existsSync(join(dir, 'creator-ops.lock'))).toBe(false);
      expect(existsSync(inFlight)).toBe(true);
      expect(cli(dir, ['ingest', samplePath('doudian-orders.csv'), '--workspace', 'shop', '--json']).status).toBe(0);
      const list = await http(second.base, 'GET', '/api/workspaces/shop/datasets', { token: await adminToken(first.base) });
      expect((list.body as { items: unknown[] }).items).toHaveLength(1);
      await Promise.all([first.stop(), second.stop()]);
    },
    120_000,
  );
});
