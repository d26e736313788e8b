import { ALL_METRICS, buildRegistry, metricRegistry, MetricRegistryError } from './registry';
import { PARAMS } from './definitions/params';
import { ROW_FILTERS } from './definitions/row-filters';
import type { MetricDef } from './types';

/** Every key of DESIGN §4's table of initial derived metrics. */
const DESIGN_TABLE_KEYS = [
  'ctr',
  'cvr',
  'order_cvr',
  'cpc',
  'cpm',
  'cpa',
  'cost_per_order',
  'roi',
  'profit_roi',
  'breakeven_roi',
  'gmv',
  'paid_orders',
  'buyers',
  'aov',
  'avg_order_value',
  'units',
  'refund_amount',
  'refund_rate',
  'refund_order_rate',
  'gpm',
  'engagement_rate',
  'follower_conversion_rate',
  'profile_follow_rate',
  'completion_rate',
];

/** DESIGN §4 base metrics. */
const DESIGN_BASE_KEYS = [
  'impressions',
  'clicks',
  'cost',
  'conversions',
  'ad_orders',
  'ad_gmv',
  'plays',
  'likes',
  'comments',
  'shares',
  'favorites',
  'profile_visits',
  'follower_gain',
  'follower_net',
  'unfollows',
];

const metric = (over: Partial<MetricDef> & { key: string }): MetricDef => ({
  label: { zh: over.key, en: over.key },
  description: { zh: over.key, en: over.key },
  // Base metrics write their formula; ratio and derived ones have it generated from `expr`.
  ...(over.kind === 'ratio' || over.kind === 'derived' ? {} : { formula: { zh: over.key, en: over.key } }),
  kind: 'sum',
  unit: 'count',
  decimals: 0,
  direction: 'up',
  kinds: ['ad'],
  standard: [],
  ...over,
});

function problemsOf(defs: MetricDef[]): string[] {
  try {
    buildRegistry(defs, PARAMS, ROW_FILTERS);
  } catch (err) {
    expect(err).toBeInstanceOf(MetricRegistryError);
    return (err as MetricRegistryError).problems;
  }
  throw new Error('expected a MetricRegistryError');
}

describe('the product registry', () => {
  it('validates and holds at least 30 metrics', () => {
    const registry = metricRegistry();
    expect(registry.metrics.size).toBeGreaterThanOrEqual(30);
    expect(registry.metrics.size).toBe(ALL_METRICS.length);
  });

  it.each([...DESIGN_TABLE_KEYS, ...DESIGN_BASE_KEYS])('has the DESIGN §4 metric %s', (key) => {
    expect(metricRegistry().metrics.has(key)).toBe(true);
  });

  it('has the live metrics of DESIGN §3.7 and the cross-kind ad share of GMV', () => {
    for (const key of [
      'entry_rate',
      'product_ctr',
      'watch_to_buy_rate',
      'click_to_buy_rate',
      'live_gpm',
      'uv_value',
      'live_aov',
      'follow_rate',
      'live_roi',
      'avg_watch_minutes',
      'ad_gmv_share',
    ]) {
      expect(metricRegistry().metrics.has(key)).toBe(true);
    }
  });

  it('keeps every metric consistent: zh/en labels, a formula, known kinds, derived inputs resolved', () => {
    const registry = metricRegistry();
    for (const m of registry.metrics.values()) {
      expect(m.label.zh && m.label.en && m.formula.zh && m.formula.en).toBeTruthy();
      if (m.kind === 'ratio' || m.kind === 'derived') {
        expect(registry.expressions.has(m.key)).toBe(true);
        expect(m.inputs.length).toBeGreaterThan(0);
        for (const i of m.inputs) expect(registry.metrics.has(i) || registry.params.has(i)).toBe(true);
      } else {
        expect(m.inputs).toEqual([]);
      }
    }
  });

  it('derives inputs from the expressions (the formula shown is the formula computed)', () => {
    const r = metricRegistry();
    expect(new Set(r.metrics.get('ctr')!.inputs)).toEqual(new Set(['clicks', 'impressions']));
    expect(new Set(r.metrics.get('profit_roi')!.inputs)).toEqual(new Set(['ad_gmv', 'cost']));
    expect(r.metrics.get('breakeven_roi')!.inputs).toEqual(['gross_margin']);
    expect(new Set(r.metrics.get('engagement_rate')!.inputs)).toEqual(new Set(['likes', 'comments', 'shares', 'favorites', 'plays']));
    expect(r.metrics.get('completion_rate')).toMatchObject({ kind: 'weighted_avg', field: 'completion_rate', weight: 'plays' });
    expect(r.metrics.get('avg_watch_minutes')).toMatchObject({ kind: 'weighted_avg', field: 'avg_watch_minutes', weight: 'viewers' });
  });

  it('keeps ad-attributed GMV and shop GMV apart (a key never means two things)', () => {
    const r = metricRegistry();
    expect(r.metrics.get('gmv')).toMatchObject({ kinds: ['order'], field: 'payable_amount', rowFilter: 'paid' });
    expect(r.metrics.get('ad_gmv')).toMatchObject({ kinds: ['ad'], field: 'gmv' });
  });
});

