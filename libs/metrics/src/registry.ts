import { CodedError } from '@creator-ops/errors';
import { EXPORT_KINDS, KINDS } from '@creator-ops/schemas';
import { AD_METRICS } from './definitions/ad.metrics';
import { CONTENT_METRICS } from './definitions/content.metrics';
import { CROSS_METRICS } from './definitions/cross.metrics';
import { LIVE_METRICS } from './definitions/live.metrics';
import { FINANCE_METRICS } from './definitions/finance.metrics';
import { ORDER_METRICS } from './definitions/order.metrics';
import { PARAMS } from './definitions/params';
import { ROW_FILTERS } from './definitions/row-filters';
import { REVIEW_METRICS, REVIEW_ROW_FILTERS } from './definitions/review.metrics';
import { STOCK_METRICS, STOCK_PARAMS, STOCK_ROW_FILTERS } from './definitions/stock.metrics';
import { SURVEY_METRICS, SURVEY_ROW_FILTERS } from './definitions/survey.metrics';
import { XINGTU_METRICS } from './definitions/xingtu.metrics';
import { COMPETITOR_METRICS } from './definitions/competitor.metrics';
import { evaluate, parseExpression, referencedKeys, type Expr } from './expression';
import { defaultTerm, renderFormula, type FormulaTerm } from './formula';
import type { MetricDef, MetricKind, ParamDef, RegisteredMetric, RowFilterDef } from './types';

export interface MetricRegistry {
  metrics: Map<string, RegisteredMetric>;
  expressions: Map<string, Expr>;
  params: Map<string, ParamDef>;
  rowFilters: Map<string, RowFilterDef>;
}

/** A registry that contradicts itself: a programming error, found at start-up. */
export class MetricRegistryError extends CodedError {
  constructor(readonly problems: string[]) {
    const text = `Invalid metric registry:\n  - ${problems.join('\n  - ')}`;
    super('METRIC_REGISTRY_INVALID', {}, { zh: text, en: text });
    this.name = 'MetricRegistryError';
  }
}

const BASE_KINDS = new Set<MetricKind>(['sum', 'count', 'count_distinct', 'weighted_avg']);

/** A base metric aggregates a stored field (sum, count, count distinct, weighted mean); the others are expressions over metrics. */
export function isBaseMetric(m: Pick<MetricDef, 'kind'>): boolean {
  return BASE_KINDS.has(m.kind);
}

/** Builds and validates the registry; every problem is reported at once. */
export function buildRegistry(metrics: MetricDef[], params: ParamDef[], rowFilters: RowFilterDef[]): MetricRegistry {
  const problems: string[] = [];
  const byKey = new Map<string, MetricDef & { inputs: string[] }>();
  const expressions = new Map<string, Expr>();
  const paramMap = new Map(params.map((p) => [p.key, p]));
  const filterMap = new Map(rowFilters.map((f) => [f.key, f]));
  for (const m of metrics) {
    if (byKey.has(m.key)) problems.push(`${m.key}: duplicate key`);
    if (!/^[a-z][a-z0-9_]*$/.test(m.key)) problems.push(`${m.key}: key must be snake_case`);
    if (paramMap.has(m.key)) problems.push(`${m.key}: key is also a parameter`);
    if (!m.label.zh || !m.label.en || (isBaseMetric(m) && (!m.formula?.zh || !m.formula?.en))) problems.push(`${m.key}: label and formula need zh and en`);
    if (!isBaseMetric(m) && m.formula) problems.push(`${m.key}: the formula is generated from expr`);
    if (!Number.isInteger(m.decimals) || m.decimals < 0 || m.decimals > 6) problems.push(`${m.key}: decimals must be 0..6`);
    for (const k of m.kinds) if (!EXPORT_KINDS.includes(k)) problems.push(`${m.key}: unknown kind ${k}`);
    let inputs: string[] = [];
    if (isBaseMetric(m)) {
      if (m.kind !== 'count') {
        if (!m.field) problems.push(`${m.key}: ${m.kind} needs a field`);
        else
          for (const k of m.kinds)
            if (KINDS[k] && !KINDS[k].fields.some((f) => f.key === m.field)) problems.push(`${m.key}: kind ${k} has no field ${m.field}`);
      }
      if (m.kind === 'weighted_avg' && !m.weight) problems.push(`${m.key}: weighted_avg needs a weight`);
      if (m.rowFilter && !filterMap.has(m.rowFilter)) problems.push(`${m.key}: unknown row filter ${m.rowFilter}`);
      if (m.fallback?.rowFilter && !filterMap.has(m.fallback.rowFilter)) problems.push(`${m.key}: unknown fallback row filter ${m.fallback.rowFilter}`);
      if (m.expr) problems.push(`${m.key}: a ${m.kind} metric has no expression`);
    } else {
      if (!m.expr) problems.push(`${m.key}: ${m.kind} needs an expression`);
      else {
        try {
          const e = parseExpression(m.expr);
          expressions.set(m.key, e);
          inputs = [...referencedKeys(e)];
        } catch (err) {
          problems.push(`${m.key}: ${(err as Error).message}`);
        }
      }
    }
    byKey.set(m.key, { ...m, inputs });
  }
  for (const m of byKey.values()) {
    for (const input of m.inputs) if (!byKey.has(input) && !paramMap.has(input)) problems.push(`${m.key}: unknown input ${input}`);
  }
  for (const m of byKey.values()) if (dependsOn(byKey, m.key, m.key, new Set())) problems.push(`${m.key}: depends on itself`);
  const knownField = (field: string) => EXPORT_KINDS.some((k) => KINDS[k].fields.some((fd) => fd.key === field));
  for (const f of rowFilters) {
    for (const c of [...f.clauses, ...(f.anyOf ?? []).flat()]) if (!knownField(c.field)) problems.push(`row filter ${f.key}: unknown field ${c.field}`);
    if (f.hasValue && !knownField(f.hasValue.field)) problems.push(`row filter ${f.key}: unknown field ${f.hasValue.field}`);
    for (const ref of [f.hasValue?.otherwise, f.also])
      if (ref !== undefined && (!filterMap.has(ref) || ref === f.key)) problems.push(`row filter ${f.key}: unknown row filter ${ref}`);
  }
  if (problems.length) throw new MetricRegistryError(problems);
  return { metrics: withFormulas(byKey, expressions, paramMap), expressions, params: paramMap, rowFilters: filterMap };
}

