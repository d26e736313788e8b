#!/usr/bin/env node
// xlsx ingest benchmark (issue 5, acceptance 2): writes a 200,000-row 抖店 order export as xlsx with
// exceljs's streaming WorkbookWriter (shared strings and date cells, as Excel writes them) into
// bench/out/, then imports it through the built CLI as a whole process under /usr/bin/time -v and
// prints wall time and peak RSS (target: < 500 MB).
//   npm run build:cli && node bench/xlsx.mjs
// Env: BENCH_XLSX_ROWS (200000), BENCH_SEED (1), BENCH_REUSE=1 (keep an existing bench/out/orders.xlsx),
//      BENCH_XLSX_SHARED=0 (inline strings instead of shared strings, as 千川 writes them),
//      BENCH_CLI (path to the CLI entry, default dist/apps/cli/apps/cli/src/main.js).
// A measurement, not a test: it prints numbers and exits 0 unless the import itself fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'bench', 'out');
const CLI = resolve(ROOT, process.env.BENCH_CLI || 'dist/apps/cli/apps/cli/src/main.js');
const ROWS = posInt(process.env.BENCH_XLSX_ROWS, 200_000);
const SEED = posInt(process.env.BENCH_SEED, 1);
const SHARED = process.env.BENCH_XLSX_SHARED !== '0';
const REUSE = process.env.BENCH_REUSE === '1';
const FILE = join(OUT, SHARED ? 'orders.xlsx' : 'orders-inline.xlsx');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const TARGET_MB = 500;

function posInt(v, dflt) {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isSafeInteger(n) && n > 0 ? n : dflt;
}
const rel = (p) => relative(ROOT, p) || '.';
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');

/** mulberry32: a small seeded PRNG, so the file is the same for the same seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = Array.from({ length: 300 }, (_, i) => ({
  id: String(3600000000000 + i * 7919),
  name: `${['香辣牛肉干', '每日坚果', '麻辣小鱼', '芒果干', '手撕面包', '低卡奶茶', '螺蛳粉', '鸭脖'][i % 8]} ${100 + (i % 5) * 50}g 第${i + 1}款`,
  price: Math.round((9.9 + ((i * 37) % 200)) * 100) / 100,
}));
const STATUSES = ['已完成', '已完成', '已完成', '已发货', '待发货', '已关闭'];
const AFTER_SALE = ['-', '-', '-', '-', '退款成功', '售后关闭'];
const PROVINCES = [
  ['广东省', '深圳市'],
  ['浙江省', '杭州市'],
  ['江苏省', '南京市'],
  ['四川省', '成都市'],
  ['北京市', '北京市'],
  ['上海市', '上海市'],
];
const SOURCES = ['直播', '短视频', '商城', '搜索'];
const AUTHORS = ['小鹿的零食铺', '阿杰吃货日记', '-', '零食测评官'];
const HEADER = [
  '子订单编号',
  '主订单编号',
  '商品ID',
  '选购商品',
  '商品规格',
  '商品数量',
  '商品单价',
  '订单应付金额',
  '实付金额',
  '订单状态',
  '售后状态',
  '订单提交时间',
  '支付完成时间',
  '省',
  '市',
  '流量来源',
  '达人昵称',
];
const DATE_FMT = 'yyyy-mm-dd hh:mm:ss';

async function generate() {
  mkdirSync(OUT, { recursive: true });
  const random = rng(SEED);
  const started = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: FILE, useSharedStrings: SHARED, useStyles: true });
  const ws = wb.addWorksheet('订单明细');
  ws.addRow(HEADER).commit();
  const base = Date.UTC(2026, 8, 1);
  let order = 0;
  for (let i = 0; i < ROWS; i++) {
    if (i === 0 || random() < 0.7) order++;
    const p = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
    const qty = 1 + Math.floor(random() * 3);
    const payable = Math.round(p.price * qty * 100) / 100;
    const paid = Math.round(payable * (0.8 + random() * 0.2) * 100) / 100;
    const created = new Date(base + Math.floor(random() * 60 * 86_400) * 1000);
    const [province, city] = PROVINCES[Math.floor(random() * PROVINCES.length)];
    const row = ws.addRow([
      String(6917000000000000000n + BigInt(i)),
      String(6916000000000000000n + BigInt(order)),
      p.id,
      p.name,
      ['默认', '原味', '香辣', '组合装'][i % 4],
      qty,
      p.price,
      payable,
      paid,
      STATUSES[Math.floor(random() * STATUSES.length)],
      AFTER_SALE[Math.floor(random() * AFTER_SALE.length)],
      created,
      new Date(created.getTime() + 60_000 + Math.floor(random() * 600) * 1000),
      province,
      city,
      SOURCES[Math.floor(random() * SOURCES.length)],
      AUTHORS[Math.floor(random() * AUTHORS.length)],
    ]);
    row.getCell(12).numFmt = DATE_FMT;
    row.getCell(13).numFmt = DATE_FMT;
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return (performance.now() - started) / 1000;
}

/** Runs a command under /usr/bin/time -v: exit code, stdout, stderr, wall seconds, peak RSS (KiB). */
function timed(cmd, args, env) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(TIME ?? cmd, TIME ? ['-v', cmd, ...args] : args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
      const wall = /Elapsed \(wall clock\) time \([^)]*\):\s*([\d:.]+)/.exec(stderr);
      const seconds = wall ? wall[1].split(':').reduce((s, part) => s * 60 + Number(part), 0) : (performance.now() - started) / 1000;
      const cut = stderr.search(/(Command exited with non-zero status|Command terminated by signal|\tCommand being timed:)/);
      resolvePromise({ code, stdout, stderr: cut >= 0 ? stderr.slice(0, cut) : stderr, seconds, rssKiB: rss ? Number(rss[1]) : NaN });
    });
  });
}

