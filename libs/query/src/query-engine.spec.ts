/**
 * The query engine's dimensions, filters, period, sorting, top-N and totals (DESIGN §5), against
 * results worked out by hand.
 */
import { runQuery } from './engine';
import { QueryError, type QuerySpec, type ResultRow, type TableSet } from './types';
import { buildTables, type PlainRow } from './testing/table-builder';

// 2026-10-01 is a Thursday, so 09-28 and 10-05 are Mondays, 10-04 and 11-01 Sundays, 10-31 a Saturday.
//      date        wd  hour plan   id  impressions clicks cost
// A1 2026-09-28  Mon   9   计划A  P1     1000       10    5.00
// A2 2026-09-30  Wed   9   计划B  P2     2000       60   20.00
// A3 2026-10-01  Thu  20   计划A  P1     3000       30   12.34
// A4 2026-10-04  Sun  20   计划C  P3      500       25    7.66
// A5 2026-10-05  Mon   9   计划B  P2     1500       15    3.00
// A6 2026-10-31  Sat  20   计划A  P1        0        0    0.00
// A7 2026-11-01  Sun  23   计划C  P3     4000       40   40.00
// totals: impressions 12000, clicks 180, cost 88.00, ctr 180 / 12000 = 0.015
const AD: PlainRow[] = [
  { date: '2026-09-28', hour: 9, plan: '计划A', plan_id: 'P1', impressions: 1000, clicks: 10, cost: 5.0 },
  { date: '2026-09-30', hour: 9, plan: '计划B', plan_id: 'P2', impressions: 2000, clicks: 60, cost: 20.0 },
  { date: '2026-10-01', hour: 20, plan: '计划A', plan_id: 'P1', impressions: 3000, clicks: 30, cost: 12.34 },
  { date: '2026-10-04', hour: 20, plan: '计划C', plan_id: 'P3', impressions: 500, clicks: 25, cost: 7.66 },
  { date: '2026-10-05', hour: 9, plan: '计划B', plan_id: 'P2', impressions: 1500, clicks: 15, cost: 3.0 },
  { date: '2026-10-31', hour: 20, plan: '计划A', plan_id: 'P1', impressions: 0, clicks: 0, cost: 0 },
  { date: '2026-11-01', hour: 23, plan: '计划C', plan_id: 'P3', impressions: 4000, clicks: 40, cost: 40.0 },
];
const ad = () => buildTables({ ad: AD });

// Orders (all paid unless stated):
// I1 O1 广东 paid 2026-10-01 10:15:00  100.00
// I2 O2 广东 paid 2026-10-01 23:59:59   20.00
// I3 O3 浙江 paid 2026-10-02 00:00:00   30.00
// I4 O4 浙江 paid 2026-10-02 10:30:00   40.00
// I5 O5 null paid 2026-10-03 08:00:00  5.50
// I6 O6 江苏 待支付, no paid_at          99.00
const ORDERS: PlainRow[] = [
  {
    order_item_id: 'I1',
    order_id: 'O1',
    buyer_id: 'B1',
    province: '广东',
    status: '已完成',
    payable_amount: 100,
    paid_at: '2026-10-01 10:15:00',
    product_name: '保温杯 500ml',
  },
  {
    order_item_id: 'I2',
    order_id: 'O2',
    buyer_id: 'B2',
    province: '广东',
    status: '已发货',
    payable_amount: 20,
    paid_at: '2026-10-01 23:59:59',
    product_name: '保温杯 350ml',
  },
  {
    order_item_id: 'I3',
    order_id: 'O3',
    buyer_id: 'B1',
    province: '浙江',
    status: '已完成',
    payable_amount: 30,
    paid_at: '2026-10-02 00:00:00',
    product_name: '帆布袋',
  },
  {
    order_item_id: 'I4',
    order_id: 'O4',
    buyer_id: 'B3',
    province: '浙江',
    status: '已完成',
    payable_amount: 40,
    paid_at: '2026-10-02 10:30:00',
    product_name: '帆布袋',
  },
  {
    order_item_id: 'I5',
    order_id: 'O5',
    buyer_id: 'B4',
    province: null,
    status: '已完成',
    payable_amount: 5.5,
    paid_at: '2026-10-03 08:00:00',
    product_name: '贴纸',
  },
  { order_item_id: 'I6', order_id: 'O6', buyer_id: 'B5', province: '江苏', status: '待支付', payable_amount: 99, paid_at: null, product_name: '保温杯 500ml' },
];
const orders = () => buildTables({ order: ORDERS });