/** Fills in the shown formula of every expression metric from its expression and its inputs' terms. */
function withFormulas(
  metrics: Map<string, MetricDef & { inputs: string[] }>,
  expressions: Map<string, Expr>,
  params: Map<string, ParamDef>,
): Map<string, RegisteredMetric> {
  const out = new Map<string, RegisteredMetric>();
  for (const m of metrics.values()) {
    const expr = expressions.get(m.key);
    if (!expr) {
      out.set(m.key, { ...m, formula: m.formula! });
      continue;
    }
    const term = (key: string): FormulaTerm => {
      const own = m.formulaTerms?.[key];
      if (own) return { name: own };
      const input = metrics.get(key);
      if (input?.inlineInFormulas && expressions.has(key)) return { expr: expressions.get(key)! };
      const def = input ?? params.get(key)!;
      return { name: def.term ?? defaultTerm(def.label) };
    };
    const note = m.formulaNote ?? { zh: '', en: '' };
    const formula = { zh: renderFormula(expr, term, 'zh') + note.zh, en: renderFormula(expr, term, 'en') + note.en };
    // A description may quote the formula as `{formula}`.
    const description = { zh: m.description.zh.replace('{formula}', formula.zh), en: m.description.en.replace('{formula}', formula.en) };
    out.set(m.key, { ...m, description, formula });
  }
  return out;
}

function dependsOn(all: Map<string, { inputs: string[] }>, root: string, key: string, seen: Set<string>): boolean {
  for (const input of all.get(key)?.inputs ?? []) {
    if (input === root) return true;
    if (seen.has(input)) continue;
    seen.add(input);
    if (dependsOn(all, root, input, seen)) return true;
  }
  return false;
}

export const ALL_ROW_FILTERS = [...ROW_FILTERS, ...REVIEW_ROW_FILTERS, ...STOCK_ROW_FILTERS, ...SURVEY_ROW_FILTERS];
export const ALL_PARAMS = [...PARAMS, ...STOCK_PARAMS];

export const ALL_METRICS: MetricDef[] = [
  ...AD_METRICS,
  ...ORDER_METRICS,
  ...CONTENT_METRICS,
  ...LIVE_METRICS,
  ...FINANCE_METRICS,
  ...CROSS_METRICS,
  ...REVIEW_METRICS,
  ...STOCK_METRICS,
  ...SURVEY_METRICS,
  ...XINGTU_METRICS,
  ...COMPETITOR_METRICS,
];

/** The product's registry, validated when first used (start-up of the API and the CLI). */
let registry: MetricRegistry | null = null;
export function metricRegistry(): MetricRegistry {
  registry ??= buildRegistry(ALL_METRICS, ALL_PARAMS, ALL_ROW_FILTERS);
  return registry;
}

/**
 * A metric whose inputs are all parameters, evaluated with the registry's own expression (never a copy):
 * `evaluateFromParams('breakeven_roi', { gross_margin: 0.25 })` -> 4. Null when an input is missing or the
 * division is by zero; throws for a metric that needs data.
 */
export function evaluateFromParams(key: string, params: Record<string, number>): number | null {
  const registry = metricRegistry();
  const m = registry.metrics.get(key);
  const expr = registry.expressions.get(key);
  if (!m || !expr || m.inputs.some((i) => !registry.params.has(i))) throw new Error(`${key} is not computed from parameters alone`);
  return evaluate(expr, (k) => params[k] ?? null);
}
