import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectErrorBody, listFiles, makeDataDir, removeDataDir, startApp, upload, uploadSample, workspaceFiles, type E2eApp } from './helpers/e2e-app';
import { cents, clean, int, readSample } from './helpers/sample-figures';

/**
 * Datasets API over real HTTP: one upload per export kind, list/detail/preview/delete, and every
 * way an upload can be refused (each leaves nothing behind).
 */

const WS = 'datasets-e2e';
const ACCOUNT = '小鹿的零食铺';

let dir: string;
let e: E2eApp;

beforeAll(async () => {
  dir = makeDataDir();
  e = await startApp(dir);
});

afterAll(async () => {
  await e?.close();
  removeDataDir(dir);
});

const arrowFiles = (root: string) => workspaceFiles(root).filter((f) => f.endsWith('.arrow'));

describe('uploading each kind of export', () => {
  const uploads: Record<string, { id: string; kind: string }> = {};

  // The order matters only for the list below; each case checks its own import report.
  const cases: {
    file: string;
    kind: string;
    account?: boolean;
    rows: Partial<Record<'read' | 'accepted' | 'rejected' | 'skipped', number>>;
    encoding?: RegExp;
  }[] = [
    { file: 'doudian-orders.csv', kind: 'order', rows: { accepted: 72 } },
    { file: 'qianchuan-plan-daily.csv', kind: 'ad', rows: { read: 29, accepted: 28, rejected: 0, skipped: 1 }, encoding: /GB18030/ },
    { file: 'oceanengine-unit-daily.csv', kind: 'ad', rows: { accepted: 15, rejected: 0 } },
    { file: 'douyin-works.csv', kind: 'content', account: true, rows: { accepted: 24, rejected: 0 } },
    { file: '数据表现_播放量数据.csv', kind: 'account', account: true, rows: { accepted: 30, rejected: 0 } },
    { file: '数据表现_净增粉丝数据.csv', kind: 'account', account: true, rows: { accepted: 30, rejected: 0 } },
    { file: '数据表现_主页访问数据.csv', kind: 'account', account: true, rows: { accepted: 30, rejected: 0 } },
    { file: 'luopan-live-sessions.csv', kind: 'live', rows: { accepted: 12, rejected: 0 } },
  ];

  it.each(cases)('imports $file as $kind', async ({ file, kind, account, rows, encoding }) => {
    const res = await uploadSample(e, WS, file, account ? { account: ACCOUNT } : {});
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe(kind);
    expect(res.body.report.kind).toBe(kind);
    expect(res.body.fileName).toBe(file);
    expect(res.body.report.rows).toMatchObject(rows);
    if (encoding) expect(res.body.report.encoding).toMatch(encoding);
    uploads[file] = { id: res.body.id, kind };
  });

  it('lists every import with its kind', async () => {
    const res = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets`)
      .expect(200);
    expect(res.body.items).toHaveLength(cases.length);
    const kinds = res.body.items.map((i: { kind: string }) => i.kind).sort();
    expect(kinds).toEqual(cases.map((c) => c.kind).sort());
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      Object.values(uploads)
        .map((u) => u.id)
        .sort(),
    );
    // One Arrow file per import, named by its id.
    expect(
      arrowFiles(dir)
        .map((f) => basename(f, '.arrow'))
        .sort(),
    ).toEqual(
      Object.values(uploads)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('returns one import with its report and schema', async () => {
    const { id } = uploads['doudian-orders.csv'];
    const res = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets/${id}`)
      .expect(200);
    expect(res.body.id).toBe(id);
    expect(res.body.kind).toBe('order');
    expect(res.body.report.rows.accepted).toBe(72);
    expect(res.body.naturalKey).toEqual(['order_item_id']);
    const field = (name: string) => res.body.schema.find((c: { name: string }) => c.name === name);
    expect(field('payable_amount')).toMatchObject({ name: 'payable_amount', type: 'money' });
    expect(field('quantity')).toBeDefined();
    expect(field('paid_at')).toMatchObject({ type: 'datetime' });
  });

  it('previews the first order rows with values read off the CSV text', async () => {
    const { id } = uploads['doudian-orders.csv'];
    const res = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets/${id}/rows?offset=0&limit=5`)
      .expect(200);
    expect(res.body.total).toBe(72);
    expect(res.body.rows).toHaveLength(5);
    // Line 2 of doudian-orders.csv: "\t6917926768920153000", 商品数量 1, 订单应付金额 19.90, 省 江苏省,
    // 订单提交时间 "\t2026-10-07 02:10:29", 支付完成时间 2026-10-07 02:11:25, 订单完成时间 "-".
    expect(res.body.rows[0]).toMatchObject({
      order_item_id: '6917926768920153000',
      order_id: '6917926768920153000',
      payable_amount: 19.9,
      quantity: 1,
      province: '江苏省',
      created_at: '2026-10-07 02:10:29',
      paid_at: '2026-10-07 02:11:25',
      completed_at: null,
    });
    // Rows 2..5 follow the file order (independent parse of the CSV).
    const csv = readSample('doudian-orders.csv').slice(0, 5);
    expect(res.body.rows.map((r: { order_item_id: string }) => r.order_item_id)).toEqual(csv.map((r) => clean(r['子订单编号'])));
    expect(res.body.rows.map((r: { payable_amount: number }) => r.payable_amount)).toEqual(csv.map((r) => cents(r['订单应付金额']) / 100));
  });

  it('previews a GB18030 qianchuan row with thousands separators and a percent', async () => {
    const { id } = uploads['qianchuan-plan-daily.csv'];
    const res = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets/${id}/rows?offset=0&limit=5`)
      .expect(200);
    expect(res.body.rows).toHaveLength(5);
    // Line 2: 2026-10-01,1780000000000000101,直播间-成交-通投,"1,610.67","98,875","3,298",3.34%,...
    const first = res.body.rows[0];
    expect(first).toMatchObject({
      date: '2026-10-01',
      plan_id: '1780000000000000101',
      plan: '直播间-成交-通投',
      cost: 1610.67,
      impressions: 98875,
      clicks: 3298,
    });
    expect(first.reported_ctr).toBeCloseTo(0.0334, 12);
    const csv = readSample('qianchuan-plan-daily.csv')[0];
    expect(first.cost).toBe(cents(csv['整体消耗(元)']) / 100);
    expect(first.impressions).toBe(int(csv['整体展示次数']));
  });

  it('deletes an import: 204, then 404 DATASET_NOT_FOUND, and its Arrow file is gone', async () => {
    const { id } = uploads['oceanengine-unit-daily.csv'];
    const mine = () => arrowFiles(dir).filter((f) => basename(f) === `${id}.arrow`);
    expect(mine()).toHaveLength(1);
    await e
      .http()
      .delete(`/api/workspaces/${encodeURIComponent(WS)}/datasets/${id}`)
      .expect(204);
    const res = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets/${id}`)
      .expect(404);
    expectErrorBody(res.body, 'DATASET_NOT_FOUND');
    expect(mine()).toHaveLength(0);
    const list = await e
      .http()
      .get(`/api/workspaces/${encodeURIComponent(WS)}/datasets`)
      .expect(200);
    expect(list.body.items).toHaveLength(cases.length - 1);
    expect(list.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
  });
});

describe('refused uploads store nothing', () => {
  /** A fresh workspace per case: afterwards it must hold no dataset and DATA_DIR no new Arrow file. */
  async function expectNothingStored(ws: string, arrowBefore: string[]) {
    // A refused first upload does not even create the workspace it named.
    const res = await e.http().get(`/api/workspaces/${encodeURIComponent(ws)}/datasets`);
    expect(res.status).toBe(404);
    expectErrorBody(res.body, 'WORKSPACE_NOT_FOUND');
    expect(arrowFiles(dir).sort()).toEqual(arrowBefore.sort());
    expect(workspaceFiles(dir).filter((f) => basename(f).startsWith('.tmp-'))).toEqual([]);
    expect(listFiles(join(dir, 'tmp', 'uploads'))).toEqual([]);
  }

  it('refuses a PNG named x.csv with 415', async () => {
    const before = arrowFiles(dir);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(200, 0)]);
    const res = await upload(e, 'refused-png', png, 'x.csv');
    expect(res.status).toBe(415);
    expect(['XLSX_NOT_SUPPORTED', 'BINARY_FILE']).toContain(res.body.code);
    expectErrorBody(res.body, res.body.code);
    await expectNothingStored('refused-png', before);
  });

  it('refuses a truncated ZIP payload named x.csv with 422 XLSX_CORRUPT', async () => {
    const before = arrowFiles(dir);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), Buffer.from('[Content_Types].xml'), Buffer.alloc(200, 0)]);
    const res = await upload(e, 'refused-zip', zip, 'x.csv');
    expect(res.status).toBe(422);
    expectErrorBody(res.body, 'XLSX_CORRUPT');
    await expectNothingStored('refused-zip', before);
  });

  it('refuses a legacy .xls (OLE2) file with 415 XLS_NOT_SUPPORTED', async () => {
    const before = arrowFiles(dir);
    const res = await upload(e, 'refused-xls', readFileSync(join(process.cwd(), 'fixtures', 'xlsx', 'not-ok', 'legacy.xls')), 'old.xls');
    expect(res.status).toBe(415);
    expectErrorBody(res.body, 'XLS_NOT_SUPPORTED');
    await expectNothingStored('refused-xls', before);
  });

  it('refuses a CSV of no known export with 422 UNRECOGNISED_EXPORT', async () => {
    const before = arrowFiles(dir);
    const res = await upload(e, 'refused-csv', Buffer.from('foo,bar\n1,2\n'), 'foo.csv');
    expect(res.status).toBe(422);
    expectErrorBody(res.body, 'UNRECOGNISED_EXPORT');
    await expectNothingStored('refused-csv', before);
  });

  it('asks for the file field (400 FILE_REQUIRED)', async () => {
    const res = await e.http().post(`/api/workspaces/refused-nofile/datasets`).field('account', ACCOUNT);
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'FILE_REQUIRED');
  });

  it('rejects an unknown kind (400 VALIDATION_FAILED)', async () => {
    const before = arrowFiles(dir);
    const res = await uploadSample(e, 'refused-kind', 'doudian-orders.csv', { kind: 'tiktok' });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'VALIDATION_FAILED');
    expect(res.body.messages.en).toMatch(/kind/);
    await expectNothingStored('refused-kind', before);
  });
});

describe('upload size limit (MAX_UPLOAD_MB=1)', () => {
  let smallDir: string;
  let small: E2eApp;

  beforeAll(async () => {
    smallDir = makeDataDir();
    small = await startApp(smallDir, { MAX_UPLOAD_MB: '1' });
  });

  afterAll(async () => {
    await small?.close();
    removeDataDir(smallDir);
  });

  it('refuses a 1.5 MB upload with 413 UPLOAD_TOO_LARGE and stores nothing', async () => {
    const header = '日期,播放量\n';
    const line = '2026-10-01,1000\n';
    const body = Buffer.from(header + line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length)));
    expect(body.length).toBeGreaterThan(1.5 * 1024 * 1024 - 1);
    const res = await upload(small, 'big', body, 'big.csv', { account: ACCOUNT });
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 'UPLOAD_TOO_LARGE');
    const list = await small.http().get('/api/workspaces/big/datasets');
    if (list.status === 404) expectErrorBody(list.body, 'WORKSPACE_NOT_FOUND');
    else expect(list.body.items).toEqual([]);
    expect(workspaceFiles(smallDir)).toEqual([]);
    expect(listFiles(join(smallDir, 'tmp', 'uploads'))).toEqual([]);
  });

  it('still accepts a file under the limit', async () => {
    const res = await uploadSample(small, 'big', 'doudian-orders.csv');
    expect(res.status).toBe(201);
    expect(res.body.report.rows.accepted).toBe(72);
  });
});

describe('health and docs', () => {
  it('GET /api/health', async () => {
    const res = await e.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/docs serves the Swagger UI and /api/docs-json the datasets paths', async () => {
    const html = await e.http().get('/api/docs').redirects(2);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toMatch(/swagger/i);
    const json = await e.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(json.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/workspaces/{ws}/datasets', '/api/workspaces/{ws}/datasets/{id}', '/api/workspaces/{ws}/datasets/{id}/rows']),
    );
    expect(json.body.paths['/api/workspaces/{ws}/datasets'].post).toBeDefined();
  });

  it('an unknown route is a 404 with the error shape', async () => {
    const res = await e.http().get('/api/no-such-endpoint').expect(404);
    expectErrorBody(res.body, 'ROUTE_NOT_FOUND');
  });
});
