/**
 * Fast paths on a cell's UTF-8 bytes for the plainest cells (ASCII digits, ISO dates, ids), each giving
 * exactly what the text path gives (`unwrapCell`, then the field's parser) and null for anything else,
 * which then takes the text path.
 */
import { civilDay, daysInMonth, MAX_YEAR, MIN_YEAR, MS_PER_DAY } from '@creator-ops/format';

/** Start of the cell without leading tabs (what `unwrapCell` strips first; 抖店 ids and times carry one). */
export function skipTabs(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === 9) start++;
  return start;
}

/** End of the cell without trailing tabs. */
export function dropTabs(buf: Uint8Array, start: number, end: number): number {
  while (end > start && buf[end - 1] === 9) end--;
  return end;
}

const digit = (b: number) => b >= 48 && b <= 57;

function num(buf: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const b = buf[i];
    if (!digit(b)) return -1;
    v = v * 10 + (b - 48);
  }
  return v;
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` as parseWallClock reads them: the day number
 * (wallToDay) or, with `time`, wall-clock milliseconds (wallToMs). Null for any other shape or an
 * invalid or out-of-range value (the text path then gives the error).
 */
export function wallClockBytes(buf: Uint8Array, start: number, end: number, time: boolean): number | null {
  const n = end - start;
  if (n !== 10 && n !== 16 && n !== 19) return null;
  if (buf[start + 4] !== 45 || buf[start + 7] !== 45) return null;
  const year = num(buf, start, 4);
  const month = num(buf, start + 5, 2);
  const day = num(buf, start + 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    if (buf[start + 10] !== 32 || buf[start + 13] !== 58) return null;
    hour = num(buf, start + 11, 2);
    minute = num(buf, start + 14, 2);
    if (n === 19) {
      if (buf[start + 16] !== 58) return null;
      second = num(buf, start + 17, 2);
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) return null;
  if (day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const days = civilDay(year, month, day);
  return time ? days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 : days;
}

/**
 * An id of ASCII letters, digits, `_` and `-`, longer than any null token and without `e`/`E` (never
 * scientific notation): its text is the id as `parseIdCell` keeps it.
 */
export function isPlainId(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start <= 4) return false;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (digit(b) || b === 95 || b === 45) continue;
    const lower = b | 0x20;
    if (lower < 97 || lower > 122 || lower === 101) return false;
  }
  return true;
}
