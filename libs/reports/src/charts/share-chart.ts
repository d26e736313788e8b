import { formatValue, type Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { displayValue, labelSafe, shortLabel, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, legendOption } from './theme';

export interface ShareChartInput {
  title: Label;
  subtitle?: Label;
  metric: MeasureRef;
  items: { name: string; value: number | null }[];
  donut?: boolean;
}

/** Each item's share of the positive total (null and non-positive values take no slice). */
export function shares(items: { value: number | null }[]): (number | null)[] {
  const total = items.reduce((s, i) => s + (i.value !== null && i.value > 0 ? i.value : 0), 0);
  return items.map((i) => (i.value === null || i.value <= 0 || total === 0 ? null : i.value / total));
}

/** Pie or donut of shares; every slice is labelled and its tooltip shows the value and the share. */
export function shareChart(input: ShareChartInput, locale: Locale): Record<string, unknown> {
  const items = input.items.filter((i) => i.value !== null && i.value > 0);
  const share = shares(items);
  const seriesName = labelText(input.metric.label, locale);
  const shareLabel = locale === 'en' ? 'Share' : '占比';
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    legend: { ...legendOption(items.map((i) => shortLabel(i.name))), top: 'auto', bottom: 8 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: input.donut === false ? ['0%', '62%'] : ['38%', '62%'],
        center: ['50%', '54%'],
        avoidLabelOverlap: true,
        data: items.map((item, i) => {
          const shareText = formatValue(share[i], 'percent', { locale });
          return {
            name: shortLabel(item.name),
            value: item.value,
            label: { formatter: labelSafe(`${shortLabel(item.name, 10)} ${shareText}`) },
            tooltip: {
              formatter: tooltipText(
                item.name,
                [
                  [seriesName, displayValue(item.value, input.metric, locale)],
                  [shareLabel, shareText],
                ],
                locale,
              ),
            },
          };
        }),
      },
    ],
  };
}
