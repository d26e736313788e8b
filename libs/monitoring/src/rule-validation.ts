import { CodedError } from '@creator-ops/errors';
import { metricRegistry, type MetricDef } from '@creator-ops/metrics';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { OP_DEFS } from './alert-ops';
import { issue, type ValidationIssue } from './messages';
import { ALERT_OPS, ALERT_WINDOWS, SEVERITIES, type AlertOp, type AlertRule, type AlertRuleInput, type AlertWindow, type Severity } from './types';

export const NOTE_MAX_LENGTH = 500;

/** Field types a rule can group by: text values (ids, names, enums), never a metric or a time. */
const GROUPABLE_TYPES = new Set(['id', 'string', 'enum']);
const ADDITIVE_KINDS = new Set<MetricDef['kind']>(['sum', 'count', 'count_distinct']);

/** Every problem of a rule at once; `problems` (zh, for the message catalogue) and `details.errors` carry them. */
export class RuleValidationError extends CodedError {
  constructor(readonly errors: ValidationIssue[]) {
    const problems = errors.map((e) => `${e.field}: ${e.message.zh}`).join('; ');
    super(
      'INVALID_ALERT_RULE',
      { problems },
      {
        zh: `告警规则无效：${errors.map((e) => `${e.field}: ${e.message.zh}`).join('；')}`,
        en: `Invalid alert rule: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`,
      },
      { errors },
    );
    this.name = 'RuleValidationError';
  }
}

export type RuleValidation = { ok: true; rule: AlertRuleInput; errors: [] } | { ok: false; rule: null; errors: ValidationIssue[] };

/**
 * Checks one rule against the metric registry and the export schemas; every problem is reported at
 * once. The id is optional here (a POST body has none); unknown keys are dropped from the result.
 */
export function validateRule(input: unknown): RuleValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, rule: null, errors: [issue('', 'RULE_NOT_OBJECT')] };
  const r = input as Record<string, unknown>;
  const errors: ValidationIssue[] = [];
  const registry = metricRegistry();

  if (r.id !== undefined && (typeof r.id !== 'string' || r.id.trim() === '')) errors.push(issue('id', 'ID_INVALID'));

  const metric = typeof r.metric === 'string' ? registry.metrics.get(r.metric) : undefined;
  if (!metric) errors.push(issue('metric', 'UNKNOWN_METRIC', { metric: String(r.metric) }));

  const op = ALERT_OPS.includes(r.op as AlertOp) ? OP_DEFS[r.op as AlertOp] : undefined;
  if (!op) errors.push(issue('op', 'UNKNOWN_OP', { op: String(r.op), allowed: ALERT_OPS.join(', ') }));

  const value = r.value === undefined && op?.valueKind === 'unused' ? 0 : r.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(issue('value', 'VALUE_NOT_NUMBER'));
  else if (op?.valueKind === 'relative_change' && !(value > 0)) errors.push(issue('value', 'CHANGE_NOT_POSITIVE'));
  else if (op?.valueKind === 'pp_change' && !(value > 0 && value <= 1)) errors.push(issue('value', 'PP_OUT_OF_RANGE'));

  if (op && metric) {
    if (op.percentOnly && metric.unit !== 'percent') errors.push(issue('op', 'PP_NEEDS_PERCENT', { metric: metric.key }));
    if (op.onlyMetric && metric.key !== op.onlyMetric) errors.push(issue('metric', 'OP_ONLY_METRIC', { op: op.op, only: op.onlyMetric }));
    if (op.additiveOnly && !ADDITIVE_KINDS.has(metric.kind)) errors.push(issue('metric', 'OP_NEEDS_ADDITIVE', { op: op.op, metric: metric.key }));
  }

  const gm = r.grossMargin ?? null;
  if (op?.needsGrossMargin) {
    const param = registry.params.get('gross_margin')!;
    if (gm === null) errors.push(issue('grossMargin', 'GROSS_MARGIN_REQUIRED', { op: op.op }));
    else if (typeof gm !== 'number' || !(gm > param.min && gm <= param.max))
      errors.push(issue('grossMargin', 'GROSS_MARGIN_OUT_OF_RANGE', { min: param.min, max: param.max }));
  } else if (op && gm !== null) errors.push(issue('grossMargin', 'GROSS_MARGIN_UNUSED'));

  const window = r.window as AlertWindow;
  if (!ALERT_WINDOWS.includes(window)) errors.push(issue('window', 'UNKNOWN_WINDOW', { window: String(r.window), allowed: ALERT_WINDOWS.join(', ') }));
  else if (op?.compares && window === 'period') errors.push(issue('window', 'CHANGE_NEEDS_FIXED_WINDOW'));

  let minVolume: AlertRule['minVolume'] = null;
  const mvMetrics: MetricDef[] = [];
  if (r.minVolume !== undefined && r.minVolume !== null) {
    const mv = r.minVolume as Record<string, unknown>;
    if (typeof mv !== 'object' || Array.isArray(mv)) errors.push(issue('minVolume', 'MIN_VOLUME_INVALID'));
    else {
      const mvMetric = typeof mv.metric === 'string' ? registry.metrics.get(mv.metric) : undefined;
      if (!mvMetric) errors.push(issue('minVolume.metric', 'MIN_VOLUME_UNKNOWN_METRIC', { metric: String(mv.metric) }));
      else mvMetrics.push(mvMetric);
      if (typeof mv.min !== 'number' || !Number.isFinite(mv.min) || mv.min < 0) errors.push(issue('minVolume.min', 'MIN_VOLUME_MIN'));
      if (mvMetric && typeof mv.min === 'number') minVolume = { metric: mvMetric.key, min: mv.min };
    }
  }

  // Every metric the evaluation reads must come from one export so a dimension value means one thing.
  const involved = metric ? [metric, ...mvMetrics, ...(op?.extraMetrics ?? []).map((k) => registry.metrics.get(k)!)] : [];
  const common = commonKinds(involved);
  for (const other of involved.slice(1)) {
    const shared = other.crossKind || metric!.crossKind || other.kinds.some((k) => metric!.kinds.includes(k));
    if (!shared)
      errors.push(issue(mvMetrics.includes(other) ? 'minVolume.metric' : 'metric', 'METRICS_NOT_COMBINABLE', { metric: metric!.key, other: other.key }));
  }

  const dimension = r.dimension ?? null;
  if (dimension !== null && metric) {
    const allowed = groupableFields(common.length ? common : metric.kinds, involved);
    if (typeof dimension !== 'string' || !allowed.includes(dimension))
      errors.push(issue('dimension', 'UNKNOWN_DIMENSION', { dimension: String(dimension), allowed: allowed.join(', ') }));
  }

  const severity = r.severity as Severity;
  if (!SEVERITIES.includes(severity)) errors.push(issue('severity', 'UNKNOWN_SEVERITY', { severity: String(r.severity), allowed: SEVERITIES.join(', ') }));

  const note = r.note ?? null;
  if (note !== null && (typeof note !== 'string' || note.length > NOTE_MAX_LENGTH)) errors.push(issue('note', 'NOTE_INVALID', { max: NOTE_MAX_LENGTH }));
  if (r.enabled !== undefined && typeof r.enabled !== 'boolean') errors.push(issue('enabled', 'ENABLED_INVALID'));

  if (errors.length) return { ok: false, rule: null, errors };
  const rule: AlertRuleInput = {
    ...(typeof r.id === 'string' ? { id: r.id } : {}),
    metric: metric!.key,
    op: op!.op,
    value: value as number,
    dimension: dimension as string | null,
    window,
    minVolume,
    severity,
    grossMargin: op!.needsGrossMargin ? (gm as number) : null,
    note: note as string | null,
    enabled: r.enabled === undefined ? true : (r.enabled as boolean),
  };
  return { ok: true, rule, errors: [] };
}

