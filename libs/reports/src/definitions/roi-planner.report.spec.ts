import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//  plan  cost    GMV     ROI
//  计划1 100.00  400.00  4
//  计划2 200.00  500.00  2.5
//  计划3  50.00    0.00  0
// Default margin 30%: break-even ROI 1 / 0.3 = 3.33 -> 计划1 盈利 (+0.67), 计划2 亏损 (−0.83), 计划3 亏损.
const AD = [
  { date: '2026-10-01', plan_id: '1', plan: '计划1', cost: 100, gmv: 400 },
  { date: '2026-10-01', plan_id: '2', plan: '计划2', cost: 200, gmv: 500 },
  { date: '2026-10-01', plan_id: '3', plan: '计划3', cost: 50, gmv: 0 },
];
const tables = () => buildTables({ ad: AD });

describe('roi_planner', () => {
  const res = runReport('roi_planner', tables(), { preset: 'all' });

  it('uses a 30% gross margin when none is given, and says so', () => {
    const t = tableOf(res, 'plans');
    expect(t.title.zh).toBe('计划盈亏测算（毛利率 30.00%，默认值）');
    expect(pick(t.rows, ['plan', 'cost', 'ad_gmv', 'roi', 'verdict'])).toEqual([
      { plan: '计划2', cost: 200, ad_gmv: 500, roi: 2.5, verdict: '亏损' },
      { plan: '计划1', cost: 100, ad_gmv: 400, roi: 4, verdict: '盈利' },
      { plan: '计划3', cost: 50, ad_gmv: 0, roi: 0, verdict: '亏损' },
    ]);
    expect(t.rows[1].breakeven_roi).toBeCloseTo(10 / 3, 12);
    expect(t.rows[1].roi_vs_breakeven).toBeCloseTo(4 - 10 / 3, 12);
    expect(t.columns.find((c) => c.key === 'verdict')).toMatchObject({ role: 'dimension' });
  });

  it('shows a 利润ROI that uses the margin, and the verdict reads that same figure', () => {
    // 利润ROI = (GMV × 30% − cost) ÷ cost: 计划1 (120 − 100) / 100 = 0.2 盈利; 计划2 (150 − 200) / 200 = −0.25 亏损;
    // 计划3 (0 − 50) / 50 = −1 亏损. No 利润ROI above 0 beside 亏损 (the old margin-free figure was 1.5 for 计划2).
    const t = tableOf(res, 'plans');
    expect(t.columns.map((c) => c.key)).not.toContain('profit_roi');
    const byPlan = Object.fromEntries(t.rows.map((r) => [r.plan, r]));
    expect(byPlan['计划1'].margin_profit_roi).toBeCloseTo(0.2, 12);
    expect(byPlan['计划2'].margin_profit_roi).toBeCloseTo(-0.25, 12);
    expect(byPlan['计划3'].margin_profit_roi).toBeCloseTo(-1, 12);
    for (const r of t.rows) expect(r.verdict).toBe((r.margin_profit_roi as number) > 0 ? '盈利' : '亏损');
    expect(t.columns.find((c) => c.key === 'margin_profit_roi')?.label.zh).toBe('利润ROI');
  });

  it('gives KPIs with the break-even ROI', () => {
    // ROI = 900 / 350 = 2.57; break-even 3.33
    expect(kpiOf(res, 'roi').value).toBeCloseTo(900 / 350, 12);
    expect(kpiOf(res, 'breakeven_roi').display.value).toBe('3.33');
    expect(kpiOf(res, 'roi_vs_breakeven').value).toBeCloseTo(900 / 350 - 10 / 3, 12);
  });

  it('draws ROI bars coloured by verdict with the break-even line', () => {
    const c = chartOf(res, 'roi_vs_breakeven').option;
    expect(categoriesOf(c)).toEqual(['计划2', '计划1', '计划3']);
    expect(seriesValues(c)).toEqual([2.5, 4, 0]);
    expect(c.series[0].data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual(['#ef5d5d', '#2fbf8c', '#ef5d5d']);
    expect(c.series[0].markLine.data[0].xAxis).toBeCloseTo(10 / 3, 12);
    expect(c.series[0].markLine.data[0].label.formatter).toBe('保本ROI 3.33');
    expect(c.xAxis.name).toBe('支付ROI（倍）');
  });

  it('takes the gross margin parameter: at 40% break-even is 2.5 and 计划2 breaks even', () => {
    const r = runReport('roi_planner', tables(), { preset: 'all', gross_margin: 0.4 });
    expect(tableOf(r, 'plans').title.zh).toBe('计划盈亏测算（毛利率 40.00%）');
    expect(tableOf(r, 'plans').rows.map((x) => x.verdict)).toEqual(['保本', '盈利', '亏损']);
    expect(kpiOf(r, 'breakeven_roi').value).toBe(2.5);
  });
});
