export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The product is Chinese-first: a caller that names no locale gets zh-CN. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** What every formatter prints for null, undefined, NaN and ±Infinity. */
export const NULL_DISPLAY = '-';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

export function resolveLocale(locale: Locale | undefined): Locale {
  if (locale === undefined) return DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new RangeError(`Unsupported locale: ${String(locale)}`);
  return locale;
}
