import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FaultInjector } from '../apps/api/src/storage/fault-injector';
import { listFiles, makeDataDir, query, RecordingLogger, removeDataDir, startApp, upload, uploadSample, type E2eApp } from './helpers/e2e-app';
import { clean, isNullCell, readSample } from './helpers/sample-figures';
import { metadataBytes, ON_POSTGRES } from './helpers/test-database';

/**
 * DESIGN §3.3: the personal-data columns of an order export (收件人, 收件人手机号, 详细地址, 街道, 区)
 * and any cell that is a phone number are never stored, never returned, never logged.
 */

const WS = 'pii-e2e';
const PII_COLUMNS = ['收件人', '收件人手机号', '详细地址', '街道', '区'];

/** Every PII value of the sample (masked like '##密文370739'), plus its distinctive tail ('密文370739'). */
function piiNeedles(): string[] {
  const values = new Set<string>();
  for (const row of readSample('doudian-orders.csv')) {
    for (const col of PII_COLUMNS) {
      if (isNullCell(row[col])) continue;
      const value = clean(row[col]);
      values.add(value);
      const tail = value.replace(/^[#$]+/, '');
      if (/\d/.test(tail)) values.add(tail);
    }
  }
  return [...values];
}

const NEEDLES = piiNeedles();
const responses: { what: string; text: string }[] = [];
const captured: string[] = [];
const logger = new RecordingLogger();
let dir: string;
let e: E2eApp | undefined;
let restore: () => void;

function captureStdio(): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tap = (orig: typeof out) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (orig as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof out;
  process.stdout.write = tap(out);
  process.stderr.write = tap(err);
  return () => {
    process.stdout.write = out;
    process.stderr.write = err;
  };
}

function record(what: string, res: { status: number; text: string }) {
  responses.push({ what: `${what} (${res.status})`, text: res.text });
  return res;
}

/** The needles found in a text (ideally none). */
const found = (text: string, needles = NEEDLES) => needles.filter((n) => text.includes(n));

/** For each file under DATA_DIR, the needles whose UTF-8 bytes occur in it. */
function scanDataDir(needles = NEEDLES): Record<string, string[]> {
  const hits: Record<string, string[]> = {};
  const encoded = needles.map((n) => [n, Buffer.from(n, 'utf8')] as const);
  for (const file of listFiles(dir)) {
    const bytes = readFileSync(file);
    const inFile = encoded.filter(([, b]) => bytes.includes(b)).map(([n]) => n);
    if (inFile.length) hits[file.slice(dir.length)] = inFile;
  }
  return hits;
}

beforeAll(async () => {
  restore = captureStdio();
  dir = makeDataDir();
  e = await startApp(dir, { LOG_LEVEL: 'verbose' }, logger);
});

afterAll(async () => {
  await e?.close();
  restore?.();
  removeDataDir(dir);
});

it('the sample really holds the masked PII values the test looks for', () => {
  expect(NEEDLES).toEqual(expect.arrayContaining(['##密文370739', '密文370739', '$$密文3538110', '密文3538110', '##密文515647', '##密文']));
  expect(NEEDLES.length).toBeGreaterThan(72 * 3);
});

it('imports the order export and answers list/detail/rows/query without any PII', async () => {
  const res = record('upload', await uploadSample(e!, WS, 'doudian-orders.csv'));
  expect(res.status).toBe(201);
  const id = JSON.parse(res.text).id as string;
  const base = `/api/workspaces/${WS}/datasets`;
  record('list', await e!.http().get(base).expect(200));
  record('detail', await e!.http().get(`${base}/${id}`).expect(200));
  const rows = record('rows', await e!.http().get(`${base}/${id}/rows?offset=0&limit=500`).expect(200));
  expect(JSON.parse(rows.text).rows).toHaveLength(72);
  // The sample's phones are masked (a different mask on every item): no buyer key is derived from them,
  // so buyer_id is no dimension here, and the refusal quotes no phone either.
  const byBuyer = record('query by buyer_id', await query(e!, WS, { metrics: ['gmv', 'paid_orders', 'items'], dimensions: ['buyer_id'] }));
  expect(byBuyer.status).toBe(400);
  expect(JSON.parse(byBuyer.text).code).toBe('DIMENSION_NOT_AVAILABLE');
  record('query by province', await query(e!, WS, { metrics: ['gmv'], dimensions: ['province', 'city'] }));

  for (const r of responses) expect({ response: r.what, pii: found(r.text) }).toEqual({ response: r.what, pii: [] });
});

it('a failed import (5xx) logs its error without PII', async () => {
  const faults = e!.app.get(FaultInjector);
  faults.arm('import:before-commit');
  try {
    const res = record('failed upload', await uploadSample(e!, 'pii-failed', 'doudian-orders.csv'));
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(found(res.text)).toEqual([]);
  } finally {
    faults.disarm('import:before-commit');
  }
});

it('nothing under DATA_DIR holds a PII value (sqlite, -wal, Arrow files)', () => {
  const files = listFiles(dir).map((f) => basename(f));
  expect(files.some((f) => f.endsWith('.arrow'))).toBe(true);
  if (!ON_POSTGRES) expect(files).toContain('creator-ops.sqlite');
  // Positive control: non-personal text of the same rows is found by the same byte search.
  expect(Object.keys(scanDataDir(['6917926768920153000', '江苏省'])).some((f) => f.endsWith('.arrow'))).toBe(true);
  expect(scanDataDir()).toEqual({});
  // The metadata database (inside DATA_DIR on SQLite, a dump of it on PostgreSQL) holds none either.
  const metadata = metadataBytes(dir);
  expect(NEEDLES.filter((n) => metadata.includes(Buffer.from(n, 'utf8')))).toEqual([]);
});

it('nothing logged (Nest logger, stdout, stderr) holds a PII value', () => {
  expect(logger.lines.length).toBeGreaterThan(0); // the capture works: imports and the 5xx are logged
  expect(found(logger.lines.join('\n'))).toEqual([]);
  expect(found(captured.join(''))).toEqual([]);
});

describe('a cell that is a phone number, in any column', () => {
  // Plain (unmasked) personal data, as some exports carry it; 买家留言 is an unknown column kept as
  // raw text, so a phone there must be redacted rather than kept.
  const PHONE_IN_PII_COLUMN = '13800138000';
  const PHONE_IN_REMARK = '139 1234 5678';
  const NAME = '王小明';
  const ADDRESS = '幸福路88号3栋';
  const csv = [
    '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单状态,支付完成时间,收件人,收件人手机号,区,街道,详细地址,买家留言',
    `\t9000000000000000001,\t9000000000000000001,\t3690112233445566001,1,28.80,已完成,2026-10-02 10:00:00,${NAME},${PHONE_IN_PII_COLUMN},朝阳区,望京街道,${ADDRESS},${PHONE_IN_REMARK}`,
    `\t9000000000000000002,\t9000000000000000002,\t3690112233445566001,2,57.60,已完成,2026-10-03 11:00:00,${NAME},${PHONE_IN_PII_COLUMN},朝阳区,望京街道,${ADDRESS},${PHONE_IN_PII_COLUMN}`,
    '',
  ].join('\n');
  const needles = [PHONE_IN_PII_COLUMN, PHONE_IN_REMARK, '12345678', NAME, ADDRESS, '望京街道'];

  it('is neither stored nor returned', async () => {
    const res = await upload(e!, 'pii-plain', Buffer.from(csv, 'utf8'), 'plain.csv');
    expect(res.status).toBe(201);
    expect(res.body.report.rows.accepted).toBe(2);
    const id = res.body.id as string;
    const texts = [
      res.text,
      (await e!.http().get(`/api/workspaces/pii-plain/datasets/${id}`).expect(200)).text,
      (await e!.http().get(`/api/workspaces/pii-plain/datasets/${id}/rows?limit=500`).expect(200)).text,
      (await query(e!, 'pii-plain', { metrics: ['gmv'], dimensions: ['buyer_id'] })).text,
    ];
    for (const t of texts) expect(found(t, needles)).toEqual([]);
    // Both rows share one buyer key (derived from the phone), and the remark column holds no phone.
    const rows = JSON.parse(texts[2]).rows as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r.buyer_id)).size).toBe(1);
    expect(rows.every((r) => typeof r.buyer_id === 'string' && !String(r.buyer_id).includes('138'))).toBe(true);
    expect(scanDataDir(needles)).toEqual({});
    expect(found(logger.lines.join('\n') + captured.join(''), needles)).toEqual([]);
  });

  it('is not echoed in the import report when its row is rejected', async () => {
    const phone = '13912345678';
    const bad = [
      '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单状态,支付完成时间',
      '\t9000000000000000011,\t9000000000000000011,\t3690112233445566001,1,28.80,已完成,2026-10-02 10:00:00',
      `\t9000000000000000012,\t9000000000000000012,\t3690112233445566001,1,28.80,已完成,${phone}`,
      '',
    ].join('\n');
    const res = await upload(e!, 'pii-rejected', Buffer.from(bad, 'utf8'), 'rejected.csv');
    expect(res.status).toBe(201);
    expect(res.body.report.rows).toMatchObject({ accepted: 1, rejected: 1 });
    expect(res.body.report.rejected[0]).toMatchObject({ line: 3, column: '支付完成时间' });
    expect(found(res.text, [phone])).toEqual([]);
    expect(scanDataDir([phone])).toEqual({});
  });

  it('is not quoted back when the file has no recognisable header row', async () => {
    const phone = '13800138000';
    const res = await upload(e!, 'pii-headerless', Buffer.from(`张三,${phone},幸福路88号\n李四,13900139000,和平路1号\n`, 'utf8'), 'contacts.csv');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('UNRECOGNISED_EXPORT');
    expect(found(res.text, [phone, '13900139000'])).toEqual([]);
  });
});
