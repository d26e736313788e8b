import { parseDay, QueryError, runQuery, type QueryOptions, type QuerySpec, type ResultRow, type TableSet } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';
import { OP_DEFS, type OpDef, type OpOutcome } from './alert-ops';
import { DimensionNameLookup } from './dimension-names';
import { distinctMetricTexts, metricLabel, metricText, percentPointsText, percentText, subjectText, windowText } from './display';
import { fillLabel } from './messages';
import { validateRule } from './rule-validation';
import type { AlertCandidate, AlertRule, DayRange, RuleEvaluation, SkippedRule } from './types';
import { dayRange, metricDataRange, windowEndingOn } from './windows';

export interface EvaluateOptions {
  /** The day windows end on (YYYY-MM-DD); default: the last date in the data each rule reads, never today. */
  asOf?: string;
}

/**
 * A rule reads one short window (two with its comparison): its rows cost less than building a daily
 * rollup of the whole table, which a freshly loaded table (evaluation right after an import) lacks.
 */
const QUERY_OPTIONS: QueryOptions = { rollups: 'reuse' };

const SKIP_MESSAGES = {
  RULE_INVALID: { zh: '规则无效：{problems}', en: 'Invalid rule: {problems}' },
  NO_DATA: { zh: '还没有该规则所需的数据', en: 'There is no data for this rule yet' },
} as const;

/**
 * Evaluates every enabled rule with the query engine. Each rule is one `runQuery` over its window
 * (with `compare: 'previous_period'` for change conditions), one row per dimension value; a value
 * fires when it meets the minimum volume (in both windows for a change) and the condition holds.
 * A rule the data cannot answer (no ad export, no plan column) is reported in `skipped`.
 */
export function evaluateRules(rules: AlertRule[], tables: TableSet, opts: EvaluateOptions = {}): RuleEvaluation {
  const asOf = opts.asOf === undefined ? null : parseDay(opts.asOf);
  const out: RuleEvaluation = { candidates: [], scopes: [], skipped: [] };
  const names = new DimensionNameLookup(tables, QUERY_OPTIONS);
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const checked = validateRule(rule);
    if (!checked.ok) {
      const problems = (l: keyof Label, sep: string) => ({ problems: checked.errors.map((e) => e.message[l]).join(sep) });
      out.skipped.push(skipped(rule.id, 'RULE_INVALID', fillLabel(SKIP_MESSAGES.RULE_INVALID, problems('zh', '；'), problems('en', '; '))));
      continue;
    }
    try {
      const result = evaluateRule(rule, tables, asOf, names);
      if (!result) {
        out.skipped.push(skipped(rule.id, 'NO_DATA', SKIP_MESSAGES.NO_DATA));
        continue;
      }
      out.scopes.push({ ruleId: rule.id, window: result.window });
      out.candidates.push(...result.candidates);
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      out.skipped.push(skipped(rule.id, err.code, { zh: err.text('zh'), en: err.text('en') }));
    }
  }
  return out;
}

function skipped(ruleId: string, code: string, message: Label): SkippedRule {
  return { ruleId, code, message };
}

