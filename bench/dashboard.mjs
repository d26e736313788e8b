#!/usr/bin/env node
// The demo dashboard's API time (every request the dashboard page makes) and the web bundle size.
//   npm run build && node bench/dashboard.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { adminHeaders } from './api-session.mjs';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS || 30);
const PORT = 3000 + Math.floor(Math.random() * 2000) + 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'co-bench-dash-'));
const server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: ROOT,
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), DEMO: '1', LOG_LEVEL: 'error', ADMIN_PASSWORD: 'bench-admin-password' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
let headers = {};

async function waitUp() {
  for (let i = 0; i < 200; i++) {
    try {
      if (!headers.authorization) headers = (await adminHeaders(base, 'bench-admin-password')) ?? headers;
      const r = await fetch(`${base}/api/workspaces`, { headers });
      if (r.ok && (await r.json()).items.length) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

try {
  await waitUp();
  const catalogue = (await (await fetch(`${base}/api/workspaces/demo/reports`, { headers })).json()).items.filter((r) => r.available);
  const requests = ['/api/workspaces/demo/summary', '/api/workspaces/demo/reports/dashboard'];
  const pageTimes = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = performance.now();
    await Promise.all(requests.map((p) => fetch(base + p, { headers }).then((r) => r.arrayBuffer())));
    pageTimes.push(performance.now() - t0);
  }
  const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('\n## 6. dashboard API (demo workspace)');
  console.log(
    `  dashboard page requests (${requests.length}): p50 ${p50(pageTimes.slice(1)).toFixed(1)} ms over ${RUNS} runs (first ${pageTimes[0].toFixed(1)} ms); target < 150 ms`,
  );
  const all = [];
  for (const r of catalogue) {
    const times = [];
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/workspaces/demo/reports/${r.key}`, { headers })).arrayBuffer();
      times.push(performance.now() - t0);
    }
    all.push(p50(times.slice(1)));
    console.log(`  report ${r.key.padEnd(18)} p50 ${p50(times.slice(1)).toFixed(1)} ms`);
  }
  console.log(`  all ${catalogue.length} reports one after another: ${all.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
} catch (e) {
  console.log(`  [skipped] dashboard API: ${e.message}`);
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log('\n## 7. web bundle');
const web = join(ROOT, 'dist/web');
if (!existsSync(join(web, 'index.html'))) console.log('  [skipped] dist/web missing: run npm run build');
else {
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const f of initial) {
    const gz = gzipSync(readFileSync(join(web, f))).length;
    if (f.endsWith('.js')) js += gz;
    else css += gz;
  }
  const total = readdirSync(join(web, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipSync(readFileSync(join(web, 'assets', f))).length, 0);
  console.log(
    `  initial JS ${(js / 1024).toFixed(1)} kB gzip (target < 500 kB), initial CSS ${(css / 1024).toFixed(1)} kB gzip; all JS chunks ${(total / 1024).toFixed(1)} kB gzip`,
  );
}
