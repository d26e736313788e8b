/**
 * Each condition fires exactly on the (dimension value, window) pairs worked out by hand below, and
 * not on values under the minimum volume. The latest date in every fixture is 2024-11-05.
 */
import { defaultRules } from './default-rules';
import { evaluateRules } from './evaluate-rules';
import { adRow, buildTables, firedAt, reproduce, rule } from './testing/helpers';

const DAY = '2024-11-05..2024-11-05';

describe('< and > (levels)', () => {
  // CTR < 2% per plan on the latest day, impressions ≥ 1000
  //   plan  day    impressions clicks  ctr     volume ok   fires
  //   P1    11-04     1000        5    0.5%       yes     (not the latest day)
  //   P1    11-05     2000       30    1.5%       yes        yes
  //   P2    11-05     5000      150    3%         yes        no
  //   P3    11-05      500        1    0.2%       no (500)   no
  //   P4    11-05     1000       20    2% exactly yes        no (not below)
  //   P5    11-05     1000       19    1.9%       yes (=min) yes
  const rows = [
    adRow('2024-11-04', 'P1', '计划A', { impressions: 1000, clicks: 5 }),
    adRow('2024-11-05', 'P1', '计划A', { impressions: 2000, clicks: 30 }),
    adRow('2024-11-05', 'P2', '计划B', { impressions: 5000, clicks: 150 }),
    adRow('2024-11-05', 'P3', '计划C', { impressions: 500, clicks: 1 }),
    adRow('2024-11-05', 'P4', '计划D', { impressions: 1000, clicks: 20 }),
    adRow('2024-11-05', 'P5', '计划E', { impressions: 1000, clicks: 19 }),
  ];
  const ctrBelow = rule({ metric: 'ctr', op: '<', value: 0.02, minVolume: { metric: 'impressions', min: 1000 } });

  it('fires on P1 and P5 for 2024-11-05 only', () => {
    const tables = buildTables({ ad: rows });
    const { candidates, scopes, skipped } = evaluateRules([ctrBelow], tables);
    expect(skipped).toEqual([]);
    expect(scopes).toEqual([{ ruleId: 'r1', window: { from: '2024-11-05', to: '2024-11-05' } }]);
    expect(firedAt(candidates)).toEqual([`P1@${DAY}`, `P5@${DAY}`]);
    const p1 = candidates.find((c) => c.dimensionValue === 'P1')!;
    expect(p1.observed).toBe(0.015);
    expect(p1.threshold).toBe(0.02);
    expect(p1.dimensionLabel).toBe('计划A');
    expect(p1.values).toEqual({ ctr: 0.015, impressions: 2000 });
    expect(p1.previous).toBeUndefined();
    expect(p1.message).toEqual({
      zh: '计划A（ID P1） 2024-11-05 的点击率为 1.50%，低于 2.00%',
      en: 'CTR of 计划A (ID P1) on 2024-11-05 is 1.50%, below 2.00%',
    });
    expect(reproduce(p1, tables).observed).toBe(0.015);
  });

  it('asOf moves the window: on 2024-11-04 P1 (0.5%) fires', () => {
    const { candidates } = evaluateRules([ctrBelow], buildTables({ ad: rows }), { asOf: '2024-11-04' });
    expect(firedAt(candidates)).toEqual(['P1@2024-11-04..2024-11-04']);
  });

  it('> on a 7-day window excludes the day before it', () => {
    // CPC > ¥2 per plan over 2024-10-30..2024-11-05
    //   P1: 10-29 ¥0 / 1000 clicks (outside; inside it would make CPC 250 / 1100 = 0.23)
    //       10-30 ¥100 / 40, 11-05 ¥150 / 60  -> ¥250 / 100 = ¥2.50 > 2   fires
    //   P2: 10-30 ¥100 / 50                    -> ¥2.00, not above 2        no
    const tables = buildTables({
      ad: [
        adRow('2024-10-29', 'P1', '计划A', { cost: 0, clicks: 1000 }),
        adRow('2024-10-30', 'P1', '计划A', { cost: 100, clicks: 40 }),
        adRow('2024-11-05', 'P1', '计划A', { cost: 150, clicks: 60 }),
        adRow('2024-10-30', 'P2', '计划B', { cost: 100, clicks: 50 }),
      ],
    });
    const { candidates } = evaluateRules([rule({ metric: 'cpc', op: '>', value: 2, window: '7d' })], tables);
    expect(firedAt(candidates)).toEqual(['P1@2024-10-30..2024-11-05']);
    expect(candidates[0].observed).toBe(2.5);
    expect(candidates[0].message.zh).toBe('计划A（ID P1） 2024-10-30 至 2024-11-05 的平均点击单价为 ¥2.50，高于 ¥2.00');
    expect(reproduce(candidates[0], tables).observed).toBe(2.5);
  });

  it('period covers all the data; the whole workspace has no dimension value', () => {
    // cost 10-01 ¥60 + 11-05 ¥50 = ¥110 > ¥100
    const tables = buildTables({ ad: [adRow('2024-10-01', 'P1', '计划A', { cost: 60 }), adRow('2024-11-05', 'P2', '计划B', { cost: 50 })] });
    const { candidates } = evaluateRules([rule({ metric: 'cost', op: '>', value: 100, dimension: null, window: 'period' })], tables);
    expect(firedAt(candidates)).toEqual(['null@2024-10-01..2024-11-05']);
    expect(candidates[0].observed).toBe(110);
    expect(candidates[0].message.en).toBe('Cost of the workspace from 2024-10-01 to 2024-11-05 is ¥110.00, above ¥100.00');
    expect(candidates[0].evidence.query.filters).toEqual([]);
  });
});