function evaluateRule(
  rule: AlertRule,
  tables: TableSet,
  asOf: number | null,
  names: DimensionNameLookup,
): { window: DayRange; candidates: AlertCandidate[] } | null {
  const op = OP_DEFS[rule.op];
  const metrics = [...new Set([rule.metric, ...(rule.minVolume ? [rule.minVolume.metric] : []), ...(op.extraMetrics ?? [])])];
  const params = op.needsGrossMargin ? { gross_margin: rule.grossMargin! } : undefined;
  const range = metricDataRange(metrics, tables, params);
  if (!range) return null;
  const current = windowEndingOn(rule.window, asOf ?? range.to, range.from);
  const window = dayRange(current);
  const spec: QuerySpec = {
    metrics,
    dimensions: rule.dimension ? [rule.dimension] : [],
    from: window.from,
    to: window.to,
    compare: op.compares ? 'previous_period' : null,
    totals: false,
    ...(params ? { params } : {}),
  };
  const result = runQuery(spec, tables, QUERY_OPTIONS);
  // Names are looked up only when something fires (one more query, shared by the rules over the same rows).
  let nameLookup: ((id: string) => string | undefined) | undefined;
  const nameOf = (value: string) => (nameLookup ??= names.namesFor(rule.dimension!, spec))(value);
  const meetsVolume = (row: ResultRow | null) => {
    if (!rule.minVolume) return true;
    const v = row?.[rule.minVolume.metric];
    return typeof v === 'number' && v >= rule.minVolume.min;
  };
  const num = (r: ResultRow | null | undefined, key: string) => (typeof r?.[key] === 'number' ? (r[key] as number) : null);
  const candidates: AlertCandidate[] = [];
  let texts: RuleTexts | undefined;
  result.rows.forEach((row, i) => {
    const dimValue = rule.dimension ? row[rule.dimension] : null;
    if (rule.dimension && dimValue === null) return;
    const previousRow = result.comparison?.rows[i] ?? null;
    if (!meetsVolume(row) || (op.compares && !meetsVolume(previousRow))) return;
    const deltas = result.comparison?.rowDeltas[i];
    const outcome = op.test({
      rule,
      observed: num(row, rule.metric),
      previous: num(previousRow, rule.metric),
      delta: num(deltas?.delta, rule.metric),
      deltaPct: num(deltas?.delta_pct, rule.metric),
      breakeven: num(row, 'breakeven_roi'),
      spend: num(row, 'cost'),
    });
    if (!outcome?.fires) return;
    const value = dimValue === null ? null : String(dimValue);
    const label = value === null ? undefined : nameOf(value);
    const values = Object.fromEntries(metrics.map((m) => [m, num(row, m)]));
    const candidate: AlertCandidate = {
      ruleId: rule.id,
      metric: rule.metric,
      dimension: rule.dimension,
      dimensionValue: value,
      ...(label ? { dimensionLabel: label } : {}),
      window,
      observed: num(row, rule.metric)!,
      threshold: outcome.threshold,
      ...(op.compares ? { previous: num(previousRow, rule.metric)!, previousWindow: result.comparison!.period, change: outcome.change } : {}),
      severity: rule.severity,
      values,
      message: { zh: '', en: '' },
      evidence: { query: { ...spec, dimensions: [], filters: rule.dimension ? [{ field: rule.dimension, op: 'eq', value }] : [], totals: true } },
    };
    candidate.message = alertMessage(op, rule, (texts ??= ruleTexts(op, rule)), candidate, outcome);
    candidates.push(candidate);
  });
  return { window, candidates };
}

/** The parts of a rule's messages that are the same for every alert it raises. */
interface RuleTexts {
  metric: Label;
  limit: Label;
  margin: string;
}

function ruleTexts(op: OpDef, rule: AlertRule): RuleTexts {
  return {
    metric: metricLabel(rule.metric),
    limit: op.valueKind === 'pp_change' ? percentPointsText(rule.value) : { zh: percentText(rule.value), en: percentText(rule.value) },
    margin: rule.grossMargin ? percentText(rule.grossMargin) : '',
  };
}

function alertMessage(op: OpDef, rule: AlertRule, { metric, limit, margin }: RuleTexts, c: AlertCandidate, outcome: OpOutcome): Label {
  const subject = subjectText(c.dimension, c.dimensionValue, c.dimensionLabel);
  const win = windowText(c.window);
  // A message that sets the figure beside its limit shows them apart; a change reads against the previous figure.
  const [observed, threshold] = op.message.zh.includes('{threshold}')
    ? distinctMetricTexts(rule.metric, c.observed, outcome.threshold)
    : [metricText(rule.metric, c.observed), metricText(rule.metric, outcome.threshold)];
  const previous = metricText(rule.metric, c.previous);
  const spend = metricText('cost', c.values.cost);
  const magnitude = outcome.change === undefined ? null : Math.abs(outcome.change);
  const change =
    magnitude === null
      ? { zh: '', en: '' }
      : op.valueKind === 'pp_change'
        ? percentPointsText(magnitude)
        : { zh: percentText(magnitude), en: percentText(magnitude) };
  const params = (l: keyof Label) => ({
    subject: subject[l],
    window: win[l],
    metric: metric[l],
    observed: observed[l],
    threshold: threshold[l],
    previous: previous[l],
    change: change[l],
    limit: limit[l],
    spend: spend[l],
    margin,
  });
  return fillLabel(op.message, params('zh'), params('en'));
}
