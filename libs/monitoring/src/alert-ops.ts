import type { Label } from '@creator-ops/schemas';
import type { AlertOp, AlertRule } from './types';

/** The figures one dimension value has in the rule's window (all from runQuery). */
export interface OpContext {
  rule: AlertRule;
  observed: number | null;
  /** Change ops: the previous window's value and the engine's deltas. */
  previous: number | null;
  delta: number | null;
  deltaPct: number | null;
  /** below_breakeven_roi: the engine's breakeven_roi for the rule's gross margin. */
  breakeven: number | null;
  /** zero_with_spend: the engine's cost. */
  spend: number | null;
}

export interface OpOutcome {
  fires: boolean;
  threshold: number;
  change?: number;
}

/** How a rule's `value` is read and checked. */
export type OpValueKind = 'level' | 'relative_change' | 'pp_change' | 'unused';

/**
 * A condition as data (like the metric registry): label for the rule editor, what it needs, and a
 * pure test. Validation, evaluation and messages all derive from this table.
 */
export interface OpDef {
  op: AlertOp;
  label: Label;
  valueKind: OpValueKind;
  /** Compares with the previous window of the same length. */
  compares: boolean;
  /** Only for percent metrics (pp changes). */
  percentOnly?: boolean;
  /** The only metric the condition applies to. */
  onlyMetric?: string;
  /** Only additive metrics (a count or a sum can be "zero"). */
  additiveOnly?: boolean;
  /** Extra metrics the evaluation queries beside the rule's metric. */
  extraMetrics?: string[];
  needsGrossMargin?: boolean;
  test(ctx: OpContext): OpOutcome | null;
  /** zh/en templates; placeholders: subject, window, metric, observed, threshold, previous, change, limit, spend, margin. */
  message: Label;
}

/**
 * Comparisons tolerate floating-point noise: a change of exactly 30% computed as 0.30000000000000004
 * does not fire a "more than 30%" rule.
 */
const EPSILON = 1e-9;
const above = (x: number, limit: number) => x > limit + EPSILON * Math.max(1, Math.abs(limit));
const below = (x: number, limit: number) => x < limit - EPSILON * Math.max(1, Math.abs(limit));

const level = (ctx: OpContext, fires: (x: number, v: number) => boolean): OpOutcome | null =>
  ctx.observed === null ? null : { fires: fires(ctx.observed, ctx.rule.value), threshold: ctx.rule.value };

/** `sign` +1 for a rise, -1 for a fall; relative changes need a non-zero previous value (the engine's delta_pct). */
const relativeChange = (ctx: OpContext, sign: 1 | -1): OpOutcome | null => {
  if (ctx.observed === null || ctx.previous === null || ctx.deltaPct === null) return null;
  return { fires: above(sign * ctx.deltaPct, ctx.rule.value), threshold: ctx.previous + sign * ctx.rule.value * Math.abs(ctx.previous), change: ctx.deltaPct };
};

const pointChange = (ctx: OpContext, sign: 1 | -1): OpOutcome | null => {
  if (ctx.observed === null || ctx.previous === null || ctx.delta === null) return null;
  return { fires: above(sign * ctx.delta, ctx.rule.value), threshold: ctx.previous + sign * ctx.rule.value, change: ctx.delta };
};

const CHANGE_UP: Label = {
  zh: '{subject} {window} 的{metric}为 {observed}，较上一周期（{previous}）上升 {change}，超过 {limit}',
  en: '{metric} of {subject} {window} is {observed}, up {change} from {previous} (more than {limit})',
};
const CHANGE_DOWN: Label = {
  zh: '{subject} {window} 的{metric}为 {observed}，较上一周期（{previous}）下降 {change}，超过 {limit}',
  en: '{metric} of {subject} {window} is {observed}, down {change} from {previous} (more than {limit})',
};

export const OP_DEFS: Record<AlertOp, OpDef> = {
  '<': {
    op: '<',
    label: { zh: '低于', en: 'Below' },
    valueKind: 'level',
    compares: false,
    test: (ctx) => level(ctx, below),
    message: { zh: '{subject} {window} 的{metric}为 {observed}，低于 {threshold}', en: '{metric} of {subject} {window} is {observed}, below {threshold}' },
  },
  '>': {
    op: '>',
    label: { zh: '高于', en: 'Above' },
    valueKind: 'level',
    compares: false,
    test: (ctx) => level(ctx, above),
    message: { zh: '{subject} {window} 的{metric}为 {observed}，高于 {threshold}', en: '{metric} of {subject} {window} is {observed}, above {threshold}' },
  },
  change_pct_up: {
    op: 'change_pct_up',
    label: { zh: '环比上升超过（%）', en: 'Up by more than (%)' },
    valueKind: 'relative_change',
    compares: true,
    test: (ctx) => relativeChange(ctx, 1),
    message: CHANGE_UP,
  },
  change_pct_down: {
    op: 'change_pct_down',
    label: { zh: '环比下降超过（%）', en: 'Down by more than (%)' },
    valueKind: 'relative_change',
    compares: true,
    test: (ctx) => relativeChange(ctx, -1),
    message: CHANGE_DOWN,
  },
  change_pp_up: {
    op: 'change_pp_up',
    label: { zh: '环比上升超过（百分点）', en: 'Up by more than (pp)' },
    valueKind: 'pp_change',
    compares: true,
    percentOnly: true,
    test: (ctx) => pointChange(ctx, 1),
    message: CHANGE_UP,
  },
  change_pp_down: {
    op: 'change_pp_down',
    label: { zh: '环比下降超过（百分点）', en: 'Down by more than (pp)' },
    valueKind: 'pp_change',
    compares: true,
    percentOnly: true,
    test: (ctx) => pointChange(ctx, -1),
    message: CHANGE_DOWN,
  },
  below_breakeven_roi: {
    op: 'below_breakeven_roi',
    label: { zh: '低于保本ROI', en: 'Below break-even ROI' },
    valueKind: 'unused',
    compares: false,
    onlyMetric: 'roi',
    extraMetrics: ['breakeven_roi'],
    needsGrossMargin: true,
    test: (ctx) => (ctx.observed === null || ctx.breakeven === null ? null : { fires: below(ctx.observed, ctx.breakeven), threshold: ctx.breakeven }),
    message: {
      zh: '{subject} {window} 的{metric}为 {observed}，低于保本ROI {threshold}（毛利率 {margin}）',
      en: '{metric} of {subject} {window} is {observed}, below the break-even ROI {threshold} (gross margin {margin})',
    },
  },
  zero_with_spend: {
    op: 'zero_with_spend',
    label: { zh: '有消耗但为 0', en: 'Zero while spending' },
    valueKind: 'unused',
    compares: false,
    additiveOnly: true,
    extraMetrics: ['cost'],
    // A null metric means the export has no such column: not the same as zero orders.
    test: (ctx) => (ctx.observed === null || ctx.spend === null ? null : { fires: ctx.observed === 0 && ctx.spend > 0, threshold: 0 }),
    message: { zh: '{subject} {window} 消耗 {spend}，{metric}为 0', en: '{subject} spent {spend} {window} with {metric} at 0' },
  },
};
