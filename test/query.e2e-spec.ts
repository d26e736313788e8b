import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectErrorBody, makeDataDir, query, removeDataDir, startApp, uploadSample, type E2eApp } from './helpers/e2e-app';
import { cents, clean, dayOf, int, isNullCell, isPaidOrder, orderFigures, readSample, sumBy, type CsvRow } from './helpers/sample-figures';

/**
 * The metric dictionary and POST /query over real imports. Every expected figure is recomputed
 * here from the CSV text (integer cents, papaparse), and cross-checked against the figures worked
 * out independently in fixtures/samples/expected.json.
 */

const ACCOUNT = '小鹿的零食铺';
const EXPECTED = JSON.parse(readFileSync(join(process.cwd(), 'fixtures', 'samples', 'expected.json'), 'utf8'));

let dir: string;
let e: E2eApp;

beforeAll(async () => {
  dir = makeDataDir();
  e = await startApp(dir);
  const imports: [string, string, Record<string, string>?][] = [
    ['qc', 'qianchuan-plan-daily.csv'],
    ['oe', 'oceanengine-unit-daily.csv'],
    ['shop', 'doudian-orders.csv'],
    ['acct', '数据表现_播放量数据.csv', { account: ACCOUNT }],
    ['acct', '数据表现_净增粉丝数据.csv', { account: ACCOUNT }],
    ['acct', '数据表现_主页访问数据.csv', { account: ACCOUNT }],
    ['works', 'douyin-works.csv', { account: ACCOUNT }],
    ['live', 'luopan-live-sessions.csv'],
  ];
  for (const [ws, file, fields] of imports) {
    const res = await uploadSample(e, ws, file, fields);
    if (res.status !== 201) throw new Error(`import of ${file} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
});

afterAll(async () => {
  await e?.close();
  removeDataDir(dir);
});

async function ok(ws: string, spec: Record<string, unknown>) {
  const res = await query(e, ws, spec);
  if (res.status !== 200) throw new Error(`query failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function fails(ws: string, spec: Record<string, unknown>, status: number, code?: string) {
  const res = await query(e, ws, spec);
  expect(res.status).toBe(status);
  if (code) expectErrorBody(res.body, code);
  else expectErrorBody(res.body, res.body.code);
  return res.body;
}

const byKey = <T extends Record<string, unknown>>(rows: T[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));

describe('GET /api/metrics', () => {
  it('lists at least 30 metrics with labels, formulas, units and kinds', async () => {
    const res = await e.http().get('/api/metrics').expect(200);
    const items: Record<string, any>[] = res.body.items;
    expect(items.length).toBeGreaterThanOrEqual(30);
    for (const m of items) {
      expect(typeof m.key).toBe('string');
      expect(m.label.zh && m.label.en).toBeTruthy();
      expect(m.formula.zh && m.formula.en).toBeTruthy();
      expect(['count', 'money', 'percent', 'multiple', 'seconds', 'minutes', 'decimal']).toContain(m.unit);
      expect(Array.isArray(m.kinds) && m.kinds.length > 0).toBe(true);
    }
    const keys = items.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['ctr', 'roi', 'breakeven_roi', 'gmv', 'gpm', 'completion_rate']));
    const ctr = items.find((m) => m.key === 'ctr')!;
    expect(ctr.unit).toBe('percent');
    expect(ctr.kinds).toContain('ad');
    expect(items.find((m) => m.key === 'gmv')!.kinds).toEqual(['order']);
  });
});

describe('ads (qianchuan plan daily)', () => {
  // The last line (日期 = 全部) is the period total: not a data row.
  const rows = readSample('qianchuan-plan-daily.csv').filter((r) => clean(r['日期']) !== '全部');
  const impressions = sumBy(rows, (r) => int(r['整体展示次数']));
  const clicks = sumBy(rows, (r) => int(r['整体点击次数']));
  const costCents = sumBy(rows, (r) => cents(r['整体消耗(元)']));
  const gmvCents = sumBy(rows, (r) => cents(r['整体成交金额(元)']));

  it('the independent sums agree with the worked figures', () => {
    expect(rows).toHaveLength(28);
    expect([impressions, clicks, costCents, gmvCents]).toEqual([3333550, 91888, 11836583, 39167355]);
    expect(String(costCents / 100)).toBe(EXPECTED['qianchuan-plan-daily.csv'].total.cost);
  });

  it('totals: ctr as a ratio of sums, cost to the cent, roi = ad_gmv / cost', async () => {
    const body = await ok('qc', { metrics: ['impressions', 'clicks', 'ctr', 'cost', 'ad_gmv', 'roi', 'cpc', 'cpm'] });
    const t = body.totals;
    expect(t.impressions).toBe(3333550);
    expect(t.clicks).toBe(91888);
    expect(t.ctr).toBeCloseTo(91888 / 3333550, 12);
    expect(t.cost).toBe(118365.83);
    expect(t.ad_gmv).toBe(391673.55);
    expect(t.roi).toBeCloseTo(39167355 / 11836583, 12);
    expect(t.cpc).toBeCloseTo(costCents / 100 / clicks, 10);
    expect(t.cpm).toBeCloseTo((costCents / 100 / impressions) * 1000, 10);
    // A mean of the per-row CTRs would differ: the engine must not do that.
    const served = rows.filter((r) => int(r['整体展示次数']) > 0);
    const meanOfRowCtrs = sumBy(served, (r) => int(r['整体点击次数']) / int(r['整体展示次数'])) / served.length;
    expect(Math.abs(t.ctr - meanOfRowCtrs)).toBeGreaterThan(1e-4);
  });

  it('a ratio over zero is null, never 0 or NaN (2026-10-02, plan …102 had 0 impressions and 0 cost)', async () => {
    const body = await ok('qc', {
      metrics: ['impressions', 'ctr', 'roi'],
      dimensions: ['date', 'plan_id'],
      filters: [{ field: 'plan_id', op: 'eq', value: '1780000000000000102' }],
      from: '2026-10-02',
      to: '2026-10-02',
    });
    expect(body.rows).toEqual([{ date: '2026-10-02', plan_id: '1780000000000000102', impressions: 0, ctr: null, roi: null }]);
  });

  it('ad_gmv, cost and roi by plan_id', async () => {
    const body = await ok('qc', { metrics: ['ad_gmv', 'cost', 'roi'], dimensions: ['plan_id'] });
    const expected = new Map<string, { gmv: number; cost: number }>();
    for (const r of rows) {
      const id = clean(r['计划ID']);
      const acc = expected.get(id) ?? { gmv: 0, cost: 0 };
      acc.gmv += cents(r['整体成交金额(元)']);
      acc.cost += cents(r['整体消耗(元)']);
      expected.set(id, acc);
    }
    expect(body.rows).toHaveLength(expected.size);
    const got = byKey(body.rows, 'plan_id');
    for (const [id, { gmv, cost }] of expected) {
      const row = got.get(id)!;
      expect(row).toBeDefined();
      expect(row.ad_gmv).toBe(gmv / 100);
      expect(row.cost).toBe(cost / 100);
      expect(row.roi).toBeCloseTo(gmv / cost, 12);
      expect((gmv / 100).toFixed(2)).toBe(EXPECTED['qianchuan-plan-daily.csv'].by_plan[id].gmv);
    }
    // Default order: first metric descending.
    const gmvs = body.rows.map((r: { ad_gmv: number }) => r.ad_gmv);
    expect(gmvs).toEqual([...gmvs].sort((a, b) => b - a));
  });

  it('breakeven_roi needs params.gross_margin (PARAM_REQUIRED), and is 1 / 0.25 = 4', async () => {
    const err = await fails('qc', { metrics: ['breakeven_roi'] }, 400, 'PARAM_REQUIRED');
    expect(err.messages.en).toContain('gross_margin');
    const body = await ok('qc', { metrics: ['breakeven_roi', 'roi_vs_breakeven'], params: { gross_margin: 0.25 } });
    expect(body.totals.breakeven_roi).toBe(4);
    expect(body.totals.roi_vs_breakeven).toBeCloseTo(gmvCents / costCents - 4, 10);
  });

  it('gmv (shop orders) on an ads-only workspace is METRIC_DATA_MISSING', async () => {
    const err = await fails('qc', { metrics: ['gmv'] }, 400, 'METRIC_DATA_MISSING');
    expect(err.messages.en).toContain('gmv');
  });
});

describe('ads (oceanengine unit daily)', () => {
  const rows = readSample('oceanengine-unit-daily.csv');

  it('cost, conversions, cvr and cpa by unit_id', async () => {
    const body = await ok('oe', { metrics: ['cost', 'clicks', 'conversions', 'cvr', 'cpa'], dimensions: ['unit_id'] });
    const units = [...new Set(rows.map((r) => clean(r['单元ID'])))];
    expect(body.rows).toHaveLength(units.length);
    const got = byKey(body.rows, 'unit_id');
    for (const id of units) {
      const mine = rows.filter((r) => clean(r['单元ID']) === id);
      const cost = sumBy(mine, (r) => cents(r['消耗(元)']));
      const conversions = sumBy(mine, (r) => int(r['转化数']));
      const clicks = sumBy(mine, (r) => int(r['点击数']));
      const row = got.get(id)!;
      expect(row.cost).toBe(cost / 100);
      expect(row.conversions).toBe(conversions);
      expect(row.cvr).toBeCloseTo(conversions / clicks, 12);
      expect(row.cpa).toBeCloseTo(cost / 100 / conversions, 10);
      expect((cost / 100).toFixed(2)).toBe(EXPECTED['oceanengine-unit-daily.csv'].by_unit[id].cost);
    }
  });
});

describe('shop orders', () => {
  const rows = readSample('doudian-orders.csv');
  const all = orderFigures(rows);

  it('the independent figures agree with the worked figures', () => {
    expect(rows).toHaveLength(72);
    expect((all.gmvCents / 100).toFixed(2)).toBe(EXPECTED['doudian-orders.csv'].gmv);
    expect(all.paidOrders).toBe(EXPECTED['doudian-orders.csv'].paid_orders);
  });

  it('gmv, paid_orders, units and avg_order_value over paid orders', async () => {
    const body = await ok('shop', { metrics: ['gmv', 'paid_orders', 'units', 'avg_order_value', 'items'] });
    expect(body.totals.gmv).toBe(2916.7);
    expect(body.totals.gmv).toBe(all.gmvCents / 100);
    expect(body.totals.paid_orders).toBe(52);
    expect(body.totals.units).toBe(all.units);
    expect(body.totals.items).toBe(72);
    expect(body.totals.avg_order_value).toBeCloseTo(all.gmvCents / 100 / all.paidOrders, 10);
  });

  it('gmv, paid_orders and units by province', async () => {
    const body = await ok('shop', { metrics: ['gmv', 'paid_orders', 'units'], dimensions: ['province'] });
    const provinces = [...new Set(rows.filter(isPaidOrder).map((r) => clean(r['省'])))];
    expect(body.rows).toHaveLength(provinces.length);
    const got = byKey(body.rows, 'province');
    for (const p of provinces) {
      const f = orderFigures(rows.filter((r) => clean(r['省']) === p));
      expect(got.get(p)).toMatchObject({ gmv: f.gmvCents / 100, paid_orders: f.paidOrders, units: f.units });
      expect(EXPECTED['doudian-orders.csv'].by_province[p]).toEqual({ gmv: (f.gmvCents / 100).toFixed(2), paid_orders: f.paidOrders, units: f.units });
    }
  });

  it('the original Chinese header works as a dimension (商品ID)', async () => {
    const body = await ok('shop', { metrics: ['gmv'], dimensions: ['商品ID'] });
    const got = byKey(body.rows, '商品ID');
    for (const [id, exp] of Object.entries(EXPECTED['doudian-orders.csv'].by_product as Record<string, { gmv: string }>)) {
      const f = orderFigures(rows.filter((r) => clean(r['商品ID']) === id));
      expect((f.gmvCents / 100).toFixed(2)).toBe(exp.gmv);
      expect(got.get(id)!.gmv).toBe(f.gmvCents / 100);
    }
  });

  it('compare previous_period: the window before, and delta = current − previous', async () => {
    const body = await ok('shop', { metrics: ['gmv', 'paid_orders'], from: '2026-10-16', to: '2026-10-31', compare: 'previous_period' });
    // 16 days back: 2026-09-30 .. 2026-10-15. GMV is dated by 支付完成时间 (paid_at).
    expect(body.period).toEqual({ from: '2026-10-16', to: '2026-10-31' });
    expect(body.comparison.period).toEqual({ from: '2026-09-30', to: '2026-10-15' });
    const inWindow = (from: string, to: string) =>
      rows.filter((r) => !isNullCell(r['支付完成时间']) && dayOf(r['支付完成时间']) >= from && dayOf(r['支付完成时间']) <= to);
    const cur = orderFigures(inWindow('2026-10-16', '2026-10-31'));
    const prev = orderFigures(inWindow('2026-09-30', '2026-10-15'));
    expect(cur.gmvCents + prev.gmvCents).toBe(all.gmvCents);
    expect(body.totals.gmv).toBe(cur.gmvCents / 100);
    expect(body.comparison.totals.gmv).toBe(prev.gmvCents / 100);
    expect(body.comparison.delta.gmv).toBeCloseTo((cur.gmvCents - prev.gmvCents) / 100, 9);
    expect(body.totals.paid_orders).toBe(cur.paidOrders);
    expect(body.comparison.totals.paid_orders).toBe(prev.paidOrders);
    expect(body.comparison.delta.paid_orders).toBe(cur.paidOrders - prev.paidOrders);
  });
});

describe('account daily stats (three per-metric files)', () => {
  const read = (file: string, col: string) => new Map(readSample(file).map((r) => [clean(r['日期']), int(r[col])]));
  const plays = read('数据表现_播放量数据.csv', '播放量');
  const net = read('数据表现_净增粉丝数据.csv', '净增粉丝');
  const visits = read('数据表现_主页访问数据.csv', '主页访问');
  const total = (m: Map<string, number>, from = '0000', to = '9999') =>
    sumBy(
      [...m].filter(([d]) => d >= from && d <= to),
      ([, v]) => v,
    );

  it('totals: plays 597050, follower_net 1750, profile_visits', async () => {
    expect(total(plays)).toBe(597050);
    expect(total(net)).toBe(1750);
    const body = await ok('acct', { metrics: ['plays', 'follower_net', 'profile_visits'] });
    expect(body.totals).toMatchObject({ plays: 597050, follower_net: 1750, profile_visits: total(visits) });
  });

  it('by week (weeks start on Monday)', async () => {
    const body = await ok('acct', { metrics: ['plays', 'follower_net'], dimensions: ['date:week'] });
    const weeks = new Map<string, { plays: number; follower_net: number }>();
    for (const [day, v] of plays) {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      const monday = d.toISOString().slice(0, 10);
      const acc = weeks.get(monday) ?? { plays: 0, follower_net: 0 };
      acc.plays += v;
      acc.follower_net += net.get(day)!;
      weeks.set(monday, acc);
    }
    expect(body.rows).toEqual([...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([w, v]) => ({ 'date:week': w, ...v })));
    expect(Object.fromEntries([...weeks].map(([w, v]) => [w, v.plays]))).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED['数据表现_*数据.csv (account daily, merged by date)'].by_week_monday as Record<string, { plays: number }>).map(([w, v]) => [
          w,
          v.plays,
        ]),
      ),
    );
  });

  it('compare previous_period: 2026-10-16..30 against 2026-10-01..15', async () => {
    const body = await ok('acct', { metrics: ['plays', 'follower_net'], from: '2026-10-16', to: '2026-10-30', compare: 'previous_period' });
    expect(body.comparison.period).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    const cur = total(plays, '2026-10-16', '2026-10-30');
    const prev = total(plays, '2026-10-01', '2026-10-15');
    expect(body.totals.plays).toBe(cur);
    expect(body.comparison.totals.plays).toBe(prev);
    expect(body.comparison.delta.plays).toBe(cur - prev);
    expect(body.comparison.delta_pct.plays).toBeCloseTo((cur - prev) / prev, 12);
    const curNet = total(net, '2026-10-16', '2026-10-30');
    const prevNet = total(net, '2026-10-01', '2026-10-15');
    expect(body.comparison.delta.follower_net).toBe(curNet - prevNet);
  });
});