const run = (tables: TableSet, spec: Partial<QuerySpec> & { metrics: string[] }) => runQuery({ totals: true, ...spec }, tables);
const pickRows = (rows: ResultRow[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

function queryError(fn: () => unknown): QueryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    return err as QueryError;
  }
  throw new Error('expected a QueryError');
}

describe('dimensions', () => {
  it('groups by a canonical field', () => {
    const r = run(ad(), { metrics: ['impressions', 'clicks', 'cost', 'ctr'], dimensions: ['plan'], sort: [{ key: 'plan', dir: 'asc' }] });
    // 计划A: A1 A3 A6 = 4000, 40, 17.34, 0.01; 计划B: A2 A5 = 3500, 75, 23.00, 75/3500; 计划C: A4 A7 = 4500, 65, 47.66, 65/4500
    expect(pickRows(r.rows, ['plan', 'impressions', 'clicks', 'cost'])).toEqual([
      { plan: '计划A', impressions: 4000, clicks: 40, cost: 17.34 },
      { plan: '计划B', impressions: 3500, clicks: 75, cost: 23 },
      { plan: '计划C', impressions: 4500, clicks: 65, cost: 47.66 },
    ]);
    expect(r.rows[0].ctr).toBeCloseTo(0.01, 15);
    expect(r.rows[1].ctr).toBeCloseTo(75 / 3500, 15);
    expect(r.rows[2].ctr).toBeCloseTo(65 / 4500, 15);
    expect(r.columns[0]).toMatchObject({ key: 'plan', role: 'dimension' });
  });

  it('accepts the original Chinese header as a dimension', () => {
    const r = run(ad(), { metrics: ['cost'], dimensions: ['计划名称'], sort: [{ key: 'cost', dir: 'desc' }] });
    expect(r.rows).toEqual([
      { 计划名称: '计划C', cost: 47.66 },
      { 计划名称: '计划B', cost: 23 },
      { 计划名称: '计划A', cost: 17.34 },
    ]);
    const o = run(orders(), { metrics: ['gmv'], dimensions: ['省'], sort: [{ key: 'gmv', dir: 'desc' }] });
    // 浙江 30 + 40 = 70; 广东 100 + 20 = 120; null province 5.50; 江苏 only unpaid -> 0
    expect(o.rows).toEqual([
      { 省: '广东', gmv: 120 },
      { 省: '浙江', gmv: 70 },
      { 省: null, gmv: 5.5 },
      { 省: '江苏', gmv: 0 },
    ]);
  });

  it('groups by day (date and date:day)', () => {
    for (const dim of ['date', 'date:day']) {
      const r = run(ad(), { metrics: ['clicks'], dimensions: [dim] });
      // time dimensions sort ascending by default
      expect(r.rows.map((row) => [row[dim], row.clicks])).toEqual([
        ['2026-09-28', 10],
        ['2026-09-30', 60],
        ['2026-10-01', 30],
        ['2026-10-04', 25],
        ['2026-10-05', 15],
        ['2026-10-31', 0],
        ['2026-11-01', 40],
      ]);
    }
  });

  it('groups by week, labelled with the Monday (weeks start on Monday)', () => {
    const r = run(ad(), { metrics: ['impressions', 'clicks', 'cost', 'ctr'], dimensions: ['date:week'] });
    // week 09-28: A1..A4 (Sunday 10-04 is still that week) = 6500, 125, 45.00; ctr 125/6500
    // week 10-05: A5 = 1500, 15, 3.00; ctr 0.01
    // week 10-26: A6 (Sat 10-31) + A7 (Sun 11-01: a week crossing the month end) = 4000, 40, 40.00; ctr 0.01
    expect(pickRows(r.rows, ['date:week', 'impressions', 'clicks', 'cost'])).toEqual([
      { 'date:week': '2026-09-28', impressions: 6500, clicks: 125, cost: 45 },
      { 'date:week': '2026-10-05', impressions: 1500, clicks: 15, cost: 3 },
      { 'date:week': '2026-10-26', impressions: 4000, clicks: 40, cost: 40 },
    ]);
    expect(r.rows[0].ctr).toBeCloseTo(125 / 6500, 15);
    expect(r.rows[2].ctr).toBeCloseTo(0.01, 15);
  });

  it('groups by month as YYYY-MM', () => {
    const r = run(ad(), { metrics: ['impressions', 'clicks', 'cost'], dimensions: ['date:month'] });
    // 09: A1 A2 = 3000, 70, 25.00; 10: A3 A4 A5 A6 = 5000, 70, 23.00; 11: A7 = 4000, 40, 40.00
    expect(r.rows).toEqual([
      { 'date:month': '2026-09', impressions: 3000, clicks: 70, cost: 25 },
      { 'date:month': '2026-10', impressions: 5000, clicks: 70, cost: 23 },
      { 'date:month': '2026-11', impressions: 4000, clicks: 40, cost: 40 },
    ]);
  });

  it('groups by hour (the ad hour column; the datetime hour of orders)', () => {
    const r = run(ad(), { metrics: ['impressions', 'cost'], dimensions: ['hour'] });
    // 9: A1 A2 A5 = 4500, 28.00; 20: A3 A4 A6 = 3500, 20.00; 23: A7 = 4000, 40.00
    expect(r.rows).toEqual([
      { hour: 9, impressions: 4500, cost: 28 },
      { hour: 20, impressions: 3500, cost: 20 },
      { hour: 23, impressions: 4000, cost: 40 },
    ]);
    const o = run(orders(), { metrics: ['gmv', 'paid_orders'], dimensions: ['hour'] });
    // 0: I3 30; 8: I5 5.50; 10: I1 100 + I4 40 = 140; 23: I2 20. (I6 has no paid_at: a null hour with no paid order)
    expect(o.rows.filter((row) => row.hour !== null)).toEqual([
      { hour: 0, gmv: 30, paid_orders: 1 },
      { hour: 8, gmv: 5.5, paid_orders: 1 },
      { hour: 10, gmv: 140, paid_orders: 2 },
      { hour: 23, gmv: 20, paid_orders: 1 },
    ]);
  });

  it('groups by weekday, 1 = Monday … 7 = Sunday', () => {
    const r = run(ad(), { metrics: ['impressions', 'clicks', 'ctr'], dimensions: ['weekday'] });
    // Mon A1 A5 = 2500, 25; Wed A2 = 2000, 60; Thu A3 = 3000, 30; Sat A6 = 0, 0 (ctr null); Sun A4 A7 = 4500, 65
    expect(pickRows(r.rows, ['weekday', 'impressions', 'clicks'])).toEqual([
      { weekday: 1, impressions: 2500, clicks: 25 },
      { weekday: 3, impressions: 2000, clicks: 60 },
      { weekday: 4, impressions: 3000, clicks: 30 },
      { weekday: 6, impressions: 0, clicks: 0 },
      { weekday: 7, impressions: 4500, clicks: 65 },
    ]);
    expect(r.rows[3].ctr).toBeNull();
    expect(r.rows[0].ctr).toBeCloseTo(0.01, 15);
  });

  it('groups by two dimensions (hour × weekday)', () => {
    const r = run(ad(), { metrics: ['clicks'], dimensions: ['weekday', 'hour'] });
    // (1,9) A1 + A5 = 25; (3,9) 60; (4,20) 30; (6,20) 0; (7,20) 25; (7,23) 40
    expect(r.rows).toEqual([
      { weekday: 1, hour: 9, clicks: 25 },
      { weekday: 3, hour: 9, clicks: 60 },
      { weekday: 4, hour: 20, clicks: 30 },
      { weekday: 6, hour: 20, clicks: 0 },
      { weekday: 7, hour: 20, clicks: 25 },
      { weekday: 7, hour: 23, clicks: 40 },
    ]);
  });

  it('rejects an unknown dimension', () => {
    expect(queryError(() => run(ad(), { metrics: ['clicks'], dimensions: ['no_such_field'] })).code).toBe('DIMENSION_NOT_AVAILABLE');
  });
});

