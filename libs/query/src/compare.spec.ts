/**
 * Comparison periods (DESIGN §5 `compare`): previous_period (week-over-week, month-over-month) and
 * previous_year, across month ends and leap days, with deltas (percentage points for ratios) worked
 * out by hand.
 */
import { runQuery } from './engine';
import { comparisonWindow, formatDay, parseDay, type CompareMode } from './period';
import type { QuerySpec, TableSet } from './types';
import { buildTables, type PlainRow } from './testing/table-builder';

const run = (tables: TableSet, spec: Partial<QuerySpec> & { metrics: string[] }) => runQuery({ totals: true, ...spec }, tables);

const windowOf = (from: string, to: string, mode: CompareMode) => {
  const { window } = comparisonWindow({ from: parseDay(from), to: parseDay(to) }, mode);
  return { from: formatDay(window.from), to: formatDay(window.to) };
};

describe('comparison windows', () => {
  it.each([
    // a Monday..Sunday week containing 29 February, against the week before
    ['2024-02-26', '2024-03-03', '2024-02-19', '2024-02-25'],
    // a month of 31 days against the 31 days before it (which end on 29 February)
    ['2024-03-01', '2024-03-31', '2024-01-30', '2024-02-29'],
    // February 2024 (29 days) against the 29 days before: 2024-01-03..2024-01-31
    ['2024-02-01', '2024-02-29', '2024-01-03', '2024-01-31'],
    // across a year end
    ['2024-01-01', '2024-01-07', '2023-12-25', '2023-12-31'],
    // one day: the day before
    ['2024-03-01', '2024-03-01', '2024-02-29', '2024-02-29'],
  ])('previous_period of %s..%s is %s..%s', (from, to, pFrom, pTo) => {
    expect(windowOf(from, to, 'previous_period')).toEqual({ from: pFrom, to: pTo });
  });

  it.each([
    // 29 February has no twin: it maps to 28 February
    ['2024-02-29', '2024-02-29', '2023-02-28', '2023-02-28'],
    ['2024-02-01', '2024-02-29', '2023-02-01', '2023-02-28'],
    ['2024-03-01', '2024-03-07', '2023-03-01', '2023-03-07'],
    ['2024-02-26', '2024-03-03', '2023-02-26', '2023-03-03'],
    // the whole of February 2025 against the whole of February 2024, 29 February included
    ['2025-02-01', '2025-02-28', '2024-02-01', '2024-02-29'],
    // whole months: January–February 2025 against January–February 2024
    ['2025-01-01', '2025-02-28', '2024-01-01', '2024-02-29'],
    // a part of a month keeps its calendar days
    ['2025-02-22', '2025-02-28', '2024-02-22', '2024-02-28'],
    ['2025-03-01', '2025-03-31', '2024-03-01', '2024-03-31'],
  ])('previous_year of %s..%s is %s..%s', (from, to, pFrom, pTo) => {
    expect(windowOf(from, to, 'previous_year')).toEqual({ from: pFrom, to: pTo });
  });
});

