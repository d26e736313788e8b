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

/** The comparison window and the shift that maps its days onto the current window's days. */
export function comparisonWindow(current: DayWindow, mode: 'previous_period' | 'previous_year'): { window: DayWindow; toCurrent: (day: number) => number } {
  if (mode === 'previous_period') {
    const length = current.to - current.from + 1;
    return { window: { from: current.from - length, to: current.to - length }, toCurrent: (d) => d + length };
  }
  const window = { from: sameDayLastYear(current.from), to: sameDayLastYear(current.to) };
  // Whole months compare with the same whole months: February 2025 against all of February 2024,
  // 29 February included (which the day mapping alone would drop).
  if (isFirstOfMonth(current.from) && isLastOfMonth(current.to)) window.to = lastOfMonth(window.to);
  return { window, toCurrent: (d) => nextYearSameDay(d) };
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

function nextYearSameDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear() + 1;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

export { formatDay };
