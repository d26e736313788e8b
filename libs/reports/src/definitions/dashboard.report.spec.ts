import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, seriesTooltips, seriesValues } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

// Orders (period 2026-10-01..03):
//   I1 O1 paid 10-01 100.00             I2 O1 paid 10-01 50.00, refunded 50.00
//   I3 O2 paid 10-02  30.00             I4 O3 待支付 (no paid_at: outside every period)
// Ads: 10-01 imp 1000 clicks 50 cost 20.00 gmv 60.00; 10-02 imp 3000 clicks 30 cost 40.00 gmv 30.00
const tables = () =>
  buildTables({
    order: [
      { order_item_id: 'I1', order_id: 'O1', status: '已完成', payable_amount: 100, refund_amount: 0, paid_at: '2026-10-01 10:00:00' },
      {
        order_item_id: 'I2',
        order_id: 'O1',
        status: '已完成',
        after_sale_status: '退款成功',
        payable_amount: 50,
        refund_amount: 50,
        paid_at: '2026-10-01 10:00:00',
      },
      { order_item_id: 'I3', order_id: 'O2', status: '已发货', payable_amount: 30, refund_amount: 0, paid_at: '2026-10-02 21:00:00' },
      { order_item_id: 'I4', order_id: 'O3', status: '待支付', payable_amount: 99, paid_at: null },
    ],
    ad: [
      { date: '2026-10-01', plan: '计划A', impressions: 1000, clicks: 50, cost: 20, orders: 2, gmv: 60 },
      { date: '2026-10-02', plan: '计划A', impressions: 3000, clicks: 30, cost: 40, orders: 1, gmv: 30 },
    ],
  });

describe('dashboard', () => {
  const res = runReport('dashboard', tables(), { from: '2026-10-01', to: '2026-10-03' });

  it('shows KPIs only for the kinds the workspace has', () => {
    // No account, content or live data: plays, followers, engagement and live GMV are left out.
    expect(res.kpis.map((k) => k.metric)).toEqual(['gmv', 'paid_orders', 'avg_order_value', 'refund_rate', 'cost', 'roi', 'ctr']);
  });

  it('computes the KPI values by hand', () => {
    // GMV = 100 + 50 + 30 = 180.00; paid orders O1, O2 = 2; AOV = 180 / 2 = 90.00; refunds 50 / 180.
    expect(kpiOf(res, 'gmv')).toMatchObject({ value: 180, display: { value: '¥180.00' } });
    expect(kpiOf(res, 'paid_orders').value).toBe(2);
    expect(kpiOf(res, 'avg_order_value').display.value).toBe('¥90.00');
    expect(kpiOf(res, 'refund_rate').value).toBeCloseTo(50 / 180, 12);
    expect(kpiOf(res, 'refund_rate').display.value).toBe('27.78%');
    // Cost 20 + 40 = 60.00; ROI = (60 + 30) / 60 = 1.5; CTR = 80 / 4000 = 2%.
    expect(kpiOf(res, 'cost').display.value).toBe('¥60.00');
    expect(kpiOf(res, 'roi').value).toBeCloseTo(1.5, 12);
    expect(kpiOf(res, 'ctr').display.value).toBe('2.00%');
    // The previous 3 days (09-28..09-30) lie before the data begins: unknown, not 0 (no "+∞%" against an empty past).
    expect(kpiOf(res, 'gmv')).toMatchObject({ previous: null, delta: null, deltaPct: null });
  });

  it('draws the GMV trend and the cost & ROI trend, and no plays trend', () => {
    expect(res.charts.map((c) => c.id)).toEqual(['gmv_trend', 'cost_roi_trend']);
    const gmv = chartOf(res, 'gmv_trend').option;
    expect(categoriesOf(gmv)).toEqual(['2026-10-01', '2026-10-02']);
    expect(seriesValues(gmv, 0)).toEqual([150, 30]);
    expect(seriesValues(gmv, 1)).toEqual([1, 1]);
    expect(seriesTooltips(gmv, 0)[0]).toBe('<b>2026-10-01</b><br/>成交金额（GMV）：¥150.00');
    const cost = chartOf(res, 'cost_roi_trend').option;
    // ROI per day: 60 / 20 = 3; 30 / 40 = 0.75.
    expect(seriesValues(cost, 0)).toEqual([20, 40]);
    expect(seriesValues(cost, 1)).toEqual([3, 0.75]);
    expect(cost.yAxis.map((a: { name: string }) => a.name)).toEqual(['消耗（元）', '支付ROI（倍）']);
    expect(cost.series[1].yAxisIndex).toBe(1);
  });

  it('adds plays and net followers when account data is present', () => {
    const withAccount = buildTables({ account: [{ date: '2026-10-01', account: 'A', plays: 500, follower_net: -3 }] });
    const r = runReport('dashboard', withAccount, { preset: 'all' });
    // No likes, comments ... in the export: no engagement rate card.
    expect(r.kpis.map((k) => k.metric)).toEqual(['plays', 'follower_net']);
    const chart = chartOf(r, 'plays_followers_trend').option;
    expect([seriesValues(chart, 0), seriesValues(chart, 1)]).toEqual([[500], [-3]]);
    expect(chart.yAxis.map((a: { name: string }) => a.name)).toEqual(['播放量（次）', '净增粉丝（人）']);
  });
});
