/**
 * The demo workspace (fixtures/demo), written by the same seeded generator as the benchmark files:
 * three accounts over 2026-08-01 .. 2026-10-31 (three months, so 环比 has a previous period),
 * 千川 plan reports with plan ids for two accounts (some plans below 保本ROI on the last day, so
 * the default alerts fire), live sessions at varied hours, and an order export with a 用户ID buyer
 * key for RFM. Same seed -> same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { writeAds } from '../ad';
import { daysFromCivil } from '../format';
import { writeOrders } from '../order';
import { Random, seedState } from '../prng';
import { ChunkWriter } from '../writer';
import { accountDaily, liveSessions, works, type DayWindow } from './creator-exports';

export const DEMO_WORKSPACE = 'demo';
export const DEMO_SEED = 2026;
export const DEMO_ACCOUNTS = ['小鹿的零食铺', '阿杰好物', '元气生活馆'] as const;
const WINDOW: DayWindow = { first: daysFromCivil(2026, 8, 1), days: 92 };
/** 8 plans a day over the 92 days the ad generator covers (2026-08-01 .. 2026-10-31). */
const AD_ROWS = 8 * WINDOW.days;
const ORDER_ROWS = 2400;

export interface DemoFile {
  file: string;
  account?: string;
  bytes: Buffer;
}

/** Collects what a stream-based generator writes. */
async function collect(write: (w: ChunkWriter) => Promise<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  const w = new ChunkWriter(sink);
  await write(w);
  await w.close();
  return Buffer.concat(parts);
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Every file of the demo, in import order, with the account each one is uploaded for. */
export async function demoFiles(seed = DEMO_SEED): Promise<DemoFile[]> {
  const rnd = (salt: number) => new Random(seedState(seed, 100 + salt));
  const files: DemoFile[] = [{ file: '抖店订单.csv', bytes: await collect((w) => writeOrders(w, rnd(0), ORDER_ROWS, { buyers: 450 })) }];
  const [xiaolu, ajie, yuanqi] = DEMO_ACCOUNTS;
  files.push({ file: `千川计划日报_${xiaolu}.csv`, account: xiaolu, bytes: await collect((w) => writeAds(w, rnd(1), AD_ROWS, { scale: 0.04 })) });
  files.push({ file: `千川计划日报_${ajie}.csv`, account: ajie, bytes: await collect((w) => writeAds(w, rnd(2), AD_ROWS, { scale: 0.025 })) });
  DEMO_ACCOUNTS.forEach((account, i) => {
    files.push({ file: `数据表现_${account}.csv`, account, bytes: utf8(accountDaily(rnd(10 + i), WINDOW, [9000, 5000, 3000][i])) });
    files.push({ file: `作品列表_${account}.csv`, account, bytes: utf8(works(rnd(20 + i), WINDOW, [2, 3, 4][i], [30000, 18000, 9000][i])) });
  });
  files.push({ file: `直播列表_${xiaolu}.csv`, account: xiaolu, bytes: utf8(liveSessions(rnd(30), WINDOW, xiaolu, 'xiaolu_snacks', 60000)) });
  files.push({ file: `直播列表_${yuanqi}.csv`, account: yuanqi, bytes: utf8(liveSessions(rnd(31), WINDOW, yuanqi, 'yuanqi_life', 25000)) });
  return files;
}

/**
 * Exports of the standard's other data kinds (reviews, stock, a survey, 星图 orders), kept as
 * hand-made files in fixtures/demo and imported after the generated ones.
 */
export const STATIC_DEMO_FILES: { file: string; account: string }[] = [
  { file: 'doudian-reviews.csv', account: '小鹿的零食铺' },
  { file: 'doudian-stock.csv', account: '小鹿的零食铺' },
  { file: 'stock-ledger.csv', account: '小鹿的零食铺' },
  { file: 'wjx-survey-text.csv', account: '零食口味调研' },
  { file: 'xingtu-orders.csv', account: '小鹿的零食铺' },
];

/** The manifest the server's demo loader reads. */
export function demoManifest(files: DemoFile[]): string {
  const entries = [...files, ...STATIC_DEMO_FILES].map(
    (f) =>
      '    ' +
      JSON.stringify(f.account ? { file: f.file, account: f.account } : { file: f.file })
        .replace(/,"/g, ', "')
        .replace(/":/g, '": '),
  );
  return `{\n  "workspace": "${DEMO_WORKSPACE}",\n  "files": [\n${entries.join(',\n')}\n  ]\n}\n`;
}

/** Writes the demo files and manifest.json into `dir` (created if needed). */
export async function writeDemo(dir: string, seed = DEMO_SEED): Promise<DemoFile[]> {
  const files = await demoFiles(seed);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.file), f.bytes);
  writeFileSync(join(dir, 'manifest.json'), demoManifest(files));
  return files;
}