describe('filters', () => {
  const totals = (filters: QuerySpec['filters'], tables = ad(), metrics = ['impressions', 'clicks', 'cost']) => run(tables, { metrics, filters }).totals;

  it('eq', () => {
    // 计划A: 4000, 40, 17.34
    expect(totals([{ field: 'plan', op: 'eq', value: '计划A' }])).toEqual({ impressions: 4000, clicks: 40, cost: 17.34 });
    // a numeric field: clicks = 30 -> A3 only
    expect(totals([{ field: 'clicks', op: 'eq', value: 30 }])).toEqual({ impressions: 3000, clicks: 30, cost: 12.34 });
    // money in yuan: cost = 12.34 -> A3
    expect(totals([{ field: 'cost', op: 'eq', value: 12.34 }])).toEqual({ impressions: 3000, clicks: 30, cost: 12.34 });
    // a date: 2026-10-04 -> A4
    expect(totals([{ field: 'date', op: 'eq', value: '2026-10-04' }])).toEqual({ impressions: 500, clicks: 25, cost: 7.66 });
  });

  it('eq on a datetime matches the whole day', () => {
    // paid on 2026-10-01: I1 100 + I2 20 (23:59:59) = 120; I3 at 10-02 00:00:00 is the next day
    expect(totals([{ field: 'paid_at', op: 'eq', value: '2026-10-01' }], orders(), ['gmv'])).toEqual({ gmv: 120 });
  });

  it('in', () => {
    // P2 + P3: A2 A4 A5 A7 = 8000, 140, 70.66
    expect(totals([{ field: 'plan_id', op: 'in', value: ['P2', 'P3'] }])).toEqual({ impressions: 8000, clicks: 140, cost: 70.66 });
    // numbers: clicks in (10, 15) -> A1 + A5 = 2500, 25, 8.00
    expect(totals([{ field: 'clicks', op: 'in', value: [10, 15] }])).toEqual({ impressions: 2500, clicks: 25, cost: 8 });
    // an empty list keeps nothing
    expect(totals([{ field: 'plan_id', op: 'in', value: [] }])).toEqual({ impressions: 0, clicks: 0, cost: 0 });
  });

  it('range (inclusive at both ends; either end open)', () => {
    // impressions 1000..3000: A1 A2 A3 A5 = 7500, 115, 40.34
    expect(totals([{ field: 'impressions', op: 'range', value: [1000, 3000] }])).toEqual({ impressions: 7500, clicks: 115, cost: 40.34 });
    // cost 5.00..20.00 yuan: A1 5.00, A2 20.00, A3 12.34, A4 7.66 = 6500, 125, 45.00
    expect(totals([{ field: 'cost', op: 'range', value: [5, 20] }])).toEqual({ impressions: 6500, clicks: 125, cost: 45 });
    // clicks >= 40: A2 60, A7 40 = 6000, 100, 60.00
    expect(totals([{ field: 'clicks', op: 'range', value: [40, null] }])).toEqual({ impressions: 6000, clicks: 100, cost: 60 });
    // date 2026-10-01..2026-10-05: A3 A4 A5 = 5000, 70, 23.00
    expect(totals([{ field: 'date', op: 'range', value: ['2026-10-01', '2026-10-05'] }])).toEqual({ impressions: 5000, clicks: 70, cost: 23 });
  });

  it('range on a datetime includes the whole last day', () => {
    // paid 10-01..10-02: I1 I2 I3 I4 = 190.00 (I4 at 10:30 on the last day included)
    expect(totals([{ field: 'paid_at', op: 'range', value: ['2026-10-01', '2026-10-02'] }], orders(), ['gmv'])).toEqual({ gmv: 190 });
  });

  it('contains', () => {
    // plan containing 'B' -> 计划B = 3500, 75, 23.00
    expect(totals([{ field: 'plan', op: 'contains', value: 'B' }])).toEqual({ impressions: 3500, clicks: 75, cost: 23 });
    // product name containing 保温杯: I1 100 + I2 20 (I6 unpaid) = 120
    expect(totals([{ field: 'product_name', op: 'contains', value: '保温杯' }], orders(), ['gmv', 'items'])).toEqual({ gmv: 120, items: 3 });
  });

  it('ne (a null passes: it is not equal to the value)', () => {
    // plan != 计划A: B + C = 8000, 140, 70.66
    expect(totals([{ field: 'plan', op: 'ne', value: '计划A' }])).toEqual({ impressions: 8000, clicks: 140, cost: 70.66 });
    // province != 广东: 浙江 70 + (null) 5.50 = 75.50
    expect(totals([{ field: 'province', op: 'ne', value: '广东' }], orders(), ['gmv'])).toEqual({ gmv: 75.5 });
    // clicks != 0: everything but A6 (which adds nothing) = 12000, 180, 88.00; items count shows rows kept
    expect(totals([{ field: 'clicks', op: 'ne', value: 0 }])).toEqual({ impressions: 12000, clicks: 180, cost: 88 });
  });

  it('ne on a datetime excludes the whole day, like eq includes it', () => {
    // paid_at != 2026-10-01: I3 30 + I4 40 + I5 5.50 = 75.50 (I6 has no paid_at and is not paid)
    expect(totals([{ field: 'paid_at', op: 'ne', value: '2026-10-01' }], orders(), ['gmv'])).toEqual({ gmv: 75.5 });
  });

  it('in on a datetime matches whole days', () => {
    // paid on 10-02 or 10-03: 30 + 40 + 5.50 = 75.50
    expect(totals([{ field: 'paid_at', op: 'in', value: ['2026-10-02', '2026-10-03'] }], orders(), ['gmv'])).toEqual({ gmv: 75.5 });
  });

  it('accepts the Chinese header as the filter field, and combines filters with AND', () => {
    // 计划名称 = 计划C and clicks >= 30 -> A7 only
    expect(
      totals([
        { field: '计划名称', op: 'eq', value: '计划C' },
        { field: 'clicks', op: 'range', value: [30, null] },
      ]),
    ).toEqual({ impressions: 4000, clicks: 40, cost: 40 });
    // 省 in (浙江): 70
    expect(totals([{ field: '省', op: 'in', value: ['浙江'] }], orders(), ['gmv'])).toEqual({ gmv: 70 });
  });

  it('rejects unknown fields and malformed values', () => {
    expect(queryError(() => run(ad(), { metrics: ['clicks'], filters: [{ field: 'nope', op: 'eq', value: 1 }] })).code).toBe('UNKNOWN_FILTER_FIELD');
    expect(queryError(() => run(ad(), { metrics: ['clicks'], filters: [{ field: 'plan', op: 'in', value: '计划A' }] })).code).toBe('BAD_FILTER');
    expect(queryError(() => run(ad(), { metrics: ['clicks'], filters: [{ field: 'clicks', op: 'range', value: [1] }] })).code).toBe('BAD_FILTER');
    expect(queryError(() => run(ad(), { metrics: ['clicks'], filters: [{ field: 'date', op: 'eq', value: '2026/10/01' }] })).code).toBe('BAD_DATE');
    expect(queryError(() => run(ad(), { metrics: ['clicks'], filters: [{ field: 'clicks', op: 'contains', value: '3' }] })).code).toBe('BAD_FILTER');
  });
});

