/**
 * A ratio shown next to its inputs is computed from exactly the inputs shown: when the ad exports
 * differ in columns (千川 with GMV, 巨量引擎 without), ROI's card says which cost it divides.
 */
import { mergeParts } from '@creator-ops/columnar';
import { KINDS } from '@creator-ops/schemas';
import { runReport } from './run-report';
import { kpiOf } from './testing/report-helpers';
import { buildTable } from './testing/tables';

// 千川: cost 200 + 100 = 300, GMV 1000 + 500 = 1500. 巨量引擎: cost 300 + 100 = 400, no GMV.
// All cost 700; ROI reads 千川 only: 1500 / 300 = 5 (not 1500 / 700 = 2.14).
const qianchuan = buildTable('ad', [
  { date: '2026-10-01', plan_id: 'Q1', impressions: 10000, clicks: 300, cost: 200, orders: 10, gmv: 1000 },
  { date: '2026-10-02', plan_id: 'Q1', impressions: 10000, clicks: 200, cost: 100, orders: 5, gmv: 500 },
]);
const oceanengine = buildTable('ad', [
  { date: '2026-10-01', unit_id: 'U1', impressions: 5000, clicks: 100, cost: 300, conversions: 10 },
  { date: '2026-10-02', unit_id: 'U1', impressions: 5000, clicks: 100, cost: 100, conversions: 5 },
]);
const mixed = () =>
  new Map([
    [
      'ad' as const,
      mergeParts(KINDS.ad, [
        { id: 'a', table: qianchuan, keyFields: ['date', 'plan_id'] },
        { id: 'b', table: oceanengine, keyFields: ['date', 'unit_id'] },
      ]),
    ],
  ]);

describe('ratio bases on KPI cards', () => {
  const res = runReport('ad_performance', mixed(), { preset: 'all' });
  const chartOfRes = (id: string) => res.charts.find((c) => c.id === id)!.option as Record<string, unknown>;

  it('shows the covered cost and GMV beside ROI, and ROI equals them', () => {
    const roi = kpiOf(res, 'roi');
    expect(kpiOf(res, 'cost').value).toBe(700);
    expect(roi.basis?.partial).toBe(true);
    const byMetric = Object.fromEntries(roi.basis!.inputs.map((i) => [i.metric, i.value]));
    expect(byMetric).toEqual({ ad_gmv: 1500, cost: 300 });
    expect(roi.value).toBeCloseTo(1500 / 300, 12);
    expect(roi.basis!.text.zh).toBe('支付ROI 口径：成交金额(广告) ¥1,500.00 · 消耗 ¥300.00（仅含两项都有的报表）');
  });

  it('shows CVR over the clicks of the exports that carry conversions', () => {
    // conversions 15 over 巨量引擎 clicks 200 = 7.5% (all clicks 700 would give 2.14%).
    const cvr = kpiOf(res, 'cvr');
    expect(cvr.value).toBeCloseTo(15 / 200, 12);
    expect(Object.fromEntries(cvr.basis!.inputs.map((i) => [i.metric, i.value]))).toEqual({ conversions: 15, clicks: 200 });
  });

  it('leaves a ratio whose inputs are the cards beside it alone (CTR over every export)', () => {
    expect(kpiOf(res, 'ctr').basis).toBeUndefined();
  });

  it('chains funnel stages of one source only: never 转化数 of one export into 成交订单数 of another', () => {
    // Rows with conversions (巨量引擎): impressions 10000, clicks 200, conversions 15 — each stage ≤ the one before.
    const data = (chartOfRes('ad_funnel').series as { data: { value: number }[] }[])[0].data.map((d) => d.value);
    expect(data).toEqual([10000, 200, 15]);
    for (let i = 1; i < data.length; i++) expect(data[i]).toBeLessThanOrEqual(data[i - 1]);
  });

  it('always states the ROI basis on the dashboard, where it sits beside the shop GMV', () => {
    const dash = runReport('dashboard', new Map([['ad' as const, qianchuan]]), { preset: 'all' });
    const roi = kpiOf(dash, 'roi');
    expect(roi.basis?.partial).toBe(false);
    expect(Object.fromEntries(roi.basis!.inputs.map((i) => [i.metric, i.value]))).toEqual({ ad_gmv: 1500, cost: 300 });
  });
});
