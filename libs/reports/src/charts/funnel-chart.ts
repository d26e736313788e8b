import { formatValue, type Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { displayValue, labelSafe, labelText, tooltipText, type MeasureRef } from './format';
import { baseOption, COLORS } from './theme';

export interface FunnelStage extends MeasureRef {
  key: string;
  value: number;
}

export interface FunnelChartInput {
  title: Label;
  subtitle?: Label;
  /** In funnel order; the caller leaves out stages without data. */
  stages: FunnelStage[];
}

/** Stage-to-stage and overall conversion: this stage ÷ the previous one, this stage ÷ the first. */
export function funnelRates(stages: { value: number }[]): { step: number | null; overall: number | null }[] {
  return stages.map((s, i) => ({
    step: i === 0 ? null : stages[i - 1].value === 0 ? null : s.value / stages[i - 1].value,
    overall: i === 0 || stages[0].value === 0 ? null : s.value / stages[0].value,
  }));
}

/** A funnel: widths by the real values (with a floor so the narrow end stays readable), rates in labels. */
export function funnelChart(input: FunnelChartInput, locale: Locale): Record<string, unknown> {
  const rates = funnelRates(input.stages);
  const [stepLabel, overallLabel] = locale === 'en' ? ['From previous step', 'From first step'] : ['上一步转化率', '整体转化率'];
  return {
    ...baseOption(labelText(input.title, locale), input.subtitle && labelText(input.subtitle, locale)),
    series: [
      {
        type: 'funnel',
        name: labelText(input.title, locale),
        sort: 'none',
        left: '8%',
        width: '56%',
        top: input.subtitle ? 88 : 72,
        bottom: 24,
        minSize: '12%',
        maxSize: '100%',
        gap: 2,
        // Labels beside the stages: the narrow end of a real funnel has no room inside.
        label: { show: true, position: 'right', color: COLORS.text, fontSize: 13 },
        labelLine: { show: true, length: 16, lineStyle: { color: COLORS.axisLine } },
        data: input.stages.map((s, i) => {
          const name = labelText(s.label, locale);
          const value = displayValue(s.value, s, locale);
          const step = formatValue(rates[i].step, 'percent', { locale });
          const overall = formatValue(rates[i].overall, 'percent', { locale });
          return {
            name,
            value: s.value,
            label: { formatter: labelSafe(i === 0 ? `${name} ${value}` : `${name} ${value}（${step}）`) },
            tooltip: {
              formatter: tooltipText(
                name,
                i === 0
                  ? [[name, value]]
                  : [
                      [name, value],
                      [stepLabel, step],
                      [overallLabel, overall],
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
