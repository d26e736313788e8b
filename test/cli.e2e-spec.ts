import { spawnSync } from 'node:child_process';
import { scryptSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseEnv } from './helpers/test-database';

/** The built CLI (npm test builds first), run as a user runs it, on a fresh DATA_DIR. */
const CLI = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
const SAMPLES = join(process.cwd(), 'fixtures', 'samples');

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...(env.DATA_DIR ? databaseEnv(env.DATA_DIR) : {}), ...env },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('creator-ops CLI', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'co-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('ingest --json prints one report per file on stdout and exits 0', () => {
    const r = cli(['ingest', join(SAMPLES, 'qianchuan-plan-daily.csv'), join(SAMPLES, 'oceanengine-unit-daily.csv'), '--workspace', 'ads', '--json'], {
      DATA_DIR: dataDir,
    });
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      file: 'qianchuan-plan-daily.csv',
      kind: 'ad',
      encoding: 'GB18030',
      delimiter: ',',
      headerRow: 1,
      rows: { read: 29, accepted: 28, rejected: 0, skipped: 1 },
    });
    expect(reports[0].skipped[0]).toMatchObject({ line: 30 });
    expect(reports[0].mapping).toContainEqual({ source: '整体消耗(元)', field: 'cost', scale: 100 });
    expect(reports[1]).toMatchObject({ kind: 'ad', rows: { accepted: 15 } });
  });

  it('exits 1 when a file cannot be imported, still importing the others', () => {
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, 'foo,bar\n1,2\n');
    const r = cli(['ingest', bad, join(SAMPLES, 'doudian-orders.csv'), '-w', 'w', '--json'], { DATA_DIR: join(dataDir, 'd') });
    expect(r.code).toBe(1);
    const [first, second] = JSON.parse(r.stdout);
    expect(first.error.code).toBe('UNRECOGNISED_EXPORT');
    expect(second.rows.accepted).toBe(72);
  });

  it('a first ingest on a fresh DATA_DIR creates `admin` with the one-time password it prints, once', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: '', SCRYPT_N: String(2 ** 16) };
    const first = cli(['ingest', join(SAMPLES, 'doudian-orders.csv'), '-w', 'shop', '--json'], env);
    expect(first.code).toBe(0);
    const password = /one-time password: (\S+)/.exec(first.stderr)?.[1];
    expect(password).toBeDefined();
    const second = cli(['ingest', join(SAMPLES, 'doudian-orders.csv'), '-w', 'shop', '--json'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/one-time password/);
    const users = await usersOf(dataDir);
    expect(users.map((u) => [u.username, u.role])).toEqual([['admin', 'admin']]);
    // The stored hash checked by scrypt here, from its own parameters and salt (scrypt$N$r$p$salt$key).
    const [scheme, n, r, p, salt, key] = users[0].passwordHash.split('$');
    expect(scheme).toBe('scrypt');
    const derived = scryptSync(password!.normalize('NFKC'), Buffer.from(salt, 'base64url'), 32, { N: +n, r: +r, p: +p, maxmem: 256 << 20 });
    expect(derived.toString('base64url')).toBe(key);
    // A generated password (18 random bytes) is hashed at N = 2^10, below SCRYPT_N: guessing cannot find it.
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect([+n, +r, +p]).toEqual([2 ** 10, 8, 1]);
  });

  it('a first ingest with ADMIN_PASSWORD set hashes that chosen password at SCRYPT_N', async () => {
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'chosen by a person 1', SCRYPT_N: String(2 ** 15) };
    const first = cli(['ingest', join(SAMPLES, 'doudian-orders.csv'), '-w', 'shop', '--json'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/one-time password/);
    const [user] = await usersOf(dataDir);
    const [, n, r, p, salt, key] = user.passwordHash.split('$');
    expect([+n, +r, +p]).toEqual([2 ** 15, 8, 1]);
    const derived = scryptSync('chosen by a person 1', Buffer.from(salt, 'base64url'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 256 << 20 });
    expect(derived.toString('base64url')).toBe(key);
  });

  it('exits 2 on a usage error', () => {
    expect(cli(['ingest'], { DATA_DIR: dataDir }).code).toBe(2);
    expect(cli(['query', '--metrics', 'ctr', '--format', 'xml'], { DATA_DIR: dataDir }).code).toBe(2);
  });

  it("prints one command's usage for <command> --help (exit 0), touching no DATA_DIR", () => {
    const helpDir = join(dataDir, 'untouched');
    for (const [command, flag, expected] of [
      ['query', '--help', /^usage: npm run --silent cli -- query \[--workspace W \| --data FILE\.\.\.\] --metrics/],
      ['ingest', '-h', /^usage: npm run --silent cli -- ingest FILE\.\.\. /],
      ['serve', '--help', /^usage: npm run --silent cli -- serve \[--port P\] \[--host H\]\n$/],
    ] as const) {
      const r = cli([command, flag], { DATA_DIR: helpDir });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(expected);
    }
    expect(existsSync(helpDir)).toBe(false);
    // After "--" it is an argument, not a request for help: a file named --help that does not exist.
    const r = cli(['ingest', '--', '--help'], { DATA_DIR: helpDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_NOT_FOUND');
  });

  it('query sees what another process ingested, and gives identical results under any server TZ', () => {
    const outputs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map((TZ) => {
      const dir = join(dataDir, TZ.replace('/', '-'));
      const env = { DATA_DIR: dir, TZ };
      expect(cli(['ingest', join(SAMPLES, 'doudian-orders.csv'), '-w', 'shop'], env).code).toBe(0);
      const r = cli(['query', '-w', 'shop', '--metrics', 'gmv,paid_orders,units', '--by', 'date:day,hour', '--format', 'json'], env);
      expect(r.code).toBe(0);
      const { sources, ...figures } = JSON.parse(r.stdout);
      expect(sources).toHaveLength(1);
      return JSON.stringify(figures);
    });
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
    const result = JSON.parse(outputs[0]) as { rows: Record<string, unknown>[]; totals: Record<string, number> };
    // Line 2 of the export was paid at 2026-10-07 02:11:25 (Beijing wall clock): day 2026-10-07, hour 2.
    expect(result.rows.find((r: Record<string, unknown>) => r['date:day'] === '2026-10-07' && r.hour === 2)).toBeDefined();
    expect(result.totals.gmv).toBeCloseTo(2916.7, 9);
  });

  it('query --data runs a one-off query without a workspace; csv output has a BOM and neutralised cells', () => {
    const r = cli(['query', '--data', join(SAMPLES, 'qianchuan-plan-daily.csv'), '--metrics', 'cost,ctr', '--by', 'plan', '--format', 'csv'], {
      DATA_DIR: dataDir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF计划名称,消耗,点击率\r\n')).toBe(true);
    // 新客-拉新: cost 24020.77 and clicks 14153 / impressions 668903 (expected.json worked these out independently).
    const line = r.stdout.split('\r\n').find((l) => l.startsWith('新客-拉新'))!;
    const [, cost, ctr] = line.split(',');
    expect(Number(cost)).toBeCloseTo(24020.77, 9);
    expect(Number(ctr)).toBeCloseTo(14153 / 668903, 12);
  });

  it('query --compare previous_month: the previous calendar month, shown in csv and table outputs too', () => {
    const file = join(dataDir, 'months.csv');
    // September: 10 + 30 = 40 clicks; October: 20 + 60 = 80 clicks (change +100 %). 2026-08-31 lies in
    // the 31 days before October (previous_period) but not in September (previous_month).
    writeFileSync(
      file,
      '日期,计划名称,消耗,展示数,点击数\n2026-08-31,A,9.99,9999,99\n2026-09-01,A,1.00,1000,10\n2026-09-30,A,2.00,1000,30\n2026-10-01,A,3.00,2000,20\n2026-10-31,A,4.00,2000,60\n',
    );
    const args = ['query', '--data', file, '--metrics', 'clicks', '--by', 'plan', '--from', '2026-10-01', '--to', '2026-10-31', '--compare', 'previous_month'];
    const csv = cli([...args, '--format', 'csv'], { DATA_DIR: dataDir });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('计划名称,点击数,点击数（对比期）,点击数变化率');
    expect(lines[1]).toBe('A,80,40,1');
    const table = cli([...args, '--format', 'table'], { DATA_DIR: dataDir });
    expect(table.stdout).toContain('点击数（对比期）');
    expect(table.stdout).toContain('对比期: 2026-09-01 ~ 2026-09-30');
    const json = JSON.parse(cli([...args.slice(0, -1), 'previous_period', '--format', 'json'], { DATA_DIR: dataDir }).stdout) as {
      comparison: { totals: { clicks: number } };
    };
    expect(json.comparison.totals.clicks).toBe(139);
  });

  it('csv output neutralises text that a spreadsheet would run as a formula', () => {
    const file = join(dataDir, 'formula.csv');
    writeFileSync(file, '日期,计划名称,消耗,展示数,点击数\n2026-10-01,"=HYPERLINK(""http://x"")",10.00,100,5\n2026-10-01,@SUM(A1),5.00,50,1\n');
    const r = cli(['query', '--data', file, '--metrics', 'cost', '--by', 'plan', '--format', 'csv'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",10`);
    expect(lines[2]).toBe(`'@SUM(A1),5`);
  });

  it('report writes a report as JSON, a chart as SVG and the workbook', () => {
    const env = { DATA_DIR: dataDir };
    expect(cli(['ingest', join(SAMPLES, 'qianchuan-plan-daily.csv'), '-w', 'ads'], env).code).toBe(0);
    const json = cli(['report', 'ad_performance', '-w', 'ads', '--preset', 'all'], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    // Cost of the 28 plan-days: 118,365.83 (the export's own 全部 row agrees).
    expect(report.kpis.find((k: { metric: string }) => k.metric === 'cost').value).toBeCloseTo(118365.83, 6);
    const svgPath = join(dataDir, 'funnel.svg');
    expect(cli(['report', 'ad_performance', '-w', 'ads', '--preset', 'all', '--chart', 'ad_funnel', '--out', svgPath], env).code).toBe(0);
    expect(readFileSync(svgPath, 'utf8').startsWith('<svg')).toBe(true);
    const xlsxPath = join(dataDir, 'ads.xlsx');
    expect(cli(['report', 'ad_performance', '-w', 'ads', '--preset', 'all', '--out', xlsxPath], env).code).toBe(0);
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
    expect(cli(['report', 'nope', '-w', 'ads'], env).code).toBe(1);
  });

  it('grade marks the worked example of an exercise at full points', () => {
    const id = 'cj-4.3.4-plan-metrics';
    const r = cli(['grade', '--exercise', id, join(process.cwd(), 'fixtures', 'exercises', id, 'example-answer.csv'), '--json'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.score).toBe(result.maxScore);
    expect(result.maxScore).toBeGreaterThan(0);
  });
});

/** The users of DATA_DIR's metadata database (SQLite, or its PostgreSQL database in the PostgreSQL pass). */
async function usersOf(dir: string): Promise<{ username: string; role: string; passwordHash: string }[]> {
  const { DataSource } = await import('typeorm');
  const url = databaseEnv(dir).DATABASE_URL;
  const ds = url ? new DataSource({ type: 'postgres', url }) : new DataSource({ type: 'better-sqlite3', database: join(dir, 'creator-ops.sqlite') });
  await ds.initialize();
  try {
    return await ds.query('SELECT username, role, "passwordHash" FROM users');
  } finally {
    await ds.destroy();
  }
}
