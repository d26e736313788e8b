import { defaultRules } from './default-rules';
import { assertValidRule, groupableFields, RuleValidationError, validateRule, validateRules } from './rule-validation';

const codes = (input: unknown) => validateRule(input).errors.map((e) => `${e.field}:${e.code}`);
const base = { metric: 'ctr', op: '<', value: 0.01, dimension: 'plan_id', window: 'day', severity: 'low' };

describe('validateRule', () => {
  it('accepts the default rules and normalises optional fields', () => {
    for (const r of defaultRules()) expect(validateRule(r).errors).toEqual([]);
    const result = validateRule({ ...base, extra: 'dropped' });
    expect(result).toEqual({ ok: true, errors: [], rule: { ...base, minVolume: null, grossMargin: null, note: null, enabled: true } });
  });

  it('reports every problem at once, in zh and en', () => {
    const result = validateRule({
      id: '',
      metric: 'nope',
      op: '>=',
      value: 'x',
      dimension: 'plan_id',
      window: 'month',
      severity: 'urgent',
      note: 42,
      enabled: 'yes',
    });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'id:ID_INVALID',
      'metric:UNKNOWN_METRIC',
      'op:UNKNOWN_OP',
      'value:VALUE_NOT_NUMBER',
      'window:UNKNOWN_WINDOW',
      'severity:UNKNOWN_SEVERITY',
      'note:NOTE_INVALID',
      'enabled:ENABLED_INVALID',
    ]);
    const op = result.errors.find((e) => e.code === 'UNKNOWN_OP')!;
    expect(op.message.zh).toBe(
      '未知条件：>=（可用：<, >, change_pct_up, change_pct_down, change_pp_up, change_pp_down, below_breakeven_roi, zero_with_spend）',
    );
    expect(op.message.en).toContain('Unknown condition: >=');
  });

  it('checks each condition against the metric registry', () => {
    // percentage points only for percent metrics; a change needs a fixed window and a positive size
    expect(codes({ ...base, metric: 'cpa', op: 'change_pp_up', value: 0.01 })).toEqual(['op:PP_NEEDS_PERCENT']);
    expect(codes({ ...base, op: 'change_pp_down', value: 5 })).toEqual(['value:PP_OUT_OF_RANGE']);
    expect(codes({ ...base, op: 'change_pct_down', value: 0.3, window: 'period' })).toEqual(['window:CHANGE_NEEDS_FIXED_WINDOW']);
    expect(codes({ ...base, op: 'change_pct_up', value: -0.3 })).toEqual(['value:CHANGE_NOT_POSITIVE']);
    // break-even: ROI only, with a gross margin in (0, 1]
    expect(codes({ ...base, op: 'below_breakeven_roi' })).toEqual(['metric:OP_ONLY_METRIC', 'grossMargin:GROSS_MARGIN_REQUIRED']);
    expect(codes({ ...base, metric: 'roi', op: 'below_breakeven_roi', grossMargin: 0 })).toEqual(['grossMargin:GROSS_MARGIN_OUT_OF_RANGE']);
    expect(codes({ ...base, metric: 'roi', op: 'below_breakeven_roi', grossMargin: 0.4 })).toEqual([]);
    expect(codes({ ...base, grossMargin: 0.3 })).toEqual(['grossMargin:GROSS_MARGIN_UNUSED']);
    // zero needs a count or a sum
    expect(codes({ ...base, op: 'zero_with_spend' })).toEqual(['metric:OP_NEEDS_ADDITIVE']);
    expect(codes({ ...base, metric: 'ad_orders', op: 'zero_with_spend' })).toEqual([]);
  });

  it('checks the dimension and the minimum volume against the export schemas', () => {
    expect(codes({ ...base, dimension: 'impressions' })).toEqual(['dimension:UNKNOWN_DIMENSION']);
    expect(codes({ ...base, dimension: 'order_id' })).toEqual(['dimension:UNKNOWN_DIMENSION']);
    expect(codes({ ...base, dimension: 'date' })).toEqual(['dimension:UNKNOWN_DIMENSION']);
    expect(codes({ ...base, dimension: null })).toEqual([]);
    expect(codes({ ...base, minVolume: { metric: 'gmv', min: 100 } })).toEqual(['minVolume.metric:METRICS_NOT_COMBINABLE']);
    expect(codes({ ...base, minVolume: { metric: 'nope', min: -1 } })).toEqual(['minVolume.metric:MIN_VOLUME_UNKNOWN_METRIC', 'minVolume.min:MIN_VOLUME_MIN']);
    expect(codes({ ...base, minVolume: 5 })).toEqual(['minVolume:MIN_VOLUME_INVALID']);
    const dim = validateRule({ ...base, dimension: 'order_id' }).errors[0];
    expect(dim.params.allowed).toContain('plan_id');
    expect(dim.params.allowed).not.toContain('impressions');
  });

  it('groupable fields are the text fields of a kind', () => {
    expect(groupableFields(['ad'])).toEqual([
      'account',
      'account_id',
      'campaign',
      'campaign_id',
      'plan',
      'plan_id',
      'unit',
      'unit_id',
      'material',
      'material_id',
      'product',
      'product_id',
      'placement',
      'promotion_type',
      'audience',
      'gender',
      'age_band',
      'region',
      'landing_page',
      'landing_page_id',
    ]);
  });

  it('assertValidRule throws every problem', () => {
    expect(() => assertValidRule({ ...base, metric: 'nope', severity: 'x' })).toThrow(RuleValidationError);
    try {
      assertValidRule({ ...base, metric: 'nope', severity: 'x' });
    } catch (err) {
      expect((err as RuleValidationError).errors.map((e) => e.code)).toEqual(['UNKNOWN_METRIC', 'UNKNOWN_SEVERITY']);
    }
  });
});

describe('validateRules', () => {
  it('needs unique ids and prefixes problems with the index', () => {
    const result = validateRules([{ ...base, id: 'a' }, { ...base, id: 'a' }, { ...base }, { ...base, id: 'c', metric: 'nope' }]);
    expect(result.ok).toBe(false);
    expect(result.rules.map((r) => r.id)).toEqual(['a']);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['[1].id:DUPLICATE_ID', '[2].id:ID_INVALID', '[3].metric:UNKNOWN_METRIC']);
  });
});
