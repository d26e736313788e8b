import { makeDataDir, query, removeDataDir, startApp, upload, uploadSample, type E2eApp } from './helpers/e2e-app';
import { clean, int, orderFigures, parseCsv, readSample, sumBy, type CsvRow } from './helpers/sample-figures';

/**
 * DESIGN §2: the logical table of a kind is the union of its imports de-duplicated by natural key,
 * later import wins; nothing may be counted twice. Account per-metric files upsert field by field.
 */

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

async function totals(ws: string, metrics: string[]) {
  const res = await query(e, ws, { metrics });
  if (res.status !== 200) throw new Error(`query failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.totals as Record<string, number | null>;
}

const warningCodes = (report: { warnings: { code: string }[] }) => report.warnings.map((w) => w.code);

describe('importing the same export twice never changes a sum', () => {
  it.each([
    { ws: 'twice-orders', file: 'doudian-orders.csv', metrics: ['gmv', 'paid_orders', 'units', 'items'], rows: 72 },
    { ws: 'twice-ads', file: 'qianchuan-plan-daily.csv', metrics: ['cost', 'ad_gmv', 'clicks', 'impressions'], rows: 28 },
    { ws: 'twice-works', file: 'douyin-works.csv', metrics: ['plays', 'works', 'likes'], rows: 24, account: true },
    { ws: 'twice-live', file: 'luopan-live-sessions.csv', metrics: ['sessions', 'live_gmv', 'viewers'], rows: 12 },
  ])('$file', async ({ ws, file, metrics, rows, account }) => {
    const fields: Record<string, string> = account ? { account: ACCOUNT } : {};
    const first = await uploadSample(e, ws, file, fields);
    expect(first.status).toBe(201);
    expect(first.body.report.duplicatesReplaced).toBe(0);
    const before = await totals(ws, metrics);

    const second = await uploadSample(e, ws, file, fields);
    expect(second.status).toBe(201);
    expect(second.body.report.duplicatesReplaced).toBe(rows);
    expect(warningCodes(second.body.report)).not.toContain('STATUS_REGRESSION');
    expect(await totals(ws, metrics)).toEqual(before);
  });

  it('two concurrent uploads of the same export count it once', async () => {
    const [a, b] = await Promise.all([uploadSample(e, 'twice-concurrent', 'doudian-orders.csv'), uploadSample(e, 'twice-concurrent', 'doudian-orders.csv')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.report.duplicatesReplaced, b.body.report.duplicatesReplaced].sort((x, y) => x - y)).toEqual([0, 72]);
    expect(await totals('twice-concurrent', ['gmv', 'paid_orders', 'items'])).toEqual({ gmv: 2916.7, paid_orders: 52, items: 72 });
  });

  it('orders: the sums are the ones of the file, once (gmv 2916.70, 52 paid orders)', async () => {
    const f = orderFigures(readSample('doudian-orders.csv'));
    expect(await totals('twice-orders', ['gmv', 'paid_orders', 'units', 'items'])).toEqual({ gmv: 2916.7, paid_orders: 52, units: f.units, items: 72 });
    expect(f.gmvCents).toBe(291670);
  });
});

describe('an overlapping later order export where statuses moved on', () => {
  const WS = 'moves';
  const HEADER = '主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单状态,售后状态,支付完成时间';
  // Ids carry the exporter's leading tab, as 抖店 writes them.
  const line = (order: string, item: string, qty: number, amount: string, status: string, paidAt: string, afterSale = '-') =>
    [`"\t${order}"`, `"\t${item}"`, '"\t3690112233445566001"', qty, amount, status, afterSale, paidAt].join(',');

  const EARLIER =
    [
      HEADER,
      line('5000000000000000001', '5000000000000000101', 1, '10.00', '待发货', '2026-10-01 10:00:00'),
      line('5000000000000000001', '5000000000000000102', 2, '20.00', '待发货', '2026-10-01 10:00:00'),
      line('5000000000000000002', '5000000000000000201', 1, '30.00', '待发货', '2026-10-02 09:30:00'),
      line('5000000000000000003', '5000000000000000301', 3, '45.00', '已发货', '2026-10-02 12:00:00'),
      line('5000000000000000004', '5000000000000000401', 1, '15.00', '待支付', '-'),
    ].join('\n') + '\n';

  // A week later: item 101 and 102 completed, 201 fully refunded and closed (it was paid: it stays
  // in GMV, DESIGN §4 as corrected in issue 11), 401 paid; 301 absent (kept as it was); a new order 5
  // with two items.
  const LATER =
    [
      HEADER,
      line('5000000000000000001', '5000000000000000101', 1, '10.00', '已完成', '2026-10-01 10:00:00'),
      line('5000000000000000001', '5000000000000000102', 2, '20.00', '已完成', '2026-10-01 10:00:00'),
      line('5000000000000000002', '5000000000000000201', 1, '30.00', '已关闭', '2026-10-02 09:30:00', '退款成功'),
      line('5000000000000000004', '5000000000000000401', 1, '15.00', '待发货', '2026-10-03 08:00:00'),
      line('5000000000000000005', '5000000000000000501', 2, '50.00', '已发货', '2026-10-04 20:00:00'),
      line('5000000000000000005', '5000000000000000502', 1, '5.50', '已发货', '2026-10-04 20:00:00'),
    ].join('\n') + '\n';

  // Then an export where item 101 went back from 已完成 to 待发货.
  const REGRESSED = [HEADER, line('5000000000000000001', '5000000000000000101', 1, '10.00', '待发货', '2026-10-01 10:00:00')].join('\n') + '\n';

  let laterId: string;

  /** Independent merge: the latest row of each 子订单编号 wins. */
  const merged = (...exports: string[]) => {
    const latest = new Map<string, CsvRow>();
    for (const text of exports) for (const row of parseCsv(text)) latest.set(clean(row['子订单编号']), row);
    return orderFigures([...latest.values()]);
  };

  it('the earlier export alone: gmv 105.00, 3 paid orders, 7 units', async () => {
    const res = await upload(e, WS, Buffer.from(EARLIER, 'utf8'), 'orders-week1.csv');
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('order');
    expect(res.body.report.rows.accepted).toBe(5);
    // By hand: paid = 101 (10.00), 102 (20.00), 201 (30.00), 301 (45.00); 401 is 待支付.
    expect(await totals(WS, ['gmv', 'paid_orders', 'units'])).toEqual({ gmv: 105, paid_orders: 3, units: 7 });
    expect(merged(EARLIER)).toEqual({ gmvCents: 10500, paidOrders: 3, units: 7 });
  });

  it('after the later export the figures follow the later state of each item', async () => {
    const res = await upload(e, WS, Buffer.from(LATER, 'utf8'), 'orders-week2.csv');
    expect(res.status).toBe(201);
    laterId = res.body.id;
    expect(res.body.report.duplicatesReplaced).toBe(4); // 101, 102, 201, 401
    expect(warningCodes(res.body.report)).not.toContain('STATUS_REGRESSION');
    // By hand, later state: 101 10.00 + 102 20.00 (已完成) + 201 30.00 (paid, then refunded and closed)
    // + 301 45.00 (已发货, from week 1) + 401 15.00 (now paid) + 501 50.00 + 502 5.50 = 175.50.
    // Paid orders: 1, 2, 3, 4, 5 = 5. Units: 1 + 2 + 1 + 3 + 1 + 2 + 1 = 11. Refunds: 201's 30.00.
    expect(await totals(WS, ['gmv', 'paid_orders', 'units', 'items', 'refund_amount'])).toEqual({
      gmv: 175.5,
      paid_orders: 5,
      units: 11,
      items: 7,
      refund_amount: 30,
    });
    expect(merged(EARLIER, LATER)).toEqual({ gmvCents: 17550, paidOrders: 5, units: 11 });
  });

  it('by paid day: the newly paid item is dated by its own payment time', async () => {
    const res = await query(e, WS, { metrics: ['gmv', 'units'], dimensions: ['date'] });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      { date: '2026-10-01', gmv: 30, units: 3 },
      { date: '2026-10-02', gmv: 75, units: 4 }, // 201 30.00 + 301 45.00
      { date: '2026-10-03', gmv: 15, units: 1 },
      { date: '2026-10-04', gmv: 55.5, units: 3 },
    ]);
  });

  it('a status that moves backwards (已完成 -> 待发货) is reported as STATUS_REGRESSION', async () => {
    const res = await upload(e, WS, Buffer.from(REGRESSED, 'utf8'), 'orders-week3.csv');
    expect(res.status).toBe(201);
    expect(res.body.report.duplicatesReplaced).toBe(1);
    const warning = res.body.report.warnings.find((w: { code: string }) => w.code === 'STATUS_REGRESSION');
    expect(warning).toBeDefined();
    expect(warning.message).toContain('5000000000000000101');
    // 101 keeps its payment time: the sums are unchanged and nothing is counted twice.
    expect(await totals(WS, ['gmv', 'paid_orders', 'units', 'items'])).toEqual({ gmv: 175.5, paid_orders: 5, units: 11, items: 7 });
  });

  it('deleting the week-2 export brings back the week-1 state of its items', async () => {
    await e.http().delete(`/api/workspaces/${WS}/datasets/${laterId}`).expect(204);
    // Week 1 + week 3: 101 待发货 10.00, 102 20.00, 201 待发货 30.00, 301 45.00; 401 待支付; 501/502 gone.
    expect(await totals(WS, ['gmv', 'paid_orders', 'units', 'items'])).toEqual({ gmv: 105, paid_orders: 3, units: 7, items: 5 });
    expect(merged(EARLIER, REGRESSED)).toEqual({ gmvCents: 10500, paidOrders: 3, units: 7 });
  });
});

describe('account per-metric files upsert field by field', () => {
  const WS = 'account-files';
  const column = (file: string, col: string) => new Map(readSample(file).map((r) => [clean(r['日期']), int(r[col])]));
  const plays = column('数据表现_播放量数据.csv', '播放量');
  const net = column('数据表现_净增粉丝数据.csv', '净增粉丝');
  const visits = column('数据表现_主页访问数据.csv', '主页访问');

  async function byDate() {
    const res = await query(e, WS, { metrics: ['plays', 'follower_net', 'profile_visits'], dimensions: ['date'] });
    expect(res.status).toBe(200);
    return res.body as {
      rows: { date: string; plays: number | null; follower_net: number | null; profile_visits: number | null }[];
      totals: Record<string, number>;
    };
  }

  const expectedRows = () =>
    [...plays.keys()].sort().map((date) => ({ date, plays: plays.get(date)!, follower_net: net.get(date)!, profile_visits: visits.get(date)! }));

  it('播放量, then 净增粉丝, then 主页访问: one row per date with all three', async () => {
    for (const file of ['数据表现_播放量数据.csv', '数据表现_净增粉丝数据.csv', '数据表现_主页访问数据.csv']) {
      const res = await uploadSample(e, WS, file, { account: ACCOUNT });
      expect(res.status).toBe(201);
      expect(res.body.kind).toBe('account');
    }
    const body = await byDate();
    expect(body.rows).toHaveLength(30);
    for (const r of body.rows) {
      expect(r.plays).not.toBeNull();
      expect(r.follower_net).not.toBeNull();
      expect(r.profile_visits).not.toBeNull();
    }
    expect(body.rows).toEqual(expectedRows());
    expect(body.totals).toEqual({ plays: 597050, follower_net: 1750, profile_visits: sumBy([...visits.values()], (v) => v) });
  });

  it('re-importing the 播放量 file neither doubles plays nor erases the other columns', async () => {
    const res = await uploadSample(e, WS, '数据表现_播放量数据.csv', { account: ACCOUNT });
    expect(res.status).toBe(201);
    expect(res.body.report.duplicatesReplaced).toBe(30);
    const body = await byDate();
    expect(body.rows).toHaveLength(30);
    expect(body.rows).toEqual(expectedRows());
    expect(body.totals.plays).toBe(597050);
    expect(body.totals.follower_net).toBe(1750);
  });

  it('deleting the 净增粉丝 import removes that column only', async () => {
    const items = (await e.http().get(`/api/workspaces/${WS}/datasets`).expect(200)).body.items as { id: string; fileName: string }[];
    const netImport = items.find((d) => d.fileName === '数据表现_净增粉丝数据.csv')!;
    await e.http().delete(`/api/workspaces/${WS}/datasets/${netImport.id}`).expect(204);
    const body = await byDate();
    expect(body.rows).toHaveLength(30);
    expect(body.rows.map((r) => r.plays)).toEqual(expectedRows().map((r) => r.plays));
    expect(body.rows.map((r) => r.profile_visits)).toEqual(expectedRows().map((r) => r.profile_visits));
    expect(body.rows.every((r) => r.follower_net === null)).toBe(true);
  });
});