describe('change in % against the previous window', () => {
  // CPA up more than 30% day over day, cost ≥ ¥100 in both days
  //   plan  11-04 cost/conv (CPA)   11-05 cost/conv (CPA)   change   volume          fires
  //   P1    200 / 20 (10)           260 / 20 (13)           +30%     ok              no (not more than 30%)
  //   P2    200 / 20 (10)           300 / 20 (15)           +50%     ok              yes
  //   P3     50 /  5 (10)           300 / 10 (30)           +200%    11-04 ¥50       no
  //   P4    200 / 20 (10)            90 /  3 (30)           +200%    11-05 ¥90       no
  //   P5    —                       500 / 10 (50)           —        no previous     no
  //   P6    300 /  0 (—)            300 / 10 (30)           —        CPA 11-04 null  no
  const tables = buildTables({
    ad: [
      adRow('2024-11-04', 'P1', '计划A', { cost: 200, conversions: 20 }),
      adRow('2024-11-05', 'P1', '计划A', { cost: 260, conversions: 20 }),
      adRow('2024-11-04', 'P2', '计划B', { cost: 200, conversions: 20 }),
      adRow('2024-11-05', 'P2', '计划B', { cost: 300, conversions: 20 }),
      adRow('2024-11-04', 'P3', '计划C', { cost: 50, conversions: 5 }),
      adRow('2024-11-05', 'P3', '计划C', { cost: 300, conversions: 10 }),
      adRow('2024-11-04', 'P4', '计划D', { cost: 200, conversions: 20 }),
      adRow('2024-11-05', 'P4', '计划D', { cost: 90, conversions: 3 }),
      adRow('2024-11-05', 'P5', '计划E', { cost: 500, conversions: 10 }),
      adRow('2024-11-04', 'P6', '计划F', { cost: 300, conversions: 0 }),
      adRow('2024-11-05', 'P6', '计划F', { cost: 300, conversions: 10 }),
    ],
  });

  it('CPA up > 30%: only P2', () => {
    const { candidates } = evaluateRules([rule({ metric: 'cpa', op: 'change_pct_up', value: 0.3, minVolume: { metric: 'cost', min: 100 } })], tables);
    expect(firedAt(candidates)).toEqual([`P2@${DAY}`]);
    const [p2] = candidates;
    expect(p2).toMatchObject({ observed: 15, previous: 10, threshold: 13, change: 0.5, previousWindow: { from: '2024-11-04', to: '2024-11-04' } });
    expect(p2.message.zh).toBe('计划B（ID P2） 2024-11-05 的转化成本为 ¥15.00，较上一周期（¥10.00）上升 50%，超过 30%');
    expect(p2.message.en).toBe('CPA of 计划B (ID P2) on 2024-11-05 is ¥15.00, up 50% from ¥10.00 (more than 30%)');
    expect(reproduce(p2, tables)).toEqual({ observed: 15, previous: 10 });
  });

  it('without a volume floor P3 and P4 fire too, never P1, P5 or P6', () => {
    const { candidates } = evaluateRules([rule({ metric: 'cpa', op: 'change_pct_up', value: 0.3 })], tables);
    expect(firedAt(candidates)).toEqual([`P2@${DAY}`, `P3@${DAY}`, `P4@${DAY}`]);
  });

  it('CTR down > 30%: a fall of exactly 30% does not fire', () => {
    //   plan  11-04 imp/clicks (CTR)   11-05 imp/clicks (CTR)   change    volume            fires
    //   A     1000 / 30 (3%)           2000 / 40 (2%)           −33.3%    ok                yes
    //   B     1000 / 30 (3%)           1000 / 21 (2.1%)         −30%      ok                no
    //   C      500 / 15 (3%)           5000 / 50 (1%)           −66.7%    11-04 500 < 1000  no
    //   D     1000 / 30 (3%)            800 /  8 (1%)           −66.7%    11-05 800 < 1000  no
    const t = buildTables({
      ad: [
        adRow('2024-11-04', 'A', '计划A', { impressions: 1000, clicks: 30 }),
        adRow('2024-11-05', 'A', '计划A', { impressions: 2000, clicks: 40 }),
        adRow('2024-11-04', 'B', '计划B', { impressions: 1000, clicks: 30 }),
        adRow('2024-11-05', 'B', '计划B', { impressions: 1000, clicks: 21 }),
        adRow('2024-11-04', 'C', '计划C', { impressions: 500, clicks: 15 }),
        adRow('2024-11-05', 'C', '计划C', { impressions: 5000, clicks: 50 }),
        adRow('2024-11-04', 'D', '计划D', { impressions: 1000, clicks: 30 }),
        adRow('2024-11-05', 'D', '计划D', { impressions: 800, clicks: 8 }),
      ],
    });
    const { candidates } = evaluateRules([rule({ metric: 'ctr', op: 'change_pct_down', value: 0.3, minVolume: { metric: 'impressions', min: 1000 } })], t);
    expect(firedAt(candidates)).toEqual([`A@${DAY}`]);
    expect(candidates[0].observed).toBe(0.02);
    expect(candidates[0].previous).toBe(0.03);
    expect(candidates[0].threshold).toBeCloseTo(0.021, 15);
    expect(candidates[0].change).toBeCloseTo(-1 / 3, 12);
  });
});

