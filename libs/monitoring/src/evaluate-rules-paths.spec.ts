/**
 * Rules read their windows from the rows unless the table already has a daily rollup; either way
 * the candidates (figures, names, messages, order) are the same.
 */
import { rollupAnswers, runQuery } from '@creator-ops/query';
import { defaultRules } from './default-rules';
import { evaluateRules } from './evaluate-rules';
import { adRow, buildTables, rule } from './testing/helpers';

// Three plans over two days, one renamed on the second day (so names need the rule's own order).
const rows = () =>
  buildTables({
    ad: [
      adRow('2024-11-04', 'P1', '计划A', { cost: 200, orders: 2, gmv: 900, impressions: 10000, clicks: 300, conversions: 20 }),
      adRow('2024-11-05', 'P1', '计划A', { cost: 300, orders: 2, gmv: 600, impressions: 10000, clicks: 180, conversions: 20 }),
      adRow('2024-11-05', 'P1', '计划A二', { cost: 150, orders: 0, gmv: 0, impressions: 5000, clicks: 150, conversions: 5 }),
      adRow('2024-11-04', 'P2', '计划B', { cost: 200, orders: 2, gmv: 900, impressions: 10000, clicks: 300, conversions: 20 }),
      adRow('2024-11-05', 'P2', '计划B', { cost: 200, orders: 0, gmv: 0, impressions: 10000, clicks: 300, conversions: 20 }),
      adRow('2024-11-04', 'P3', '计划C', { cost: 100, orders: 1, gmv: 800, impressions: 2000, clicks: 40, conversions: 4 }),
      adRow('2024-11-05', 'P3', '计划C', { cost: 120, orders: 1, gmv: 300, impressions: 2000, clicks: 20, conversions: 1 }),
    ],
  });
const rules = [...defaultRules(), rule({ id: 'ctr-7d', metric: 'ctr', op: '<', value: 0.03, window: '7d' })];

describe('alert evaluation from the rows and from a rollup', () => {
  it('gives equal candidates', () => {
    const fresh = rows();
    const before = rollupAnswers();
    const fromRows = evaluateRules(rules, fresh);
    expect(rollupAnswers()).toBe(before);

    const rolled = rows();
    // Any by-plan query over a window builds the table's day × plan rollup, which evaluation then reuses.
    runQuery(
      { metrics: ['cost', 'ad_gmv', 'ad_orders', 'impressions', 'clicks', 'conversions'], dimensions: ['plan_id'], from: '2024-11-05', to: '2024-11-05' },
      rolled,
    );
    runQuery({ metrics: ['cost'], dimensions: ['plan_id', 'plan'], from: '2024-11-05', to: '2024-11-05' }, rolled);
    const mid = rollupAnswers();
    const fromRollup = evaluateRules(rules, rolled);
    expect(rollupAnswers()).toBeGreaterThan(mid);

    expect(fromRollup).toEqual(fromRows);
    // Worked by hand on 11-05: P1 ROI 600 / 450 = 1.33 and P2 0 are below 3.33; P2 spends ¥200 without orders.
    const fired = fromRows.candidates.map((c) => `${c.ruleId}:${c.dimensionValue}`);
    expect(fired).toEqual(expect.arrayContaining(['default-roi-below-breakeven:P1', 'default-roi-below-breakeven:P2', 'default-spend-no-orders:P2']));
  });
});