describe('content (works export)', () => {
  const rows = readSample('douyin-works.csv');
  const n = (r: CsvRow, col: string) => int(r[col]);

  it('plays, engagement_rate and plays-weighted completion_rate', async () => {
    const plays = sumBy(rows, (r) => n(r, '播放量'));
    expect(rows).toHaveLength(24);
    expect(plays).toBe(931581);
    const interactions = sumBy(rows, (r) => n(r, '点赞量') + n(r, '评论量') + n(r, '分享量') + n(r, '收藏量'));
    // 图文 works have `-`: they add neither value nor weight.
    const rated = rows.filter((r) => !isNullCell(r['完播率']));
    expect(rated.length).toBeLessThan(rows.length);
    const completion = sumBy(rated, (r) => Number(clean(r['完播率'])) * n(r, '播放量')) / sumBy(rated, (r) => n(r, '播放量'));

    const body = await ok('works', { metrics: ['plays', 'works', 'engagement_rate', 'completion_rate'] });
    expect(body.totals.plays).toBe(931581);
    expect(body.totals.works).toBe(24);
    expect(body.totals.engagement_rate).toBeCloseTo(interactions / plays, 12);
    expect(body.totals.completion_rate).toBeCloseTo(completion, 10);
    expect(body.totals.completion_rate.toFixed(6)).toBe(EXPECTED['douyin-works.csv'].completion_rate_video_weighted);
  });
});

