import { assertDecimals, roundDecimal, shiftPoint, toDecimal } from './decimal';
import { NULL_DISPLAY, resolveLocale, type Locale } from './locale';
import { composeNumber } from './number';
import { formatValue, type FormatOptions, type Unit } from './units';

export interface PercentPointOptions {
  locale?: Locale;
  /** Default 2. */
  decimals?: number;
  /** Default true: a delta shows its direction. */
  sign?: boolean;
}

const PERCENT_POINT_SUFFIX: Record<Locale, string> = { 'zh-CN': '个百分点', en: 'pp' };

/** A change between two rates, as percentage points: `0.012` -> `'+1.20pp'` / `'+1.20个百分点'`. */
export function formatPercentPoints(deltaFraction: number | null | undefined, opts: PercentPointOptions = {}): string {
  const locale = resolveLocale(opts.locale);
  const decimals = opts.decimals ?? 2;
  assertDecimals(decimals);
  if (deltaFraction === null || deltaFraction === undefined || !Number.isFinite(deltaFraction)) return NULL_DISPLAY;
  const parts = roundDecimal(shiftPoint(toDecimal(deltaFraction), 2), decimals);
  return composeNumber(parts, { sign: opts.sign ?? true, suffix: PERCENT_POINT_SUFFIX[locale] });
}

/**
 * A period-over-period change `current - previous`, signed by default. A change of a percent metric
 * is shown in percentage points (12% -> 13.2% is '+1.20pp'), since '+1.20%' would read as relative.
 */
export function formatDelta(delta: number | null | undefined, unit: Unit, opts: FormatOptions = {}): string {
  const sign = opts.sign ?? true;
  if (unit === 'percent') return formatPercentPoints(delta, { locale: opts.locale, decimals: opts.decimals, sign });
  return formatValue(delta, unit, { ...opts, sign });
}