describe('floating-point noise at the threshold', () => {
  it('CTR 3% -> 3.9% is +30% (computed as 0.30000000000000004): not more than 30%; 4% is', () => {
    const t = buildTables({
      ad: [
        adRow('2024-11-04', 'A', '计划A', { impressions: 1000, clicks: 30 }),
        adRow('2024-11-05', 'A', '计划A', { impressions: 1000, clicks: 39 }),
        adRow('2024-11-04', 'B', '计划B', { impressions: 1000, clicks: 30 }),
        adRow('2024-11-05', 'B', '计划B', { impressions: 1000, clicks: 40 }),
      ],
    });
    const { candidates } = evaluateRules([rule({ metric: 'ctr', op: 'change_pct_up', value: 0.3 })], t);
    expect(firedAt(candidates)).toEqual([`B@${DAY}`]);
  });
});

describe('change in percentage points over 7 days', () => {
  // previous 10-23..10-29, current 10-30..11-05; 10-22 is outside both
  //   plan X: previous 2000 / 40 (2%)   current 2000 / 70 (3.5%)   +1.5 pp
  //   plan Y: previous 2000 / 40 (2%)   current 2000 / 50 (2.5%)   +0.5 pp
  //   workspace: previous 4000 / 80 (2%), current 4000 / 120 (3%)   +1 pp exactly
  const tables = buildTables({
    ad: [
      { date: '2024-10-22', plan: 'X', impressions: 1000, clicks: 900 },
      { date: '2024-10-23', plan: 'X', impressions: 1000, clicks: 20 },
      { date: '2024-10-29', plan: 'X', impressions: 1000, clicks: 20 },
      { date: '2024-10-30', plan: 'X', impressions: 1000, clicks: 30 },
      { date: '2024-11-05', plan: 'X', impressions: 1000, clicks: 40 },
      { date: '2024-10-25', plan: 'Y', impressions: 2000, clicks: 40 },
      { date: '2024-11-01', plan: 'Y', impressions: 2000, clicks: 50 },
    ],
  });

  it('up more than 1 pp per plan name: X only', () => {
    const { candidates } = evaluateRules([rule({ metric: 'ctr', op: 'change_pp_up', value: 0.01, dimension: 'plan', window: '7d' })], tables);
    expect(firedAt(candidates)).toEqual(['X@2024-10-30..2024-11-05']);
    const [x] = candidates;
    expect(x.previousWindow).toEqual({ from: '2024-10-23', to: '2024-10-29' });
    expect(x.observed).toBe(0.035);
    expect(x.previous).toBe(0.02);
    expect(x.change).toBeCloseTo(0.015, 15);
    expect(x.threshold).toBeCloseTo(0.03, 15);
    expect(x.dimensionLabel).toBeUndefined();
    expect(x.message.zh).toBe('X 2024-10-30 至 2024-11-05 的点击率为 3.50%，较上一周期（2.00%）上升 1.5个百分点，超过 1个百分点');
    expect(reproduce(x, tables)).toEqual({ observed: 0.035, previous: 0.02 });
  });

  it('the workspace rose exactly 1 pp: not more than 1 pp; down rules stay silent', () => {
    const up = rule({ metric: 'ctr', op: 'change_pp_up', value: 0.01, dimension: null, window: '7d' });
    const upHalf = { ...up, id: 'r2', value: 0.005 };
    const down = { ...up, id: 'r3', op: 'change_pp_down' as const };
    const { candidates } = evaluateRules([up, upHalf, down], tables);
    expect(candidates.map((c) => c.ruleId)).toEqual(['r2']);
    expect(candidates[0].change).toBeCloseTo(0.01, 15);
  });
});