describe('live sessions', () => {
  const rows = readSample('luopan-live-sessions.csv');

  it('live_gmv, viewers, entry_rate and live_roi', async () => {
    const gmv = sumBy(rows, (r) => cents(r['直播间成交金额']));
    const spend = sumBy(rows, (r) => cents(r['直播间投放消耗']));
    const viewers = sumBy(rows, (r) => int(r['直播间观看人数']));
    const exposure = sumBy(rows, (r) => int(r['直播间曝光人数']));
    expect((gmv / 100).toFixed(2)).toBe(EXPECTED['luopan-live-sessions.csv'].live_gmv);
    const body = await ok('live', { metrics: ['sessions', 'live_gmv', 'viewers', 'entry_rate', 'live_roi'] });
    expect(body.totals.sessions).toBe(12);
    expect(body.totals.live_gmv).toBe(gmv / 100);
    expect(body.totals.viewers).toBe(viewers);
    expect(body.totals.entry_rate).toBeCloseTo(viewers / exposure, 12);
    expect(body.totals.live_roi).toBeCloseTo(gmv / spend, 10);
  });
});

describe('queries the caller got wrong are 400s with a code', () => {
  it('an unknown metric: UNKNOWN_METRIC naming it', async () => {
    const err = await fails('qc', { metrics: ['ctr', 'no_such_metric'] }, 400, 'UNKNOWN_METRIC');
    expect(err.message).toContain('no_such_metric');
    expect(err.messages.en).toContain('no_such_metric');
  });

  it('a dimension the data lacks: UNKNOWN_DIMENSION or DIMENSION_NOT_AVAILABLE naming it', async () => {
    const err = await fails('qc', { metrics: ['cost'], dimensions: ['no_such_field'] }, 400);
    expect(['UNKNOWN_DIMENSION', 'DIMENSION_NOT_AVAILABLE']).toContain(err.code);
    expect(err.messages.en).toContain('no_such_field');
    const province = await fails('qc', { metrics: ['cost'], dimensions: ['province'] }, 400);
    expect(['UNKNOWN_DIMENSION', 'DIMENSION_NOT_AVAILABLE']).toContain(province.code);
    expect(province.messages.en).toContain('province');
  });

  it.each([
    ['a non-date', { from: 'yesterday' }, 'VALIDATION_FAILED'],
    ['an impossible day', { from: '2026-02-30', to: '2026-03-01' }, 'BAD_DATE'],
    ['a month 13', { from: '2026-13-01' }, 'BAD_DATE'],
    ['from after to', { from: '2026-10-20', to: '2026-10-10' }, 'BAD_PERIOD'],
  ])('a bad period (%s) is 400 %s', async (_, period, code) => {
    await fails('qc', { metrics: ['cost'], ...period }, 400, code);
  });

  it('an empty metric list and an unknown sort key', async () => {
    await fails('qc', { metrics: [] }, 400, 'VALIDATION_FAILED');
    await fails('qc', { metrics: ['cost'], sort: [{ key: 'gmv', dir: 'desc' }] }, 400, 'UNKNOWN_SORT_KEY');
  });

  it('a workspace that does not exist is 404 WORKSPACE_NOT_FOUND', async () => {
    await fails('nobody-here', { metrics: ['cost'] }, 404, 'WORKSPACE_NOT_FOUND');
  });
});
