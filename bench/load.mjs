#!/usr/bin/env node
// Load test (issue 8): 50 concurrent connections for 30 s against the BUILT server on loopback,
// mixing report reads of the demo workspace with uploads of a small order export to another
// workspace. Prints requests/s, latency p50/p99 and the count of non-2xx responses and errors
// (the target is 0). A measurement: it always exits 0 and says clearly when errors occurred.
//   npm run build && node bench/load.mjs
// Env: LOAD_SECONDS (30), LOAD_CONNECTIONS (50, of which LOAD_UPLOAD_CONNECTIONS=5 upload),
//      LOAD_UPLOADS_PER_SECOND (4), BENCH_SERVER (path of the API entry).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ENTRY = resolve(ROOT, process.env.BENCH_SERVER || 'dist/apps/api/apps/api/src/main.js');
const SECONDS = posInt(process.env.LOAD_SECONDS, 30);
const CONNECTIONS = posInt(process.env.LOAD_CONNECTIONS, 50);
const UPLOAD_CONNECTIONS = Math.min(posInt(process.env.LOAD_UPLOAD_CONNECTIONS, 5), CONNECTIONS - 1);
const UPLOADS_PER_SECOND = posInt(process.env.LOAD_UPLOADS_PER_SECOND, 4);
const HOST = '127.0.0.1'; // loopback only, never configurable
const UPLOAD_WS = 'load-uploads';
const ADMIN_PASSWORD = `load-${randomBytes(12).toString('hex')}`;

function posInt(v, dflt) {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isSafeInteger(n) && n > 0 ? n : dflt;
}
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, HOST, () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** A small order export: the header and the first 10 rows of the sample 抖店 export. */
function smallOrderCsv() {
  const text = readFileSync(join(ROOT, 'fixtures', 'samples', 'doudian-orders.csv'), 'utf8');
  return Buffer.from(text.split(/\r?\n/).slice(0, 11).join('\r\n') + '\r\n');
}

function multipart(fileName, bytes) {
  const boundary = `----co-load-${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startServer(dataDir, port) {
  const env = { ...process.env, PORT: String(port), HOST, DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'error', ADMIN_PASSWORD, UPLOADS_PER_MINUTE: '100000' };
  delete env.CREATOR_OPS_CRASH_AT;
  const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8');
  await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start in 60 s: ${err.slice(-500)}`)), 60_000);
    child.stderr.on('data', (d) => {
      err += d;
      if (err.includes('listening on')) {
        clearTimeout(timer);
        res();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`server exited (code ${code}, signal ${signal}): ${err.slice(-500)}`));
    });
  });
  return { child, stderr: () => err };
}

