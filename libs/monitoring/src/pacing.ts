import { formatDay, parseIsoDay } from '@creator-ops/format';
import { parseDay, runQuery, type QuerySpec, type TableSet } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';
import { dimensionNames } from './dimension-names';
import { metricText, percentText, subjectText, windowText } from './display';
import { fillLabel, issue, type ValidationIssue } from './messages';
import { groupableFields } from './rule-validation';
import { metricDataRange } from './windows';

/** A spend budget of a plan, account ... (or of the workspace: dimension and value null). Money in yuan. */
export interface Budget {
  id?: string;
  dimension: string | null;
  value: string | null;
  /** Per day: paced on the day asOf. */
  daily?: number | null;
  /** Over a period: paced by elapsed days. */
  period?: { from: string; to: string; amount: number } | null;
}

export type PacingStatus = 'ahead' | 'on' | 'behind';

export interface PacingResult {
  budget: Budget;
  type: 'daily' | 'period';
  dimension: string | null;
  value: string | null;
  dimensionLabel?: string;
  /** The budget's days (the day asOf for a daily budget). */
  window: { from: string; to: string };
  asOf: string;
  elapsedDays: number;
  totalDays: number;
  budgetAmount: number;
  /** The budget line at asOf: amount × elapsed / total days. */
  expected: number;
  /** Cost from the engine over the elapsed days. */
  spend: number;
  /** spend / expected; null before the budget starts. */
  pace: number | null;
  /** spend / elapsed × total: where the budget ends at this pace. */
  projected: number | null;
  remaining: number;
  status: PacingStatus;
  message: Label;
  evidence: { query: QuerySpec } | null;
}

export interface PacingOptions {
  /** Pace within 1 ± tolerance is `on`. Default 0.1. */
  tolerance?: number;
}

const STATUS: Record<PacingStatus, Label> = { ahead: { zh: '超前', en: 'ahead' }, on: { zh: '正常', en: 'on pace' }, behind: { zh: '落后', en: 'behind' } };
const MESSAGE: Label = {
  zh: '{subject} {window} 预算 {amount}，截至 {asOf} 已消耗 {spend}，按进度应消耗 {expected}（{pace}），{status}',
  en: '{subject} budget {amount} {window}: {spend} spent by {asOf} against {expected} expected ({pace}), {status}',
};

/** Checks a budget; every problem at once. */
export function validateBudget(input: unknown): ValidationIssue[] {
  if (typeof input !== 'object' || input === null) return [issue('', 'BUDGET_NOT_OBJECT')];
  const b = input as Record<string, unknown>;
  const errors: ValidationIssue[] = [];
  const dimension = b.dimension ?? null;
  const allowed = groupableFields(['ad']);
  if (dimension !== null && (typeof dimension !== 'string' || !allowed.includes(dimension)))
    errors.push(issue('dimension', 'UNKNOWN_DIMENSION', { dimension: String(dimension), allowed: allowed.join(', ') }));
  const value = b.value ?? null;
  if ((dimension === null) !== (value === null) || (value !== null && typeof value !== 'string')) errors.push(issue('value', 'BUDGET_VALUE_INVALID'));
  const daily = b.daily ?? null;
  const period = (b.period ?? null) as Record<string, unknown> | null;
  if (daily === null && period === null) errors.push(issue('', 'BUDGET_NEEDS_AMOUNT'));
  if (daily !== null && !(typeof daily === 'number' && Number.isFinite(daily) && daily > 0)) errors.push(issue('daily', 'BUDGET_DAILY_INVALID'));
  if (period !== null) {
    const from = typeof period.from === 'string' ? parseIsoDay(period.from) : null;
    const to = typeof period.to === 'string' ? parseIsoDay(period.to) : null;
    const amount = period.amount;
    if (from === null || to === null || from > to || !(typeof amount === 'number' && Number.isFinite(amount) && amount > 0))
      errors.push(issue('period', 'BUDGET_PERIOD_INVALID'));
  }
  return errors;
}

