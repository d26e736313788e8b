#!/usr/bin/env node
// Queries side by side with DuckDB (issue 15): the product answers over HTTP (the API server on a
// workspace holding the generated exports), DuckDB in this process over the same CSVs imported into
// memory, alternating runs, same meaning: GMV = Σ 订单应付金额 of paid orders (paid = has a
// 支付完成时间), dated by the payment day; ad ratios are ratios of sums; the 千川 `全部` total row is
// not data. Every product figure is checked against DuckDB's (money to the cent).
//   npm run build && node bench/query-peer.mjs
// Env: BENCH_QP_ORDERS (1000000 order rows), BENCH_QP_PLANS (5000 plans × 92 days of ad rows),
//      BENCH_QP_RUNS (21 timed runs per query and side), BENCH_REUSE=1 (keep bench/out/qp-*.csv),
//      DUCKDB_THREADS (default: all cores). The API server gets a throwaway DATA_DIR and its own
//      ADMIN_PASSWORD (set here: no password needs to be provided).
// A measurement, not a test: it prints numbers and a markdown block for bench/RESULTS.md, and exits 0.
import { spawn, spawnSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminHeaders } from './api-session.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const OUT = join(ROOT, 'bench', 'out');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const ORDERS = Number(process.env.BENCH_QP_ORDERS || 1_000_000);
const PLANS = Number(process.env.BENCH_QP_PLANS || 5000);
const RUNS = Number(process.env.BENCH_QP_RUNS || 21);
const REUSE = process.env.BENCH_REUSE === '1';
const THREADS = process.env.DUCKDB_THREADS || String(os.availableParallelism?.() ?? os.cpus().length);
const PASSWORD = 'bench-admin-password';
const WS = 'bench';

if (!existsSync(CLI) || !existsSync(API)) {
  console.log('  [skipped] query peer: run `npm run build` first');
  process.exit(0);
}
let DuckDBInstance;
try {
  ({ DuckDBInstance } = createRequire(join(ROOT, 'package.json'))('@duckdb/node-api'));
} catch (e) {
  console.log(`  [skipped] query peer: @duckdb/node-api not installed (${e.message})`);
  process.exit(0);
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const uptimeBefore = execSync('uptime').toString().trim();

// 1. The exports (the project's own generator; 92 days from 2026-08-01).
mkdirSync(OUT, { recursive: true });
const files = { order: join(OUT, `qp-orders-${ORDERS}.csv`), ad: join(OUT, `qp-ads-${PLANS}.csv`) };
const rowsOf = { order: ORDERS, ad: PLANS * 92 };
for (const kind of ['order', 'ad']) {
  if (REUSE && existsSync(files[kind]) && statSync(files[kind]).size > 0) continue;
  const r = spawnSync(process.execPath, [CLI, 'generate', '--kind', kind, '--rows', String(rowsOf[kind]), '--seed', '15', '--out', files[kind]], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.status !== 0) throw new Error(`generate ${kind} failed`);
}
console.log(
  `## queries against DuckDB (${ORDERS.toLocaleString()} order rows, ${PLANS.toLocaleString()} plans × 92 days = ${(PLANS * 92).toLocaleString()} ad rows)`,
);

// 2. The product: ingest into a fresh DATA_DIR, then the API server over it.
const dataDir = mkdtempSync(join(os.tmpdir(), 'co-bench-qp-'));
const env = { ...process.env, DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'error', ADMIN_PASSWORD: PASSWORD };
for (const kind of ['order', 'ad']) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'ingest', files[kind], '--workspace', WS, '--kind', kind], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`ingest ${kind} failed: ${String(r.stderr).slice(-2000)}`);
  console.log(`  product ingest ${kind}: ${((performance.now() - t0) / 1000).toFixed(1)} s (not compared here)`);
}
const PORT = 3000 + Math.floor(Math.random() * 2000) + 1000;
const server = spawn(process.execPath, [API], { cwd: ROOT, env: { ...env, PORT: String(PORT) }, stdio: ['ignore', 'ignore', 'ignore'] });
const base = `http://127.0.0.1:${PORT}`;
let headers = {};

