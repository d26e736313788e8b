import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReport } from './run-report';
import { kpiOf, tableOf } from './testing/report-helpers';
import { sampleTables } from './testing/samples';
import type { ResultRow } from '@creator-ops/query';

/**
 * The reports over the realistic sample exports agree with fixtures/samples/expected.json, figures
 * computed independently of the engine (decimals as text, ratios to 6 places).
 */
const EXPECTED = JSON.parse(readFileSync(join(process.cwd(), 'fixtures', 'samples', 'expected.json'), 'utf8'));
const close = (actual: unknown, expected: string | number, places = 6) => expect(actual as number).toBeCloseTo(Number(expected), places);
const byKey = (rows: ResultRow[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));

describe('reports over the sample exports', () => {
  it('sales_report: KPIs, provinces and products', async () => {
    const res = runReport('sales_report', await sampleTables(['doudian-orders.csv']), { preset: 'all' });
    const e = EXPECTED['doudian-orders.csv'];
    for (const k of ['gmv', 'paid_orders', 'avg_order_value', 'refund_amount', 'refund_rate', 'refund_order_rate'])
      close(kpiOf(res, k).value, e[k], k.endsWith('rate') ? 6 : 2);
    const provinces = byKey(tableOf(res, 'provinces').rows, 'province');
    for (const [p, v] of Object.entries<Record<string, string | number>>(e.by_province)) {
      expect([provinces.get(p)?.gmv, provinces.get(p)?.paid_orders, provinces.get(p)?.units]).toEqual([Number(v.gmv), v.paid_orders, v.units]);
    }
    const products = byKey(tableOf(res, 'products').rows, 'product_id');
    for (const [id, v] of Object.entries<Record<string, string | number>>(e.by_product))
      expect([products.get(id)?.gmv, products.get(id)?.units]).toEqual([Number(v.gmv), v.units]);
  });

  it('ad_performance and roi_planner: the 千川 plans', async () => {
    const tables = await sampleTables(['qianchuan-plan-daily.csv']);
    const res = runReport('ad_performance', tables, { preset: 'all' });
    const e = EXPECTED['qianchuan-plan-daily.csv'];
    const plans = byKey(tableOf(res, 'plans').rows, 'plan_id');
    for (const [id, v] of Object.entries<Record<string, string | number>>(e.by_plan)) {
      const row = plans.get(id)!;
      expect([row.plan, row.impressions, row.clicks, row.cost, row.ad_orders, row.ad_gmv]).toEqual([
        v.plan,
        v.impressions,
        v.clicks,
        Number(v.cost),
        v.orders,
        Number(v.gmv),
      ]);
      for (const k of ['ctr', 'cpc', 'cpm', 'roi', 'order_cvr', 'cost_per_order']) close(row[k], v[k]);
    }
    close(kpiOf(res, 'roi').value, e.total.roi);
    // 保本ROI at the default 30% margin is 3.33: 直播间 (4.53) and 短视频 (3.45) make money, 搜索 (3.01) and 新客 (2.33) lose it.
    const roi = byKey(tableOf(runReport('roi_planner', tables, { preset: 'all' }), 'plans').rows, 'plan_id');
    expect(['1780000000000000101', '1780000000000000102', '1780000000000000103', '1780000000000000104'].map((id) => roi.get(id)?.verdict)).toEqual([
      '盈利',
      '盈利',
      '亏损',
      '亏损',
    ]);
  });

  it('ad_performance: the 巨量引擎 units (no plan column)', async () => {
    const res = runReport('ad_performance', await sampleTables(['oceanengine-unit-daily.csv']), { preset: 'all' });
    const units = byKey(tableOf(res, 'plans').rows, 'unit_id');
    for (const [id, v] of Object.entries<Record<string, string | number>>(EXPECTED['oceanengine-unit-daily.csv'].by_unit)) {
      const row = units.get(id)!;
      expect([row.impressions, row.clicks, row.cost, row.conversions]).toEqual([v.impressions, v.clicks, Number(v.cost), v.conversions]);
      for (const k of ['ctr', 'cpc', 'cpm', 'cvr', 'cpa']) close(row[k], v[k]);
    }
  });

  it('content_ranking: per-work KPIs', async () => {
    const res = runReport('content_ranking', await sampleTables(['douyin-works.csv']), { preset: 'all' });
    const e = EXPECTED['douyin-works.csv'];
    expect([kpiOf(res, 'works').value, kpiOf(res, 'plays').value]).toEqual([e.works, e.plays]);
    close(kpiOf(res, 'engagement_rate').value, e.engagement_rate);
    close(kpiOf(res, 'completion_rate').value, e.completion_rate_video_weighted);
  });

  it('account_overview: merged Douyin daily files, by day and by week', async () => {
    const files = ['数据表现_播放量数据.csv', '数据表现_净增粉丝数据.csv', '数据表现_主页访问数据.csv'];
    const e = EXPECTED['数据表现_*数据.csv (account daily, merged by date)'];
    const res = runReport('account_overview', await sampleTables(files), { preset: 'all' });
    expect(['plays', 'follower_net', 'profile_visits'].map((k) => kpiOf(res, k).value)).toEqual([e.plays, e.follower_net, e.profile_visits]);
    expect(tableOf(res, 'daily').rows).toHaveLength(e.days);
    const weeks = runReport('account_overview', await sampleTables(files), { preset: 'all', granularity: 'week' });
    const expected = Object.entries<Record<string, number>>(e.by_week_monday).map(([week, v]) => ({ 'date:week': week, ...v }));
    expect(
      tableOf(weeks, 'daily').rows.map((r) => ({
        'date:week': r['date:week'],
        plays: r.plays,
        follower_net: r.follower_net,
        profile_visits: r.profile_visits,
      })),
    ).toEqual(expected);
  });

  it('live_review: session KPIs', async () => {
    const res = runReport('live_review', await sampleTables(['luopan-live-sessions.csv']), { preset: 'all' });
    const e = EXPECTED['luopan-live-sessions.csv'];
    expect(kpiOf(res, 'sessions').value).toBe(e.sessions);
    close(kpiOf(res, 'live_gmv').value, e.live_gmv, 2);
    for (const k of ['entry_rate', 'product_ctr', 'watch_to_buy_rate', 'uv_value', 'live_gpm', 'avg_watch_minutes', 'live_roi'])
      close(kpiOf(res, k).value, e[k]);
    expect(tableOf(res, 'sessions').rows).toHaveLength(e.sessions);
  });
});
