import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, makeDataDir, removeDataDir, startApp, uploadSample } from '../helpers/e2e-app';
import { killAllServers, startServerProcess } from '../helpers/server-process';
import { ON_POSTGRES } from '../helpers/test-database';

/**
 * The metadata database (users, password hashes, sessions) was world-readable (644). Now it and
 * its WAL files and the installation secret are 0600, and the server creates everything 0600/0700.
 */
const mode = (p: string) => statSync(p).mode & 0o777;

describe('file modes', () => {
  afterAll(async () => {
    await killAllServers();
  });

  // The SQLite file only: on PostgreSQL the metadata is not in DATA_DIR.
  (ON_POSTGRES ? it.skip : it)('creates the database, its WAL files and the secret readable by the owner only, and narrows an older 644 database', async () => {
    const dir = makeDataDir();
    try {
      let e = await startApp(dir);
      await uploadSample(e, 'shop', 'doudian-orders.csv').expect(201);
      const db = join(dir, 'creator-ops.sqlite');
      for (const f of [db, `${db}-wal`, `${db}-shm`, join(dir, 'secret')].filter(existsSync)) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
      await e.close();
      chmodSync(db, 0o644);
      e = await startApp(dir);
      expect(mode(db).toString(8)).toBe('600');
      await e.close();
    } finally {
      removeDataDir(dir);
    }
  });

  it('the server process creates every file 0600 and every folder 0700', async () => {
    const dir = join(makeDataDir(), 'data');
    const server = await startServerProcess(dir);
    try {
      await server.stop();
      const files = listFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((f) => (mode(f) & 0o077) !== 0)).toEqual([]);
      expect(mode(dir).toString(8)).toBe('700');
    } finally {
      removeDataDir(join(dir, '..'));
    }
  });
});
