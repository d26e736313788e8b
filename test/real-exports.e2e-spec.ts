import { makeDataDir, query, removeDataDir, startApp, upload, uploadSample, type E2eApp } from './helpers/e2e-app';
import { csv, xlsxBytes } from '../libs/ingest/src/golden/real/fixture-writers';

/**
 * Issue 11 over real HTTP on a fresh data dir: 抖店's 结算账单 and 资金账单 carry 订单号 / 子订单号 but
 * never touch order rows (they were detected as orders and replaced them: shop GMV fell); 千川's daily
 * 素材 files, whose day is only in the file name, give one day each and re-importing one replaces only it.
 */

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

async function run(ws: string, spec: Record<string, unknown>) {
  const res = await query(e, ws, spec);
  if (res.status !== 200) throw new Error(`query failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { rows: Record<string, unknown>[]; totals: Record<string, number | null> };
}

const ORDER_METRICS = ['gmv', 'paid_orders', 'units', 'items', 'avg_order_value', 'refund_amount', 'refund_orders', 'refund_rate', 'refund_order_rate'];

// Items of the sample order export (fixtures/samples/doudian-orders.csv): its first item is 6917926768920153000.
const SETTLEMENT = ['结算时间', '下单时间', '订单号', '子订单号', '商品ID', '商品名称', '订单总价', '运费', '实际结算金额', '平台服务费', '佣金', '业务类型'];
const SETTLEMENT_ROWS = [
  [
    '2026-10-20 02:00:00',
    '2026-10-07 02:10:29',
    '\t6917926768920153000',
    '\t6917926768920153000',
    '\t3690112233445566004',
    '燕麦片 即食',
    '19.90',
    '0.00',
    '18.91',
    '-0.99',
    '0.00',
    '小店自卖',
  ],
];
const FUND_FLOW = ['动账时间', '动账流水号', '动账方向', '动账金额', '动账账户', '动账场景', '订单号', '子订单号'];
const FUND_FLOW_ROWS = [['2026-10-20 02:00:01', 'FL202610200001', '入账', '18.91', '聚合账户', '订单结算', '\t6917926768920153000', '\t6917926768920153000']];

describe('结算账单 and 资金账单 next to orders', () => {
  it('leave every order metric unchanged', async () => {
    const ws = 'shop-with-bills';
    expect((await uploadSample(e, ws, 'doudian-orders.csv')).status).toBe(201);
    const before = await run(ws, { metrics: ORDER_METRICS, totals: true });
    const beforeByDay = await run(ws, { metrics: ['gmv', 'paid_orders', 'refund_amount'], dimensions: ['date'], totals: true });
    expect(before.totals.items).toBe(72);

    const settled = await upload(e, ws, Buffer.from(csv(SETTLEMENT, SETTLEMENT_ROWS)), '结算账单.csv');
    expect(settled.status).toBe(201);
    expect(settled.body.kind).toBe('settlement');
    expect(settled.body.report.duplicatesReplaced).toBe(0);

    const fund = await upload(e, ws, Buffer.from(csv(FUND_FLOW, FUND_FLOW_ROWS)), '资金账单.csv');
    expect(fund.status).toBe(422);
    expect(fund.body.code).toBe('KIND_NOT_SUPPORTED');
    expect(fund.body.message).toContain('资金账单');

    expect(await run(ws, { metrics: ORDER_METRICS, totals: true })).toEqual(before);
    expect(await run(ws, { metrics: ['gmv', 'paid_orders', 'refund_amount'], dimensions: ['date'], totals: true })).toEqual(beforeByDay);
    // the settlement is its own kind: 18.91 settled, 0.99 service fee
    expect((await run(ws, { metrics: ['settlement_amount', 'settlement_service_fee'], totals: true })).totals).toEqual({
      settlement_amount: 18.91,
      settlement_service_fee: -0.99,
    });
    const list = await e.http().get(`/api/workspaces/${ws}/datasets`);
    expect(list.body.items.map((d: { kind: string }) => d.kind).sort()).toEqual(['order', 'settlement']);
  });
});

const SUCAI = ['素材ID', '素材名称', '整体消耗', '整体展示次数', '整体点击次数', '整体成交订单数', '整体成交金额'];
const dayFile = (d: string) => `全域数据_素材分析_视频_${d} 00_00_00-${d} 23_59_59-1780000000000000001.xlsx`;

describe('千川 全域 素材 daily files (the day only in the file name)', () => {
  it('give two days, and re-importing one replaces only that day', async () => {
    const ws = 'qianchuan-daily';
    const day1 = await upload(
      e,
      ws,
      await xlsxBytes([
        SUCAI,
        ['7390000000000000001', '开箱-咖啡-01', 1200.5, 80000, 2400, 30, 4500],
        ['7390000000000000002', '口播-面包-02', 300.25, 20000, 500, 5, 650],
      ]),
      dayFile('2026-06-01'),
    );
    expect(day1.status).toBe(201);
    expect(day1.body.report.keyContext).toEqual({ date: { value: '2026-06-01', from: 'file_name' } });
    const day2 = await upload(
      e,
      ws,
      await xlsxBytes([
        SUCAI,
        ['7390000000000000001', '开箱-咖啡-01', 1100, 70000, 2100, 28, 4000],
        ['7390000000000000002', '口播-面包-02', 410.75, 25000, 650, 8, 900.5],
      ]),
      dayFile('2026-06-02'),
    );
    expect(day2.status).toBe(201);
    expect(day2.body.report.duplicatesReplaced).toBe(0);

    // 06-01: 1200.50 + 300.25 = 1500.75; 06-02: 1100.00 + 410.75 = 1510.75
    const both = await run(ws, { metrics: ['cost', 'ad_gmv'], dimensions: ['date'], totals: true });
    expect(both.rows).toEqual([
      { date: '2026-06-01', cost: 1500.75, ad_gmv: 5150 },
      { date: '2026-06-02', cost: 1510.75, ad_gmv: 4900.5 },
    ]);

    const again = await upload(
      e,
      ws,
      await xlsxBytes([
        SUCAI,
        ['7390000000000000001', '开箱-咖啡-01', 1250.5, 82000, 2450, 31, 4650],
        ['7390000000000000002', '口播-面包-02', 300.25, 20000, 500, 5, 650],
      ]),
      dayFile('2026-06-01'),
    );
    expect(again.status).toBe(201);
    expect(again.body.report.duplicatesReplaced).toBe(2);
    const after = await run(ws, { metrics: ['cost', 'ad_gmv'], dimensions: ['date'], totals: true });
    expect(after.rows).toEqual([
      { date: '2026-06-01', cost: 1550.75, ad_gmv: 5300 }, // 1250.50 + 300.25; 4650 + 650
      { date: '2026-06-02', cost: 1510.75, ad_gmv: 4900.5 }, // unchanged
    ]);
    expect(after.totals.cost).toBe(3061.5);
  });

  it('a date from the upload form dates a file whose name has none', async () => {
    const res = await upload(e, 'qianchuan-form', await xlsxBytes([SUCAI, ['7390000000000000001', '开箱-咖啡-01', 99.9, 1000, 30, 1, 59]]), '素材分析.xlsx', {
      date: '2026-06-03',
    });
    expect(res.status).toBe(201);
    expect(res.body.report.keyContext).toEqual({ date: { value: '2026-06-03', from: 'option' } });
    expect((await run('qianchuan-form', { metrics: ['cost'], dimensions: ['date'] })).rows).toEqual([{ date: '2026-06-03', cost: 99.9 }]);
    const bad = await upload(e, 'qianchuan-form', Buffer.from('x'), 'a.csv', { date: '03/06/2026' });
    expect(bad.status).toBe(400);
  });
});
