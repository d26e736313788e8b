import { formatDay } from '@creator-ops/format';
import { dataRange, planQuery, type DayWindow, type TableSet } from '@creator-ops/query';
import { OP_DEFS } from './alert-ops';
import type { AlertRule, AlertWindow, DayRange } from './types';

/** Days a window spans when it has a fixed length. */
const WINDOW_DAYS: Record<Exclude<AlertWindow, 'period'>, number> = { day: 1, '7d': 7 };

/**
 * The window ending on `asOf`: `day` is that day, `7d` the 7 days ending there, `period` everything
 * from the first day of the data.
 */
export function windowEndingOn(window: AlertWindow, asOf: number, dataFrom: number): DayWindow {
  if (window === 'period') return { from: Math.min(dataFrom, asOf), to: asOf };
  return { from: asOf - WINDOW_DAYS[window] + 1, to: asOf };
}

export function dayRange(w: DayWindow): DayRange {
  return { from: formatDay(w.from), to: formatDay(w.to) };
}

/** First and last day of the data the given metrics read (throws the engine's QueryError when it cannot read them). */
export function metricDataRange(metrics: string[], tables: TableSet, params: Record<string, number> = {}): DayWindow | null {
  const plan = planQuery(metrics, tables, params);
  return dataRange(tables, [...plan.measuresByKind.keys()]);
}

/**
 * The first day any enabled rule can read when the data of each kind ends no earlier than `lastDay`
 * (or every window ends on `asOf`): a rule's window ends on the last day of the kinds it reads, its
 * comparison (the same number of days just before) precedes it. Null when some rule reads from the
 * first day of the data (`period`) or has a window this does not know: then every day is read.
 */
export function earliestDayRead(rules: AlertRule[], lastDay: number, asOf: number | null = null): number | null {
  let days = 0;
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const length = rule.window === 'period' ? undefined : WINDOW_DAYS[rule.window];
    const op = OP_DEFS[rule.op];
    if (length === undefined || !op) return null;
    days = Math.max(days, op.compares ? 2 * length : length);
  }
  return (asOf ?? lastDay) - days + 1;
}
