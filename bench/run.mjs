#!/usr/bin/env node
// creator-ops benchmark: generate 1M-row exports with the built CLI, time `ingest` (whole process,
// /usr/bin/time -v) against DuckDB when available, and time a few grouped queries.
//   npm run build && npm run bench
// Env: BENCH_ROWS (1000000), BENCH_RUNS (3), BENCH_SEED (1), BENCH_REUSE=1 (keep existing
//      bench/out/*.csv), BENCH_CLI (path to the CLI entry, default dist/apps/cli/apps/cli/src/main.js),
//      DUCKDB_DIR (folder where `npm install @duckdb/node-api@1.5.6-r.1` was run; default: this project,
//      whose devDependencies hold it), DUCKDB_THREADS, BENCH_SMALL_ONLY=1 (only 2b, the 1k-row CLI
//      ingest), BENCH_SMALL_RUNS (5).
// It is a measurement, not a test: it prints numbers, reports what it skipped and why, and exits 0.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errExcerpt, parseJsonOut, tail, timed, TIME } from './child-process.mjs';
import { cliStartBench, duckdbDirDefault } from './cli-start.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'bench', 'out');
const CLI = resolve(ROOT, process.env.BENCH_CLI || 'dist/apps/cli/apps/cli/src/main.js');
const GEN_MODULE = join(ROOT, 'dist/apps/cli/apps/cli/src/generate/index.js');
const ROWS = posInt(process.env.BENCH_ROWS, 1_000_000);
const RUNS = posInt(process.env.BENCH_RUNS, 3);
const SEED = posInt(process.env.BENCH_SEED, 1);
const REUSE = process.env.BENCH_REUSE === '1';
const SMALL_ONLY = process.env.BENCH_SMALL_ONLY === '1';
const DUCKDB_DIR = duckdbDirDefault();
const DUCKDB_THREADS = process.env.DUCKDB_THREADS || String(os.availableParallelism?.() ?? os.cpus().length);
const WORKSPACE = 'bench';

/** Grouped queries of section 4 (the lead refines these). */
const QUERIES = [
  { name: 'gmv by product x day', args: ['--metrics', 'gmv', '--by', 'product_id,date:day', '--format', 'json'] },
  { name: 'ctr/cvr/roi by plan', args: ['--metrics', 'ctr,cvr,roi', '--by', 'plan_id'] },
  { name: 'top-20 products by gmv', args: ['--metrics', 'gmv', '--by', 'product_id', '--sort', 'gmv:desc', '--limit', '20', '--format', 'json'] },
];

const FILES = [
  { kind: 'order', file: join(OUT, 'orders.csv'), duckdbOptions: '' },
  // The trailing `全部` period-total row is not a date: without ignore_errors DuckDB's auto-detected
  // DATE column rejects the whole file; with it, that one row is dropped (as creator-ops skips it).
  { kind: 'ad', file: join(OUT, 'ads.csv'), duckdbOptions: 'ignore_errors=true' },
];

const results = {
  when: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    platform: `${os.platform()} ${os.release()}`,
  },
  config: { rows: ROWS, runs: RUNS, seed: SEED, cli: rel(CLI), duckdbDir: DUCKDB_DIR || null, duckdbThreads: DUCKDB_THREADS },
  generate: {},
  ingest: {},
  cliIngest1k: null,
  queries: {},
  skipped: [],
};

