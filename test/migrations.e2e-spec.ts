import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { POSTGRES_MIGRATIONS } from '../apps/api/src/database/migrations/postgres';
import { SQLITE_MIGRATIONS } from '../apps/api/src/database/migrations/sqlite';
import { query, startApp, uploadSample, type E2eApp } from './helpers/e2e-app';
import { ON_POSTGRES } from './helpers/test-database';

/**
 * The metadata schema is made and moved by migrations at start: from an empty database, and from a
 * DATA_DIR written by release 0.1, whose schema `synchronize` made (fixtures/migrations/release-0.1).
 */
const RELEASE_01 = join(process.cwd(), 'fixtures', 'migrations', 'release-0.1');
const EXPECTED = (ON_POSTGRES ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS).map((m) => new m().name);

async function appliedMigrations(e: E2eApp): Promise<string[]> {
  const ds = e.app.get(DataSource);
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name);
}

async function gmvAndOrders(e: E2eApp, ws: string) {
  const res = await query(e, ws, { metrics: ['gmv', 'paid_orders', 'items'] }).expect(200);
  return res.body.totals as Record<string, number>;
}

describe('metadata migrations', () => {
  let root: string;
  beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'co-migrate-'))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('an empty database gets every migration once; a restart runs none again', async () => {
    const dir = join(root, 'empty');
    let e = await startApp(dir);
    try {
      expect(EXPECTED.length).toBeGreaterThan(0);
      expect(await appliedMigrations(e)).toEqual(EXPECTED);
      // The migrations build exactly the schema the entities describe (an entity change needs a migration).
      const pending = await e.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      await uploadSample(e, 'shop', 'doudian-orders.csv').expect(201);
    } finally {
      await e.close();
    }
    e = await startApp(dir);
    try {
      expect(await appliedMigrations(e)).toEqual(EXPECTED);
      expect((await e.http().get('/api/workspaces/shop/datasets').expect(200)).body.items).toHaveLength(1);
    } finally {
      await e.close();
    }
  });

  (ON_POSTGRES ? it.skip : it)('upgrades a release-0.1 DATA_DIR: users, workspaces and imports are kept and give the same figures', async () => {
    const upgraded = join(root, 'upgraded');
    cpSync(RELEASE_01, upgraded, { recursive: true });
    const old = await startApp(upgraded);
    const fresh = await startApp(join(root, 'fresh'));
    try {
      expect(await appliedMigrations(old)).toEqual(EXPECTED);
      // The release's admin signed in (startApp does), and its trainee is still there.
      const users = (await old.http().get('/api/users').expect(200)).body.items as { username: string; role: string }[];
      expect(users.map((u) => [u.username, u.role]).sort()).toEqual([
        ['admin', 'admin'],
        ['trainee1', 'trainee'],
      ]);
      const datasets = (await old.http().get('/api/workspaces/shop/datasets').expect(200)).body.items as { fileName: string }[];
      expect(datasets.map((d) => d.fileName)).toEqual(['doudian-orders.csv']);
      // The same export imported by this release gives the same figures as the upgraded one.
      await uploadSample(fresh, 'shop', 'doudian-orders.csv').expect(201);
      expect(await gmvAndOrders(old, 'shop')).toEqual(await gmvAndOrders(fresh, 'shop'));
      // And the upgraded installation keeps working: a second import lands beside the first.
      await uploadSample(old, 'ads', 'qianchuan-plan-daily.csv').expect(201);
    } finally {
      await old.close();
      await fresh.close();
    }
  });
});
