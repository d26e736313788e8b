import { formatPercentPoints, formatValue, isUnit, withCompactAxes, type Locale } from '@creator-ops/format';
import type { CellValue } from '../api/types';
import type { AppLocale } from '../i18n';

export { formatPercentPoints, formatValue, isUnit, withCompactAxes };

const NULL_DISPLAY = '-';

/**
 * A table cell for people: metric values through libs/format with the column's own unit and decimals;
 * dimensions and text as they came. Nothing is computed here, only presented.
 */
export function formatCell(value: CellValue | undefined, unit: string | undefined, decimals: number | undefined, locale: AppLocale): string {
  if (value === null || value === undefined || value === '') return NULL_DISPLAY;
  if (typeof value !== 'number') return value;
  const loc: Locale = locale;
  if (unit && isUnit(unit)) return formatValue(value, unit, { locale: loc, decimals });
  return formatValue(value, 'decimal', { locale: loc, decimals: decimals ?? (Number.isInteger(value) ? 0 : 2) });
}

/** Stored column types of a dataset preview mapped to display units (money in yuan, percent as fraction). */
const VALUE_TYPE_UNITS: Record<string, string> = { int: 'count', money: 'money', percent: 'percent' };

export function formatStoredValue(value: CellValue | undefined, valueType: string, locale: AppLocale): string {
  if (typeof value === 'number' && !VALUE_TYPE_UNITS[valueType]) return String(value);
  return formatCell(value, VALUE_TYPE_UNITS[valueType], undefined, locale);
}

/** `2026-11-26T09:31:16.000Z` -> `2026-11-26 17:31` in the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NULL_DISPLAY;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A row or file count for people: `12,345`. */
export function formatCount(n: number | null | undefined, locale: AppLocale): string {
  return formatValue(n, 'count', { locale });
}
