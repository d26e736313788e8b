import { runReport } from '../run-report';
import { chartOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';
import { missingField, reportDefinition } from '../run-report';

// One item per order, each paid at noon. Reference day = period end 2026-10-31.
//  buyer  paid days (GMV each)               last   R   F  M
//  B1     10-30, 10-20, 10-10 (100 each)     10-30   1  3  300
//  B2     10-29 (500)                        10-29   2  1  500
//  B3     10-05, 10-03, 10-02 (50 each)      10-05  26  3  150
//  B4     10-01 (400)                        10-01  30  1  400
//  B5     10-28 (20)                         10-28   3  1   20
//  B6     10-27, 10-26 (30 each)             10-27   4  2   60
//  B7     unpaid order: not a buyer
// Means over 6 buyers: R 66/6 = 11, F 11/6 = 1.83, M 1430/6 = 238.33
//  B1 R1 近 F3 高 M300 高 -> 重要价值     B2 R2 近 F1 低 M500 高 -> 重要发展
//  B3 R26 远 F3 高 M150 低 -> 一般保持    B4 R30 远 F1 低 M400 高 -> 重要挽留
//  B5 R3 近 F1 低 M20 低 -> 一般发展      B6 R4 近 F2 高 M60 低 -> 一般价值
const PAID: [string, string, number][] = [
  ['B1', '2026-10-30', 100],
  ['B1', '2026-10-20', 100],
  ['B1', '2026-10-10', 100],
  ['B2', '2026-10-29', 500],
  ['B3', '2026-10-05', 50],
  ['B3', '2026-10-03', 50],
  ['B3', '2026-10-02', 50],
  ['B4', '2026-10-01', 400],
  ['B5', '2026-10-28', 20],
  ['B6', '2026-10-27', 30],
  ['B6', '2026-10-26', 30],
];
const ORDERS = [
  ...PAID.map(([buyer, day, gmv], i) => ({
    order_item_id: `I${i}`,
    order_id: `O${i}`,
    buyer_id: buyer,
    status: '已完成',
    payable_amount: gmv,
    paid_at: `${day} 12:00:00`,
  })),
  { order_item_id: 'I99', order_id: 'O99', buyer_id: 'B7', status: '待支付', payable_amount: 999, paid_at: null },
];
const tables = () => buildTables({ order: ORDERS });

describe('rfm', () => {
  const res = runReport('rfm', tables(), { from: '2026-10-01', to: '2026-10-31' });

  it('scores each buyer against the means', () => {
    const t = tableOf(res, 'buyers');
    expect(pick(t.rows, ['buyer_id', 'last_paid_day', 'recency_days', 'paid_orders', 'gmv', 'segment'])).toEqual([
      { buyer_id: 'B2', last_paid_day: '2026-10-29', recency_days: 2, paid_orders: 1, gmv: 500, segment: '重要发展客户' },
      { buyer_id: 'B4', last_paid_day: '2026-10-01', recency_days: 30, paid_orders: 1, gmv: 400, segment: '重要挽留客户' },
      { buyer_id: 'B1', last_paid_day: '2026-10-30', recency_days: 1, paid_orders: 3, gmv: 300, segment: '重要价值客户' },
      { buyer_id: 'B3', last_paid_day: '2026-10-05', recency_days: 26, paid_orders: 3, gmv: 150, segment: '一般保持客户' },
      { buyer_id: 'B6', last_paid_day: '2026-10-27', recency_days: 4, paid_orders: 2, gmv: 60, segment: '一般价值客户' },
      { buyer_id: 'B5', last_paid_day: '2026-10-28', recency_days: 3, paid_orders: 1, gmv: 20, segment: '一般发展客户' },
    ]);
    expect(pick(t.rows.slice(0, 1), ['r_level', 'f_level', 'm_level'])).toEqual([{ r_level: '近', f_level: '低', m_level: '高' }]);
  });

  it('counts buyers and GMV per segment, all 8 in the classic order, and states the method', () => {
    const t = tableOf(res, 'segments');
    expect(pick(t.rows, ['segment', 'rule', 'buyers', 'gmv'])).toEqual([
      { segment: '重要价值客户', rule: 'R近 F高 M高', buyers: 1, gmv: 300 },
      { segment: '重要发展客户', rule: 'R近 F低 M高', buyers: 1, gmv: 500 },
      { segment: '重要保持客户', rule: 'R远 F高 M高', buyers: 0, gmv: 0 },
      { segment: '重要挽留客户', rule: 'R远 F低 M高', buyers: 1, gmv: 400 },
      { segment: '一般价值客户', rule: 'R近 F高 M低', buyers: 1, gmv: 60 },
      { segment: '一般发展客户', rule: 'R近 F低 M低', buyers: 1, gmv: 20 },
      { segment: '一般保持客户', rule: 'R远 F高 M低', buyers: 1, gmv: 150 },
      { segment: '一般挽留客户', rule: 'R远 F低 M低', buyers: 0, gmv: 0 },
    ]);
    expect(t.rows[1].buyer_share).toBeCloseTo(1 / 6, 12);
    expect(t.rows[1].gmv_share).toBeCloseTo(500 / 1430, 12);
    expect(t.totals).toMatchObject({ buyers: 6, gmv: 1430, buyer_share: 1 });
    expect(t.title.zh).toBe('RFM 客户分层（参考日 2026-10-31；与均值比较：R 低于均值为近，F、M 高于均值为高；R̄ = 11.00, F̄ = 1.83, M̄ = ¥238.33）');
  });

  it('charts buyers and GMV per segment', () => {
    const c = chartOf(res, 'rfm_segments').option;
    expect(seriesValues(c, 0)).toEqual([1, 1, 0, 1, 1, 1, 1, 0]);
    expect(seriesValues(c, 1)).toEqual([300, 500, 0, 400, 60, 20, 150, 0]);
    expect(c.yAxis.map((a: { name: string }) => a.name)).toEqual(['客户数（人）', '成交金额（元）']);
    expect(c.series[0].data[0].tooltip.formatter).toBe('<b>重要价值客户</b><br/>客户数：1<br/>客户占比：16.67%');
  });

  it('measures recency from a given reference day and ignores orders after it; a value equal to the mean is low', () => {
    // Reference 10-25: B2, B5, B6 bought only later and drop out; B1 keeps 10-20 and 10-10.
    //  B1 R5 F2 M200; B3 R20 F3 M150; B4 R24 F1 M400. Means: R 49/3 = 16.33, F 6/3 = 2, M 750/3 = 250.
    //  B1: R5 近, F2 = mean -> 低, M200 低 -> 一般发展; B3: 远 高 低 -> 一般保持; B4: 远 低 高 -> 重要挽留
    const r = runReport('rfm', tables(), { from: '2026-10-01', to: '2026-10-31', reference_date: '2026-10-25' });
    expect(pick(tableOf(r, 'buyers').rows, ['buyer_id', 'recency_days', 'paid_orders', 'gmv', 'segment'])).toEqual([
      { buyer_id: 'B4', recency_days: 24, paid_orders: 1, gmv: 400, segment: '重要挽留客户' },
      { buyer_id: 'B1', recency_days: 5, paid_orders: 2, gmv: 200, segment: '一般发展客户' },
      { buyer_id: 'B3', recency_days: 20, paid_orders: 3, gmv: 150, segment: '一般保持客户' },
    ]);
  });

  it('M is net GMV (成交金额 − 退款金额), the definition of the RFM exercise: a refund can change the segment', () => {
    // B2's 500 order is refunded 400 (退款成功): M(B2) = 100. M sum 1430 − 400 = 1030, mean 171.67:
    // B2 R2 近 F1 低 M100 低 -> 一般发展 (重要发展 without the refund); the others keep theirs.
    const refunded = ORDERS.map((o) => (o.buyer_id === 'B2' ? { ...o, after_sale_status: '退款成功', refund_amount: 400 } : o));
    const r = runReport('rfm', buildTables({ order: refunded }), { from: '2026-10-01', to: '2026-10-31' });
    const b2 = tableOf(r, 'buyers').rows.find((x) => x.buyer_id === 'B2')!;
    expect(pick([b2], ['gmv', 'monetary', 'segment'])).toEqual([{ gmv: 500, monetary: 100, segment: '一般发展客户' }]);
    expect(tableOf(r, 'segments').title.zh).toContain('M̄ = ¥171.67');
  });

  it('needs a buyer key: without one it builds no segments', () => {
    const noBuyer = buildTables({ order: [{ order_item_id: 'I1', order_id: 'O1', status: '已完成', payable_amount: 10, paid_at: '2026-10-01 10:00:00' }] });
    const r = runReport('rfm', noBuyer, { preset: 'all' });
    expect([r.tables, r.charts]).toEqual([[], []]);
    // Not silently empty: it says why, and which export option gives a buyer key.
    expect(r.missing?.message.zh).toContain('买家标识');
    expect(r.missing?.message.zh).toContain('用户ID');
    expect(missingField(reportDefinition('rfm'), noBuyer)).toEqual(r.missing?.message);
    expect(missingField(reportDefinition('rfm'), tables())).toBeNull();
  });
});