async function json(base, path, init = {}) {
  const res = await fetch(base + path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method || 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return { body, headers: res.headers };
}

function run(opts) {
  const times = [];
  return new Promise((res, rej) => {
    const instance = autocannon({ ...opts, skipAggregateResult: false }, (err, result) => (err ? rej(err) : res({ result, times })));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

function printGroup(label, { result, times }) {
  const sorted = [...times].sort((a, b) => a - b);
  const codes = Object.entries(result.statusCodeStats || {})
    .map(([c, v]) => `${c}×${v.count}`)
    .join(' ');
  console.log(
    `  ${label.padEnd(8)} ${fmt(result.requests.total).padStart(7)} req  ${fmt(result.requests.total / result.duration, 1).padStart(8)} req/s` +
      `  p50 ${fmt(percentile(sorted, 50), 1)} ms  p99 ${fmt(percentile(sorted, 99), 1)} ms  max ${fmt(sorted[sorted.length - 1] ?? NaN, 1)} ms` +
      `  non-2xx ${result.non2xx}  errors ${result.errors} (timeouts ${result.timeouts})  [${codes}]`,
  );
}

console.log(
  `\n## load: ${CONNECTIONS} connections for ${SECONDS} s (${CONNECTIONS - UPLOAD_CONNECTIONS} reading reports, ${UPLOAD_CONNECTIONS} uploading at ≤ ${UPLOADS_PER_SECOND}/s), loopback`,
);
if (!existsSync(ENTRY)) {
  console.log(`  [skipped] ${ENTRY} missing: run npm run build`);
  process.exit(0);
}
const dataDir = mkdtempSync(join(tmpdir(), 'co-bench-load-'));
let server;
// Hard bound: whatever happens, the run ends (the server is killed on exit).
const guard = setTimeout(
  () => {
    console.log('  [aborted] the load run exceeded its time bound');
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  },
  (SECONDS + 120) * 1000,
);
guard.unref();

try {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  server = await startServer(dataDir, port);
  const login = await json(base, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = (await json(base, '/api/auth/tokens', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })).body;
  const auth = { authorization: `Bearer ${token}` };

  // The demo workspace is imported at start-up; read its catalogue.
  const catalogue = (await json(base, '/api/workspaces/demo/reports', { headers: auth })).body.items.filter((r) => r.available);
  const readPaths = ['/api/workspaces/demo/summary', ...catalogue.map((r) => `/api/workspaces/demo/reports/${encodeURIComponent(r.key)}`)];
  // One upload before the run creates the upload workspace (and checks the body is accepted).
  const csv = smallOrderCsv();
  const form = multipart('orders-small.csv', csv);
  const uploadHeaders = { ...auth, 'content-type': form.contentType };
  const first = await fetch(`${base}/api/workspaces/${UPLOAD_WS}/datasets`, { method: 'POST', headers: uploadHeaders, body: form.body });
  if (first.status !== 201) throw new Error(`warm-up upload answered ${first.status}: ${await first.text()}`);
  console.log(
    `  reads cycle through ${readPaths.length} paths: summary + ${catalogue.length} reports (${catalogue.map((r) => r.key).join(', ')}); uploads: ${csv.length} B order CSV to workspace ${UPLOAD_WS}`,
  );

  const common = { url: base, duration: SECONDS, timeout: 30 };
  const [reads, uploads] = await Promise.all([
    run({ ...common, connections: CONNECTIONS - UPLOAD_CONNECTIONS, requests: readPaths.map((path) => ({ method: 'GET', path, headers: auth })) }),
    run({
      ...common,
      connections: UPLOAD_CONNECTIONS,
      overallRate: UPLOADS_PER_SECOND,
      requests: [{ method: 'POST', path: `/api/workspaces/${UPLOAD_WS}/datasets`, headers: uploadHeaders, body: form.body }],
    }),
  ]);

  const all = [...reads.times, ...uploads.times].sort((a, b) => a - b);
  const duration = Math.max(reads.result.duration, uploads.result.duration);
  const total = reads.result.requests.total + uploads.result.requests.total;
  const non2xx = reads.result.non2xx + uploads.result.non2xx;
  const errors = reads.result.errors + uploads.result.errors;
  printGroup('reads', reads);
  printGroup('uploads', uploads);
  console.log(
    `  total    ${fmt(total).padStart(7)} req  ${fmt(total / duration, 1).padStart(8)} req/s  p50 ${fmt(percentile(all, 50), 1)} ms  p99 ${fmt(percentile(all, 99), 1)} ms  non-2xx ${non2xx}  errors ${errors}`,
  );

  // The uploads really landed: one dataset per answered upload, plus the warm-up one, plus at most
  // one per upload connection still in flight when the run stopped (the server finishes those).
  const datasets = (await json(base, `/api/workspaces/${UPLOAD_WS}/datasets`, { headers: auth })).body.items.length;
  const okUploads = Object.entries(uploads.result.statusCodeStats || {})
    .filter(([c]) => c.startsWith('2'))
    .reduce((n, [, v]) => n + v.count, 0);
  const countOk = datasets >= okUploads + 1 && datasets <= okUploads + 1 + UPLOAD_CONNECTIONS;
  console.log(
    `  workspace ${UPLOAD_WS}: ${datasets} datasets after ${okUploads} answered uploads + 1 warm-up (+ ≤ ${UPLOAD_CONNECTIONS} in flight at the stop)`,
  );
  const alive = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (non2xx || errors || !alive || !countOk) {
    console.log(
      `  !! LOAD ERRORS: ${non2xx} non-2xx, ${errors} errors${alive ? '' : ', server not healthy afterwards'}${countOk ? '' : ', dataset count mismatch'} (target: 0)`,
    );
  } else {
    console.log('  OK: 0 non-2xx, 0 errors, server healthy');
  }
} catch (e) {
  console.log(`  [failed] load run: ${e.message}`);
} finally {
  server?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  clearTimeout(guard);
}
process.exit(0);
