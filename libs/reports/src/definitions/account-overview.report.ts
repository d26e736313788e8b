import type { QueryResult } from '@creator-ops/query';
import { trendChart, type ChartSeries } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportContext, ReportDefinition } from '../types';
import { categoryName, chartOf, columnOf, dateDimension, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';

const DAILY_METRICS = [
  'plays',
  'profile_visits',
  'follower_gain',
  'unfollows',
  'follower_net',
  'likes',
  'comments',
  'shares',
  'favorites',
  'interactions',
  'engagement_rate',
  'profile_follow_rate',
];

export const accountOverviewReport: ReportDefinition = {
  key: 'account_overview',
  title: { zh: '账号数据概览', en: 'Account overview' },
  description: {
    zh: '账号日数据按日/周/月汇总：播放、主页访问、互动与互动率、粉丝增减；核心指标与上一周期对比（环比）。',
    en: 'Account daily stats by day, week or month: plays, profile visits, interactions and engagement rate, follower changes; headline metrics against the previous period.',
  },
  standard: ['初级 2.1.6', '高级 2.1.4'],
  kinds: ['account'],
  params: ['preset', 'from', 'to', 'granularity', 'account', 'compare'],
  build(report) {
    // Only account daily stats: per-work figures are dated by publish time and would mix in otherwise.
    const ctx = scopedContext(report, ['account']);
    const dim = dateDimension(ctx);
    // Douyin exports one file per metric: columns it never had are left out rather than shown empty.
    const result = withoutEmptyMetrics(ctx.query({ metrics: DAILY_METRICS, dimensions: [dim] }));
    const kpis = buildKpis(ctx, ['plays', 'profile_visits', 'follower_net', 'follower_gain', 'likes', 'engagement_rate', 'profile_follow_rate']).filter((k) =>
      result.columns.some((c) => c.key === k.metric),
    );
    const trend = (id: string, title: ReportChart['title'], series: [string, Partial<ChartSeries>][]) => accountTrend(ctx, result, dim, id, title, series);
    const charts = [
      trend('plays_trend', { zh: '播放量与主页访问趋势', en: 'Plays and profile visits trend' }, [
        ['plays', { type: 'line' }],
        ['profile_visits', { type: 'line', axis: 1 }],
      ]),
      trend('engagement_trend', { zh: '互动量与互动率趋势', en: 'Interactions and engagement rate trend' }, [
        ['interactions', { type: 'bar' }],
        ['engagement_rate', { type: 'line', axis: 1 }],
      ]),
      trend('follower_trend', { zh: '粉丝增减趋势', en: 'Follower trend' }, [
        ['follower_gain', { type: 'bar' }],
        ['unfollows', { type: 'bar' }],
        ['follower_net', { type: 'line' }],
      ]),
    ].filter((c): c is ReportChart => c !== null);
    return { kpis, tables: [tableFrom('daily', { zh: '账号数据明细', en: 'Account stats by period' }, result)], charts };
  },
};

function accountTrend(
  ctx: ReportContext,
  result: QueryResult,
  dim: string,
  id: string,
  title: ReportChart['title'],
  wanted: [string, Partial<ChartSeries>][],
): ReportChart | null {
  const series = wanted.filter(([m]) => result.columns.some((c) => c.key === m)).map(([m, opts]) => seriesOf(result, m, opts));
  if (series.length === 0) return null;
  const categories = result.rows.map((r) => categoryName(r[dim], ctx.locale));
  return chartOf(id, title, (t) => trendChart({ title: t, categoryAxis: columnOf(result, dim).label, categories, series }, ctx.locale));
}