describe('period', () => {
  it('keeps from and to inclusive', () => {
    const r = run(ad(), { metrics: ['impressions', 'clicks', 'cost'], from: '2026-09-30', to: '2026-10-04' });
    // A2 A3 A4 = 5500, 115, 40.00
    expect(r.totals).toEqual({ impressions: 5500, clicks: 115, cost: 40 });
    expect(r.period).toEqual({ from: '2026-09-30', to: '2026-10-04' });
  });

  it('a one-day period', () => {
    expect(run(ad(), { metrics: ['clicks'], from: '2026-10-31', to: '2026-10-31' }).totals).toEqual({ clicks: 0 });
    expect(run(ad(), { metrics: ['clicks'], from: '2026-11-01', to: '2026-11-01' }).totals).toEqual({ clicks: 40 });
  });

  it('an open end runs to the first / last day of the data', () => {
    const r = run(ad(), { metrics: ['clicks'], from: '2026-10-05' });
    // A5 A6 A7 = 55
    expect(r.totals).toEqual({ clicks: 55 });
    expect(r.period).toEqual({ from: '2026-10-05', to: '2026-11-01' });
    expect(run(ad(), { metrics: ['clicks'], to: '2026-09-30' }).totals).toEqual({ clicks: 70 });
  });

  it('an open-ended period beyond the data selects nothing (not an error)', () => {
    // the last ad day is 2026-11-01: from 2026-11-02 with no end -> no rows, sums 0, ratios null
    const r = run(ad(), { metrics: ['clicks', 'ctr'], from: '2026-11-02' });
    expect(r.totals).toEqual({ clicks: 0, ctr: null });
    expect(r.period).toEqual({ from: '2026-11-02', to: '2026-11-02' });
    // the first ad day is 2026-09-28: up to 2026-09-27 -> nothing
    expect(run(ad(), { metrics: ['clicks'], to: '2026-09-27' }).totals).toEqual({ clicks: 0 });
    expect(run(ad(), { metrics: ['clicks'], dimensions: ['plan'], to: '2026-09-27' }).rows).toEqual([]);
  });

  it('a one-sided period is applied even when no row has a day', () => {
    // an export without a payment-time column: the order is paid by its status (已完成) but has no day,
    // so with a period it falls outside (gmv 0); without one it counts (12.00)
    const tables = buildTables({ order: [{ order_item_id: 'I1', order_id: 'O1', status: '已完成', payable_amount: 12 }] });
    expect(run(tables, { metrics: ['gmv'] }).totals).toEqual({ gmv: 12 });
    expect(run(tables, { metrics: ['gmv'], from: '2026-10-01' }).totals).toEqual({ gmv: 0 });
    expect(run(tables, { metrics: ['gmv'], to: '2026-10-01' }).totals).toEqual({ gmv: 0 });
  });

  it('datetime kinds are placed by their day: a period ending 10-01 includes 23:59:59 and excludes 10-02 00:00:00', () => {
    expect(run(orders(), { metrics: ['gmv'], from: '2026-10-01', to: '2026-10-01' }).totals).toEqual({ gmv: 120 });
    expect(run(orders(), { metrics: ['gmv'], from: '2026-10-02', to: '2026-10-02' }).totals).toEqual({ gmv: 70 });
  });

  it('rejects a reversed or malformed period', () => {
    expect(queryError(() => run(ad(), { metrics: ['clicks'], from: '2026-10-05', to: '2026-10-01' })).code).toBe('BAD_PERIOD');
    expect(queryError(() => run(ad(), { metrics: ['clicks'], from: '2026-02-30' })).code).toBe('BAD_DATE');
  });
});

