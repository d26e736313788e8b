#!/usr/bin/env node
// In-process query benchmark over the 1M-row order and ad tables: loads the Arrow IPC files an
// `ingest` wrote and times the engine's grouped queries, cold (first run) and warm (p50 of N runs).
//   node bench/queries.mjs [DATA_DIR]   (default bench/out/data; `npm run bench` prepares it)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const LIBS = join(ROOT, 'dist/apps/cli/libs');
const { tableFromIpcBytes, mergeParts } = require(join(LIBS, 'columnar/src/index.js'));
const { runQuery } = require(join(LIBS, 'query/src/index.js'));
const { KINDS } = require(join(LIBS, 'schemas/src/index.js'));
const RUNS = Number(process.env.BENCH_QUERY_RUNS || 20);
const dataDir = resolve(process.argv[2] || join(ROOT, 'bench/out/data'));
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

// Prepare the tables once: ingest the benchmark exports `bench/run.mjs` generated.
if (!existsSync(join(dataDir, 'workspaces'))) {
  const files = ['orders.csv', 'ads.csv'].map((f) => join(ROOT, 'bench/out', f)).filter((f) => existsSync(f));
  if (files.length) {
    console.log(`  ingesting ${files.length} file(s) into ${dataDir} ...`);
    spawnSync(process.execPath, [CLI, 'ingest', ...files, '--workspace', 'bench'], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

function loadKind(kind) {
  const base = join(dataDir, 'workspaces');
  if (!existsSync(base)) return null;
  const parts = [];
  for (const ws of readdirSync(base)) {
    const dir = join(base, ws, kind);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.arrow')))
      parts.push({
        id: f,
        table: tableFromIpcBytes(readFileSync(join(dir, f))),
        keyFields: kind === 'order' ? ['order_item_id'] : ['date', 'plan_id', 'plan'],
      });
  }
  if (!parts.length) return null;
  const t0 = performance.now();
  const table = mergeParts(KINDS[kind], parts);
  return { table, loadMs: performance.now() - t0 };
}

const tables = new Map();
for (const kind of ['order', 'ad']) {
  const t0 = performance.now();
  const loaded = loadKind(kind);
  if (!loaded) {
    console.log(`  [skipped] ${kind}: no Arrow files under ${dataDir}`);
    continue;
  }
  tables.set(kind, loaded.table);
  console.log(
    `  loaded ${kind}: ${loaded.table.length.toLocaleString()} rows in ${(performance.now() - t0).toFixed(0)} ms (merge ${loaded.loadMs.toFixed(0)} ms)`,
  );
}

const QUERIES = [
  // The peer's reference GROUP BYs (../shared/bench/duckdb-queries.mjs), as the engine's metrics.
  { name: 'P1 gmv by product (peer Q1)', kind: 'order', spec: { metrics: ['gmv'], dimensions: ['product_id'] } },
  { name: 'P2 gmv by day (peer Q2)', kind: 'order', spec: { metrics: ['gmv'], dimensions: ['date:day'] } },
  { name: 'P3 ctr by plan (peer Q3)', kind: 'ad', spec: { metrics: ['ctr'], dimensions: ['plan'] } },
  { name: 'P4 gmv, items by province (peer Q4)', kind: 'order', spec: { metrics: ['gmv', 'items'], dimensions: ['province'] } },
  { name: 'Q1 gmv by product × day', kind: 'order', spec: { metrics: ['gmv'], dimensions: ['product_id', 'date:day'] } },
  { name: 'Q2 ctr, cvr, roi by plan', kind: 'ad', spec: { metrics: ['ctr', 'order_cvr', 'roi'], dimensions: ['plan_id'] } },
  {
    name: 'Q3 top-20 products by gmv',
    kind: 'order',
    spec: { metrics: ['gmv', 'units'], dimensions: ['product_id'], sort: [{ key: 'gmv', dir: 'desc' }], limit: 20 },
  },
  { name: 'Q4 gmv, paid orders by province', kind: 'order', spec: { metrics: ['gmv', 'paid_orders'], dimensions: ['province'] } },
];

const results = [];
for (const q of QUERIES) {
  if (!tables.has(q.kind)) continue;
  const set = new Map([[q.kind, tables.get(q.kind)]]);
  const times = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    rows = runQuery(q.spec, set).rows.length;
    times.push(performance.now() - t0);
  }
  const cold = times[0];
  const warm = times.slice(1).sort((a, b) => a - b);
  const p50 = warm[Math.floor(warm.length / 2)];
  results.push({ query: q.name, rows, coldMs: +cold.toFixed(1), warmP50Ms: +p50.toFixed(1), warmMinMs: +warm[0].toFixed(1) });
  console.log(
    `  ${q.name.padEnd(34)} ${String(rows).padStart(7)} groups   cold ${cold.toFixed(1).padStart(7)} ms   warm p50 ${p50.toFixed(1).padStart(7)} ms (min ${warm[0].toFixed(1)})`,
  );
}
console.log('\n## 5. queries in process (1M rows; the engine over the Arrow tables; cold = first run, warm = p50 of ' + RUNS + ')');
console.log(JSON.stringify({ queries: results }));