/**
 * Spend to date against the budget line. A period budget expects amount × elapsed / total days by
 * asOf (default: the ad data's last date); a daily budget is paced on the day asOf. Status: `ahead`
 * above 1 + tolerance of the line, `behind` below 1 − tolerance, else `on`. A budget with both
 * gives two results.
 */
export function pacing(tables: TableSet, budgets: Budget[], asOf?: string, opts: PacingOptions = {}): PacingResult[] {
  const tolerance = opts.tolerance ?? 0.1;
  const problems = budgets.flatMap((b, i) => validateBudget(b).map((e) => ({ ...e, field: `[${i}].${e.field}`.replace(/\.$/, '') })));
  if (problems.length) throw new RangeError(`Invalid budgets: ${problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')}`);
  const end = asOf !== undefined ? parseDay(asOf) : metricDataRange(['cost'], tables)?.to;
  if (end === undefined) return [];
  const out: PacingResult[] = [];
  for (const budget of budgets) {
    if (budget.daily) out.push(paceOne(tables, budget, 'daily', { from: end, to: end }, budget.daily, end, tolerance));
    if (budget.period)
      out.push(paceOne(tables, budget, 'period', { from: parseDay(budget.period.from), to: parseDay(budget.period.to) }, budget.period.amount, end, tolerance));
  }
  return out;
}

function paceOne(
  tables: TableSet,
  budget: Budget,
  type: PacingResult['type'],
  days: { from: number; to: number },
  amount: number,
  asOf: number,
  tolerance: number,
): PacingResult {
  const totalDays = days.to - days.from + 1;
  const elapsedDays = Math.max(0, Math.min(asOf, days.to) - days.from + 1);
  const filters = budget.dimension ? [{ field: budget.dimension, op: 'eq' as const, value: budget.value }] : [];
  // Before the budget starts nothing has been spent against it: no days to ask the engine about.
  const query: QuerySpec | null =
    elapsedDays > 0
      ? { metrics: ['cost'], dimensions: [], filters, from: formatDay(days.from), to: formatDay(days.from + elapsedDays - 1), totals: true }
      : null;
  const spend = query ? ((runQuery(query, tables).totals?.cost as number | null) ?? 0) : 0;
  const expected = (amount * elapsedDays) / totalDays;
  const pace = expected > 0 ? spend / expected : null;
  const status: PacingStatus = pace === null ? (spend > 0 ? 'ahead' : 'on') : pace > 1 + tolerance ? 'ahead' : pace < 1 - tolerance ? 'behind' : 'on';
  const window = { from: formatDay(days.from), to: formatDay(days.to) };
  const label = budget.dimension && query && budget.value !== null ? dimensionNames(budget.dimension, query, tables).get(budget.value) : undefined;
  const subject = subjectText(budget.dimension, budget.value, label);
  const win = windowText(window);
  const money = (v: number) => metricText('cost', v);
  const [amountText, spendText, expectedText] = [money(amount), money(spend), money(expected)];
  const params = (l: keyof Label) => ({
    subject: subject[l],
    window: win[l],
    amount: amountText[l],
    asOf: formatDay(asOf),
    spend: spendText[l],
    expected: expectedText[l],
    pace: pace === null ? '-' : percentText(pace),
    status: STATUS[status][l],
  });
  return {
    budget,
    type,
    dimension: budget.dimension,
    value: budget.value,
    ...(label ? { dimensionLabel: label } : {}),
    window,
    asOf: formatDay(asOf),
    elapsedDays,
    totalDays,
    budgetAmount: amount,
    expected,
    spend,
    pace,
    projected: elapsedDays > 0 ? (spend / elapsedDays) * totalDays : null,
    remaining: amount - spend,
    status,
    message: fillLabel(MESSAGE, params('zh'), params('en')),
    evidence: query ? { query } : null,
  };
}