describe('sort, limit and totals', () => {
  it('top-N by a metric; totals cover every filtered row, not only the N shown, and are ratios of sums', () => {
    const r = run(ad(), { metrics: ['cost', 'clicks', 'impressions', 'ctr'], dimensions: ['plan'], sort: [{ key: 'cost', dir: 'desc' }], limit: 2 });
    expect(pickRows(r.rows, ['plan', 'cost'])).toEqual([
      { plan: '计划C', cost: 47.66 },
      { plan: '计划B', cost: 23 },
    ]);
    // totals over all three plans: 88.00, 180, 12000, ctr 180 / 12000 = 0.015
    // (the shown rows alone: 70.66, 140, 8000; the mean of the three plan CTRs would be 0.01524…)
    expect(r.totals!.cost).toBe(88);
    expect(r.totals!.clicks).toBe(180);
    expect(r.totals!.impressions).toBe(12000);
    expect(r.totals!.ctr).toBeCloseTo(0.015, 15);
  });

  it('totals follow the filters and the period', () => {
    const r = run(ad(), {
      metrics: ['cost', 'ctr'],
      dimensions: ['plan'],
      filters: [{ field: 'plan_id', op: 'ne', value: 'P3' }],
      from: '2026-09-28',
      to: '2026-10-05',
      limit: 1,
      sort: [{ key: 'ctr', dir: 'desc' }],
    });
    // P1: A1 A3 = 4000 imp, 40 clicks, 17.34; P2: A2 A5 = 3500, 75, 23.00 -> ctr P2 0.0214… > P1 0.01
    expect(pickRows(r.rows, ['plan', 'cost'])).toEqual([{ plan: '计划B', cost: 23 }]);
    // totals 40.34; ctr (40 + 75) / (4000 + 3500) = 115 / 7500
    expect(r.totals!.cost).toBe(40.34);
    expect(r.totals!.ctr).toBeCloseTo(115 / 7500, 15);
  });

  it('ascending sort, ties broken by the next key', () => {
    const r = run(ad(), {
      metrics: ['clicks', 'ctr'],
      dimensions: ['plan_id', 'hour'],
      sort: [
        { key: 'hour', dir: 'asc' },
        { key: 'clicks', dir: 'desc' },
      ],
    });
    // (P1,9) 10; (P2,9) 75; (P1,20) 30; (P3,20) 25; (P3,23) 40 -> hour asc, then clicks desc
    expect(pickRows(r.rows, ['plan_id', 'hour', 'clicks'])).toEqual([
      { plan_id: 'P2', hour: 9, clicks: 75 },
      { plan_id: 'P1', hour: 9, clicks: 10 },
      { plan_id: 'P1', hour: 20, clicks: 30 },
      { plan_id: 'P3', hour: 20, clicks: 25 },
      { plan_id: 'P3', hour: 23, clicks: 40 },
    ]);
  });

  it('puts null values last in either direction', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const r = run(ad(), { metrics: ['ctr'], dimensions: ['weekday'], sort: [{ key: 'ctr', dir }] });
      expect(r.rows[r.rows.length - 1]).toEqual({ weekday: 6, ctr: null });
    }
  });

  it('defaults to the first metric descending when there is no time dimension', () => {
    const r = run(ad(), { metrics: ['clicks'], dimensions: ['plan_id'] });
    expect(r.rows).toEqual([
      { plan_id: 'P2', clicks: 75 },
      { plan_id: 'P3', clicks: 65 },
      { plan_id: 'P1', clicks: 40 },
    ]);
  });

  it('rejects a sort key that is not a column', () => {
    expect(queryError(() => run(ad(), { metrics: ['clicks'], dimensions: ['plan'], sort: [{ key: 'cost', dir: 'asc' }] })).code).toBe('UNKNOWN_SORT_KEY');
  });

  it('totals: false leaves them out', () => {
    expect(runQuery({ metrics: ['clicks'], totals: false }, ad()).totals).toBeNull();
  });
});

