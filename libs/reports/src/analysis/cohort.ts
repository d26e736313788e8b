/**
 * Cohorts by first-purchase month (高级 2.2.3): from each buyer's paid days, the month of their
 * first purchase, whether they bought again on a later day within `windowDays`, and in which of the
 * following months they bought at all (retention by month offset).
 */
export interface CohortRow {
  month: string;
  buyers: number;
  /** Buyers who paid again on a later day within the window of their first day. */
  repeaters: number;
  /** retained[k]: buyers who paid in month first + k + 1. */
  retained: number[];
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** `days`: buyer -> the days (YYYY-MM-DD) they paid on. */
export function cohorts(days: Map<string, string[]>, windowDays: number, offsets: number): CohortRow[] {
  const byMonth = new Map<string, CohortRow>();
  for (const list of days.values()) {
    const sorted = [...new Set(list)].sort();
    const first = sorted[0];
    const month = first.slice(0, 7);
    const row = byMonth.get(month) ?? { month, buyers: 0, repeaters: 0, retained: Array(offsets).fill(0) };
    row.buyers++;
    if (sorted.some((d) => d > first && dayNumber(d) - dayNumber(first) <= windowDays)) row.repeaters++;
    const months = new Set(sorted.map((d) => monthIndex(d) - monthIndex(first)));
    for (let k = 1; k <= offsets; k++) if (months.has(k)) row.retained[k - 1]++;
    byMonth.set(month, row);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
