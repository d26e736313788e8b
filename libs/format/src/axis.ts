import { formatValue } from './units';
import type { Locale } from './locale';

/**
 * A value-axis tick as a person reads it: 210000 -> '21万' (zh-CN) / '210K' (en) from 10,000 up,
 * else the number with separators. Chart options stay plain JSON; the renderers (web and SVG
 * export) attach this as the axis formatter through `withCompactAxes`.
 */
export function compactAxisLabel(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '';
  if (Math.abs(value) >= 10_000)
    return formatValue(value, 'count', { locale, compact: true, decimals: Number.isInteger(value / 10_000) ? 0 : 1 }).replace(/\.0(?=\D*$)/, '');
  return Number.isInteger(value) ? formatValue(value, 'count', { locale }) : String(value);
}

type Option = Record<string, unknown>;

/** A copy of the option whose value axes print 万/亿 ticks (category axes are left as they are). */
export function withCompactAxes(option: Option, locale: Locale): Option {
  const patch = (axis: unknown): unknown => {
    if (Array.isArray(axis)) return axis.map(patch);
    if (!axis || typeof axis !== 'object' || (axis as Option).type !== 'value') return axis;
    const a = axis as Option;
    if (/%|倍|秒|分钟|\bs\b|min/.test(String(a.name ?? ''))) return axis; // rates and durations stay as they are
    return { ...a, axisLabel: { ...((a.axisLabel as Option) ?? {}), formatter: (v: number) => compactAxisLabel(v, locale) } };
  };
  return { ...option, ...(option.xAxis ? { xAxis: patch(option.xAxis) } : {}), ...(option.yAxis ? { yAxis: patch(option.yAxis) } : {}) };
}
