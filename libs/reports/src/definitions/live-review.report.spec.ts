import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//  session           anchor expo   viewers views  prodExpo clicks buyers gmv      watch  spend
//  S1 10-01 19:30    主播A  10000  1000    1500   800      200    20     2000.00  2.0    500.00
//  S2 10-02 20:00    主播A  20000  3000    4500   2000     300    30     3000.00  1.0   1000.00
//  S3 10-03 19:00    主播B   5000  1000    2000   500      100    10     1000.00  3.0   -
// totals: exposure 35000, viewers 5000, views 8000, product exposure 3300, clicks 600, buyers 60, GMV 6000, spend 1500
const session = (live_start: string, anchor_name: string, n: (number | null)[]) => {
  const [exposure_users, viewers, views, product_exposure_users, product_click_users, live_buyers, live_gmv, avg_watch_minutes, ad_spend] = n;
  return {
    live_start,
    anchor_name,
    exposure_users,
    viewers,
    views,
    product_exposure_users,
    product_click_users,
    live_buyers,
    live_orders: live_buyers,
    live_gmv,
    avg_watch_minutes,
    ad_spend,
  };
};
const LIVE = [
  session('2026-10-01 19:30:00', '主播A', [10000, 1000, 1500, 800, 200, 20, 2000, 2, 500]),
  session('2026-10-02 20:00:00', '主播A', [20000, 3000, 4500, 2000, 300, 30, 3000, 1, 1000]),
  session('2026-10-03 19:00:00', '主播B', [5000, 1000, 2000, 500, 100, 10, 1000, 3, null]),
];

describe('live_review', () => {
  const res = runReport('live_review', buildTables({ live: LIVE }), { from: '2026-10-01', to: '2026-10-03' });

  it('gives the live KPIs as ratios of sums', () => {
    expect(kpiOf(res, 'sessions').value).toBe(3);
    expect(kpiOf(res, 'entry_rate').value).toBeCloseTo(5000 / 35000, 12);
    expect(kpiOf(res, 'product_ctr').value).toBeCloseTo(600 / 3300, 12);
    expect(kpiOf(res, 'watch_to_buy_rate').display.value).toBe('1.20%');
    expect(kpiOf(res, 'uv_value').display.value).toBe('¥1.20');
    // GPM 6000 / 8000 × 1000 = 750; watch time (2×1000 + 1×3000 + 3×1000) / 5000 = 1.6 min; ROI 6000 / 1500 = 4
    expect(kpiOf(res, 'live_gpm').value).toBeCloseTo(750, 9);
    expect(kpiOf(res, 'avg_watch_minutes').value).toBeCloseTo(1.6, 12);
    expect(kpiOf(res, 'live_roi').value).toBeCloseTo(4, 12);
  });

  it('lists the sessions in time order', () => {
    const t = tableOf(res, 'sessions');
    expect(pick(t.rows, ['live_start', 'anchor_name', 'live_gmv', 'viewers', 'uv_value'])).toEqual([
      { live_start: '2026-10-01 19:30:00', anchor_name: '主播A', live_gmv: 2000, viewers: 1000, uv_value: 2 },
      { live_start: '2026-10-02 20:00:00', anchor_name: '主播A', live_gmv: 3000, viewers: 3000, uv_value: 1 },
      { live_start: '2026-10-03 19:00:00', anchor_name: '主播B', live_gmv: 1000, viewers: 1000, uv_value: 1 },
    ]);
    // S1: entry 1000 / 10000, product CTR 200 / 800, GPM 2000 / 1500 × 1000
    expect(t.rows[0].entry_rate).toBeCloseTo(0.1, 15);
    expect(t.rows[0].product_ctr).toBeCloseTo(0.25, 15);
    expect(t.rows[0].live_gpm).toBeCloseTo(4000 / 3, 9);
    expect(t.rows[2].live_roi).toBeNull();
  });

  it('draws the exposure -> viewers -> product clicks -> buyers funnel', () => {
    const f = chartOf(res, 'live_funnel').option;
    expect(f.series[0].data.map((d: { value: number }) => d.value)).toEqual([35000, 5000, 600, 60]);
    // 5000 / 35000 = 14.29%; 600 / 5000 = 12.00%; 60 / 600 = 10.00%
    expect(f.series[0].data[1].label.formatter).toBe('观看人数 5,000（14.29%）');
    expect(f.series[0].data[3].tooltip.formatter).toBe('<b>直播间成交人数</b><br/>直播间成交人数：60<br/>上一步转化率：10.00%<br/>整体转化率：0.17%');
  });

  it('trends GMV and viewers by session and sums GMV by start hour', () => {
    const s = chartOf(res, 'session_trend').option;
    expect(categoriesOf(s)).toEqual(['10-01 19:30', '10-02 20:00', '10-03 19:00']);
    expect([seriesValues(s, 0), seriesValues(s, 1)]).toEqual([
      [2000, 3000, 1000],
      [1000, 3000, 1000],
    ]);
    const h = chartOf(res, 'best_hours').option;
    // 19时: S1 + S3 = 3000 in 2 sessions; 20时: S2 = 3000 in 1.
    expect(categoriesOf(h)).toEqual(['19时', '20时']);
    expect([seriesValues(h, 0), seriesValues(h, 1)]).toEqual([
      [3000, 3000],
      [2, 1],
    ]);
    expect(h.yAxis.map((a: { name: string }) => a.name)).toEqual(['直播间成交金额（元）', '直播场次（场）']);
  });
});
