import type { AlertItem, AlertOp, AlertRule, AlertRuleInput, AlertWindow, Label, QuerySpec, RuleIssue, Severity } from '../api/types';
import { SEVERITIES } from '../api/types';

/**
 * How the rule form shows a rule's value. The API keeps values in the engine's units: percent
 * metrics and changes as fractions (0.3 = 30%), percentage points as fractions (0.01 = 1 pp).
 * People type 30 (%) or 1 (pp); these helpers convert both ways.
 */
export type ValueMode = 'percent' | 'pp' | 'level' | 'none';

export function valueMode(op: AlertOp, metricUnit: string | undefined): ValueMode {
  if (op === 'below_breakeven_roi' || op === 'zero_with_spend') return 'none';
  if (op === 'change_pct_up' || op === 'change_pct_down') return 'percent';
  if (op === 'change_pp_up' || op === 'change_pp_down') return 'pp';
  return metricUnit === 'percent' ? 'percent' : 'level';
}

/** 0.3 * 100 is 30.000000000000004 in binary: twelve significant digits are more than any rule needs. */
const clean = (x: number) => Number(x.toPrecision(12));
const scaleOf = (mode: ValueMode) => (mode === 'percent' || mode === 'pp' ? 100 : 1);

/** A stored value as the form shows it (0.3 -> 30 for a percent). */
export const toShown = (value: number, mode: ValueMode): number => clean(value * scaleOf(mode));
/** A typed value as the API stores it (30 -> 0.3 for a percent). */
export const fromShown = (shown: number, mode: ValueMode): number => clean(shown / scaleOf(mode));

export interface RuleForm {
  metric: string;
  op: AlertOp;
  /** As shown (percent / points / the metric's unit); undefined until typed. */
  value: number | undefined;
  /** '' = the whole workspace. */
  dimension: string;
  window: AlertWindow;
  minVolumeOn: boolean;
  minVolumeMetric: string;
  minVolumeMin: number | undefined;
  severity: Severity;
  /** Gross margin in percent (30 = 0.3), only for below_breakeven_roi. */
  grossMarginPct: number | undefined;
  note: string;
  enabled: boolean;
}

export type RuleFormField = keyof RuleForm | 'form';

/** A new rule: CTR below a level, per plan, on the latest day, for plans with some volume. */
export function emptyRuleForm(): RuleForm {
  return {
    metric: 'ctr',
    op: '<',
    value: undefined,
    dimension: 'plan_id',
    window: 'day',
    minVolumeOn: true,
    minVolumeMetric: 'impressions',
    minVolumeMin: 1000,
    severity: 'medium',
    grossMarginPct: 30,
    note: '',
    enabled: true,
  };
}

export function ruleToForm(rule: AlertRule, unitOf: (metric: string) => string | undefined): RuleForm {
  const mode = valueMode(rule.op, unitOf(rule.metric));
  return {
    metric: rule.metric,
    op: rule.op,
    value: mode === 'none' ? undefined : toShown(rule.value, mode),
    dimension: rule.dimension ?? '',
    window: rule.window,
    minVolumeOn: !!rule.minVolume,
    minVolumeMetric: rule.minVolume?.metric ?? 'cost',
    minVolumeMin: rule.minVolume?.min,
    severity: rule.severity,
    grossMarginPct: typeof rule.grossMargin === 'number' ? toShown(rule.grossMargin, 'percent') : 30,
    note: rule.note ?? '',
    enabled: rule.enabled !== false,
  };
}

/**
 * The body the API validates. A value left empty goes as null (JSON has no NaN), so the API's own
 * message for that field is what the form shows.
 */
export function formToRule(form: RuleForm, unitOf: (metric: string) => string | undefined): AlertRuleInput {
  const mode = valueMode(form.op, unitOf(form.metric));
  const missing = null as unknown as number;
  return {
    metric: form.metric,
    op: form.op,
    value: mode === 'none' ? 0 : form.value === undefined || form.value === null ? missing : fromShown(form.value, mode),
    dimension: form.dimension || null,
    window: form.window,
    minVolume: form.minVolumeOn ? { metric: form.minVolumeMetric, min: form.minVolumeMin ?? missing } : null,
    severity: form.severity,
    grossMargin:
      form.op === 'below_breakeven_roi'
        ? form.grossMarginPct === undefined || form.grossMarginPct === null
          ? missing
          : fromShown(form.grossMarginPct, 'percent')
        : null,
    note: form.note.trim() || null,
    enabled: form.enabled,
  };
}

const FIELD_OF: Record<string, RuleFormField> = {
  metric: 'metric',
  op: 'op',
  value: 'value',
  dimension: 'dimension',
  window: 'window',
  minVolume: 'minVolumeMetric',
  'minVolume.metric': 'minVolumeMetric',
  'minVolume.min': 'minVolumeMin',
  severity: 'severity',
  grossMargin: 'grossMarginPct',
  note: 'note',
  enabled: 'enabled',
};

/** The API's `details.errors` per form field (several problems of one field joined). */
export function ruleFieldErrors(issues: RuleIssue[], text: (label: Label) => string): Partial<Record<RuleFormField, string>> {
  const out: Partial<Record<RuleFormField, string>> = {};
  for (const issue of issues) {
    const field = FIELD_OF[issue.field] ?? 'form';
    out[field] = out[field] ? `${out[field]}；${text(issue.message)}` : text(issue.message);
  }
  return out;
}

/** Alerts by severity, most severe first; groups without alerts are left out. */
export function groupBySeverity(items: AlertItem[]): { severity: Severity; items: AlertItem[] }[] {
  return SEVERITIES.map((severity) => ({ severity, items: items.filter((a) => a.severity === severity) })).filter((g) => g.items.length > 0);
}

/**
 * The rows behind an alert: its evidence query (the exact figures the rule read) day by day, from
 * the previous window's first day for a change rule, so both sides of the change are visible.
 */
export function evidenceQuery(alert: AlertItem): QuerySpec {
  const q = alert.evidence.query;
  const to = q.to ?? alert.window.to;
  const from = alert.previousWindow?.from ?? q.from ?? alert.window.from;
  return {
    ...q,
    from,
    to,
    compare: null,
    dimensions: ['date:day'],
    sort: [{ key: 'date:day', dir: 'asc' }],
    // A total is meaningful over the alert's own window only, not across the previous one.
    totals: !alert.previousWindow && from !== to,
  };
}

/** The ad report over the alert's window (a route location). */
export function alertReportLocation(ws: string, alert: Pick<AlertItem, 'window'>) {
  return { path: `/w/${encodeURIComponent(ws)}/reports/ad_performance`, query: { preset: 'custom', from: alert.window.from, to: alert.window.to } };
}
