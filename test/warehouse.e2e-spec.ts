import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseEnv } from './helpers/test-database';
import Papa from 'papaparse';
import { startApp, uploadSample, type E2eApp } from './helpers/e2e-app';

/**
 * Parquet for the warehouse: DuckDB (a test-only dependency, never the product's) reads the
 * exported files in place and recomputes the product's figures with its own SQL.
 */
const CLI = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');

function cli(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, ...databaseEnv(dataDir) },
    maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`cli ${args[0]} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** A DuckDB DECIMAL as text ("1234.50", "-0.10") to integer cents, without passing through a float. */
function decimalTextToCents(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql)).getRowsJson() as unknown[][];
}

describe('Parquet export read by DuckDB', () => {
  let dir: string;
  let conn: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'co-parquet-'));
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => {
    conn.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  it('SUM(gmv) by day over a generated 100k-order workspace equals the product query to the cent', async () => {
    const dataDir = join(dir, 'data');
    const csv = join(dir, 'orders.csv');
    cli(['generate', '--kind', 'order', '--rows', '100000', '--seed', '17', '--out', csv], dataDir);
    cli(['ingest', csv, '--workspace', 'wh'], dataDir);
    const product = JSON.parse(cli(['query', '-w', 'wh', '--metrics', 'gmv', '--by', 'date:day', '--format', 'json'], dataDir)) as {
      rows: Record<string, unknown>[];
    };
    const out = join(dir, 'warehouse');
    const written = JSON.parse(cli(['export', '-w', 'wh', '--format', 'parquet', '--out', out], dataDir)) as { files: { path: string; rows: number }[] };
    expect(written.files.map((f) => f.path)).toEqual([join(out, 'order.parquet')]);
    expect(written.files[0].rows).toBe(100_000);

    // DESIGN §4: an order is paid when it has a payment time, and is dated by it (business-time wall clock).
    const duck = await rows(
      conn,
      `SELECT strftime(CAST(paid_at AS DATE), '%Y-%m-%d') AS day, CAST(SUM(payable_amount) AS VARCHAR) AS gmv
         FROM '${join(out, 'order.parquet')}' WHERE paid_at IS NOT NULL GROUP BY day ORDER BY day`,
    );
    // Unpaid rows have no payment day: the product groups them under a null day with no GMV.
    const undated = product.rows.filter((r) => r['date:day'] === null);
    expect(undated.every((r) => r.gmv === 0)).toBe(true);
    const dated = product.rows.filter((r) => r['date:day'] !== null);
    const productByDay = new Map(dated.map((r) => [String(r['date:day']), Math.round(Number(r.gmv) * 100)]));
    expect(duck.length).toBeGreaterThan(20);
    expect(productByDay.size).toBe(duck.length);
    for (const [day, gmv] of duck) expect([day, productByDay.get(String(day))]).toEqual([day, decimalTextToCents(String(gmv))]);
    // And the grand total, summed a third way straight from the generated CSV's text.
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    let csvCents = 0;
    for (const r of parsed.data) if (!['', '-'].includes(r['支付完成时间'].trim())) csvCents += decimalTextToCents(r['订单应付金额'].replace(/,/g, ''));
    const [[duckTotal, count]] = await rows(
      conn,
      `SELECT CAST(SUM(payable_amount) FILTER (WHERE paid_at IS NOT NULL) AS VARCHAR), COUNT(*)::INTEGER FROM '${join(out, 'order.parquet')}'`,
    );
    expect(decimalTextToCents(String(duckTotal))).toBe(csvCents);
    expect(count).toBe(100_000);
  }, 300_000);

  it('keeps logical types: money DECIMAL(18,2) yuan, DATE/TIMESTAMP, 19-digit ids as text, the time zone in metadata', async () => {
    const e: E2eApp = await startApp(join(dir, 'http'));
    try {
      const up = await uploadSample(e, 'shop', 'doudian-orders.csv').expect(201);
      const res = await e
        .http()
        .get(`/api/workspaces/shop/datasets/${up.body.id}/export.parquet`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/vnd.apache.parquet');
      const body = res.body as Buffer;
      expect(body.subarray(0, 4).toString()).toBe('PAR1');
      const file = join(dir, 'one.parquet');
      writeFileSync(file, body);
      const types = Object.fromEntries((await rows(conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${file}')`)) as [string, string][]);
      expect(types).toMatchObject({ payable_amount: 'DECIMAL(18,2)', paid_at: 'TIMESTAMP', order_item_id: 'VARCHAR', order_id: 'VARCHAR', quantity: 'BIGINT' });
      // Line 2 of doudian-orders.csv: "\t6917926768920153000", 商品数量 1, 订单应付金额 19.90, 支付完成时间 2026-10-07 02:11:25.
      const [first] = await rows(
        conn,
        `SELECT order_item_id, CAST(payable_amount AS VARCHAR), strftime(paid_at, '%Y-%m-%d %H:%M:%S') FROM '${file}' WHERE order_item_id = '6917926768920153000'`,
      );
      expect(first).toEqual(['6917926768920153000', '19.90', '2026-10-07 02:11:25']);
      const [[count]] = await rows(conn, `SELECT COUNT(*)::INTEGER FROM '${file}'`);
      expect(count).toBe(up.body.report.rows.accepted);
      const meta = Object.fromEntries(
        (await rows(conn, `SELECT CAST(key AS VARCHAR), CAST(value AS VARCHAR) FROM parquet_kv_metadata('${file}')`)) as [string, string][],
      );
      expect(meta['creator-ops.time_zone']).toBe('Asia/Shanghai');
      expect(meta['creator-ops.kind']).toBe('order');
    } finally {
      await e.close();
    }
  });

  it('answers 404 for an unknown import and never leaves a temp file behind', async () => {
    const e: E2eApp = await startApp(join(dir, 'http404'));
    try {
      await uploadSample(e, 'shop', 'doudian-orders.csv').expect(201);
      const exportDirs = () =>
        readdirSync(tmpdir())
          .filter((f) => f.startsWith('creator-ops-parquet-'))
          .sort();
      const before = exportDirs();
      const res = await e.http().get('/api/workspaces/shop/datasets/00000000-0000-4000-8000-000000000000/export.parquet');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('DATASET_NOT_FOUND');
      expect(exportDirs()).toEqual(before);
    } finally {
      await e.close();
    }
  });
});
