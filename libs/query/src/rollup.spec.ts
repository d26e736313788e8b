import { buildTables } from './testing/table-builder';
import { runQuery } from './engine';
import { aggregateFromRollup, rollupAnswers } from './rollup';
import type { QuerySpec, TableSet } from './types';

/**
 * The daily rollup's own cases, each against figures worked out by hand (and the row path):
 * the paid rule and payment-day dating, distinct counts that do and do not lie in one cell,
 * "has a value" filters, and what must stay on the rows (fractional sums, hour).
 */
const orders: TableSet = buildTables({
  order: [
    // Order A: two items, paid 2026-09-01 (Guangdong); items of two products.
    {
      order_id: 'A',
      order_item_id: 'A1',
      product_id: 'p1',
      province: '广东省',
      payable_amount: 10.5,
      refund_amount: 2,
      created_at: '2026-08-31 23:50',
      paid_at: '2026-09-01 00:10',
    },
    {
      order_id: 'A',
      order_item_id: 'A2',
      product_id: 'p2',
      province: '广东省',
      payable_amount: 4.25,
      created_at: '2026-08-31 23:50',
      paid_at: '2026-09-01 00:10',
    },
    // Order B: paid 2026-09-02 (Zhejiang), one item.
    {
      order_id: 'B',
      order_item_id: 'B1',
      product_id: 'p1',
      province: '浙江省',
      payable_amount: 20,
      refund_amount: 0,
      created_at: '2026-09-02 08:00',
      paid_at: '2026-09-02 08:01',
    },
    // Order C: never paid (no payment time): not GMV, not a paid order.
    { order_id: 'C', order_item_id: 'C1', product_id: 'p2', province: '浙江省', payable_amount: 99, created_at: '2026-09-02 09:00', paid_at: null },
    // Order D: paid 2026-09-03, no province.
    { order_id: 'D', order_item_id: 'D1', product_id: 'p2', province: null, payable_amount: 1.01, created_at: '2026-09-03 10:00', paid_at: '2026-09-03 10:05' },
  ],
});

function both(spec: QuerySpec, tables: TableSet = orders) {
  const before = rollupAnswers();
  const rolled = runQuery(spec, tables);
  const used = rollupAnswers() > before;
  const rows = runQuery(spec, tables, { rollups: false });
  expect(rolled).toStrictEqual(rows);
  return { result: rolled, used };
}