describe('below break-even ROI', () => {
  // gross margin 30%: break-even ROI = 1 / 0.3 = 3.33…; cost ≥ ¥100
  //   P1 ¥300 -> GMV ¥900  ROI 3.00        fires
  //   P2 ¥300 -> ¥1200     ROI 4.00        no
  //   P3 ¥50  -> ¥0        ROI 0           under the volume floor
  //   P4 ¥300 -> ¥1000     ROI 3.33… = break-even, not below
  const tables = buildTables({
    ad: [
      adRow('2024-11-05', 'P1', '计划A', { cost: 300, gmv: 900 }),
      adRow('2024-11-05', 'P2', '计划B', { cost: 300, gmv: 1200 }),
      adRow('2024-11-05', 'P3', '计划C', { cost: 50, gmv: 0 }),
      adRow('2024-11-05', 'P4', '计划D', { cost: 300, gmv: 1000 }),
    ],
  });

  it('fires on P1 only, with the break-even ROI as the threshold', () => {
    const { candidates } = evaluateRules(
      [rule({ metric: 'roi', op: 'below_breakeven_roi', grossMargin: 0.3, minVolume: { metric: 'cost', min: 100 }, severity: 'high' })],
      tables,
    );
    expect(firedAt(candidates)).toEqual([`P1@${DAY}`]);
    const [p1] = candidates;
    expect(p1.observed).toBe(3);
    expect(p1.threshold).toBeCloseTo(10 / 3, 12);
    expect(p1.severity).toBe('high');
    expect(p1.message.zh).toBe('计划A（ID P1） 2024-11-05 的支付ROI（投产比）为 3.00，低于保本ROI 3.33（毛利率 30%）');
    expect(p1.evidence.query.params).toEqual({ gross_margin: 0.3 });
    expect(reproduce(p1, tables).observed).toBe(3);
  });

  it('a figure just under its limit is written with the decimals that tell them apart', () => {
    // ROI 999.12 / 300 = 3.3304 under 1 / 0.3 = 3.3333: at 2 decimals both read 3.33, at 3 they differ.
    const close = buildTables({ ad: [adRow('2024-11-05', 'P9', '计划Z', { cost: 300, gmv: 999.12 })] });
    const [c] = evaluateRules([rule({ metric: 'roi', op: 'below_breakeven_roi', grossMargin: 0.3 })], close).candidates;
    expect(c.observed).toBeCloseTo(3.3304, 12);
    expect(c.message.zh).toBe('计划Z（ID P9） 2024-11-05 的支付ROI（投产比）为 3.330，低于保本ROI 3.333（毛利率 30%）');
    expect(c.message.en).toBe('ROI of 计划Z (ID P9) on 2024-11-05 is 3.330, below the break-even ROI 3.333 (gross margin 30%)');
  });
});