describe('cross-kind metrics with rows missing in one kind', () => {
  // account: plays on 10-01 (1000) and 10-03 (4000); no row for 10-02
  // orders: paid 10-01 120.00, 10-02 70.00, 10-03 5.50
  const tables = () =>
    buildTables({
      order: ORDERS,
      account: [
        { date: '2026-10-01', account: '账号A', plays: 1000 },
        { date: '2026-10-03', account: '账号A', plays: 4000 },
        { date: '2026-10-04', account: '账号A', plays: 500 },
      ],
    });

  it('joins by date; a date missing in one kind contributes zero there, and a zero denominator is null', () => {
    const r = run(tables(), { metrics: ['gmv', 'plays', 'gpm'], dimensions: ['date'], from: '2026-10-01', to: '2026-10-04' });
    expect(r.rows).toEqual([
      // 120 / 1000 × 1000 = 120
      { date: '2026-10-01', gmv: 120, plays: 1000, gpm: 120 },
      // no account row: plays 0 -> gpm null (never Infinity)
      { date: '2026-10-02', gmv: 70, plays: 0, gpm: null },
      // 5.50 / 4000 × 1000 = 1.375
      { date: '2026-10-03', gmv: 5.5, plays: 4000, gpm: 1.375 },
      // no order paid: gmv 0 -> gpm 0
      { date: '2026-10-04', gmv: 0, plays: 500, gpm: 0 },
    ]);
    // totals: 195.50 / 5500 × 1000
    expect(r.totals!.gmv).toBe(195.5);
    expect(r.totals!.plays).toBe(5500);
    expect(r.totals!.gpm).toBeCloseTo((195.5 / 5500) * 1000, 12);
  });

  it('a metric whose export is absent is a QueryError', () => {
    expect(queryError(() => run(buildTables({ order: ORDERS }), { metrics: ['gpm'] })).code).toBe('METRIC_DATA_MISSING');
    expect(queryError(() => run(ad(), { metrics: ['nope'] })).code).toBe('UNKNOWN_METRIC');
    expect(queryError(() => run(ad(), { metrics: [] })).code).toBe('NO_METRICS');
  });
});