describe('daily rollups', () => {
  it('gmv by payment day over a window: paid rows only, dated by 支付时间', () => {
    const { result, used } = both({ metrics: ['gmv'], dimensions: ['date:day'], from: '2026-09-01', to: '2026-09-02' });
    expect(used).toBe(true);
    expect(result.rows).toEqual([
      { 'date:day': '2026-09-01', gmv: 14.75 },
      { 'date:day': '2026-09-02', gmv: 20 },
    ]);
    expect(result.totals).toEqual({ gmv: 34.75 });
  });

  it('dated by 下单时间 when asked: order A falls on 2026-08-31', () => {
    const { result, used } = both({ metrics: ['gmv'], dimensions: ['date:day'], dateField: 'created_at' });
    expect(used).toBe(true);
    expect(result.rows).toEqual([
      { 'date:day': '2026-08-31', gmv: 14.75 },
      { 'date:day': '2026-09-02', gmv: 20 },
      { 'date:day': '2026-09-03', gmv: 1.01 },
    ]);
  });

  it('distinct paid orders by province roll up (an order lies in one cell)', () => {
    const { result, used } = both({ metrics: ['paid_orders', 'gmv'], dimensions: ['province'] });
    expect(used).toBe(true);
    // Sorted by the first metric (all 1), then province in pinyin order (guang < zhe), null last.
    expect(result.rows).toEqual([
      { province: '广东省', paid_orders: 1, gmv: 14.75 },
      { province: '浙江省', paid_orders: 1, gmv: 20 },
      { province: null, paid_orders: 1, gmv: 1.01 },
    ]);
    expect(result.totals).toEqual({ paid_orders: 3, gmv: 35.76 });
  });

  it('distinct paid orders by product read the rows (order A spans two products); totals stay distinct', () => {
    const { result } = both({ metrics: ['paid_orders', 'gmv'], dimensions: ['product_id'] });
    expect(result.rows).toEqual([
      { product_id: 'p1', paid_orders: 2, gmv: 30.5 },
      { product_id: 'p2', paid_orders: 2, gmv: 5.26 },
    ]);
    expect(result.totals).toEqual({ paid_orders: 3, gmv: 35.76 });
  });

  it('a "has a value" filter keys cells by presence: only items with a refund amount', () => {
    const { result, used } = both({ metrics: ['gmv'], filters: [{ field: 'refund_amount', op: 'range', value: [null, null] }] });
    expect(used).toBe(true);
    expect(result.totals).toEqual({ gmv: 30.5 });
  });

  it('eq / in filters on a key column and a comparison window', () => {
    const { result, used } = both({
      metrics: ['gmv'],
      dimensions: ['date:day'],
      filters: [{ field: 'province', op: 'in', value: ['广东省', '浙江省'] }],
      from: '2026-09-02',
      to: '2026-09-03',
      compare: 'previous_period',
    });
    expect(used).toBe(true);
    // D (2026-09-03) has no province: filtered out, so no 2026-09-03 group.
    expect(result.rows).toEqual([{ 'date:day': '2026-09-02', gmv: 20 }]);
    expect(result.comparison!.totals).toEqual({ gmv: 14.75 });
  });

  it('hour and datetime filters stay on the rows', () => {
    const before = rollupAnswers();
    both({ metrics: ['gmv'], dimensions: ['hour'] });
    both({ metrics: ['gmv'], filters: [{ field: 'paid_at', op: 'range', value: ['2026-09-01', '2026-09-01'] }] });
    expect(rollupAnswers()).toBe(before);
  });

  it('a sum over a fractional column is not rolled up (its order of addition would matter)', () => {
    const ads = buildTables({
      ad: [
        { date: '2026-09-01', plan_id: 'x', reported_cpc: 0.1 },
        { date: '2026-09-01', plan_id: 'x', reported_cpc: 0.2 },
      ],
    });
    const table = ads.get('ad')!;
    const measure = { id: 'cpc-sum', kind: 'ad' as const, op: 'sum' as const, field: 'reported_cpc', money: false };
    expect(aggregateFromRollup({ kind: 'ad', table, dims: [], filters: [], window: null, measures: [measure] })).toBeNull();
  });
});

describe('row path date windows (zone maps over 4,096-row zones)', () => {
  // 10,000 items over 50 days in runs of 200 (zones of whole and partial days); every 7th of the
  // last 1,000 unpaid (only the last zone has undated rows). Amounts of at most 2 decimals.
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const day = Math.floor(i / 200); // 0..49
    const date = new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10);
    return {
      order_id: `o${i}`,
      order_item_id: `i${i}`,
      payable_amount: (i % 97) + 0.01 * (i % 13),
      paid_at: i >= 9000 && i % 7 === 0 ? null : `${date} 12:00`,
    };
  });
  const tables = buildTables({ order: rows });
  const expected = (from: string, to: string) => {
    let cents = 0;
    for (const r of rows) if (r.paid_at && r.paid_at.slice(0, 10) >= from && r.paid_at.slice(0, 10) <= to) cents += Math.round(r.payable_amount * 100);
    return cents / 100;
  };

  it.each([
    ['2026-09-01', '2026-10-20'], // everything
    ['2026-09-05', '2026-09-05'], // one day inside a zone
    ['2026-09-20', '2026-10-03'], // cuts zones at both ends
    ['2026-09-15', '2026-10-15'], // the second zone (days 20-40) wholly inside
    ['2026-09-15', '2026-10-31'], // zones wholly inside, the undated last zone row by row
    ['2026-10-21', '2026-12-31'], // after the data
    ['2026-08-01', '2026-09-01'], // first day only
  ])('gmv from %s to %s', (from, to) => {
    for (const rollups of [false, true]) {
      const result = runQuery({ metrics: ['gmv'], from, to }, tables, { rollups });
      expect(result.totals!.gmv).toBe(expected(from, to));
    }
  });
});
