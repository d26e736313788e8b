import type { QuerySpec } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';

export const ALERT_OPS = ['<', '>', 'change_pct_up', 'change_pct_down', 'change_pp_up', 'change_pp_down', 'below_breakeven_roi', 'zero_with_spend'] as const;
export type AlertOp = (typeof ALERT_OPS)[number];

export const ALERT_WINDOWS = ['day', '7d', 'period'] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_STATES = ['new', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * An alert rule, stored as data per workspace. Values follow the engine's units: money in yuan,
 * percent metrics and percentage changes as fractions (CTR below 1% is `0.01`; up 30% is `0.3`;
 * 1 percentage point is `0.01`).
 */
export interface AlertRule {
  id: string;
  /** A registry metric key. */
  metric: string;
  op: AlertOp;
  /** `<`/`>`: the level; change ops: the change (fraction, or pp as a fraction); unused (0) by below_breakeven_roi and zero_with_spend. */
  value: number;
  /** A canonical text field (plan_id, plan, unit_id, account, product_id ...) or null for the whole workspace. */
  dimension: string | null;
  window: AlertWindow;
  /** A dimension value fires only when this metric reaches `min` in the same window (both windows for change ops). */
  minVolume?: { metric: string; min: number } | null;
  severity: Severity;
  /** below_breakeven_roi: gross margin as a fraction (0, 1]; break-even ROI = 1 / grossMargin. */
  grossMargin?: number | null;
  note?: string | null;
  /** Disabled rules are skipped by evaluateRules (default: enabled). */
  enabled?: boolean;
}

/** A rule as submitted (POST): the id is assigned by the store. */
export type AlertRuleInput = Omit<AlertRule, 'id'> & { id?: string };

export interface DayRange {
  from: string;
  to: string;
}

/** What a rule found for one dimension value in one window. */
export interface AlertCandidate {
  ruleId: string;
  metric: string;
  dimension: string | null;
  /** The dimension value (an id or a name); null for a workspace-wide rule. */
  dimensionValue: string | null;
  /** A readable name for an id value (plan_id -> its plan name) when the data has one. */
  dimensionLabel?: string | null;
  window: DayRange;
  /** The metric in the window. */
  observed: number;
  /** The level the metric crossed, in the metric's unit (change ops: the previous value moved by the rule's change). */
  threshold: number;
  /** Change ops: the metric in the previous window of the same length. */
  previous?: number;
  previousWindow?: DayRange;
  /** Change ops: the change (relative for change_pct_*, percentage points as a fraction for change_pp_*). */
  change?: number;
  severity: Severity;
  /** Every metric the rule read for this value (metric, volume metric, cost, breakeven_roi ...). */
  values: Record<string, number | null>;
  message: Label;
  /** Run `runQuery(evidence.query, tables)` to reproduce the figures (one row). */
  evidence: { query: QuerySpec };
}

/** A rule the data cannot answer (e.g. no ad export yet): nothing is resolved or created for it. */
export interface SkippedRule {
  ruleId: string;
  code: string;
  message: Label;
}

export interface RuleEvaluation {
  candidates: AlertCandidate[];
  /** The (rule, window) pairs evaluated: reconcileAlerts resolves only alerts of these rules. */
  scopes: { ruleId: string; window: DayRange }[];
  skipped: SkippedRule[];
}

/** A stored alert: a candidate plus its lifecycle. */
export interface Alert extends AlertCandidate {
  /** Store id (assigned by the repository; the reducer never needs it). */
  id?: string;
  /** Identity: alertKey(ruleId, dimensionValue, window); unique per workspace. */
  key: string;
  state: AlertState;
  createdAt: string;
  /** Last evaluation that found the condition. */
  lastSeenAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  /** cleared: the condition no longer holds; superseded: it holds in a later window, which has its own alert. */
  resolution?: 'cleared' | 'superseded' | null;
}
