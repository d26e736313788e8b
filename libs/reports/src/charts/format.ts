import { formatValue, type Locale, type Unit } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';

/** What a plotted number is: its name, unit and display precision. */
export interface MeasureRef {
  label: Label;
  unit: Unit;
  decimals?: number;
  /** What a count counts (次, 人, 单 ...), shown in the axis name. */
  countUnit?: Label;
}

export const labelText = (label: Label, locale: Locale): string => (locale === 'en' ? label.en : label.zh);

const UNIT_TEXT: Partial<Record<Unit, Label>> = {
  money: { zh: '元', en: '¥' },
  percent: { zh: '%', en: '%' },
  multiple: { zh: '倍', en: '×' },
  seconds: { zh: '秒', en: 's' },
  minutes: { zh: '分钟', en: 'min' },
};

const COUNT_UNITS: Record<string, Label> = {
  people: { zh: '人', en: 'people' },
  orders: { zh: '单', en: 'orders' },
  pieces: { zh: '件', en: 'pcs' },
  works: { zh: '个', en: 'works' },
  sessions: { zh: '场', en: 'sessions' },
  times: { zh: '次', en: 'count' },
};

const COUNT_UNIT_OF_METRIC: Record<string, keyof typeof COUNT_UNITS> = {
  follower_gain: 'people',
  follower_net: 'people',
  unfollows: 'people',
  buyers: 'people',
  viewers: 'people',
  exposure_users: 'people',
  product_exposure_users: 'people',
  product_click_users: 'people',
  live_buyers: 'people',
  live_new_followers: 'people',
  paid_orders: 'orders',
  ad_orders: 'orders',
  live_orders: 'orders',
  refund_orders: 'orders',
  items: 'orders',
  units: 'pieces',
  works: 'works',
  sessions: 'sessions',
};

/** The count unit of a metric (次 unless it counts people, orders, pieces, works or sessions). */
export function countUnitOf(metric: string): Label {
  return COUNT_UNITS[COUNT_UNIT_OF_METRIC[metric] ?? 'times'];
}

/** `'消耗（元）'` / `'Cost (¥)'`: an axis name always carries its unit. A trailing note in the label is dropped. */
export function axisName(labels: Label[], ref: Pick<MeasureRef, 'unit' | 'countUnit'>, locale: Locale): string {
  const names = [...new Set(labels.map((l) => labelText(l, locale).replace(/\s*[（(][^（()）]*[)）]\s*$/, '')))].join(' / ');
  const unit = UNIT_TEXT[ref.unit] ?? ref.countUnit ?? COUNT_UNITS.times;
  return locale === 'en' ? `${names} (${unit.en})` : `${names}（${unit.zh}）`;
}

/** The number plotted: percents scaled to 0..100 (the axis says %), float noise from the scaling removed. */
export function chartValue(value: number | null | undefined, unit: Unit): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return unit === 'percent' ? Number((value * 100).toPrecision(12)) : value;
}

/** The text a person reads for a value: through libs/format, the one formatter. */
export function displayValue(value: number | null | undefined, ref: Pick<MeasureRef, 'unit' | 'decimals'>, locale: Locale): string {
  return formatValue(value, ref.unit, { locale, ...(ref.decimals !== undefined ? { decimals: ref.decimals } : {}) });
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '{': '&#123;', '}': '&#125;' };

/**
 * Tooltips are rendered as HTML: names come from uploaded files, so they are escaped. Braces become
 * entities too, so ECharts does not read `{b}` in a product name as a template variable.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'{}]/g, (c) => HTML_ENTITIES[c]);
}

/** `'<b>2026-10-01</b><br/>消耗：¥1,234.50'`: one tooltip text, lines of `[name, formatted value]`. */
export function tooltipText(heading: string, lines: [string, string][], locale: Locale): string {
  const sep = locale === 'en' ? ': ' : '：';
  return [`<b>${escapeHtml(heading)}</b>`, ...lines.map(([name, value]) => `${escapeHtml(name)}${sep}${escapeHtml(value)}`)].join('<br/>');
}

/** A long title (a post body with newlines) shortened to its first line for an axis label. */
export function shortLabel(value: unknown, max = 16): string {
  if (value === null || value === undefined || value === '') return '-';
  const first = String(value).split(/\r?\n/)[0].trim();
  return [...first].length > max ? `${[...first].slice(0, max).join('')}…` : first;
}

/** Literal label text: braces would be read as ECharts template variables. */
export function labelSafe(value: string): string {
  return value.replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'));
}
