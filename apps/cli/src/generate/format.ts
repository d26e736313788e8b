/** Formatting helpers shared by the generators (pure integer arithmetic, no Date objects). */

export const CRLF = '\r\n';
export const BOM = '\uFEFF';

/** '00'..'99' */
export const P2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

/** Days since 1970-01-01 -> [y, m, d] (proleptic Gregorian; H. Hinnant's civil_from_days). */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** y-m-d -> days since 1970-01-01. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const dayCache = new Map<number, string>();
/** Days since epoch -> 'YYYY-MM-DD' (memoised: exports touch a few hundred distinct days). */
export function fmtDay(days: number): string {
  let s = dayCache.get(days);
  if (s === undefined) {
    const [y, m, d] = civilFromDays(days);
    s = `${y}-${P2[m]}-${P2[d]}`;
    if (dayCache.size < 100_000) dayCache.set(days, s);
  }
  return s;
}

/** Seconds since epoch (business-local wall clock) -> 'YYYY-MM-DD HH:mm:ss'. */
export function fmtTs(sec: number): string {
  const day = Math.floor(sec / 86400);
  let t = sec - day * 86400;
  const h = Math.floor(t / 3600);
  t -= h * 3600;
  const mi = Math.floor(t / 60);
  return `${fmtDay(day)} ${P2[h]}:${P2[mi]}:${P2[t - mi * 60]}`;
}

/** Non-negative integer with thousands separators: 1234567 -> '1,234,567'. */
export function group(n: number): string {
  if (n < 1000) return String(n);
  const s = String(n);
  let i = s.length % 3 || 3;
  let out = s.slice(0, i);
  for (; i < s.length; i += 3) out += ',' + s.slice(i, i + 3);
  return out;
}

/** Integer >= 0 with separators, quoted when it holds one (as Excel-style exports do). */
export function groupQ(n: number): string {
  return n < 1000 ? String(n) : `"${group(n)}"`;
}

/** Integer cents (>= 0) -> '1234.50'. */
export function money(cents: number): string {
  const y = Math.floor(cents / 100);
  return `${y}.${P2[cents - y * 100]}`;
}

/** Integer cents (>= 0) -> '"1,234.50"' (quoted when >= 1000 yuan) or '999.00'. */
export function moneyQ(cents: number): string {
  const y = Math.floor(cents / 100);
  const frac = P2[cents - y * 100];
  return y < 1000 ? `${y}.${frac}` : `"${group(y)}.${frac}"`;
}

/** Ratio num/den with 2 decimals (half-up on the exact quotient's double), e.g. 7.77. */
export function ratio2(num: number, den: number): string {
  const h = Math.round((num * 100) / den);
  return money(h);
}

/** RFC 4180 quoting when needed. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** 抖店 style text cell: always quoted, with a leading tab (keeps Excel from mangling it). */
export function tabCell(s: string): string {
  return '"\t' + s.replace(/"/g, '""') + '"';
}

/** Zero-padded decimal of a safe integer. */
export function padNum(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/** Fraction in millionths -> '0.142729' (作品列表 rates). */
export function frac6(u: number): string {
  return u >= 1000000 ? '1.000000' : '0.' + padNum(u, 6);
}