describe('zero with spend', () => {
  //   P1 ¥150, 0 orders       fires
  //   P2 ¥150, 2 orders       no
  //   P3 ¥99.99, 0 orders     under ¥100 (fires without the floor)
  //   P4 ¥0, 0 orders         no spend: never
  const tables = buildTables({
    ad: [
      adRow('2024-11-05', 'P1', '计划A', { cost: 150, orders: 0 }),
      adRow('2024-11-05', 'P2', '计划B', { cost: 150, orders: 2 }),
      adRow('2024-11-05', 'P3', '计划C', { cost: 99.99, orders: 0 }),
      adRow('2024-11-05', 'P4', '计划D', { cost: 0, orders: 0 }),
    ],
  });
  const zero = rule({ metric: 'ad_orders', op: 'zero_with_spend', minVolume: { metric: 'cost', min: 100 } });

  it('fires on P1; without the floor on P3 as well, never on P4', () => {
    const withFloor = evaluateRules([zero], tables).candidates;
    expect(firedAt(withFloor)).toEqual([`P1@${DAY}`]);
    expect(withFloor[0]).toMatchObject({ observed: 0, threshold: 0, values: { ad_orders: 0, cost: 150 } });
    expect(withFloor[0].message).toEqual({
      zh: '计划A（ID P1） 2024-11-05 消耗 ¥150.00，成交订单数(广告)为 0',
      en: '计划A (ID P1) spent ¥150.00 on 2024-11-05 with Ad orders at 0',
    });
    expect(firedAt(evaluateRules([{ ...zero, minVolume: null }], tables).candidates)).toEqual([`P1@${DAY}`, `P3@${DAY}`]);
  });

  it('an export without an orders column does not mean zero orders', () => {
    const noOrders = buildTables({ ad: [adRow('2024-11-05', 'P1', '计划A', { cost: 150 })] });
    expect(evaluateRules([zero], noOrders).candidates).toEqual([]);
  });
});

