import { formatDay, parseIsoDay } from '@creator-ops/format';
import type { KeyFormat } from '../types';

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTH_DAY = /^(?:(\d{4})\s*[年/.-]\s*)?(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*[日号]?/;
const ISO_WEEK = /^(?:(\d{4})\s*(?:年|-)?\s*)?(?:第\s*(\d{1,2})\s*周|w(\d{1,2}))$/i;
const MONTH_ONLY = /^(\d{1,2})\s*月份?$/;

/** Monday of ISO week `week` of `year` (week 1 holds 4 January). */
function isoWeekMonday(year: number, week: number): string | null {
  const jan4 = parseIsoDay(`${year}-01-04`);
  if (jan4 === null || week < 1 || week > 53) return null;
  const weekday = ((jan4 + 3) % 7) + 1; // day 0 (1970-01-01) was a Thursday: 1 = Monday … 7 = Sunday
  return formatDay(jan4 - (weekday - 1) + 7 * (week - 1));
}

/** The year of the exercise's period that makes `tail` (-MM-DD or -MM) a key the task asks for, else its first year. */
function withYear(tail: string, years: string[], known: Set<string>): string | null {
  if (years.length === 0) return null;
  return years.map((y) => y + tail).find((k) => [...known].some((x) => x.startsWith(k))) ?? years[0] + tail;
}

/**
 * Date keys as trainees type them, resolved against the exercise's period (the key's own dates):
 * `9月7日`, `9/7`, `9.7`, week ranges `9.7-9.13` (the first day), ISO weeks `2026年第37周`, `第37周`,
 * `W37` (their Monday), months `10月`. Null when the text is none of these.
 */
export function periodKey(text: string, format: KeyFormat, known: Set<string>): string | null {
  const years = [...new Set([...known].map((k) => k.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))].sort();
  const s = text.trim();
  if (format.type === 'month') {
    const m = MONTH_ONLY.exec(s);
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? withYear(`-${pad2(Number(m[1]))}`, years, known) : null;
  }
  if (format.type !== 'date' && format.type !== 'week' && format.type !== 'datetime') return null;
  const week = ISO_WEEK.exec(s);
  if (week && format.type !== 'datetime') {
    const n = Number(week[2] ?? week[3]);
    const candidates = week[1] ? [week[1]] : years;
    const mondays = candidates.map((y) => isoWeekMonday(Number(y), n)).filter((d): d is string => d !== null);
    return mondays.find((d) => known.has(d)) ?? mondays[0] ?? null;
  }
  // Anchored at the start only: a range `9.7-9.13` is read by its first day.
  const md = MONTH_DAY.exec(s);
  if (!md) return null;
  const [month, day] = [Number(md[2]), Number(md[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const tail = `-${pad2(month)}-${pad2(day)}`;
  const date = md[1] ? md[1] + tail : withYear(tail, years, known);
  if (date === null || parseIsoDay(date) === null) return null;
  if (format.type !== 'datetime') return date;
  const sameDay = [...known].filter((k) => k.startsWith(date));
  return sameDay.length === 1 ? sameDay[0] : null;
}
