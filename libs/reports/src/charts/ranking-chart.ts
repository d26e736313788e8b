import type { Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { referenceLines, type Reference } from './category-chart';
import { axisName, chartValue, displayValue, labelSafe, shortLabel, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, categoryAxisOption, gridLayout, valueAxisOption } from './theme';

export interface RankingItem {
  name: string;
  value: number | null;
  color?: string;
  /** Extra tooltip lines, already formatted. */
  tooltip?: [string, string][];
}

export interface RankingChartInput {
  title: Label;
  subtitle?: Label;
  /** Name of the category axis (商品, 省份, 计划 ...). */
  categoryAxis: Label;
  metric: MeasureRef;
  /** In rank order, first = best; the caller cuts the top N. */
  items: RankingItem[];
  /** A vertical reference line (e.g. 保本ROI). */
  reference?: Reference;
}

/** Horizontal bars, the first item at the top, each bar labelled with its formatted value. */
export function rankingChart(input: RankingChartInput, locale: Locale): Record<string, unknown> {
  const seriesName = labelText(input.metric.label, locale);
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    grid: { ...gridLayout({ horizontal: true, subtitle: Boolean(input.subtitle), axisNameBelow: true }), right: 96 },
    xAxis: valueAxisOption(axisName([input.metric.label], input.metric, locale), {}, 'bottom'),
    // First item on top: an inverted axis, so its name goes to the (top) start.
    yAxis: categoryAxisOption(
      labelText(input.categoryAxis, locale),
      input.items.map((i) => shortLabel(i.name)),
      { inverse: true, axisTick: { show: false }, nameLocation: 'start' },
      'left',
    ),
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 20,
        data: input.items.map((item) => {
          const display = displayValue(item.value, input.metric, locale);
          return {
            value: chartValue(item.value, input.metric.unit),
            label: { show: true, position: 'right', formatter: labelSafe(display) },
            tooltip: { formatter: tooltipText(item.name, [[seriesName, display], ...(item.tooltip ?? [])], locale) },
            ...(item.color ? { itemStyle: { color: item.color } } : {}),
          };
        }),
        ...(input.reference ? { markLine: referenceLines([input.reference], input.metric, 'xAxis', locale, 'start') } : {}),
      },
    ],
  };
}