describe('rules the data cannot answer', () => {
  it('are skipped with the engine message, not thrown', () => {
    const tables = buildTables({ ad: [{ date: '2024-11-05', impressions: 10, clicks: 1 }] });
    const rules = [
      rule({ id: 'unit', metric: 'ctr', op: '<', value: 0.5, dimension: 'unit_id' }),
      rule({ id: 'gmv', metric: 'gmv', op: '<', value: 1, dimension: null }),
      rule({ id: 'ok', metric: 'ctr', op: '<', value: 0.5, dimension: null }),
    ];
    const { candidates, skipped, scopes } = evaluateRules(rules, tables);
    expect(skipped.map((s) => [s.ruleId, s.code])).toEqual([
      ['unit', 'DIMENSION_NOT_AVAILABLE'],
      ['gmv', 'METRIC_DATA_MISSING'],
    ]);
    expect(skipped[0].message.zh).toContain('unit_id');
    expect(scopes.map((s) => s.ruleId)).toEqual(['ok']);
    expect(firedAt(candidates)).toEqual([`null@${DAY}`]);
  });

  it('skips an invalid stored rule and a disabled one', () => {
    const tables = buildTables({ ad: [{ date: '2024-11-05', impressions: 10, clicks: 1 }] });
    const { skipped, scopes } = evaluateRules(
      [rule({ id: 'bad', metric: 'no_such_metric', op: '<' }), rule({ id: 'off', metric: 'ctr', op: '<', value: 1, enabled: false })],
      tables,
    );
    expect(skipped.map((s) => [s.ruleId, s.code])).toEqual([['bad', 'RULE_INVALID']]);
    expect(skipped[0].message.en).toBe('Invalid rule: Unknown metric: no_such_metric');
    expect(scopes).toEqual([]);
  });
});

describe('default rules on one day of a plan export', () => {
  //   plan  11-04: cost conv orders gmv  imp    clicks | 11-05: cost conv orders gmv   imp    clicks
  //   P1           200   20   2     900  10000  300    |        300   20   2      600  10000  180
  //     ROI 11-05 = 2.00 < 3.33 (high); CPA 10 -> 15 (+50%); CTR 3% -> 1.8% (−40%); has orders
  //   P2           200   20   2     900  10000  300    |        200   20   0        0  10000  300
  //     ROI 0 < 3.33; CPA flat; CTR flat; ¥200 and no orders
  //   P3           200   20   2    1000  10000  300    |         80    1   0        0    900    2
  //     under every floor on 11-05 (cost ¥80, 900 impressions): nothing
  //   P4           200   20   2    1000  10000  300    |        200   20   2     1000  10000  300
  //     ROI 5 ≥ 3.33, flat: nothing
  const day = (date: string, id: string, f: number[]) =>
    adRow(date, id, `计划${id}`, { cost: f[0], conversions: f[1], orders: f[2], gmv: f[3], impressions: f[4], clicks: f[5] });
  const tables = buildTables({
    ad: [
      day('2024-11-04', 'P1', [200, 20, 2, 900, 10000, 300]),
      day('2024-11-05', 'P1', [300, 20, 2, 600, 10000, 180]),
      day('2024-11-04', 'P2', [200, 20, 2, 900, 10000, 300]),
      day('2024-11-05', 'P2', [200, 20, 0, 0, 10000, 300]),
      day('2024-11-04', 'P3', [200, 20, 2, 1000, 10000, 300]),
      day('2024-11-05', 'P3', [80, 1, 0, 0, 900, 2]),
      day('2024-11-04', 'P4', [200, 20, 2, 1000, 10000, 300]),
      day('2024-11-05', 'P4', [200, 20, 2, 1000, 10000, 300]),
    ],
  });

  it('fire exactly where worked out', () => {
    const { candidates, skipped } = evaluateRules(defaultRules(), tables);
    expect(skipped).toEqual([]);
    const fired = candidates.map((c) => `${c.ruleId}:${c.dimensionValue}`).sort();
    expect(fired).toEqual([
      'default-cpa-up:P1',
      'default-ctr-down:P1',
      'default-roi-below-breakeven:P1',
      'default-roi-below-breakeven:P2',
      'default-spend-no-orders:P2',
    ]);
    for (const c of candidates) {
      expect(c.window).toEqual({ from: '2024-11-05', to: '2024-11-05' });
      expect(reproduce(c, tables).observed).toBe(c.observed);
    }
  });
});
