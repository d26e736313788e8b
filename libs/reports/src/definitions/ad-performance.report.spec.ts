import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//  date   plan      imp    clicks cost   conv orders gmv
//  10-01  P1 计划A  10000  200    100.00 20   10     500.00
//  10-02  P1 计划A  10000  100    100.00 10    5     300.00
//  10-01  P2 计划B   5000  250    300.00  5    2     150.00
// 计划A: imp 20000, clicks 300, cost 200, conv 30, orders 15, gmv 800: CTR 1.5%, CVR 10%, ROI 4, CPM 10, CPC 0.6667
// 计划B: imp  5000, clicks 250, cost 300, conv  5, orders  2, gmv 150: CTR 5%,   CVR 2%,  ROI 0.5, CPM 60, CPC 1.2
// total: imp 25000, clicks 550, cost 500, conv 35, orders 17, gmv 950: CTR 2.2%, CVR 35/550, ROI 1.9
const row = (date: string, plan_id: string, plan: string, n: number[]) => {
  const [impressions, clicks, cost, conversions, orders, gmv] = n;
  return { date, plan_id, plan, impressions, clicks, cost, conversions, orders, gmv };
};
const AD = [
  row('2026-10-01', 'P1', '计划A', [10000, 200, 100, 20, 10, 500]),
  row('2026-10-02', 'P1', '计划A', [10000, 100, 100, 10, 5, 300]),
  row('2026-10-01', 'P2', '计划B', [5000, 250, 300, 5, 2, 150]),
];
const input = { from: '2026-10-01', to: '2026-10-02' };

describe('ad_performance', () => {
  const res = runReport('ad_performance', buildTables({ ad: AD }), input);

  it('tabulates plans by cost with ratios of sums', () => {
    const t = tableOf(res, 'plans');
    expect(t.columns.map((c) => c.key)).toEqual([
      'plan_id',
      'plan',
      'cost',
      'impressions',
      'clicks',
      'ctr',
      'cpc',
      'cpm',
      'conversions',
      'cvr',
      'cpa',
      'ad_orders',
      'order_cvr',
      'ad_gmv',
      'roi',
      'cost_per_order',
    ]);
    expect(pick(t.rows, ['plan_id', 'plan', 'cost', 'impressions', 'clicks', 'ad_orders', 'ad_gmv', 'cpm'])).toEqual([
      { plan_id: 'P2', plan: '计划B', cost: 300, impressions: 5000, clicks: 250, ad_orders: 2, ad_gmv: 150, cpm: 60 },
      { plan_id: 'P1', plan: '计划A', cost: 200, impressions: 20000, clicks: 300, ad_orders: 15, ad_gmv: 800, cpm: 10 },
    ]);
    expect(t.rows[1].ctr).toBeCloseTo(0.015, 15);
    expect(t.rows[1].roi).toBeCloseTo(4, 15);
    expect(t.rows[1].cost_per_order).toBeCloseTo(200 / 15, 12);
    expect(t.rows[0].order_cvr).toBeCloseTo(2 / 250, 15);
    expect(t.totals?.ctr).toBeCloseTo(550 / 25000, 15);
  });

  it('gives KPIs for the period', () => {
    expect(kpiOf(res, 'cost').display.value).toBe('¥500.00');
    expect(kpiOf(res, 'roi').value).toBeCloseTo(950 / 500, 12);
    expect(kpiOf(res, 'cvr').display.value).toBe('6.36%');
  });

  it('places each plan on the CTR × CVR quadrant, sized by cost, with the overall rates as lines', () => {
    const q = chartOf(res, 'ctr_cvr_quadrant').option;
    // [CTR %, CVR %, cost]; sizes: 8 + 40 × √(cost / 300): B 48, A 8 + 40 × √(2/3) = 40.66 -> 40.7
    expect(q.series[0].data.map((d: { name: string; value: unknown; symbolSize: number }) => [d.name, d.value, d.symbolSize])).toEqual([
      ['计划B', [5, 2, 300], 48],
      ['计划A', [1.5, 10, 200], 40.7],
    ]);
    const lines = q.series[0].markLine.data;
    expect(lines[0].xAxis).toBeCloseTo(2.2, 10);
    expect(lines[1].yAxis).toBeCloseTo((35 / 550) * 100, 9);
    expect(lines.map((l: { label: { formatter: string } }) => l.label.formatter)).toEqual(['整体点击率 2.20%', '整体转化率 6.36%']);
    expect([q.xAxis.name, q.yAxis.name]).toEqual(['点击率（%）', '转化率（%）']);
    expect(q.series[0].data[1].tooltip.formatter).toBe('<b>计划A</b><br/>点击率：1.50%<br/>转化率：10.00%<br/>消耗：¥200.00');
  });

  it('draws the funnel impressions -> clicks -> conversions -> orders with step rates', () => {
    const f = chartOf(res, 'ad_funnel').option;
    expect(f.series[0].data.map((d: { value: number }) => d.value)).toEqual([25000, 550, 35, 17]);
    // 550 / 25000 = 2.20%; 35 / 550 = 6.36%; 17 / 35 = 48.57%
    expect(f.series[0].data.map((d: { label: { formatter: string } }) => d.label.formatter)).toEqual([
      '展示数 25,000',
      '点击数 550（2.20%）',
      '转化数 35（6.36%）',
      '成交订单数(广告) 17（48.57%）',
    ]);
  });

  it('trends cost and ROI by day', () => {
    const t = chartOf(res, 'cost_roi_trend').option;
    expect(categoriesOf(t)).toEqual(['2026-10-01', '2026-10-02']);
    // 10-01: cost 400, ROI 650 / 400 = 1.625; 10-02: cost 100, ROI 3.
    expect([seriesValues(t, 0), seriesValues(t, 1)]).toEqual([
      [400, 100],
      [1.625, 3],
    ]);
  });

  it('works from a 千川 export without conversions: no CVR, order conversion on the quadrant, three funnel stages', () => {
    const noConv = AD.map(({ conversions: _c, ...r }) => r);
    const r = runReport('ad_performance', buildTables({ ad: noConv }), input);
    expect(tableOf(r, 'plans').columns.map((c) => c.key)).not.toContain('conversions');
    expect(r.kpis.map((k) => k.metric)).not.toContain('cvr');
    expect(chartOf(r, 'ctr_cvr_quadrant').option.yAxis.name).toBe('成交转化率（%）');
    expect(chartOf(r, 'ad_funnel').option.series[0].data.map((d: { value: number }) => d.value)).toEqual([25000, 550, 17]);
  });

  it('falls back to units when the export has no plans (巨量引擎 unit report), and to CTR without GMV', () => {
    const units = [{ date: '2026-10-01', campaign: '项目1', unit_id: 'U1', unit: '单元1', impressions: 100, clicks: 5, cost: 10 }];
    const r = runReport('ad_performance', buildTables({ ad: units }), { preset: 'all' });
    const t = tableOf(r, 'plans');
    expect(t.title.zh).toBe('单元数据（按消耗排序）');
    expect(pick(t.rows, ['unit_id', 'unit', 'cost'])).toEqual([{ unit_id: 'U1', unit: '单元1', cost: 10 }]);
    expect(chartOf(r, 'cost_roi_trend').title.zh).toBe('消耗与点击率趋势');
    expect(seriesValues(chartOf(r, 'cost_roi_trend').option, 1)).toEqual([5]);
  });
});
