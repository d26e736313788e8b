#!/usr/bin/env node
// Parquet export benchmark: the built CLI's `export --format parquet` (hyparquet-writer, row groups of
// 100k) on a generated order workspace, against DuckDB writing the same rows (COPY … TO parquet), and
// DuckDB's read of both files (GMV by day). A measurement, not a test: it prints numbers and exits 0.
//   npm run build && node bench/parquet.mjs        Env: BENCH_ROWS (1000000), BENCH_SEED (1)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const ROWS = Number(process.env.BENCH_ROWS || 1_000_000);
const SEED = Number(process.env.BENCH_SEED || 1);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function run(args, env) {
  const argv = TIME ? [TIME, '-v', process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env }, maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { ms, peakMiB: rss ? Math.round(Number(rss[1]) / 1024) : null };
}

const dir = mkdtempSync(join(os.tmpdir(), 'co-bench-parquet-'));
try {
  const env = { DATA_DIR: join(dir, 'data') };
  const csv = join(dir, 'orders.csv');
  run(['generate', '--kind', 'order', '--rows', String(ROWS), '--seed', String(SEED), '--out', csv], env);
  run(['ingest', csv, '--workspace', 'bench'], env);
  const ours = run(['export', '--workspace', 'bench', '--format', 'parquet', '--out', join(dir, 'pq')], env);
  const oursFile = join(dir, 'pq', 'order.parquet');
  const result = {
    when: new Date().toISOString(),
    rows: ROWS,
    cpus: os.cpus().length,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    export: { ...ours, bytes: statSync(oursFile).size },
  };
  let duckdb;
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    result.skipped = 'DuckDB peer: @duckdb/node-api is not installed (npm ci installs it as a dev dependency)';
  }
  if (duckdb) {
    const conn = await (await duckdb.DuckDBInstance.create(':memory:')).connect();
    const duckFile = join(dir, 'duck.parquet');
    await conn.run(`CREATE TABLE t AS SELECT * FROM '${oursFile}'`);
    let t0 = performance.now();
    await conn.run(`COPY t TO '${duckFile}' (FORMAT parquet)`);
    result.duckdbWrite = { ms: performance.now() - t0, bytes: statSync(duckFile).size };
    const q = (f) => `SELECT CAST(paid_at AS DATE) d, SUM(payable_amount) FROM '${f}' WHERE paid_at IS NOT NULL GROUP BY d`;
    for (const [name, f] of [
      ['readOurs', oursFile],
      ['readDuck', duckFile],
    ]) {
      t0 = performance.now();
      await conn.runAndReadAll(q(f));
      result[name] = { ms: performance.now() - t0 };
    }
    conn.closeSync();
  }
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