console.log(
  `xlsx ingest benchmark: ${fmt(ROWS)} order rows (${SHARED ? 'shared strings' : 'inline strings'}), node ${process.version}, ${os.cpus().length} CPUs`,
);
if (!existsSync(CLI)) {
  console.log(`  [skipped] the CLI is not built (${rel(CLI)}): run npm run build:cli first`);
  process.exit(0);
}
if (!(REUSE && existsSync(FILE))) {
  const seconds = await generate();
  console.log(`  generated ${rel(FILE)}: ${fmt(statSync(FILE).size / 1e6, 1)} MB in ${fmt(seconds, 1)} s`);
} else {
  console.log(`  reusing ${rel(FILE)}: ${fmt(statSync(FILE).size / 1e6, 1)} MB`);
}

const dataDir = mkdtempSync(join(os.tmpdir(), 'creator-ops-bench-xlsx-'));
try {
  const r = await timed('node', [CLI, 'ingest', FILE, '-w', 'benchx', '--json'], { DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'warn' });
  if (r.code !== 0) {
    console.log(`  ingest failed (exit ${r.code}):\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(-2000)}`);
    process.exitCode = 1;
  } else {
    const [report] = JSON.parse(r.stdout);
    const rssMB = (r.rssKiB * 1024) / 1e6;
    console.log(
      `  ingest: ${report.kind}, sheet ${report.sheet ?? '?'}, read ${fmt(report.rows.read)} / accepted ${fmt(report.rows.accepted)} / rejected ${fmt(report.rows.rejected)} / skipped ${fmt(report.rows.skipped)}`,
    );
    console.log(`  wall time: ${fmt(r.seconds, 2)} s (${fmt(report.rows.read / r.seconds)} rows/s)`);
    console.log(
      `  peak RSS:  ${Number.isFinite(rssMB) ? `${fmt(rssMB, 0)} MB` : 'n/a (no /usr/bin/time)'}  (target < ${TARGET_MB} MB: ${Number.isFinite(rssMB) ? (rssMB < TARGET_MB ? 'met' : 'NOT met') : 'unknown'})`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
