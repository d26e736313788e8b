import { COMPACT_DECIMALS, roundCompact } from './compact';
import { assertDecimals, roundDecimal, shiftPoint, toDecimal } from './decimal';
import { NULL_DISPLAY, resolveLocale, type Locale } from './locale';
import { composeNumber } from './number';

export const UNITS = ['count', 'money', 'percent', 'multiple', 'seconds', 'minutes', 'decimal'] as const;
export type Unit = (typeof UNITS)[number];

interface UnitSpec {
  decimals: number;
  /** Powers of ten applied to the decimal string before rounding (fraction -> percent). */
  shift?: number;
  /** Only counts and money shorten to 万/亿 or K/M/B; a rate or duration never does. */
  compact?: boolean;
  prefix?: string;
  suffix?: Record<Locale, string>;
}

const UNIT_SPECS: Record<Unit, UnitSpec> = {
  count: { decimals: 0, compact: true },
  money: { decimals: 2, compact: true, prefix: '¥' },
  percent: { decimals: 2, shift: 2, suffix: { 'zh-CN': '%', en: '%' } },
  multiple: { decimals: 2 },
  seconds: { decimals: 1, suffix: { 'zh-CN': '秒', en: 's' } },
  minutes: { decimals: 1, suffix: { 'zh-CN': '分钟', en: 'min' } },
  decimal: { decimals: 2 },
};

export interface FormatOptions {
  /** Default zh-CN. */
  locale?: Locale;
  /** Digits after the point. In compact mode this sets the digits of a scaled value (default 2);
   *  a value below the first scale (e.g. 9,999) keeps the unit's default. */
  decimals?: number;
  /** 万/亿 (zh-CN) or K/M/B (en) for count and money; ignored by other units. */
  compact?: boolean;
  /** '+' before a positive result (for deltas); a result that rounds to zero gets no sign. */
  sign?: boolean;
}

export function isUnit(value: unknown): value is Unit {
  return (UNITS as readonly unknown[]).includes(value);
}

export function defaultDecimals(unit: Unit): number {
  return specOf(unit).decimals;
}

/**
 * The display string of one value: `formatValue(1234567.5, 'money')` -> `'¥1,234,567.50'`,
 * `formatValue(0.123456, 'percent')` -> `'12.35%'`, `formatValue(null, 'count')` -> `'-'`.
 */
export function formatValue(value: number | null | undefined, unit: Unit, opts: FormatOptions = {}): string {
  const spec = specOf(unit);
  const locale = resolveLocale(opts.locale);
  if (opts.decimals !== undefined) assertDecimals(opts.decimals);
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_DISPLAY;

  const decimal = shiftPoint(toDecimal(value), spec.shift ?? 0);
  const unitSuffix = spec.suffix?.[locale] ?? '';
  if (opts.compact && spec.compact) {
    const { parts, suffix } = roundCompact(decimal, locale, spec.decimals, opts.decimals ?? COMPACT_DECIMALS);
    return composeNumber(parts, { sign: opts.sign, prefix: spec.prefix, suffix: suffix + unitSuffix });
  }
  const parts = roundDecimal(decimal, opts.decimals ?? spec.decimals);
  return composeNumber(parts, { sign: opts.sign, prefix: spec.prefix, suffix: unitSuffix });
}

/** Whether formatValue writes `unit` alike in every locale when not compact (only the suffixes 秒/s and 分钟/min differ). */
export function localeNeutral(unit: Unit): boolean {
  const suffix = specOf(unit).suffix;
  return !suffix || suffix['zh-CN'] === suffix.en;
}

function specOf(unit: Unit): UnitSpec {
  if (!isUnit(unit)) throw new RangeError(`Unknown unit: ${String(unit)}`);
  return UNIT_SPECS[unit];
}
