import { join } from 'node:path';
import { cellValue, mergeParts, type ColumnTable } from '@creator-ops/columnar';
import { ingestFile, type ImportReport } from '@creator-ops/ingest';
import { KINDS } from '@creator-ops/schemas';

/**
 * Every realistic sample export imports with the right kind, counts and mapping; the row values
 * below were read off the CSV text by hand.
 */
const SAMPLES = join(process.cwd(), 'fixtures', 'samples');
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const wall = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13), +iso.slice(14, 16), +iso.slice(17, 19));

async function load(file: string, account?: string) {
  return ingestFile(join(SAMPLES, file), { fileName: file, account, secret: 'test-secret' });
}

function row(table: ColumnTable, index: number): Record<string, unknown> {
  return Object.fromEntries([...table.columns].map(([name, col]) => [name, cellValue(col, index)]));
}

const mapped = (report: ImportReport) => Object.fromEntries(report.mapping.map((m) => [m.source, m.field]));

describe('doudian-orders.csv (抖店 order export)', () => {
  it('imports 72 items as kind order, maps the 抖店 headers, drops PII', async () => {
    const { table, report } = await load('doudian-orders.csv');
    expect(report.kind).toBe('order');
    expect(report.encoding).toBe('UTF-8 (BOM)');
    expect(report.rows).toEqual({ read: 72, accepted: 72, rejected: 0, skipped: 0 });
    const m = mapped(report);
    expect(m).toMatchObject({
      子订单编号: 'order_item_id',
      主订单编号: 'order_id',
      订单应付金额: 'payable_amount',
      支付完成时间: 'paid_at',
      订单状态: 'status',
      省: 'province',
    });
    for (const pii of ['收件人', '详细地址', '街道', '区']) expect(m[pii]).toBeNull();
    // The sample's phones are masked (`$$密文3538110`, different on every item): no buyer key is made.
    expect(m['收件人手机号']).toBeNull();
    expect(table.columns.has('buyer_id')).toBe(false);
    expect(table.columns.has('收件人')).toBe(false);
    expect(table.columns.has('详细地址')).toBe(false);
    expect(report.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['UNKNOWN_COLUMNS', 'PII_DROPPED', 'BUYER_KEY_MASKED']));
  });

  it('keeps ids exact, money in cents, times as wall clock, `-` as null', async () => {
    const { table } = await load('doudian-orders.csv');
    // Line 2: "\t6917926768920153000", 燕麦片 即食, 1, 19.90, 江苏省, "\t2026-10-07 02:10:29", 2026-10-07 02:11:25, 订单完成时间 -, 已发货, 售后 -
    expect(row(table, 0)).toMatchObject({
      order_item_id: '6917926768920153000',
      order_id: '6917926768920153000',
      product_id: '3690112233445566004',
      product_name: '燕麦片 即食',
      quantity: 1,
      unit_price: 1990,
      payable_amount: 1990,
      province: '江苏省',
      city: null,
      created_at: wall('2026-10-07 02:10:29'),
      paid_at: wall('2026-10-07 02:11:25'),
      completed_at: null,
      status: '已发货',
      after_sale_status: null,
      买家留言: '送人的,"包装"好一点',
      __line: 2,
    });
    // Line 4: 已关闭, payable 16.90 after a 3.00 discount, 支付完成时间 `-`.
    expect(row(table, 2)).toMatchObject({
      order_item_id: '6917926768920153034',
      payable_amount: 1690,
      discount_total: 300,
      status: '已关闭',
      paid_at: null,
      __line: 4,
    });
  });
});

describe('qianchuan-plan-daily.csv (巨量千川, GB18030)', () => {
  it('detects GB18030, skips and cross-checks the 全部 total row', async () => {
    const { table, report } = await load('qianchuan-plan-daily.csv');
    expect(report.kind).toBe('ad');
    expect(report.encoding).toBe('GB18030');
    expect(report.rows).toEqual({ read: 29, accepted: 28, rejected: 0, skipped: 1 });
    expect(report.skipped).toEqual([expect.objectContaining({ line: 30, code: 'SKIP_TOTAL' })]);
    expect(mapped(report)).toMatchObject({ '整体消耗(元)': 'cost', 整体展示次数: 'impressions', 整体点击率: 'reported_ctr', 计划ID: 'plan_id' });
    expect(report.mapping.find((m) => m.source === '整体消耗(元)')?.scale).toBe(100);
    // The total row: cost "118,365.83", impressions "3,333,550", clicks "91,888", orders 3767, gmv "391,673.55".
    expect(report.totalRows[0].values).toMatchObject({
      cost: 11836583,
      impressions: 3333550,
      clicks: 91888,
      orders: 3767,
      gmv: 39167355,
      reported_ctr: 0.0276,
    });
    expect(report.warnings.map((w) => w.code)).toContain('TOTAL_MATCHED');
    // Line 2: 2026-10-01,1780000000000000101,直播间-成交-通投,"1,610.67","98,875","3,298",3.34%,101,"12,509.86",7.77,15.95
    expect(row(table, 0)).toMatchObject({
      date: day('2026-10-01'),
      plan_id: '1780000000000000101',
      plan: '直播间-成交-通投',
      cost: 161067,
      impressions: 98875,
      clicks: 3298,
      reported_ctr: 0.0334,
      orders: 101,
      gmv: 1250986,
      reported_roi: 7.77,
    });
  });
});

