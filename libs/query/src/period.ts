import { formatDay, MS_PER_DAY, parseIsoDay } from '@creator-ops/format';
import { QueryError } from './types';

export interface DayWindow {
  from: number;
  to: number;
}

export function parseDay(text: string): number {
  const day = parseIsoDay(text);
  if (day === null) throw new QueryError('BAD_DATE', { value: text });
  return day;
}

/** Monday of the ISO week containing `day` (weeks start on Monday). */
export function mondayOf(day: number): number {
  const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7;
  return day - weekday;
}

/** 1 = Monday ... 7 = Sunday. */
export function weekdayOf(day: number): number {
  return ((new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7) + 1;
}

/** Month index (year * 12 + month0) of a day. */
export function monthOf(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function formatMonth(month: number): string {
  const y = Math.floor(month / 12);
  return `${y}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The same calendar day one year earlier; 29 February maps to 28 February. */
export function sameDayLastYear(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() - 1;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/** The comparison presets: `previous_period` (as many days just before), calendar month, week or year. */
export const COMPARE_MODES = ['previous_period', 'previous_week', 'previous_month', 'previous_year'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The same day `months` calendar months later (earlier when negative); the 31st maps to a shorter month's last day. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

/**
 * The comparison window and the shift that maps its days onto the current window's days.
 * `previous_period`: the same number of days just before. `previous_week`: the same weekdays one
 * week earlier. `previous_month`: one calendar month earlier (October against September; a window
 * ending on a month's last day ends on the previous month's last day). `previous_year`: the same
 * calendar days a year earlier (whole months against whole months).
 */
export function comparisonWindow(current: DayWindow, mode: CompareMode): { window: DayWindow; toCurrent: (day: number) => number } {
  if (mode === 'previous_period' || mode === 'previous_week') {
    const length = mode === 'previous_week' ? 7 : current.to - current.from + 1;
    return { window: { from: current.from - length, to: current.to - length }, toCurrent: (d) => d + length };
  }
  const months = mode === 'previous_month' ? 1 : 12;
  const window = { from: addMonths(current.from, -months), to: addMonths(current.to, -months) };
  // Whole months compare with the same whole months: February 2025 against all of February 2024,
  // 29 February included (which the day mapping alone would drop); 30 November against 31 October.
  if (isFirstOfMonth(current.from) && isLastOfMonth(current.to)) window.to = lastOfMonth(window.to);
  return { window, toCurrent: (d) => addMonths(d, months) };
}

function isFirstOfMonth(day: number): boolean {
  return new Date(day * MS_PER_DAY).getUTCDate() === 1;
}

function lastOfMonth(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_PER_DAY;
}

function isLastOfMonth(day: number): boolean {
  return lastOfMonth(day) === day;
}

export { formatDay };
