import type { Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { axisName, chartValue, displayValue, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, categoryAxisOption, FONT_FAMILY, gridLayout } from './theme';

export interface HeatmapCell {
  /** 0..23 */
  hour: number;
  /** 1 = Monday ... 7 = Sunday */
  weekday: number;
  value: number | null;
}

export interface HeatmapChartInput {
  title: Label;
  subtitle?: Label;
  metric: MeasureRef;
  cells: HeatmapCell[];
}

const WEEKDAYS: Label[] = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({
  zh: `周${d}`,
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i],
}));

export function weekdayName(weekday: number, locale: Locale): string {
  return labelText(WEEKDAYS[weekday - 1], locale);
}

/** Hour of day × weekday; the colour scale is named with the metric and its unit. */
export function heatmapChart(input: HeatmapChartInput, locale: Locale): Record<string, unknown> {
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const values = input.cells.map((c) => chartValue(c.value, input.metric.unit)).filter((v): v is number => v !== null);
  const name = labelText(input.metric.label, locale);
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    grid: { ...gridLayout({ subtitle: Boolean(input.subtitle), axisNameBelow: true }), right: 110 },
    xAxis: categoryAxisOption(locale === 'en' ? 'Hour (h)' : '小时（时）', hours, { splitArea: { show: true } }),
    // Monday on top: an inverted axis, so its name goes to the (top) start.
    yAxis: categoryAxisOption(
      locale === 'en' ? 'Weekday' : '星期',
      WEEKDAYS.map((w) => labelText(w, locale)),
      { splitArea: { show: true }, inverse: true, nameLocation: 'start' },
      'left',
    ),
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, ...values),
      calculable: true,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 160,
      text: [axisName([input.metric.label], input.metric, locale), ''],
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 12 },
      inRange: { color: ['#eef3ff', '#9dbcff', '#3a7afe', '#1d4fc4'] },
    },
    series: [
      {
        type: 'heatmap',
        name,
        label: { show: false },
        data: input.cells.map((c) => ({
          value: [c.hour, c.weekday - 1, chartValue(c.value, input.metric.unit)],
          tooltip: {
            formatter: tooltipText(
              `${weekdayName(c.weekday, locale)} ${c.hour}:00–${c.hour}:59`,
              [[name, displayValue(c.value, input.metric, locale)]],
              locale,
            ),
          },
        })),
      },
    ],
  };
}