// ------------------------------------------------------------------------------------ helpers
function posInt(v, dflt) {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isSafeInteger(n) && n > 0 ? n : dflt;
}
function rel(p) {
  return relative(ROOT, p) || '.';
}
function skip(section, why) {
  results.skipped.push({ section, why });
  console.log(`  [skipped] ${section}: ${why}`);
}
function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');
const mb = (bytes) => bytes / 1e6;
function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s, n) {
  s = String(s);
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** Best effort: accepted rows from an ingest --json report, whatever its exact shape. */
function acceptedRows(report) {
  if (!report || typeof report !== 'object') return NaN;
  const cands = [report, report.report, ...(Array.isArray(report.files) ? report.files : []), ...(Array.isArray(report) ? report : [])];
  for (const c of cands) {
    const n = c?.rows?.accepted ?? c?.report?.rows?.accepted ?? c?.accepted;
    if (Number.isFinite(n)) return n;
  }
  return NaN;
}

function freshDataDir() {
  return mkdtempSync(join(os.tmpdir(), 'creator-ops-bench-'));
}

function summarize(runs) {
  return { wall: median(runs.map((r) => r.wall)), rssKiB: median(runs.map((r) => r.rssKiB)), walls: runs.map((r) => +r.wall.toFixed(2)) };
}

// ------------------------------------------------------------------------------------ 1. generate
async function generateFiles() {
  console.log(`\n## 1. generate (${fmt(ROWS)} rows each, seed ${SEED}) -> ${rel(OUT)}/`);
  mkdirSync(OUT, { recursive: true });
  const cliExists = existsSync(CLI);
  if (!cliExists) console.log(`  (CLI not found at ${rel(CLI)}: run \`npm run build\`; trying the built generator module instead)`);
  for (const f of FILES) {
    const name = rel(f.file);
    if (REUSE && existsSync(f.file) && statSync(f.file).size > 0) {
      console.log(`  ${pad(name, 22)} reused (BENCH_REUSE=1), ${fmt(mb(statSync(f.file).size), 1)} MB`);
      f.ready = true;
      continue;
    }
    let how = null;
    let wall = NaN;
    let rssKiB = NaN;
    let why = '';
    if (cliExists) {
      const r = await timed('node', [CLI, 'generate', '--kind', f.kind, '--rows', String(ROWS), '--seed', String(SEED), '--out', f.file]);
      if (r.code === 0 && existsSync(f.file) && statSync(f.file).size > 0) {
        how = 'cli generate';
        ({ wall, rssKiB } = r);
      } else {
        why = `\`generate\` exited ${r.code}: ${errExcerpt(r.stderr || r.stdout, 300)}`;
      }
    }
    if (!how && existsSync(GEN_MODULE)) {
      try {
        const mod = await import(pathToFileURL(GEN_MODULE).href);
        const generateExport = mod.generateExport ?? mod.default?.generateExport;
        if (typeof generateExport !== 'function') throw new Error('generateExport not exported');
        const t0 = performance.now();
        const out = createWriteStream(f.file);
        const done = new Promise((ok, ko) => {
          out.on('finish', ok);
          out.on('error', ko);
        });
        await generateExport({ kind: f.kind, rows: ROWS, seed: SEED, out });
        out.end();
        await done;
        wall = (performance.now() - t0) / 1000;
        how = `in-process ${rel(GEN_MODULE)}`;
      } catch (e) {
        why += `${why ? '; ' : ''}generator module failed: ${e?.message ?? e}`;
      }
    } else if (!how) {
      why += `${why ? '; ' : ''}${rel(GEN_MODULE)} not built`;
    }
    if (!how) {
      skip(`generate ${f.kind}`, why || 'nothing to generate with');
      f.ready = existsSync(f.file) && statSync(f.file).size > 0;
      if (f.ready) console.log(`  ${name}: using the existing file`);
      continue;
    }
    const bytes = statSync(f.file).size;
    f.ready = true;
    results.generate[f.kind] = { file: name, bytes, wallS: +wall.toFixed(2), peakRssMiB: Number.isFinite(rssKiB) ? Math.round(rssKiB / 1024) : null, how };
    console.log(
      `  ${pad(name, 22)} ${lpad(fmt(mb(bytes), 1), 8)} MB in ${fmt(wall, 2)} s (${fmt(mb(bytes) / wall, 0)} MB/s, peak RSS ${Number.isFinite(rssKiB) ? fmt(rssKiB / 1024) + ' MiB' : 'n/a'}) via ${how}`,
    );
  }
}

// ------------------------------------------------------------------------------------ 3. DuckDB peer (runs inside section 2)
const DUCK_INGEST = `
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
const { DuckDBInstance } = createRequire(process.cwd() + '/')('@duckdb/node-api');
const [file, threads, options] = process.argv.slice(1);
const inst = await DuckDBInstance.create(':memory:', { threads });
const con = await inst.connect();
const t0 = performance.now();
await con.run("CREATE TABLE t AS SELECT * FROM read_csv_auto('" + file.replace(/'/g, "''") + "'" + (options ? ', ' + options : '') + ')');
const ms = performance.now() - t0;
const rows = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
console.log(JSON.stringify({ rows, ingestMs: Math.round(ms) }));
`;

async function probeDuckdb() {
  if (!DUCKDB_DIR) {
    return {
      ok: false,
      why: 'DUCKDB_DIR is not set and @duckdb/node-api is not in this project (npm ci installs it). Or: mkdir /tmp/duckdb-peer && cd /tmp/duckdb-peer && npm init -y && npm install @duckdb/node-api@1.5.6-r.1, then DUCKDB_DIR=/tmp/duckdb-peer npm run bench',
    };
  }
  if (!existsSync(DUCKDB_DIR)) return { ok: false, why: `DUCKDB_DIR=${DUCKDB_DIR} does not exist` };
  const r = await timed(
    'node',
    [
      '--input-type=module',
      '-e',
      "import { createRequire } from 'node:module'; const m = createRequire(process.cwd() + '/')('@duckdb/node-api'); if (!m.DuckDBInstance) process.exit(3);",
    ],
    { cwd: DUCKDB_DIR },
  );
  if (r.code !== 0)
    return {
      ok: false,
      why: `@duckdb/node-api does not load from ${DUCKDB_DIR} (exit ${r.code}): ${tail(r.stderr, 200)}. Run \`npm install @duckdb/node-api@1.5.6-r.1\` there.`,
    };
  return { ok: true };
}

// ------------------------------------------------------------------------------------ 2. ingest
/** Median wall, throughput and peak RSS of one engine's runs. */
function engineSummary(s, bytes, rows) {
  return {
    medianWallS: +s.wall.toFixed(3),
    mbPerS: +(mb(bytes) / s.wall).toFixed(1),
    rowsPerS: Math.round(rows / s.wall),
    peakRssMiB: Number.isFinite(s.rssKiB) ? Math.round(s.rssKiB / 1024) : null,
  };
}

function printRatio(entry) {
  entry.ratio = {
    wall: +(entry.creatorOps.medianWallS / entry.duckdb.medianWallS).toFixed(2),
    rss: entry.creatorOps.peakRssMiB && entry.duckdb.peakRssMiB ? +(entry.creatorOps.peakRssMiB / entry.duckdb.peakRssMiB).toFixed(2) : null,
  };
  console.log(
    `    ratio creator-ops / duckdb: ${entry.ratio.wall}x wall${entry.ratio.rss ? `, ${entry.ratio.rss}x peak RSS` : ''} (whole processes; differences under ~25% are noise)`,
  );
}

async function ingestAll(duck) {
  console.log(`\n## 2. ingest (whole process${TIME ? ', /usr/bin/time -v' : ', wall from the parent: /usr/bin/time not found, no RSS'}; ${RUNS} runs, median)`);
  if (!TIME) skip('peak RSS', '/usr/bin/time is not installed (apt-get install time)');
  const cliExists = existsSync(CLI);
  if (!cliExists) skip('ingest (creator-ops)', `CLI not found at ${rel(CLI)}: run \`npm run build\``);
  if (duck.ok) console.log(`  DuckDB peer: enabled (${DUCKDB_DIR}, threads=${DUCKDB_THREADS}); its runs alternate with creator-ops'`);
  else skip('DuckDB peer', duck.why);
  for (const f of FILES) {
    if (!f.ready) {
      skip(`ingest ${rel(f.file)}`, 'file was not generated');
      continue;
    }
    const bytes = statSync(f.file).size;
    console.log(`\n  ${rel(f.file)} (${fmt(mb(bytes), 1)} MB, ${fmt(ROWS)} generated rows)`);
    const ours = [];
    const peer = [];
    let oursFailed = !cliExists;
    let peerFailed = !duck.ok;
    let rows = NaN;
    let peerRows = NaN;
    for (let i = 0; i < RUNS && !(oursFailed && peerFailed); i++) {
      if (!oursFailed) {
        const dataDir = freshDataDir();
        try {
          const r = await timed('node', [CLI, 'ingest', f.file, '--workspace', WORKSPACE, '--json'], { env: { DATA_DIR: dataDir } });
          if (r.code !== 0) {
            oursFailed = true;
            skip(`ingest ${rel(f.file)} (creator-ops)`, `exit ${r.code}${r.signal ? ' ' + r.signal : ''}: ${errExcerpt(r.stderr || r.stdout)}`);
          } else {
            ours.push(r);
            const acc = acceptedRows(parseJsonOut(r.stdout));
            if (Number.isFinite(acc)) rows = acc;
          }
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      if (!peerFailed) {
        const r = await timed('node', ['--input-type=module', '-e', DUCK_INGEST, f.file, DUCKDB_THREADS, f.duckdbOptions], { cwd: DUCKDB_DIR });
        if (r.code !== 0) {
          peerFailed = true;
          skip(`ingest ${rel(f.file)} (duckdb)`, `exit ${r.code}: ${errExcerpt(r.stderr || r.stdout)}`);
        } else {
          peer.push(r);
          const j = parseJsonOut(r.stdout);
          if (Number.isFinite(j?.rows)) peerRows = j.rows;
        }
      }
    }
    const entry = { bytes, generatedRows: ROWS };
    const nRows = Number.isFinite(rows) ? rows : ROWS;
    console.log(`    ${pad('engine', 20)} ${lpad('median wall', 12)} ${lpad('MB/s', 8)} ${lpad('rows/s', 11)} ${lpad('peak RSS', 11)}  runs (s)`);
    const line = (label, s, n) =>
      console.log(
        `    ${pad(label, 20)} ${lpad(fmt(s.wall, 2) + ' s', 12)} ${lpad(fmt(mb(bytes) / s.wall, 1), 8)} ${lpad(fmt(n / s.wall), 11)} ${lpad(Number.isFinite(s.rssKiB) ? fmt(s.rssKiB / 1024) + ' MiB' : 'n/a', 11)}  [${s.walls.join(', ')}]`,
      );
    if (ours.length) {
      const s = summarize(ours);
      entry.creatorOps = { ...engineSummary(s, bytes, nRows), acceptedRows: Number.isFinite(rows) ? rows : null, walls: s.walls };
      line('creator-ops', s, nRows);
      if (Number.isFinite(rows) && rows !== ROWS) console.log(`    note: the ingest report says ${fmt(rows)} rows accepted (generated ${fmt(ROWS)})`);
    }
    if (peer.length) {
      const s = summarize(peer);
      const n = Number.isFinite(peerRows) ? peerRows : ROWS;
      entry.duckdb = { threads: DUCKDB_THREADS, ...engineSummary(s, bytes, n), rows: Number.isFinite(peerRows) ? peerRows : null, walls: s.walls };
      line(`duckdb (threads=${DUCKDB_THREADS})`, s, n);
      if (f.duckdbOptions) console.log(`    duckdb: read_csv_auto(…, ${f.duckdbOptions})`);
      if (Number.isFinite(peerRows) && peerRows !== ROWS) console.log(`    note: DuckDB loaded ${fmt(peerRows)} rows (generated ${fmt(ROWS)})`);
    }
    if (entry.creatorOps && entry.duckdb) printRatio(entry);
    results.ingest[f.kind] = entry;
  }
}

// ------------------------------------------------------------------------------------ 4. queries
async function queries() {
  console.log('\n## 4. CLI queries (whole process of `query`, median; against DuckDB: bench/query-peer.mjs)');
  if (!existsSync(CLI)) return skip('queries', `CLI not found at ${rel(CLI)}`);
  const probe = await timed('node', [CLI, 'query', '--help'], { env: { DATA_DIR: os.tmpdir() } });
  const text = probe.stdout + probe.stderr;
  if (probe.code !== 0 || /unknown command|not a command|unrecognized command/i.test(text)) {
    return skip('queries', `\`query\` is not available yet (query --help exit ${probe.code}: ${tail(text, 200)})`);
  }
  const ready = FILES.filter((f) => f.ready);
  if (!ready.length) return skip('queries', 'no generated files to query');
  const dataDir = freshDataDir();
  try {
    for (const f of ready) {
      const r = await timed('node', [CLI, 'ingest', f.file, '--workspace', WORKSPACE, '--json'], { env: { DATA_DIR: dataDir } });
      if (r.code !== 0) skip(`queries: load ${rel(f.file)}`, `ingest exit ${r.code}: ${errExcerpt(r.stderr || r.stdout, 200)}`);
      else console.log(`  loaded ${rel(f.file)} in ${fmt(r.wall, 2)} s`);
    }
    for (const q of QUERIES) {
      const args = [CLI, 'query', '--workspace', WORKSPACE, ...q.args];
      const runs = [];
      let out = '';
      for (let i = 0; i < RUNS; i++) {
        const r = await timed('node', args, { env: { DATA_DIR: dataDir } });
        if (r.code !== 0) {
          skip(`query "${q.name}"`, `exit ${r.code}: ${errExcerpt(r.stderr || r.stdout, 300)}`);
          break;
        }
        runs.push(r);
        out = r.stdout;
      }
      if (!runs.length) continue;
      const s = summarize(runs);
      const parsed = parseJsonOut(out);
      const nOut = Array.isArray(parsed) ? parsed.length : Array.isArray(parsed?.rows) ? parsed.rows.length : null;
      results.queries[q.name] = {
        args: q.args,
        medianWallS: +s.wall.toFixed(3),
        peakRssMiB: Number.isFinite(s.rssKiB) ? Math.round(s.rssKiB / 1024) : null,
        outputRows: nOut,
        walls: s.walls,
      };
      console.log(
        `  ${pad(q.name, 26)} ${lpad(fmt(s.wall, 2) + ' s', 9)}  peak RSS ${Number.isFinite(s.rssKiB) ? fmt(s.rssKiB / 1024) + ' MiB' : 'n/a'}${nOut !== null ? `  ${fmt(nOut)} result rows` : ''}  [${s.walls.join(', ')}]`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------ main
async function section(name, fn) {
  try {
    await fn();
  } catch (e) {
    skip(name, `unexpected error: ${e?.stack ?? e}`);
  }
}

console.log(`# creator-ops bench — ${results.when}`);
console.log(
  `node ${process.version}, ${results.machine.cpus} x ${results.machine.cpu ?? '?'}, ${results.machine.memGiB} GiB; rows=${fmt(ROWS)}, runs=${RUNS}, seed=${SEED}`,
);
if (!SMALL_ONLY) await section('generate', generateFiles);
let duck = { ok: false, why: 'not probed' };
await section('duckdb probe', async () => {
  duck = await probeDuckdb();
});
if (!SMALL_ONLY) await section('ingest', () => ingestAll(duck));
await section('cli ingest 1k', async () => {
  const runs = posInt(process.env.BENCH_SMALL_RUNS, 5);
  const r = await cliStartBench({ cli: CLI, outDir: OUT, runs, duck: { ...duck, dir: DUCKDB_DIR, threads: DUCKDB_THREADS, script: DUCK_INGEST } });
  if (r.skipped) skip('cli ingest 1k', r.skipped);
  else results.cliIngest1k = r;
});
if (!SMALL_ONLY) await section('queries', queries);

try {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${rel(join(OUT, 'results.json'))}${results.skipped.length ? `; ${results.skipped.length} item(s) skipped (see above)` : ''}`);
} catch (e) {
  console.log(`\n(could not write results.json: ${e?.message ?? e})`);
}
process.exitCode = 0;
