import { formatDay } from '@creator-ops/format';
import { dataRange, planQuery, type DayWindow, type TableSet } from '@creator-ops/query';
import type { AlertWindow, DayRange } from './types';

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
