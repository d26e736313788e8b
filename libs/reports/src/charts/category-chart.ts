import type { Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { axisName, chartValue, displayValue, labelSafe, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, categoryAxisOption, COLORS, gridLayout, legendOption, valueAxisOption } from './theme';

/** A horizontal reference line, in the metric's own unit (a fraction for a percent). */
export interface Reference {
  value: number;
  label: Label;
}

export interface ChartSeries extends MeasureRef {
  key: string;
  type?: 'line' | 'bar';
  /** 0: the left value axis, 1: the right one. Series on one axis share a unit. */
  axis?: 0 | 1;
  values: (number | null)[];
  /** Per-item colours (profit green, loss red ...). */
  colors?: (string | null)[];
  /** Extra tooltip lines per item, already formatted. */
  extraTooltip?: [string, string][][];
  references?: Reference[];
}

export interface CategoryChartInput {
  title: Label;
  subtitle?: Label;
  /** Name of the category axis (日期, 账号 ...). */
  categoryAxis: Label;
  categories: string[];
  series: ChartSeries[];
}

/**
 * Line and bar series over categories (a trend over dates, accounts side by side), with an
 * optional secondary value axis. `trendChart` and `groupedBarChart` are this with defaults.
 */
export function categoryChart(input: CategoryChartInput, locale: Locale): Record<string, unknown> {
  const axes = [0, 1].map((a) => input.series.filter((s) => (s.axis ?? 0) === a)).filter((list) => list.length > 0);
  for (const list of axes) {
    if (new Set(list.map((s) => s.unit)).size > 1) throw new Error(`Series on one axis must share a unit: ${list.map((s) => s.key).join(', ')}`);
  }
  const axisIndexOf = (s: ChartSeries) => (axes.length > 1 && (s.axis ?? 0) === 1 ? 1 : 0);
  const names = input.series.map((s) => labelText(s.label, locale));
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    ...(input.series.length > 1 ? { legend: legendOption(names, Boolean(input.subtitle)) } : {}),
    grid: gridLayout({ secondaryAxis: axes.length > 1, legend: input.series.length > 1, subtitle: Boolean(input.subtitle), axisNameBelow: true }),
    xAxis: categoryAxisOption(labelText(input.categoryAxis, locale), input.categories),
    yAxis: axes.map((list, i) =>
      valueAxisOption(
        axisName(
          list.map((s) => s.label),
          list[0],
          locale,
        ),
        i === 1 ? { splitLine: { show: false } } : {},
        i === 1 ? 'right' : 'left',
      ),
    ),
    series: input.series.map((s, i) => ({
      type: s.type ?? 'line',
      name: names[i],
      yAxisIndex: axisIndexOf(s),
      ...(s.type === 'bar' ? { barMaxWidth: 28 } : { symbol: 'circle', symbolSize: 6, connectNulls: false }),
      data: s.values.map((v, j) => ({
        value: chartValue(v, s.unit),
        tooltip: { formatter: tooltipText(input.categories[j] ?? '', [[names[i], displayValue(v, s, locale)], ...(s.extraTooltip?.[j] ?? [])], locale) },
        ...(s.colors?.[j] ? { itemStyle: { color: s.colors[j] } } : {}),
      })),
      ...(s.references?.length ? { markLine: referenceLines(s.references, s, 'yAxis', locale) } : {}),
    })),
  };
}

/** Dashed reference lines (break-even, mean, 80%) with their value in the label. */
export function referenceLines(refs: Reference[], ref: MeasureRef, axis: 'xAxis' | 'yAxis', locale: Locale, position?: string): Record<string, unknown> {
  return markLineOption(refs.map((r) => referenceLineItem(r, ref, axis, locale, position)));
}

export function markLineOption(data: Record<string, unknown>[]): Record<string, unknown> {
  return { silent: false, symbol: 'none', lineStyle: { type: 'dashed', color: COLORS.reference, width: 1.5 }, data };
}

/** One reference line at a value of the metric (a fraction for a percent: plotted ×100). */
export function referenceLineItem(r: Reference, ref: MeasureRef, axis: 'xAxis' | 'yAxis', locale: Locale, labelPosition?: string): Record<string, unknown> {
  const label = `${labelText(r.label, locale)} ${displayValue(r.value, ref, locale)}`;
  // A horizontal line is labelled above its inner end; a vertical one at its top.
  const position = labelPosition ?? (axis === 'yAxis' ? 'insideEndTop' : 'end');
  return {
    [axis]: chartValue(r.value, ref.unit),
    name: labelText(r.label, locale),
    label: { formatter: labelSafe(label), color: COLORS.subText, position },
    tooltip: { formatter: tooltipText(label, [], locale) },
  };
}

/** A trend over dates: lines by default, bars where a series says so, a right axis when asked. */
export function trendChart(input: CategoryChartInput, locale: Locale): Record<string, unknown> {
  return categoryChart(input, locale);
}

/** Side-by-side bars per category (matrix accounts): every series drawn as bars. */
export function groupedBarChart(input: CategoryChartInput, locale: Locale): Record<string, unknown> {
  return categoryChart({ ...input, series: input.series.map((s) => ({ ...s, type: 'bar' as const })) }, locale);
}
