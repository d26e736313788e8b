/** ad_targeting, competitor_tracking, cohort_retention and marketing_mix (issue 17), figures by hand. */
import { runReport } from '../run-report';
import { chartOf, pick, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

describe('ad_targeting', () => {
  // 人群包 A: cost 100 + 50, impressions 10000 + 5000, clicks 200 + 100, conversions 10 + 5, gmv 600 + 0
  // 人群包 B: cost 90, impressions 3000, clicks 30, conversions 0
  const ad = (date: string, audience: string, gender: string, cost: number, impressions: number, clicks: number, conversions: number, gmv: number) => ({
    date,
    plan: 'P',
    audience,
    gender,
    cost,
    impressions,
    clicks,
    conversions,
    gmv,
  });
  const res = runReport(
    'ad_targeting',
    buildTables({
      ad: [
        ad('2026-10-01', 'A', '女', 100, 10000, 200, 10, 600),
        ad('2026-10-02', 'A', '男', 50, 5000, 100, 5, 0),
        ad('2026-10-01', 'B', '女', 90, 3000, 30, 0, 0),
      ],
    }),
    { from: '2026-10-01', to: '2026-10-02' },
  );

  it('tables each segment the export carries, ratios of sums; null CPA without conversions', () => {
    const t = tableOf(res, 'audience');
    expect(pick(t.rows, ['audience', 'cost', 'clicks', 'conversions'])).toEqual([
      { audience: 'A', cost: 150, clicks: 300, conversions: 15 },
      { audience: 'B', cost: 90, clicks: 30, conversions: 0 },
    ]);
    expect(t.rows[0].ctr).toBeCloseTo(300 / 15000, 12);
    expect(t.rows[0].cpa).toBeCloseTo(10, 12);
    expect(t.rows[0].roi).toBeCloseTo(600 / 150, 12);
    expect(t.rows[1].cpa).toBeNull();
    expect(tableOf(res, 'gender').rows.map((r) => [r.gender, r.cost])).toEqual([
      ['女', 190],
      ['男', 50],
    ]);
    expect(res.tables.map((x) => x.id)).toEqual(['audience', 'gender']);
    // B has no CPA, so only A is ranked
    expect(chartOf(res, 'audience_cpa').option.series[0].data).toHaveLength(1);
  });
});

describe('competitor_tracking', () => {
  const w = (account: string, published_at: string, plays: number, likes: number, follower_gain: number) => ({
    account,
    content_id: `${account}${published_at}`,
    title: 't',
    published_at,
    plays,
    likes,
    comments: 0,
    shares: 0,
    favorites: 0,
    follower_gain,
  });
  // 本号: 2 works, plays 1000 + 3000 = 4000 -> 2000 each, likes 100; 竞品A: 1 work 6000, likes 120
  const res = runReport(
    'competitor_tracking',
    buildTables({
      content: [w('本号', '2026-10-01 10:00:00', 1000, 40, 5), w('本号', '2026-10-02 10:00:00', 3000, 60, 7), w('竞品A', '2026-10-01 12:00:00', 6000, 120, 30)],
    }),
    { from: '2026-10-01', to: '2026-10-02', granularity: 'day' },
  );

  it('compares accounts by works, average plays and engagement', () => {
    expect(pick(tableOf(res, 'accounts').rows, ['account', 'works', 'plays', 'avg_plays_per_work', 'follower_gain'])).toEqual([
      { account: '竞品A', works: 1, plays: 6000, avg_plays_per_work: 6000, follower_gain: 30 },
      { account: '本号', works: 2, plays: 4000, avg_plays_per_work: 2000, follower_gain: 12 },
    ]);
    expect(tableOf(res, 'accounts').rows[1].engagement_rate).toBeCloseTo(100 / 4000, 12);
    const trend = chartOf(res, 'plays_by_account').option;
    expect(trend.series.map((s: { data: { value: number | null }[] }) => s.data.map((d) => d.value))).toEqual([
      [6000, null],
      [1000, 3000],
    ]);
  });
});

describe('cohort_retention', () => {
  const o = (id: string, buyer_id: string, paid_at: string) => ({
    order_item_id: id,
    order_id: id,
    buyer_id,
    status: '已完成',
    payable_amount: 10,
    quantity: 1,
    paid_at,
  });
  // B1 first 09-05, again 09-20 (within 30 days) and in October (month 1); B2 first 09-10 only;
  // B3 first 10-03, twice that day only; B4 first 10-15, again 11-20 (36 days: not a 30-day repeat; month 1)
  const res = runReport(
    'cohort_retention',
    buildTables({
      order: [
        o('1', 'B1', '2026-09-05 10:00:00'),
        o('2', 'B1', '2026-09-20 10:00:00'),
        o('3', 'B1', '2026-10-08 10:00:00'),
        o('4', 'B2', '2026-09-10 10:00:00'),
        o('5', 'B3', '2026-10-03 10:00:00'),
        o('6', 'B3', '2026-10-03 18:00:00'),
        o('7', 'B4', '2026-10-15 10:00:00'),
        o('8', 'B4', '2026-11-20 10:00:00'),
      ],
    }),
    { preset: 'all' },
  );

  it('groups buyers by first month, counts 30-day repeats on a later day and monthly retention', () => {
    expect(tableOf(res, 'cohorts').rows).toEqual([
      { month: '2026-09', buyers: 2, repeaters: 1, repeat_rate: 0.5, m1: 0.5, m2: 0, m3: 0 },
      { month: '2026-10', buyers: 2, repeaters: 0, repeat_rate: 0, m1: 0.5, m2: 0, m3: 0 },
    ]);
  });
});

describe('marketing_mix', () => {
  // ads: cost 100.10 + 99.90 = 200.00, gmv 500.00; 星图: 300.00 + boost 100.00, gmv 200.00; shop GMV 1000.00
  const res = runReport(
    'marketing_mix',
    buildTables({
      ad: [
        { date: '2026-10-01', plan: 'P1', cost: 100.1, gmv: 300 },
        { date: '2026-10-02', plan: 'P2', cost: 99.9, gmv: 200 },
      ],
      xingtu: [{ xt_order_id: 'X', creator_name: 'C', published_at: '2026-10-01 10:00:00', order_amount: 300, boost_cost: 100, xt_gmv: 200 }],
      order: [{ order_item_id: 'O', order_id: 'O', status: '已完成', payable_amount: 1000, quantity: 1, paid_at: '2026-10-01 12:00:00' }],
    }),
    { from: '2026-10-01', to: '2026-10-02' },
  );

  it('puts the channels side by side with ROI and shares from the sums', () => {
    const t = tableOf(res, 'channels');
    expect(t.rows).toEqual([
      { channel: '巨量千川/巨量广告', spend: 200, gmv: 500, roi: 2.5, spend_share: 200 / 600, shop_share: 0.5 },
      { channel: '星图达人（含加热）', spend: 400, gmv: 200, roi: 0.5, spend_share: 400 / 600, shop_share: 0.2 },
    ]);
    expect(t.totals).toMatchObject({ spend: 600, gmv: 700, roi: 700 / 600 });
    expect(chartOf(res, 'spend_share').option.series[0].type).toBe('pie');
  });
});
