import type { Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { markLineOption, referenceLineItem } from './category-chart';
import { axisName, chartValue, displayValue, labelSafe, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, COLORS, gridLayout, valueAxisOption } from './theme';

export interface QuadrantPoint {
  name: string;
  x: number | null;
  y: number | null;
  size: number | null;
}

export interface QuadrantChartInput {
  title: Label;
  subtitle?: Label;
  x: MeasureRef;
  y: MeasureRef;
  size: MeasureRef;
  points: QuadrantPoint[];
  /** The dividing lines: the overall rates (ratio of sums), not a mean of the points' rates. */
  xMean: number | null;
  yMean: number | null;
  xMeanLabel: Label;
  yMeanLabel: Label;
}

const MIN_SYMBOL = 8;
const MAX_SYMBOL = 48;

/** Symbol diameter by area: sqrt(size / largest), so a plan spending 4x as much looks 4x as large. */
export function symbolSizeOf(size: number | null, largest: number): number {
  if (size === null || size <= 0 || largest <= 0) return MIN_SYMBOL;
  return Math.round((MIN_SYMBOL + (MAX_SYMBOL - MIN_SYMBOL) * Math.sqrt(size / largest)) * 10) / 10;
}

/** Scatter of one point per item (plans): x and y rates, symbol size by a third measure, mean lines. */
export function quadrantChart(input: QuadrantChartInput, locale: Locale): Record<string, unknown> {
  const points = input.points.filter((p) => p.x !== null && p.y !== null);
  const largest = Math.max(0, ...points.map((p) => p.size ?? 0));
  const [xName, yName, sizeName] = [input.x, input.y, input.size].map((m) => labelText(m.label, locale));
  const lines = [
    ...(input.xMean !== null ? [{ axis: 'xAxis' as const, value: input.xMean, label: input.xMeanLabel, ref: input.x }] : []),
    ...(input.yMean !== null ? [{ axis: 'yAxis' as const, value: input.yMean, label: input.yMeanLabel, ref: input.y }] : []),
  ];
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    grid: { ...gridLayout({ subtitle: Boolean(input.subtitle), axisNameBelow: true }), right: 48 },
    xAxis: valueAxisOption(axisName([input.x.label], input.x, locale), { scale: true }, 'bottom'),
    yAxis: valueAxisOption(axisName([input.y.label], input.y, locale), { scale: true }),
    series: [
      {
        type: 'scatter',
        name: sizeName,
        data: points.map((p) => ({
          name: p.name,
          value: [chartValue(p.x, input.x.unit), chartValue(p.y, input.y.unit), p.size],
          symbolSize: symbolSizeOf(p.size, largest),
          // Each bubble names its plan (shortened; the tooltip has the full name).
          label: {
            show: true,
            position: 'top',
            formatter: labelSafe(p.name.length > 10 ? `${p.name.slice(0, 9)}…` : p.name),
            fontSize: 11,
            color: COLORS.subText,
          },
          tooltip: {
            formatter: tooltipText(
              p.name,
              [
                [xName, displayValue(p.x, input.x, locale)],
                [yName, displayValue(p.y, input.y, locale)],
                [sizeName, displayValue(p.size, input.size, locale)],
              ],
              locale,
            ),
          },
        })),
        itemStyle: { opacity: 0.8 },
        // Crowded bubbles keep the names that fit; every name is in its tooltip.
        labelLayout: { hideOverlap: true },
        ...(lines.length ? { markLine: markLineOption(lines.map((l) => referenceLineItem({ value: l.value, label: l.label }, l.ref, l.axis, locale))) } : {}),
      },
    ],
  };
}
