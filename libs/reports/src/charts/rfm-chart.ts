import { formatValue, type Locale } from '@creator-ops/format';
import type { Label } from '@creator-ops/schemas';
import { categoryChart } from './category-chart';
import { countUnitOf } from './format';

export interface RfmSegmentBar {
  name: string;
  buyers: number;
  /** Share of buyers (a fraction). */
  share: number | null;
  gmv: number | null;
}

export interface RfmChartInput {
  title: Label;
  subtitle?: Label;
  segments: RfmSegmentBar[];
}

/** Buyers per RFM segment (left axis) beside the segment's GMV (right axis); shares in the tooltip. */
export function rfmSegmentChart(input: RfmChartInput, locale: Locale): Record<string, unknown> {
  const shareLabel = locale === 'en' ? 'Share of buyers' : '客户占比';
  return categoryChart(
    {
      title: input.title,
      subtitle: input.subtitle,
      categoryAxis: { zh: '客户分层', en: 'Segment' },
      categories: input.segments.map((s) => s.name),
      series: [
        {
          key: 'buyers',
          label: { zh: '客户数', en: 'Buyers' },
          unit: 'count',
          countUnit: countUnitOf('buyers'),
          type: 'bar',
          values: input.segments.map((s) => s.buyers),
          extraTooltip: input.segments.map((s) => [[shareLabel, formatValue(s.share, 'percent', { locale })]]),
        },
        { key: 'gmv', label: { zh: '成交金额', en: 'GMV' }, unit: 'money', type: 'bar', axis: 1, values: input.segments.map((s) => s.gmv) },
      ],
    },
    locale,
  );
}
