#!/usr/bin/env node
// 销售分析 (sales_report) over HTTP on a 100k-order workspace: cold and warm (p50 of N) answer times.
// Issue 14's target is < 1 s warm. Prints numbers; never fails on timing.
//   npm run build && node bench/sales-report.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { adminHeaders } from './api-session.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const RUNS = Number(process.env.BENCH_SALES_RUNS || 10);
const ROWS = Number(process.env.BENCH_SALES_ROWS || 100_000);
const PORT = 3000 + Math.floor(Math.random() * 2000) + 3000;
const csv = join(ROOT, 'bench/out', `orders-${ROWS}.csv`);
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
if (!existsSync(csv))
  spawnSync(
    process.execPath,
    [join(ROOT, 'dist/apps/cli/apps/cli/src/main.js'), 'generate', '--kind', 'order', '--rows', String(ROWS), '--seed', '7', '--out', csv],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );

const dataDir = mkdtempSync(join(tmpdir(), 'co-bench-sales-'));
const server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    DEMO: '0',
    LOG_LEVEL: 'error',
    ADMIN_PASSWORD: 'bench-admin-password',
    UPLOADS_PER_MINUTE: '1000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
let headers = {};
try {
  for (let i = 0; i < 300 && !headers.authorization; i++) {
    try {
      headers = (await adminHeaders(base, 'bench-admin-password')) ?? headers;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await fetch(`${base}/api/workspaces`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'sales' }),
  });
  const form = new FormData();
  form.set('file', new Blob([readFileSync(csv)]), 'orders.csv');
  const up = await fetch(`${base}/api/workspaces/sales/datasets`, { method: 'POST', headers, body: form });
  if (!up.ok) throw new Error(`upload failed: ${up.status}`);
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/workspaces/sales/reports/sales_report`, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`report failed: ${res.status}`);
    times.push(performance.now() - t0);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const p50 = warm[Math.floor(warm.length / 2)];
  console.log(
    `\n## 销售分析 over HTTP, ${ROWS.toLocaleString()} orders: cold ${times[0].toFixed(0)} ms, warm p50 ${p50.toFixed(0)} ms (min ${warm[0].toFixed(0)}, target < 1000)`,
  );
  console.log(JSON.stringify({ salesReport: { rows: ROWS, coldMs: Math.round(times[0]), warmP50Ms: Math.round(p50), warmMinMs: Math.round(warm[0]) } }));
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
