/** Test helpers shared by the monitoring specs (not exported from the barrel). */
import { runQuery, type TableSet } from '@creator-ops/query';
import type { AlertCandidate, AlertRule } from '../types';

export { buildTables, type PlainRow } from '../../../query/src/testing/table-builder';

/** An ad report row of one plan on one day (money in yuan). */
export function adRow(date: string, planId: string, plan: string, figures: Record<string, number>): Record<string, string | number> {
  return { date, plan_id: planId, plan, ...figures };
}

export function rule(overrides: Partial<AlertRule> & Pick<AlertRule, 'metric' | 'op'>): AlertRule {
  return { id: 'r1', value: 0, dimension: 'plan_id', window: 'day', severity: 'medium', ...overrides };
}

/** Where each candidate fired: "dimensionValue@from..to". */
export function firedAt(candidates: AlertCandidate[]): string[] {
  return candidates.map((c) => `${c.dimensionValue}@${c.window.from}..${c.window.to}`).sort();
}

/** The evidence query reproduces the observed figure (and the previous one for a change). */
export function reproduce(c: AlertCandidate, tables: TableSet): { observed: unknown; previous: unknown } {
  const r = runQuery(c.evidence.query, tables);
  return { observed: r.totals![c.metric], previous: r.comparison?.totals?.[c.metric] };
}
