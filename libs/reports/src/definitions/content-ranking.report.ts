import { formatValue } from '@creator-ops/format';
import { countUnitOf, rankingChart, shareChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportDefinition } from '../types';
import { categoryName, chartOf, hasData, measureOf, numberOf, queryFirstAvailable, scopedContext, tableFrom, withoutEmptyMetrics } from './shared';

const WORK_METRICS = ['plays', 'likes', 'comments', 'shares', 'favorites', 'engagement_rate', 'completion_rate', 'avg_watch_seconds', 'follower_gain'];

/** A work is identified by its id when the export has one, else (like Douyin's) by title and publish time. */
const WORK_DIMENSIONS = [
  ['content_id', 'title', 'published_at', 'format'],
  ['content_id', 'title', 'published_at'],
  ['title', 'published_at', 'format'],
  ['title', 'published_at'],
  ['title'],
];

export const contentRankingReport: ReportDefinition = {
  key: 'content_ranking',
  title: { zh: '作品排行', en: 'Content ranking' },
  description: {
    zh: '统计期内发布的作品按播放量排行（前 N 名）：互动率、完播率（按播放量加权）、涨粉；体裁占比。',
    en: 'Works published in the period ranked by plays (top N): engagement rate, completion rate (weighted by plays), new followers; the mix of formats.',
  },
  standard: ['中级 2.1.5', '高级 1.1.3'],
  kinds: ['content'],
  params: ['preset', 'from', 'to', 'account', 'top'],
  build(report) {
    const ctx = scopedContext(report, ['content']);
    const top = ctx.params.top;
    const found = queryFirstAvailable(ctx, WORK_DIMENSIONS, { metrics: WORK_METRICS, sort: [{ key: 'plays', dir: 'desc' }], limit: top });
    const kpis = buildKpis(ctx, ['works', 'plays', 'engagement_rate', 'completion_rate', 'follower_gain']);
    if (!found) return { kpis, tables: [], charts: [] };
    const works = withoutEmptyMetrics(found.result);
    const nameOf = (row: Record<string, unknown>) => categoryName(row.title ?? row.content_id, ctx.locale);
    const charts: ReportChart[] = [
      chartOf('plays_ranking', { zh: `播放量前 ${top} 作品`, en: `Top ${top} works by plays` }, (title) =>
        rankingChart(
          {
            title,
            categoryAxis: { zh: '作品', en: 'Work' },
            metric: measureOf(works, 'plays'),
            items: works.rows.map((r) => ({
              name: nameOf(r),
              value: numberOf(r.plays),
              tooltip: hasData(works, 'engagement_rate')
                ? [[ctx.locale === 'en' ? 'Engagement rate' : '互动率', formatValue(numberOf(r.engagement_rate), 'percent', { locale: ctx.locale })]]
                : [],
            })),
          },
          ctx.locale,
        ),
      ),
    ];
    if (found.dims.includes('format')) {
      const byFormat = ctx.query({ metrics: ['works', 'plays'], dimensions: ['format'] });
      charts.push(
        chartOf('format_share', { zh: '体裁占比（作品数）', en: 'Formats (share of works)' }, (title) =>
          shareChart(
            {
              title,
              metric: { ...measureOf(byFormat, 'works'), countUnit: countUnitOf('works') },
              items: byFormat.rows.map((r) => ({ name: categoryName(r.format, ctx.locale), value: numberOf(r.works) })),
            },
            ctx.locale,
          ),
        ),
      );
    }
    return { kpis, tables: [tableFrom('works', { zh: `作品排行（按播放量，前 ${top}）`, en: `Works by plays (top ${top})` }, works)], charts };
  },
};