describe('oceanengine-unit-daily.csv (巨量广告)', () => {
  it('reads `点击率%` bare numbers as percent points', async () => {
    const { table, report } = await load('oceanengine-unit-daily.csv');
    expect(report.kind).toBe('ad');
    expect(report.rows).toEqual({ read: 15, accepted: 15, rejected: 0, skipped: 0 });
    expect(report.mapping.find((m) => m.source === '点击率%')).toEqual({ source: '点击率%', field: 'reported_ctr', scale: 0.01 });
    // Line 2: 2026-10-08,...,7300000000000000011,单元-女性25-34,42500,524,1.23,3.26,40.23,1709.78,21,81.42,4.01
    expect(row(table, 0)).toMatchObject({
      date: day('2026-10-08'),
      unit_id: '7300000000000000011',
      impressions: 42500,
      clicks: 524,
      reported_ctr: 0.0123,
      cost: 170978,
      conversions: 21,
      reported_cvr: 0.0401,
    });
  });
});

describe('douyin-works.csv (作品列表)', () => {
  it('keeps multi-line titles, fractions, `20.69s` durations and 图文 nulls', async () => {
    const { table, report } = await load('douyin-works.csv', '示例账号');
    expect(report.kind).toBe('content');
    expect(report.rows).toEqual({ read: 24, accepted: 24, rejected: 0, skipped: 0 });
    expect(report.naturalKey).toEqual(['account', 'published_at', 'title']);
    expect(row(table, 0)).toMatchObject({
      title: '作品1：秋天第一杯咖啡\n#好物分享 #零食',
      account: '示例账号',
      published_at: wall('2026-09-01 18:00:00'),
      format: '视频',
      plays: 27600,
      completion_rate: 0.142729,
      avg_watch_seconds: 20.69,
      likes: 1239,
      follower_gain: 74,
    });
    // Line 4 (the first title spans lines 2-3): 作品2 图文 with `-` rates.
    expect(row(table, 1)).toMatchObject({
      title: '作品2：办公室零食测评',
      format: '图文',
      plays: 89745,
      completion_rate: null,
      avg_watch_seconds: null,
      __line: 4,
    });
  });
});

describe('luopan-live-sessions.csv (电商罗盘 live list)', () => {
  it('reads slash datetimes and minutes from the header', async () => {
    const { table, report } = await load('luopan-live-sessions.csv', '小鹿的零食铺');
    expect(report.kind).toBe('live');
    expect(report.rows.accepted).toBe(12);
    expect(row(table, 0)).toMatchObject({
      live_start: wall('2026-10-01 19:30:00'),
      live_end: wall('2026-10-01 21:30:00'),
      duration_minutes: 120,
      viewers: 4720,
      views: 5685,
      avg_watch_minutes: 1.22,
      live_gmv: 981568,
      ad_spend: 231502,
    });
  });
});

describe('数据表现_*.csv (one file per metric)', () => {
  it('imports each as account with the upload account, and merges them into one row per date', async () => {
    const files = ['数据表现_播放量数据.csv', '数据表现_净增粉丝数据.csv', '数据表现_主页访问数据.csv'];
    const parts = [];
    for (const [i, f] of files.entries()) {
      const { table, report } = await load(f, '示例账号');
      expect(report.kind).toBe('account');
      expect(report.rows).toEqual({ read: 30, accepted: 30, rejected: 0, skipped: 0 });
      parts.push({ id: String(i), table, keyFields: report.naturalKey });
    }
    const merged = mergeParts(KINDS.account, parts);
    expect(merged.length).toBe(30);
    const first = Array.from({ length: merged.length }, (_, i) => row(merged, i)).find((r) => r.date === day('2026-10-01'));
    // 2026-10-01: 播放量 "9,235", 净增粉丝 95, 主页访问 430.
    expect(first).toMatchObject({ account: '示例账号', plays: 9235, follower_net: 95, profile_visits: 430 });
    const second = Array.from({ length: merged.length }, (_, i) => row(merged, i)).find((r) => r.date === day('2026-10-02'));
    // 净增粉丝 can be negative: 2026-10-02 is -4.
    expect(second).toMatchObject({ plays: 10697, follower_net: -4, profile_visits: 294 });
  });
});
