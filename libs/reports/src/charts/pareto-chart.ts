import { formatValue, type Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { referenceLines } from './category-chart';
import { axisName, chartValue, displayValue, shortLabel, labelText, tooltipText, type MeasureRef } from './format';
import { ABC_COLORS, baseOption, categoryAxisOption, gridLayout, legendOption, valueAxisOption } from './theme';

export interface ParetoItem {
  name: string;
  value: number | null;
  /** Cumulative share of the total up to and including this item (a fraction). */
  cumulativeShare: number | null;
  /** ABC class. */
  cls: string;
}

export interface ParetoChartInput {
  title: Label;
  subtitle?: Label;
  categoryAxis: Label;
  metric: MeasureRef;
  /** Sorted by value, largest first. */
  items: ParetoItem[];
  /** Reference lines on the cumulative axis, as fractions (0.8 for the 80% line). */
  thresholds: { value: number; label: Label }[];
}

const CUMULATIVE: Label = { zh: '累计占比', en: 'Cumulative share' };
const CLASS: Label = { zh: 'ABC分类', en: 'ABC class' };

/** Bars by value coloured by ABC class, the cumulative share as a line on a 0–100% right axis. */
export function paretoChart(input: ParetoChartInput, locale: Locale): Record<string, unknown> {
  const names = input.items.map((i) => shortLabel(i.name, 10));
  const valueName = labelText(input.metric.label, locale);
  const cumName = labelText(CUMULATIVE, locale);
  const percent: MeasureRef = { label: CUMULATIVE, unit: 'percent' };
  const lines = (item: ParetoItem): [string, string][] => [
    [valueName, displayValue(item.value, input.metric, locale)],
    [cumName, formatValue(item.cumulativeShare, 'percent', { locale })],
    [labelText(CLASS, locale), item.cls],
  ];
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    legend: legendOption([valueName, cumName], Boolean(input.subtitle)),
    grid: gridLayout({ secondaryAxis: true, legend: true, subtitle: Boolean(input.subtitle), axisNameBelow: true }),
    xAxis: categoryAxisOption(labelText(input.categoryAxis, locale), names),
    yAxis: [
      valueAxisOption(axisName([input.metric.label], input.metric, locale)),
      valueAxisOption(axisName([CUMULATIVE], percent, locale), { min: 0, max: 100, splitLine: { show: false } }, 'right'),
    ],
    series: [
      {
        type: 'bar',
        name: valueName,
        barMaxWidth: 28,
        data: input.items.map((item) => ({
          value: chartValue(item.value, input.metric.unit),
          itemStyle: { color: ABC_COLORS[item.cls] ?? ABC_COLORS.C },
          tooltip: { formatter: tooltipText(item.name, lines(item), locale) },
        })),
      },
      {
        type: 'line',
        name: cumName,
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 6,
        data: input.items.map((item) => ({
          value: chartValue(item.cumulativeShare, 'percent'),
          tooltip: { formatter: tooltipText(item.name, lines(item), locale) },
        })),
        markLine: referenceLines(input.thresholds, percent, 'yAxis', locale),
      },
    ],
  };
}