/** Validates a workspace's rules (ids required and unique); errors are prefixed with the rule's index. */
export function validateRules(rules: unknown[]): { ok: boolean; rules: AlertRule[]; errors: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const valid: AlertRule[] = [];
  const seen = new Set<string>();
  rules.forEach((input, i) => {
    const result = validateRule(input);
    const id = (input as { id?: unknown } | null)?.id;
    const own = [...result.errors];
    if (typeof id !== 'string' || id.trim() === '') {
      if (!own.some((e) => e.field === 'id')) own.push(issue('id', 'ID_INVALID'));
    } else if (seen.has(id)) own.push(issue('id', 'DUPLICATE_ID', { id }));
    else seen.add(id);
    errors.push(...own.map((e) => ({ ...e, field: `[${i}].${e.field}`.replace(/\.$/, '') })));
    if (own.length === 0 && result.rule) valid.push(result.rule as AlertRule);
  });
  return { ok: errors.length === 0, rules: valid, errors };
}

/** Throws RuleValidationError with every problem, or returns the normalised rule. */
export function assertValidRule(input: unknown): AlertRuleInput {
  const result = validateRule(input);
  if (!result.ok) throw new RuleValidationError(result.errors);
  return result.rule;
}

/** Kinds that can supply every (single-kind) metric involved. */
function commonKinds(metrics: MetricDef[]): ExportKind[] {
  const single = metrics.filter((m) => !m.crossKind);
  if (single.length === 0) return metrics[0]?.kinds ?? [];
  return single[0].kinds.filter((k) => single.every((m) => m.kinds.includes(k)));
}

/**
 * Text fields a rule may group by: present in one of the kinds, and (for metrics that join kinds)
 * in every kind the metric joins.
 */
export function groupableFields(kinds: readonly ExportKind[], metrics: MetricDef[] = []): string[] {
  const textFields = (kind: ExportKind) => KINDS[kind].fields.filter((f) => GROUPABLE_TYPES.has(f.type)).map((f) => f.key);
  const joined = metrics.filter((m) => m.crossKind);
  const out = new Set<string>();
  for (const kind of kinds) {
    for (const field of textFields(kind)) if (joined.every((m) => m.kinds.every((k) => textFields(k).includes(field)))) out.add(field);
  }
  return [...out];
}
