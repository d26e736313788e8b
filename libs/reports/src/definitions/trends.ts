import type { QueryResult } from '@creator-ops/query';
import { trendChart, type ChartSeries } from '../charts';
import type { ReportChart, ReportContext } from '../types';
import { categoryName, chartOf, columnOf, dateDimension, hasData, seriesOf } from './shared';

interface TrendSpec {
  id: string;
  title: { zh: string; en: string };
  /** [metric, series options]; series whose metric has no data are left out. */
  series: [string, Partial<ChartSeries>][];
}

/** A trend over the report's date granularity; null when no series has data. */
export function dateTrend(ctx: ReportContext, spec: TrendSpec): ReportChart | null {
  const dim = dateDimension(ctx);
  const result = ctx.query({ metrics: spec.series.map(([m]) => m), dimensions: [dim] });
  return trendOf(ctx, spec, result, dim);
}

function trendOf(ctx: ReportContext, spec: TrendSpec, result: QueryResult, dim: string): ReportChart | null {
  const series = spec.series.filter(([m]) => hasData(result, m)).map(([m, opts]) => seriesOf(result, m, opts));
  if (series.length === 0) return null;
  const categories = result.rows.map((r) => categoryName(r[dim], ctx.locale));
  return chartOf(spec.id, spec.title, (title) => trendChart({ title, categoryAxis: columnOf(result, dim).label, categories, series }, ctx.locale));
}

export function gmvTrend(ctx: ReportContext): ReportChart | null {
  return dateTrend(ctx, {
    id: 'gmv_trend',
    title: { zh: '成交金额趋势', en: 'GMV trend' },
    series: [
      ['gmv', { type: 'line', axis: 0 }],
      ['paid_orders', { type: 'bar', axis: 1 }],
    ],
  });
}

/** Cost as bars and ROI as a line; without GMV in the export, CTR takes ROI's place. */
export function costRoiTrend(ctx: ReportContext): ReportChart | null {
  const dim = dateDimension(ctx);
  const result = ctx.query({ metrics: ['cost', 'roi', 'ctr'], dimensions: [dim] });
  const withRoi = hasData(result, 'roi');
  return trendOf(
    ctx,
    {
      id: 'cost_roi_trend',
      title: withRoi ? { zh: '消耗与ROI趋势', en: 'Cost and ROI trend' } : { zh: '消耗与点击率趋势', en: 'Cost and CTR trend' },
      series: [
        ['cost', { type: 'bar', axis: 0 }],
        [withRoi ? 'roi' : 'ctr', { type: 'line', axis: 1 }],
      ],
    },
    result,
    dim,
  );
}

/** Plays and net followers (new followers when only per-work stats exist). */
export function playsFollowersTrend(ctx: ReportContext): ReportChart | null {
  const followers = ctx.kinds.has('account') ? 'follower_net' : 'follower_gain';
  return dateTrend(ctx, {
    id: 'plays_followers_trend',
    title:
      followers === 'follower_net'
        ? { zh: '播放量与净增粉丝趋势', en: 'Plays and net followers trend' }
        : { zh: '播放量与新增粉丝趋势', en: 'Plays and new followers trend' },
    series: [
      ['plays', { type: 'line', axis: 0 }],
      [followers, { type: 'bar', axis: 1 }],
    ],
  });
}

export function liveGmvTrend(ctx: ReportContext): ReportChart | null {
  return dateTrend(ctx, {
    id: 'live_gmv_trend',
    title: { zh: '直播成交金额趋势', en: 'Live GMV trend' },
    series: [
      ['live_gmv', { type: 'bar', axis: 0 }],
      ['viewers', { type: 'line', axis: 1 }],
    ],
  });
}

export const present = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);