describe('calendar presets beside previous_period', () => {
  it.each([
    // October (31 days) against all of September (30 days), not against the 31 days before
    ['2026-10-01', '2026-10-31', '2026-09-01', '2026-09-30'],
    // March 2024 against February 2024 with its 29 days; March 2025 against 28 days
    ['2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['2025-03-01', '2025-03-31', '2025-02-01', '2025-02-28'],
    // whole months spanning a year end: January 2026 against December 2025
    ['2026-01-01', '2026-01-31', '2025-12-01', '2025-12-31'],
    // a part of a month keeps its days; the 31st has no twin in a 30-day month
    ['2026-10-10', '2026-10-20', '2026-09-10', '2026-09-20'],
    ['2026-10-31', '2026-10-31', '2026-09-30', '2026-09-30'],
    // November (30 days) against all of October (31)
    ['2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31'],
  ])('previous_month of %s..%s is %s..%s', (from, to, pFrom, pTo) => {
    expect(windowOf(from, to, 'previous_month')).toEqual({ from: pFrom, to: pTo });
  });

  it.each([
    // a Monday..Sunday week against the week before
    ['2026-09-07', '2026-09-13', '2026-08-31', '2026-09-06'],
    // Monday..Wednesday against the same weekdays a week earlier (previous_period would take Fri..Sun)
    ['2026-09-07', '2026-09-09', '2026-08-31', '2026-09-02'],
  ])('previous_week of %s..%s is %s..%s', (from, to, pFrom, pTo) => {
    expect(windowOf(from, to, 'previous_week')).toEqual({ from: pFrom, to: pTo });
  });

  it('a month query compared with the previous calendar month sums that month, by hand', () => {
    // September has 30 days, October 31: previous_period of October would start on 2026-08-31.
    const rows: PlainRow[] = [
      { date: '2026-08-31', impressions: 9999, clicks: 99, cost: 9.99 },
      { date: '2026-09-01', impressions: 1000, clicks: 10, cost: 1.0 },
      { date: '2026-09-30', impressions: 1000, clicks: 30, cost: 2.0 },
      { date: '2026-10-01', impressions: 2000, clicks: 20, cost: 3.0 },
      { date: '2026-10-31', impressions: 2000, clicks: 60, cost: 4.0 },
    ];
    const tables = buildTables({ ad: rows });
    const r = run(tables, { metrics: ['clicks', 'ctr'], from: '2026-10-01', to: '2026-10-31', compare: 'previous_month' });
    expect(r.comparison!.period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    // previous: clicks 10 + 30 = 40, ctr 40 / 2000 = 0.02; current: clicks 80, ctr 80 / 4000 = 0.02
    expect(r.comparison!.totals).toMatchObject({ clicks: 40, ctr: 0.02 });
    expect(r.comparison!.delta_pct).toMatchObject({ clicks: 1 });
    const pp = run(tables, { metrics: ['clicks'], from: '2026-10-01', to: '2026-10-31', compare: 'previous_period' });
    // the 31 days before October include 2026-08-31: 99 + 10 + 30 = 139
    expect(pp.comparison!.totals).toMatchObject({ clicks: 139 });
  });
});

describe('week over week across a month end and a leap day', () => {
  // Current week 2024-02-26 (Mon) .. 2024-03-03 (Sun); previous week 2024-02-19 .. 2024-02-25.
  //   date        impressions clicks cost
  //   2024-02-18     7777       77   7.77   outside both
  //   2024-02-19     1000       10   1.00   previous
  //   2024-02-25     1000       30   2.00   previous
  //   2024-02-26      500       10   3.00   current
  //   2024-02-29     1500       50   4.00   current
  //   2024-03-03     1000       20   5.00   current
  //   2024-03-04     9999       99   9.99   outside both
  // current:  impressions 3000, clicks 80, cost 12.00, ctr 80 / 3000 = 0.0266…
  // previous: impressions 2000, clicks 40, cost  3.00, ctr 40 / 2000 = 0.02
  // delta:    1000, 40, 9.00, ctr 0.0266… − 0.02 = 0.00666… (0.67 percentage points, as a fraction)
  // delta %:  1000 / 2000 = 0.5, 40 / 40 = 1, 9 / 3 = 3, ctr 0.00666… / 0.02 = 1/3
  const ROWS: PlainRow[] = [
    { date: '2024-02-18', impressions: 7777, clicks: 77, cost: 7.77 },
    { date: '2024-02-19', impressions: 1000, clicks: 10, cost: 1.0 },
    { date: '2024-02-25', impressions: 1000, clicks: 30, cost: 2.0 },
    { date: '2024-02-26', impressions: 500, clicks: 10, cost: 3.0 },
    { date: '2024-02-29', impressions: 1500, clicks: 50, cost: 4.0 },
    { date: '2024-03-03', impressions: 1000, clicks: 20, cost: 5.0 },
    { date: '2024-03-04', impressions: 9999, clicks: 99, cost: 9.99 },
  ];
  const spec = { metrics: ['impressions', 'clicks', 'cost', 'ctr'], from: '2024-02-26', to: '2024-03-03', compare: 'previous_period' as const };

  it('totals, deltas and percentage-point deltas', () => {
    const r = run(buildTables({ ad: ROWS }), spec);
    expect(r.period).toEqual({ from: '2024-02-26', to: '2024-03-03' });
    expect(r.comparison!.period).toEqual({ from: '2024-02-19', to: '2024-02-25' });
    expect(r.totals!.impressions).toBe(3000);
    expect(r.totals!.cost).toBe(12);
    expect(r.totals!.ctr).toBeCloseTo(80 / 3000, 15);
    expect(r.comparison!.totals).toEqual({ impressions: 2000, clicks: 40, cost: 3, ctr: 0.02 });
    const { delta, delta_pct } = r.comparison!;
    expect(delta!.impressions).toBe(1000);
    expect(delta!.clicks).toBe(40);
    expect(delta!.cost).toBe(9);
    // percentage points: a difference of fractions (0.0266… − 0.02), not of percentages
    expect(delta!.ctr).toBeCloseTo(80 / 3000 - 0.02, 15);
    expect(delta!.ctr).toBeCloseTo(0.0066666666666667, 15);
    expect(delta_pct!.impressions).toBe(0.5);
    expect(delta_pct!.clicks).toBe(1);
    expect(delta_pct!.cost).toBe(3);
    expect(delta_pct!.ctr).toBeCloseTo(1 / 3, 12);
    expect(r.columns.find((c) => c.key === 'ctr')!.deltaUnit).toBe('pp');
    expect(r.columns.find((c) => c.key === 'cost')!.deltaUnit).toBe('value');
  });

  it('aligns days: each current day against the same weekday of the week before', () => {
    const r = run(buildTables({ ad: ROWS }), { ...spec, metrics: ['clicks', 'ctr'], dimensions: ['date'] });
    expect(r.rows).toEqual([
      { date: '2024-02-26', clicks: 10, ctr: 0.02 },
      { date: '2024-02-29', clicks: 50, ctr: 50 / 1500 },
      { date: '2024-03-03', clicks: 20, ctr: 0.02 },
    ]);
    // 02-26 <- 02-19 (10 clicks, ctr 0.01); 02-29 <- 02-22 (no data); 03-03 <- 02-25 (30 clicks, ctr 0.03)
    expect(r.comparison!.rows).toEqual([
      { date: '2024-02-26', clicks: 10, ctr: 0.01 },
      { date: '2024-02-29', clicks: null, ctr: null },
      { date: '2024-03-03', clicks: 30, ctr: 0.03 },
    ]);
    const d = r.comparison!.rowDeltas;
    // 02-26: clicks 10 − 10 = 0 (0 %); ctr 0.02 − 0.01 = 0.01 (+100 %)
    expect(d[0].delta.clicks).toBe(0);
    expect(d[0].delta_pct.clicks).toBe(0);
    expect(d[0].delta.ctr).toBeCloseTo(0.01, 15);
    expect(d[0].delta_pct.ctr).toBeCloseTo(1, 12);
    // 02-29: nothing to compare with
    expect(d[1].delta).toEqual({ clicks: null, ctr: null });
    expect(d[1].delta_pct).toEqual({ clicks: null, ctr: null });
    // 03-03: clicks 20 − 30 = −10 (−1/3); ctr 0.02 − 0.03 = −0.01 (−1/3)
    expect(d[2].delta.clicks).toBe(-10);
    expect(d[2].delta_pct.clicks).toBeCloseTo(-1 / 3, 12);
    expect(d[2].delta.ctr).toBeCloseTo(-0.01, 15);
    expect(d[2].delta_pct.ctr).toBeCloseTo(-1 / 3, 12);
  });

  it('aligns weeks: the previous week is labelled with the current Monday', () => {
    const r = run(buildTables({ ad: ROWS }), { ...spec, metrics: ['clicks'], dimensions: ['date:week'] });
    expect(r.rows).toEqual([{ 'date:week': '2024-02-26', clicks: 80 }]);
    expect(r.comparison!.rows).toEqual([{ 'date:week': '2024-02-26', clicks: 40 }]);
    expect(r.comparison!.rowDeltas[0].delta).toEqual({ clicks: 40 });
    expect(r.comparison!.rowDeltas[0].delta_pct).toEqual({ clicks: 1 });
  });
});

describe('month over month: March 2024 against the 31 days before', () => {
  // previous window 2024-01-30 .. 2024-02-29
  //   2024-01-29  100 / 1   outside
  //   2024-01-30  200 / 2   previous
  //   2024-02-15  300 / 3   previous
  //   2024-02-29  400 / 4   previous
  //   2024-03-01 1000 / 20  current
  //   2024-03-31 2000 / 10  current
  //   2024-04-01 5000 / 50  outside
  // current 3000 / 30 (ctr 0.01); previous 900 / 9 (ctr 0.01)
  // delta 2100 / 21, ctr 0 (0 pp); delta % 2100 / 900 = 7/3, 21 / 9 = 7/3, ctr 0
  const ROWS: PlainRow[] = [
    { date: '2024-01-29', impressions: 100, clicks: 1 },
    { date: '2024-01-30', impressions: 200, clicks: 2 },
    { date: '2024-02-15', impressions: 300, clicks: 3 },
    { date: '2024-02-29', impressions: 400, clicks: 4 },
    { date: '2024-03-01', impressions: 1000, clicks: 20 },
    { date: '2024-03-31', impressions: 2000, clicks: 10 },
    { date: '2024-04-01', impressions: 5000, clicks: 50 },
  ];

  it('totals and deltas', () => {
    const r = run(buildTables({ ad: ROWS }), { metrics: ['impressions', 'clicks', 'ctr'], from: '2024-03-01', to: '2024-03-31', compare: 'previous_period' });
    expect(r.comparison!.period).toEqual({ from: '2024-01-30', to: '2024-02-29' });
    expect(r.totals).toEqual({ impressions: 3000, clicks: 30, ctr: 0.01 });
    expect(r.comparison!.totals).toEqual({ impressions: 900, clicks: 9, ctr: 0.01 });
    expect(r.comparison!.delta).toEqual({ impressions: 2100, clicks: 21, ctr: 0 });
    expect(r.comparison!.delta_pct!.impressions).toBeCloseTo(7 / 3, 12);
    expect(r.comparison!.delta_pct!.clicks).toBeCloseTo(7 / 3, 12);
    expect(r.comparison!.delta_pct!.ctr).toBe(0);
  });

  it('the previous days roll onto the current month', () => {
    const r = run(buildTables({ ad: ROWS }), {
      metrics: ['clicks'],
      dimensions: ['date:month'],
      from: '2024-03-01',
      to: '2024-03-31',
      compare: 'previous_period',
    });
    expect(r.rows).toEqual([{ 'date:month': '2024-03', clicks: 30 }]);
    expect(r.comparison!.rows).toEqual([{ 'date:month': '2024-03', clicks: 9 }]);
  });
});

describe('year over year with 29 February', () => {
  // GMV of paid orders by paid day:
  //   2023-02-01 10.00   2023-02-28 20.00   2023-03-01 40.00
  //   2024-02-01 11.00   2024-02-28 22.00   2024-02-29 33.00   2024-03-01 44.00
  //   2025-02-01 12.00   2025-02-28 24.00
  const paid = (day: string, amount: number, i: number): PlainRow => ({
    order_item_id: `I${i}`,
    order_id: `O${i}`,
    buyer_id: `B${i}`,
    status: '已完成',
    payable_amount: amount,
    paid_at: `${day} 12:00:00`,
  });
  const ORDERS = [
    ['2023-02-01', 10],
    ['2023-02-28', 20],
    ['2023-03-01', 40],
    ['2024-02-01', 11],
    ['2024-02-28', 22],
    ['2024-02-29', 33],
    ['2024-03-01', 44],
    ['2025-02-01', 12],
    ['2025-02-28', 24],
  ].map(([d, a], i) => paid(d as string, a as number, i));
  const tables = () => buildTables({ order: ORDERS });

  it('29 February 2024 compares with 28 February 2023', () => {
    const r = run(tables(), { metrics: ['gmv'], from: '2024-02-29', to: '2024-02-29', compare: 'previous_year' });
    expect(r.comparison!.period).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    // 33.00 against 20.00: delta 13.00, 13 / 20 = 0.65
    expect(r.totals).toEqual({ gmv: 33 });
    expect(r.comparison!.totals).toEqual({ gmv: 20 });
    expect(r.comparison!.delta!.gmv).toBeCloseTo(13, 10);
    expect(r.comparison!.delta_pct!.gmv).toBeCloseTo(0.65, 12);
  });

  it('February 2024 (29 days) against February 2023 (28 days)', () => {
    const r = run(tables(), { metrics: ['gmv'], from: '2024-02-01', to: '2024-02-29', compare: 'previous_year' });
    // 11 + 22 + 33 = 66 against 10 + 20 = 30: delta 36, 36 / 30 = 1.2
    expect(r.totals).toEqual({ gmv: 66 });
    expect(r.comparison!.totals).toEqual({ gmv: 30 });
    expect(r.comparison!.delta).toEqual({ gmv: 36 });
    expect(r.comparison!.delta_pct!.gmv).toBeCloseTo(1.2, 12);
  });

  it('by day: 28 February 2024 gets last year’s 28 February; 29 February has no twin', () => {
    const r = run(tables(), { metrics: ['gmv'], dimensions: ['date'], from: '2024-02-28', to: '2024-03-01', compare: 'previous_year' });
    expect(r.rows).toEqual([
      { date: '2024-02-28', gmv: 22 },
      { date: '2024-02-29', gmv: 33 },
      { date: '2024-03-01', gmv: 44 },
    ]);
    expect(r.comparison!.rows).toEqual([
      { date: '2024-02-28', gmv: 20 },
      { date: '2024-02-29', gmv: null },
      { date: '2024-03-01', gmv: 40 },
    ]);
    // totals: 99 against 60 (2023-02-28 .. 2023-03-01)
    expect(r.comparison!.totals).toEqual({ gmv: 60 });
    expect(r.comparison!.rowDeltas.map((d) => d.delta.gmv)).toEqual([2, null, 4]);
  });

  it('February 2025 against the whole of February 2024, 29 February included', () => {
    const r = run(tables(), { metrics: ['gmv'], from: '2025-02-01', to: '2025-02-28', compare: 'previous_year' });
    // 12 + 24 = 36 against 11 + 22 + 33 = 66: delta −30, −30 / 66
    expect(r.comparison!.period).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(r.totals).toEqual({ gmv: 36 });
    expect(r.comparison!.totals).toEqual({ gmv: 66 });
    expect(r.comparison!.delta).toEqual({ gmv: -30 });
    expect(r.comparison!.delta_pct!.gmv).toBeCloseTo(-30 / 66, 12);
  });

  it('by month, last year’s February is labelled with this year’s', () => {
    const r = run(tables(), { metrics: ['gmv', 'paid_orders'], dimensions: ['date:month'], from: '2025-02-01', to: '2025-02-28', compare: 'previous_year' });
    expect(r.rows).toEqual([{ 'date:month': '2025-02', gmv: 36, paid_orders: 2 }]);
    expect(r.comparison!.rows).toEqual([{ 'date:month': '2025-02', gmv: 66, paid_orders: 3 }]);
  });
});

describe('comparison rows follow the current rows', () => {
  // plan P1 in both weeks, P2 only this week, P3 only last week.
  //   last week (2026-09-21..27): P1 100 imp / 5 clicks; P3 1000 / 100
  //   this week (2026-09-28..10-04): P1 400 / 8; P2 0 / 0
  const ROWS: PlainRow[] = [
    { date: '2026-09-22', plan_id: 'P1', impressions: 100, clicks: 5 },
    { date: '2026-09-23', plan_id: 'P3', impressions: 1000, clicks: 100 },
    { date: '2026-09-29', plan_id: 'P1', impressions: 400, clicks: 8 },
    { date: '2026-10-02', plan_id: 'P2', impressions: 0, clicks: 0 },
  ];

  it('a group only in the previous period is not a row; one only in the current period compares with nulls; a null ratio gives null deltas', () => {
    const r = run(buildTables({ ad: ROWS }), {
      metrics: ['clicks', 'ctr'],
      dimensions: ['plan_id'],
      from: '2026-09-28',
      to: '2026-10-04',
      compare: 'previous_period',
      sort: [{ key: 'plan_id', dir: 'asc' }],
    });
    expect(r.rows).toEqual([
      { plan_id: 'P1', clicks: 8, ctr: 0.02 },
      { plan_id: 'P2', clicks: 0, ctr: null },
    ]);
    expect(r.comparison!.rows).toEqual([
      { plan_id: 'P1', clicks: 5, ctr: 0.05 },
      { plan_id: 'P2', clicks: null, ctr: null },
    ]);
    // P1: clicks 8 − 5 = 3 (+60 %); ctr 0.02 − 0.05 = −0.03 (−60 %)
    expect(r.comparison!.rowDeltas[0].delta.clicks).toBe(3);
    expect(r.comparison!.rowDeltas[0].delta_pct.clicks).toBeCloseTo(0.6, 12);
    expect(r.comparison!.rowDeltas[0].delta.ctr).toBeCloseTo(-0.03, 15);
    expect(r.comparison!.rowDeltas[0].delta_pct.ctr).toBeCloseTo(-0.6, 12);
    expect(r.comparison!.rowDeltas[1].delta).toEqual({ clicks: null, ctr: null });
    // totals include P3 last week: 105 clicks / 1100 impressions; this week 8 / 400
    expect(r.comparison!.totals!.clicks).toBe(105);
    expect(r.comparison!.totals!.ctr).toBeCloseTo(105 / 1100, 15);
    expect(r.comparison!.delta!.clicks).toBe(-97);
    expect(r.comparison!.delta!.ctr).toBeCloseTo(0.02 - 105 / 1100, 15);
  });

  it('a previous value of 0 gives a delta but no delta_pct', () => {
    const rows: PlainRow[] = [
      { date: '2026-09-22', plan_id: 'P1', impressions: 100, clicks: 0 },
      { date: '2026-09-29', plan_id: 'P1', impressions: 100, clicks: 7 },
    ];
    const r = run(buildTables({ ad: rows }), { metrics: ['clicks', 'ctr'], from: '2026-09-28', to: '2026-10-04', compare: 'previous_period' });
    // clicks 7 − 0 = 7, pct undefined; ctr 0.07 − 0 = 0.07, pct undefined
    expect(r.comparison!.delta!.clicks).toBe(7);
    expect(r.comparison!.delta_pct!.clicks).toBeNull();
    expect(r.comparison!.delta!.ctr).toBeCloseTo(0.07, 15);
    expect(r.comparison!.delta_pct!.ctr).toBeNull();
  });

  it('top-N keeps comparison rows aligned with the rows shown', () => {
    const r = run(buildTables({ ad: ROWS }), {
      metrics: ['clicks'],
      dimensions: ['plan_id'],
      from: '2026-09-28',
      to: '2026-10-04',
      compare: 'previous_period',
      sort: [{ key: 'clicks', dir: 'desc' }],
      limit: 1,
    });
    expect(r.rows).toEqual([{ plan_id: 'P1', clicks: 8 }]);
    expect(r.comparison!.rows).toEqual([{ plan_id: 'P1', clicks: 5 }]);
    expect(r.comparison!.rowDeltas).toHaveLength(1);
    expect(r.totals).toEqual({ clicks: 8 });
  });
});

describe('a comparison window the data does not reach', () => {
  // Ads only on 2024-03-01..02: the previous period of 03-01..02 is 02-28..29, before any data.
  const tables = buildTables({
    ad: [
      { date: '2024-03-01', plan_id: 'P1', impressions: 1000, clicks: 20, cost: 10 },
      { date: '2024-03-02', plan_id: 'P1', impressions: 1000, clicks: 30, cost: 20 },
    ],
  });

  it('gives null previous values and deltas, not zeros', () => {
    const r = run(tables, { metrics: ['cost', 'ctr'], from: '2024-03-01', to: '2024-03-02', compare: 'previous_period' });
    expect(r.totals).toEqual({ cost: 30, ctr: 50 / 2000 });
    expect(r.comparison!.totals).toEqual({ cost: null, ctr: null });
    expect(r.comparison!.delta).toEqual({ cost: null, ctr: null });
  });

  it('keeps zeros when the data covers the window but nothing happened in it', () => {
    // 03-02 against 03-01: covered; a filter leaves no P2 rows on 03-01, so cost there is 0.
    const r = run(tables, {
      metrics: ['cost'],
      from: '2024-03-02',
      to: '2024-03-02',
      compare: 'previous_period',
      filters: [{ field: 'plan_id', op: 'eq', value: 'P2' }],
    });
    expect(r.comparison!.totals).toEqual({ cost: 0 });
  });
});