async function waitUp() {
  for (let i = 0; i < 600; i++) {
    try {
      if (!headers.authorization) {
        const auth = await adminHeaders(base, PASSWORD);
        if (auth) headers = { ...auth, 'content-type': 'application/json' };
      }
      const r = await fetch(`${base}/api/workspaces`, { headers });
      if (r.ok && (await r.json()).items.some((w) => w.name === WS || w.id === WS)) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function productQuery(spec) {
  const r = await fetch(`${base}/api/workspaces/${WS}/query`, { method: 'POST', headers, body: JSON.stringify(spec) });
  if (!r.ok) throw new Error(`query ${JSON.stringify(spec)}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
}

// 3. DuckDB: the same CSVs into memory, typed at import (as the product types them at ingest).
const duck = await (await DuckDBInstance.create(':memory:', { threads: THREADS })).connect();
{
  const t0 = performance.now();
  await duck.run(`CREATE TABLE orders AS SELECT
      trim("商品ID", chr(9)) AS product_id, "省" AS province,
      CAST("订单应付金额" AS DECIMAL(18,2)) AS payable,
      CAST(TRY_CAST("支付完成时间" AS TIMESTAMP) AS DATE) AS pay_day
    FROM read_csv('${files.order}', all_varchar=true, header=true)`);
  const t1 = performance.now();
  await duck.run(`CREATE TABLE ads AS SELECT
      CAST("日期" AS DATE) AS day, "计划ID" AS plan_id,
      CAST(replace("整体消耗(元)", ',', '') AS DECIMAL(18,2)) AS cost,
      CAST(replace("整体展示次数", ',', '') AS BIGINT) AS impressions,
      CAST(replace("整体点击次数", ',', '') AS BIGINT) AS clicks,
      CAST(replace("整体成交金额(元)", ',', '') AS DECIMAL(18,2)) AS gmv
    FROM read_csv('${files.ad}', all_varchar=true, header=true) WHERE "日期" <> '全部'`);
  console.log(`  DuckDB import: orders ${((t1 - t0) / 1000).toFixed(1)} s, ads ${((performance.now() - t1) / 1000).toFixed(1)} s (threads ${THREADS})`);
}
const duckRows = async (sql) => (await duck.runAndReadAll(sql)).getRowObjectsJS();
const num = (v) => (v === null || v === undefined ? null : Number(v));
const day = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

// 4. The queries: the product's spec, DuckDB's SQL, and how their rows line up.
const QUERIES = [
  {
    name: 'gmv by day over one month (2026-09)',
    spec: { metrics: ['gmv'], dimensions: ['date:day'], from: '2026-09-01', to: '2026-09-30' },
    sql: `SELECT pay_day AS k, SUM(payable) AS gmv FROM orders WHERE pay_day BETWEEN DATE '2026-09-01' AND DATE '2026-09-30' GROUP BY 1 ORDER BY 1`,
    key: (r) => r['date:day'],
    duckKey: (r) => day(r.k),
    values: { gmv: 'money' },
  },
  {
    name: `cost, ctr, cpc, roi by plan (${PLANS.toLocaleString()} plans)`,
    spec: { metrics: ['cost', 'ctr', 'cpc', 'roi'], dimensions: ['plan_id'] },
    sql: `SELECT plan_id AS k, SUM(cost) AS cost, SUM(clicks)::DOUBLE / NULLIF(SUM(impressions), 0) AS ctr,
            SUM(cost)::DOUBLE / NULLIF(SUM(clicks), 0) AS cpc, SUM(gmv)::DOUBLE / NULLIF(SUM(cost), 0) AS roi
          FROM ads GROUP BY 1`,
    key: (r) => r.plan_id,
    duckKey: (r) => r.k,
    values: { cost: 'money', ctr: 'ratio', cpc: 'ratio', roi: 'ratio' },
  },
  {
    name: 'gmv by province',
    spec: { metrics: ['gmv'], dimensions: ['province'] },
    sql: `SELECT province AS k, SUM(payable) AS gmv FROM orders WHERE pay_day IS NOT NULL GROUP BY 1`,
    key: (r) => r.province,
    duckKey: (r) => r.k,
    values: { gmv: 'money' },
  },
  {
    name: 'top 20 products by gmv',
    spec: { metrics: ['gmv'], dimensions: ['product_id'], sort: [{ key: 'gmv', dir: 'desc' }], limit: 20 },
    sql: `SELECT product_id AS k, SUM(payable) AS gmv FROM orders WHERE pay_day IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
    key: (r) => r.product_id,
    duckKey: (r) => r.k,
    values: { gmv: 'money' },
  },
];

function mismatches(q, product, peer) {
  const byKey = new Map(peer.map((r) => [String(q.duckKey(r)), r]));
  let bad = 0;
  let compared = 0;
  if (product.rows.length !== peer.length) bad++;
  for (const row of product.rows) {
    const other = byKey.get(String(q.key(row)));
    if (!other) {
      bad++;
      continue;
    }
    for (const [k, type] of Object.entries(q.values)) {
      const a = num(row[k]);
      const b = num(other[k]);
      compared++;
      const same =
        a === null || b === null
          ? a === b
          : type === 'money'
            ? Math.round(a * 100) === Math.round(b * 100)
            : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
      if (!same) bad++;
    }
  }
  return { bad, compared };
}

const results = [];
try {
  await waitUp();
  // Cold: the first request loads the workspace's tables (and builds what the engine caches).
  const t0 = performance.now();
  await productQuery({ metrics: ['gmv'] });
  console.log(`  product first request (loads the workspace): ${(performance.now() - t0).toFixed(0)} ms`);
  for (const q of QUERIES) {
    const product = await productQuery(q.spec); // warm-up (and the answer checked below)
    const peer = await duckRows(q.sql);
    const check = mismatches(q, product, peer);
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      let a = performance.now();
      await productQuery(q.spec);
      ours.push(performance.now() - a);
      a = performance.now();
      await duckRows(q.sql);
      theirs.push(performance.now() - a);
    }
    const r = {
      query: q.name,
      groups: product.rows.length,
      productMs: +p50(ours).toFixed(1),
      duckdbMs: +p50(theirs).toFixed(1),
      ratio: +(p50(ours) / p50(theirs)).toFixed(2),
      mismatches: check.bad,
      valuesCompared: check.compared,
    };
    results.push(r);
    console.log(
      `  ${q.name.padEnd(40)} product p50 ${String(r.productMs).padStart(6)} ms (HTTP)   DuckDB p50 ${String(r.duckdbMs).padStart(6)} ms   ratio ${r.ratio.toFixed(2)}×   ${check.compared} values, ${check.bad} mismatches`,
    );
  }
  // The dashboard report on this workspace (every request of the report, warm).
  const dash = [];
  const dashUrl = `${base}/api/workspaces/${WS}/reports/dashboard`;
  let a = performance.now();
  await (await fetch(dashUrl, { headers })).arrayBuffer();
  const dashFirst = performance.now() - a;
  for (let i = 0; i < RUNS; i++) {
    a = performance.now();
    const r = await fetch(dashUrl, { headers });
    if (!r.ok) throw new Error(`dashboard HTTP ${r.status}`);
    await r.arrayBuffer();
    dash.push(performance.now() - a);
  }
  results.push({ query: 'dashboard report (warm)', productMs: +p50(dash).toFixed(1), firstMs: +dashFirst.toFixed(1) });
  console.log(
    `  dashboard report                          product p50 ${p50(dash).toFixed(1).padStart(6)} ms warm (first ${dashFirst.toFixed(0)} ms); target ≤ 150 ms`,
  );
} catch (e) {
  console.log(`  [failed] ${e.stack ?? e.message}`);
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

const cpu = os.cpus();
console.log(
  `\nmachine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, DuckDB threads ${THREADS}`,
);
console.log(`date: ${new Date().toISOString()}`);
console.log(`load before: ${uptimeBefore}`);
console.log(`load after:  ${execSync('uptime').toString().trim()} (1/5/15-min ${load()})`);
console.log(JSON.stringify({ queryPeer: results }));
