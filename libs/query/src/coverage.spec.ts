/**
 * Ratios over exports with different columns: a formula reads only rows of exports that carry all
 * the fields it sums. A 千川 plan export has GMV but no conversions; a 巨量广告 unit export has
 * conversions but no GMV.
 */
import { mergeParts } from '@creator-ops/columnar';
import { KINDS } from '@creator-ops/schemas';
import { runQuery } from './engine';
import { buildTable } from './testing/table-builder';

const qianchuan = buildTable('ad', [
  { date: '2026-10-01', plan_id: 'Q1', impressions: 10000, clicks: 300, cost: 200, orders: 10, gmv: 1000 },
  { date: '2026-10-02', plan_id: 'Q1', impressions: 10000, clicks: 200, cost: 100, orders: 5, gmv: 500 },
]);
const oceanengine = buildTable('ad', [
  { date: '2026-10-01', unit_id: 'U1', impressions: 5000, clicks: 100, cost: 300, conversions: 10 },
  { date: '2026-10-02', unit_id: 'U1', impressions: 5000, clicks: 100, cost: 100, conversions: 5 },
]);
const merged = mergeParts(KINDS.ad, [
  { id: 'a', table: qianchuan, keyFields: ['date', 'plan_id'] },
  { id: 'b', table: oceanengine, keyFields: ['date', 'unit_id'] },
]);
const tables = new Map([['ad' as const, merged]]);

describe('ratios across exports with different columns', () => {
  const t = runQuery({ metrics: ['cost', 'ad_gmv', 'roi', 'cvr', 'cpa', 'ctr', 'conversions', 'clicks'] }, tables).totals!;

  it('sums each base metric over every row that has it', () => {
    // cost: 200 + 100 + 300 + 100 = 700; GMV only from 千川: 1500; clicks 700; conversions 15.
    expect(t).toMatchObject({ cost: 700, ad_gmv: 1500, clicks: 700, conversions: 15 });
  });

  it('divides GMV by the cost of the exports that report GMV', () => {
    // 1500 / (200 + 100) = 5, not 1500 / 700.
    expect(t.roi).toBeCloseTo(5, 12);
  });

  it('divides conversions by the clicks and cost of the exports that report conversions', () => {
    // CVR 15 / (100 + 100) = 7.5%; CPA (300 + 100) / 15 = 26.67 — not 15 / 700 and 700 / 15.
    expect(t.cvr).toBeCloseTo(15 / 200, 12);
    expect(t.cpa).toBeCloseTo(400 / 15, 12);
  });

  it('keeps ratios of fields every export has over all rows', () => {
    // CTR (300 + 200 + 100 + 100) / 30000.
    expect(t.ctr).toBeCloseTo(700 / 30000, 12);
  });

  it('applies the same rule per group', () => {
    const rows = runQuery({ metrics: ['roi', 'cvr'], dimensions: ['date'] }, tables).rows;
    // 10-01: ROI 1000 / 200 = 5, CVR 10 / 100; 10-02: ROI 500 / 100 = 5, CVR 5 / 100.
    expect(rows).toEqual([
      { date: '2026-10-01', roi: 5, cvr: 0.1 },
      { date: '2026-10-02', roi: 5, cvr: 0.05 },
    ]);
  });
});

describe('a refund column where `-` means no refund', () => {
  // Two paid items in 广东 (no refund: `-`), one in 江苏 refunded 30 of 100.
  const orders = buildTable('order', [
    { order_item_id: 'I1', order_id: 'O1', province: '广东', status: '已完成', payable_amount: 50, refund_amount: null, paid_at: '2026-10-01 10:00:00' },
    { order_item_id: 'I2', order_id: 'O2', province: '广东', status: '已完成', payable_amount: 70, refund_amount: null, paid_at: '2026-10-01 11:00:00' },
    { order_item_id: 'I3', order_id: 'O3', province: '江苏', status: '已完成', payable_amount: 100, refund_amount: 30, paid_at: '2026-10-01 12:00:00' },
  ]);
  const t = new Map([['order' as const, orders]]);

  it('counts the empty cells as zero refund: 0%, not "-", for a province without refunds', () => {
    const rows = runQuery({ metrics: ['refund_amount', 'refund_rate'], dimensions: ['province'], sort: [{ key: 'province', dir: 'asc' }] }, t).rows;
    const byProvince = Object.fromEntries(rows.map((r) => [r.province, r]));
    expect(byProvince['广东']).toMatchObject({ refund_amount: 0, refund_rate: 0 });
    // 江苏: 30 / 100.
    expect(byProvince['江苏'].refund_rate).toBeCloseTo(0.3, 12);
  });
});

describe('dating orders by another field', () => {
  // Submitted on 10-01: O1 paid 10-01, O2 closed (never paid), O3 paid on 10-02; O4 submitted and paid 10-02.
  const orders = buildTable('order', [
    { order_item_id: 'I1', order_id: 'O1', status: '已完成', payable_amount: 10, created_at: '2026-10-01 09:00:00', paid_at: '2026-10-01 09:01:00' },
    { order_item_id: 'I2', order_id: 'O2', status: '已关闭', payable_amount: 20, created_at: '2026-10-01 10:00:00', paid_at: null },
    { order_item_id: 'I3', order_id: 'O3', status: '已发货', payable_amount: 30, created_at: '2026-10-01 23:59:00', paid_at: '2026-10-02 00:01:00' },
    { order_item_id: 'I4', order_id: 'O4', status: '已完成', payable_amount: 40, created_at: '2026-10-02 08:00:00', paid_at: '2026-10-02 08:00:30' },
  ]);
  const t = new Map([['order' as const, orders]]);
  const day1 = { from: '2026-10-01', to: '2026-10-01' };

  it('by default places orders by their payment time', () => {
    // Paid on 10-01: only O1 (10 yuan), 1 item.
    expect(runQuery({ metrics: ['items', 'gmv'], ...day1 }, t).totals).toEqual({ items: 1, gmv: 10 });
  });

  it('with dateField created_at counts every order submitted in the period, closed ones included', () => {
    // Submitted on 10-01: I1, I2, I3 (3 items); GMV of the paid ones among them: 10 + 30 = 40.
    expect(runQuery({ metrics: ['items', 'gmv'], ...day1, dateField: 'created_at' }, t).totals).toEqual({ items: 3, gmv: 40 });
    const byStatus = runQuery({ metrics: ['items'], dimensions: ['status'], ...day1, dateField: 'created_at' }, t).rows;
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r.items]))).toEqual({ 已完成: 1, 已关闭: 1, 已发货: 1 });
  });

  it('ignores a dateField the kind does not have as a date', () => {
    expect(runQuery({ metrics: ['items'], ...day1, dateField: 'province' }, t).totals).toEqual({ items: 1 });
  });
});
