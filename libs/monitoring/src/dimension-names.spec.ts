/**
 * Plan names in alert messages: one (id, name) group-by serves every rule over the same day, and a
 * plan renamed within the day still gets, per rule, the name with the largest figure of that rule's
 * metric, as its own query ranks it.
 */
import type { QuerySpec } from '@creator-ops/query';
import { DimensionNameLookup, dimensionNames } from './dimension-names';
import { evaluateRules } from './evaluate-rules';
import { adRow, buildTables, rule } from './testing/helpers';

// 2024-11-05, one row per (plan, name):
//   plan  name    cost  impressions  clicks  ctr
//   P1    旧名     500     1000         10    1%
//   P1    新名     100     1000         50    5%     P1: cost 600, ctr 60 / 2000 = 3%
//   P2    计划B    300     1000         20    2%     P2: cost 300, ctr 2%
//   P3    计划C     50     1000        100   10%     P3: cost 50, ctr 10%
const tables = () =>
  buildTables({
    ad: [
      adRow('2024-11-05', 'P1', '旧名', { cost: 500, impressions: 1000, clicks: 10 }),
      adRow('2024-11-05', 'P1', '新名', { cost: 100, impressions: 1000, clicks: 50 }),
      adRow('2024-11-05', 'P2', '计划B', { cost: 300, impressions: 1000, clicks: 20 }),
      adRow('2024-11-05', 'P3', '计划C', { cost: 50, impressions: 1000, clicks: 100 }),
    ],
  });
// cost > 200 fires on P1 (600) and P2 (300); ctr < 4% on P1 (3%) and P2 (2%).
const costAbove = rule({ id: 'cost', metric: 'cost', op: '>', value: 200 });
const ctrBelow = rule({ id: 'ctr', metric: 'ctr', op: '<', value: 0.04 });

describe('plan names of one evaluation', () => {
  it('name each firing plan; a renamed plan by the larger figure of the rule’s own metric', () => {
    const { candidates } = evaluateRules([costAbove, ctrBelow], tables());
    const labels = candidates.map((c) => `${c.ruleId}:${c.dimensionValue}=${c.dimensionLabel}`).sort();
    // P1 by cost: 旧名 (500 > 100); by CTR: 新名 (5% > 1%).
    expect(labels).toEqual(['cost:P1=旧名', 'cost:P2=计划B', 'ctr:P1=新名', 'ctr:P2=计划B']);
    expect(candidates.find((c) => c.ruleId === 'ctr' && c.dimensionValue === 'P1')!.message.zh).toContain('新名（ID P1）');
  });

  it('give every id the name dimensionNames gives it, query by query', () => {
    const t = tables();
    const lookup = new DimensionNameLookup(t);
    const day = { from: '2024-11-05', to: '2024-11-05', totals: false };
    const specs: QuerySpec[] = [
      { metrics: ['cost'], dimensions: ['plan_id'], ...day },
      { metrics: ['ctr', 'impressions'], dimensions: ['plan_id'], ...day },
      { metrics: ['clicks'], dimensions: ['plan_id'], ...day },
      { metrics: ['cost'], dimensions: ['plan_id'], from: '2024-11-06', to: '2024-11-06', totals: false },
    ];
    for (const spec of specs) {
      const nameOf = lookup.namesFor('plan_id', spec);
      const expected = dimensionNames('plan_id', spec, t);
      for (const id of ['P1', 'P2', 'P3', 'P9']) expect(nameOf(id)).toBe(expected.get(id));
    }
    // By hand: by clicks P1 is 新名 (50 > 10); nothing is named on a day without rows.
    expect(lookup.namesFor('plan_id', specs[2])('P1')).toBe('新名');
    expect(lookup.namesFor('plan_id', specs[3])('P1')).toBeUndefined();
  });

  it('give no name for a dimension without a name column', () => {
    const lookup = new DimensionNameLookup(tables());
    expect(lookup.namesFor('plan', { metrics: ['cost'], dimensions: ['plan'] })('旧名')).toBeUndefined();
  });
});
