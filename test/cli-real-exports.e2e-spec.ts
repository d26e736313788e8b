import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseEnv } from './helpers/test-database';

/** Issue 11 through the built CLI: --date completes a key; an incomplete key is refused with exit 1. */
const CLI = join(process.cwd(), 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');

function cli(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, ...databaseEnv(dataDir) },
    maxBuffer: 64 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('creator-ops ingest: keys of real exports', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'co-cli-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A 标准推广 report without its 日期 column: one row per 推广类型.
  const undated = '\uFEFF推广类型,消耗(元),展示次数\r\n短视频带货,"1,520.30","98,000"\r\n直播带货,"3,010.00","150,000"\r\n';

  it('--date dates a file without a date column, and the report says so', () => {
    const file = join(dir, '标准推广.csv');
    writeFileSync(file, undated);
    const r = cli(['ingest', file, '--workspace', 'w', '--date', '2026-06-01', '--json'], join(dir, 'data'));
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.keyContext).toEqual({ date: { value: '2026-06-01', from: 'option' } });
    expect(report.rows.accepted).toBe(2);
    const q = cli(['query', '--workspace', 'w', '--metrics', 'cost', '--by', 'date', '--format', 'json'], join(dir, 'data'));
    // 1,520.30 + 3,010.00 = 4,530.30 on the given day
    expect(JSON.parse(q.stdout).rows).toEqual([{ date: '2026-06-01', cost: 4530.3 }]);
  });

  it('refuses rows that share an incomplete key (exit 1, KEY_INCOMPLETE), and a malformed --date (exit 2)', () => {
    const file = join(dir, '达人.csv');
    writeFileSync(file, '\uFEFF达人昵称,消耗,展示数\r\n阿杰好物,412.30,30000\r\n果果妈妈,216.00,15000\r\n');
    const r = cli(['ingest', file, '--workspace', 'w', '--json'], join(dir, 'data'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].error.code).toBe('KEY_INCOMPLETE');
    expect(cli(['ingest', file, '--date', '2026/06/01'], join(dir, 'data')).code).toBe(2);
  });
});
