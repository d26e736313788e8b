/**
 * Spend against the budget line, worked out by hand. Cost by plan (yuan), account 店铺甲:
 *   date   P1 计划A  P2 计划B  P3 计划C
 *   11-01    1000
 *   11-02    1200
 *   11-03     800
 *   11-04    1000      700
 *   11-05    2000      500      950     <- the data's last date (asOf by default)
 */
import { runQuery } from '@creator-ops/query';
import { pacing, validateBudget, type Budget } from './pacing';
import { adRow, buildTables } from './testing/helpers';

const cost = (date: string, id: string, name: string, yuan: number) => ({ ...adRow(date, id, name, { cost: yuan }), account: '店铺甲' });
const tables = buildTables({
  ad: [
    cost('2024-11-01', 'P1', '计划A', 1000),
    cost('2024-11-02', 'P1', '计划A', 1200),
    cost('2024-11-03', 'P1', '计划A', 800),
    cost('2024-11-04', 'P1', '计划A', 1000),
    cost('2024-11-05', 'P1', '计划A', 2000),
    cost('2024-11-04', 'P2', '计划B', 700),
    cost('2024-11-05', 'P2', '计划B', 500),
    cost('2024-11-05', 'P3', '计划C', 950),
  ],
});
const plan = (value: string, b: Omit<Budget, 'dimension' | 'value'>): Budget => ({ dimension: 'plan_id', value, ...b });

describe('pacing', () => {
  it('a monthly budget five days in: ¥6,000 spent against ¥5,000 expected is ahead', () => {
    // 30,000 × 5 / 30 = 5,000 expected; 1000 + 1200 + 800 + 1000 + 2000 = 6,000 spent; pace 1.2
    const [r] = pacing(tables, [plan('P1', { period: { from: '2024-11-01', to: '2024-11-30', amount: 30000 } })]);
    expect(r).toMatchObject({
      type: 'period',
      asOf: '2024-11-05',
      elapsedDays: 5,
      totalDays: 30,
      budgetAmount: 30000,
      expected: 5000,
      spend: 6000,
      pace: 1.2,
      projected: 36000,
      remaining: 24000,
      status: 'ahead',
      dimensionLabel: '计划A',
    });
    expect(r.message.zh).toBe(
      '计划A（ID P1） 2024-11-01 至 2024-11-30 预算 ¥30,000.00，截至 2024-11-05 已消耗 ¥6,000.00，按进度应消耗 ¥5,000.00（120%），超前',
    );
    expect(r.message.en).toBe(
      '计划A (ID P1) budget ¥30,000.00 from 2024-11-01 to 2024-11-30: ¥6,000.00 spent by 2024-11-05 against ¥5,000.00 expected (120%), ahead',
    );
    expect(runQuery(r.evidence!.query, tables).totals!.cost).toBe(6000);
  });

  it('daily budgets are paced on the day asOf', () => {
    // P2: 500 / 800 = 0.625 behind; P3: 950 / 1000 = 0.95 on; 店铺甲: (2000 + 500 + 950) / 3000 = 1.15 ahead
    const results = pacing(tables, [plan('P2', { daily: 800 }), plan('P3', { daily: 1000 }), { dimension: 'account', value: '店铺甲', daily: 3000 }]);
    expect(results.map((r) => [r.value, r.window.from, r.spend, r.expected, r.status])).toEqual([
      ['P2', '2024-11-05', 500, 800, 'behind'],
      ['P3', '2024-11-05', 950, 1000, 'on'],
      ['店铺甲', '2024-11-05', 3450, 3000, 'ahead'],
    ]);
    expect(results[0].pace).toBe(0.625);
    expect(results[2].pace).toBeCloseTo(1.15, 12);
  });

  it('the whole workspace as of an earlier day', () => {
    // 11-01..11-03 of a 10-day ¥20,000 budget: expected 6,000; spent 1000 + 1200 + 800 = 3,000 -> 0.5 behind
    const [r] = pacing(tables, [{ dimension: null, value: null, period: { from: '2024-11-01', to: '2024-11-10', amount: 20000 } }], '2024-11-03');
    expect(r).toMatchObject({ asOf: '2024-11-03', elapsedDays: 3, totalDays: 10, expected: 6000, spend: 3000, pace: 0.5, status: 'behind', projected: 10000 });
    expect(r.message.zh.startsWith('整体 ')).toBe(true);
  });

  it('before a budget starts and after it ends', () => {
    const [before, after] = pacing(tables, [
      plan('P1', { period: { from: '2024-12-01', to: '2024-12-31', amount: 31000 } }),
      plan('P1', { period: { from: '2024-11-01', to: '2024-11-02', amount: 4000 } }),
    ]);
    expect(before).toMatchObject({ elapsedDays: 0, totalDays: 31, expected: 0, spend: 0, pace: null, projected: null, status: 'on', evidence: null });
    // ended 11-02: all 2 days elapsed, 1000 + 1200 = 2,200 of 4,000 -> 0.55 behind
    expect(after).toMatchObject({ elapsedDays: 2, totalDays: 2, expected: 4000, spend: 2200, pace: 0.55, remaining: 1800, status: 'behind' });
  });

  it('a budget with both amounts gives a daily and a period result', () => {
    const results = pacing(tables, [plan('P1', { daily: 2000, period: { from: '2024-11-01', to: '2024-11-30', amount: 30000 } })]);
    expect(results.map((r) => [r.type, r.spend, r.status])).toEqual([
      ['daily', 2000, 'on'],
      ['period', 6000, 'ahead'],
    ]);
  });
});

describe('validateBudget', () => {
  it('reports every problem', () => {
    expect(validateBudget({ dimension: 'plan_id', value: 'P1', daily: 100 })).toEqual([]);
    const codes = (b: unknown) => validateBudget(b).map((e) => `${e.field}:${e.code}`);
    expect(codes({ dimension: 'impressions', value: null })).toEqual(['dimension:UNKNOWN_DIMENSION', 'value:BUDGET_VALUE_INVALID', ':BUDGET_NEEDS_AMOUNT']);
    expect(codes({ dimension: null, value: null, daily: 0, period: { from: '2024-11-30', to: '2024-11-01', amount: 1 } })).toEqual([
      'daily:BUDGET_DAILY_INVALID',
      'period:BUDGET_PERIOD_INVALID',
    ]);
    expect(() => pacing(tables, [{ dimension: null, value: null }])).toThrow(RangeError);
  });
});