describe('buildRegistry with broken definitions', () => {
  it('accepts a small valid registry', () => {
    const r = buildRegistry(
      [
        metric({ key: 'clicks', field: 'clicks' }),
        metric({ key: 'impressions', field: 'impressions' }),
        metric({ key: 'ctr', kind: 'ratio', expr: 'clicks / impressions' }),
      ],
      PARAMS,
      ROW_FILTERS,
    );
    expect(r.metrics.size).toBe(3);
  });

  it('reports every error at once in one MetricRegistryError', () => {
    const broken: MetricDef[] = [
      metric({ key: 'clicks', field: 'clicks' }),
      // duplicate key
      metric({ key: 'clicks', field: 'clicks' }),
      // unknown input
      metric({ key: 'ctr', kind: 'ratio', expr: 'clicks / impresions' }),
      // cycle a -> b -> a
      metric({ key: 'loop_a', kind: 'derived', expr: 'loop_b + 1' }),
      metric({ key: 'loop_b', kind: 'derived', expr: 'loop_a * 2' }),
      // self-cycle
      metric({ key: 'selfish', kind: 'derived', expr: 'selfish / clicks' }),
      // missing field (sum without a field)
      metric({ key: 'no_field' }),
      // a field the kind does not have
      metric({ key: 'wrong_field', field: 'no_such_column' }),
      // bad expressions
      metric({ key: 'bad_expr', kind: 'ratio', expr: 'clicks / (impressions' }),
      metric({ key: 'bad_token', kind: 'ratio', expr: 'clicks % impressions' }),
      // ratio without an expression, sum with one
      metric({ key: 'no_expr', kind: 'ratio' }),
      metric({ key: 'sum_with_expr', field: 'clicks', expr: 'clicks' }),
      // weighted average without a weight; unknown row filter
      metric({ key: 'no_weight', kind: 'weighted_avg', field: 'cost' }),
      metric({ key: 'bad_filter', field: 'cost', rowFilter: 'nope' }),
      // key shape, decimals, labels
      metric({ key: 'BadKey', field: 'clicks' }),
      metric({ key: 'too_precise', field: 'clicks', decimals: 9 }),
      metric({ key: 'no_label', field: 'clicks', label: { zh: '', en: 'x' } }),
      // a metric key that shadows a parameter
      metric({ key: 'gross_margin', field: 'clicks' }),
      // a derived formula written by hand beside its expression
      metric({ key: 'by_hand', kind: 'ratio', expr: 'clicks / clicks', formula: { zh: '点击数 ÷ 点击数', en: 'clicks ÷ clicks' } }),
    ];
    const problems = problemsOf(broken);
    const expected = [
      'clicks: duplicate key',
      'ctr: unknown input impresions',
      'loop_a: depends on itself',
      'loop_b: depends on itself',
      'selfish: depends on itself',
      'no_field: sum needs a field',
      'wrong_field: kind ad has no field no_such_column',
      'no_expr: ratio needs an expression',
      'sum_with_expr: a sum metric has no expression',
      'no_weight: weighted_avg needs a weight',
      'bad_filter: unknown row filter nope',
      'BadKey: key must be snake_case',
      'too_precise: decimals must be 0..6',
      'no_label: label and formula need zh and en',
      'gross_margin: key is also a parameter',
      'by_hand: the formula is generated from expr',
    ];
    for (const p of expected) expect(problems).toContain(p);
    expect(problems.some((p) => p.startsWith('bad_expr: ') && p.includes('")"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('bad_token: ') && p.includes('%'))).toBe(true);
    expect(problems).toHaveLength(expected.length + 2);
  });

  it('reports an unknown export kind as a problem (alongside the others), not as a crash', () => {
    const problems = problemsOf([
      metric({ key: 'clicks', field: 'clicks', kinds: ['ad', 'tiktok' as never] }),
      metric({ key: 'ctr', kind: 'ratio', expr: 'clicks / nothing' }),
    ]);
    expect(problems).toContain('clicks: unknown kind tiktok');
    expect(problems).toContain('ctr: unknown input nothing');
  });

  it('reports an unknown field in a row filter', () => {
    try {
      buildRegistry([metric({ key: 'clicks', field: 'clicks' })], PARAMS, [{ key: 'f', label: { zh: 'f', en: 'f' }, clauses: [{ field: 'nope', in: ['x'] }] }]);
      throw new Error('expected a MetricRegistryError');
    } catch (err) {
      expect(err).toBeInstanceOf(MetricRegistryError);
      expect((err as MetricRegistryError).problems).toEqual(['row filter f: unknown field nope']);
      expect((err as Error).message).toContain('row filter f: unknown field nope');
    }
  });
});
