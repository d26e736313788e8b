import { quadrantChart, rankingChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportDefinition, ReportTable } from '../types';
import { categoryName, chartOf, hasData, measureOf, numberOf, scopedContext, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

const CREATOR_METRICS = [
  'xt_orders',
  'xt_cost',
  'xt_plays',
  'xt_interactions',
  'xt_cpm',
  'xt_cpe',
  'xt_cost_per_play',
  'xt_engagement_rate',
  'xt_completion_rate',
  'xt_component_ctr',
  'xt_gmv',
  'xt_roi',
];

export const xingtuCreatorsReport: ReportDefinition = {
  key: 'xingtu_creators',
  title: { zh: '星图达人合作效果', en: '星图 creator comparison' },
  description: {
    zh: '星图订单的花费、播放与互动；各达人的 CPM、CPE、单次播放成本、互动率（点赞+评论+分享）、加权完播率、组件点击率与带货ROI（全部按汇总值计算）；CPM × 互动率象限图；CPE 排名；订单明细。',
    en: '星图 orders: spend, plays and interactions; per creator CPM, CPE, cost per play, engagement (likes + comments + shares), weighted completion, component CTR and sales ROI (ratios of sums); a CPM × engagement quadrant; CPE ranking; the orders.',
  },
  standard: ['初级 3.2.3', '中级 3.2.3'],
  kinds: ['xingtu'],
  params: ['preset', 'from', 'to', 'account', 'compare', 'top'],
  build(report) {
    const ctx = scopedContext(report, ['xingtu']);
    const kpis = buildKpis(ctx, [
      'xt_orders',
      'xt_creators',
      'xt_cost',
      'xt_plays',
      'xt_cpm',
      'xt_cpe',
      'xt_engagement_rate',
      'xt_completion_rate',
      'xt_roi',
    ]).filter((k) => k.value !== null || k.previous !== null);
    const tables: ReportTable[] = [];
    const charts: (ReportChart | null)[] = [];
    const creators = withoutEmptyMetrics(ctx.query({ metrics: CREATOR_METRICS, dimensions: ['creator_name'], sort: [{ key: 'xt_cpe', dir: 'asc' }] }));
    if (creators.rows.length) {
      tables.push(tableFrom('creators', { zh: '达人对比（按CPE从低到高）', en: 'Creators (lowest CPE first)' }, creators));
      const overall = ctx.query({ metrics: ['xt_cpm', 'xt_engagement_rate'] }).totals;
      if (hasData(creators, 'xt_cpm') && hasData(creators, 'xt_engagement_rate')) {
        charts.push(
          chartOf('cpm_engagement', { zh: 'CPM × 互动率', en: 'CPM × engagement' }, (title) =>
            quadrantChart(
              {
                title,
                x: measureOf(creators, 'xt_cpm'),
                y: measureOf(creators, 'xt_engagement_rate'),
                size: measureOf(creators, 'xt_cost'),
                points: creators.rows.map((r) => ({
                  name: categoryName(r.creator_name, ctx.locale),
                  x: numberOf(r.xt_cpm),
                  y: numberOf(r.xt_engagement_rate),
                  size: numberOf(r.xt_cost),
                })),
                xMean: numberOf(overall?.xt_cpm),
                yMean: numberOf(overall?.xt_engagement_rate),
                xMeanLabel: { zh: '整体CPM', en: 'Overall CPM' },
                yMeanLabel: { zh: '整体互动率', en: 'Overall engagement' },
              },
              ctx.locale,
            ),
          ),
        );
      }
      if (hasData(creators, 'xt_cpe')) {
        const ranked = creators.rows.filter((r) => numberOf(r.xt_cpe) !== null).slice(0, ctx.params.top);
        charts.push(
          chartOf('cpe_ranking', { zh: '达人CPE（越低越划算）', en: 'CPE by creator (lower is better)' }, (title) =>
            rankingChart(
              {
                title,
                categoryAxis: { zh: '达人', en: 'Creator' },
                metric: measureOf(creators, 'xt_cpe'),
                items: ranked.map((r) => ({ name: categoryName(r.creator_name, ctx.locale), value: numberOf(r.xt_cpe) })),
              },
              ctx.locale,
            ),
          ),
        );
      }
    }
    const orders = withoutEmptyMetrics(
      ctx.query({
        metrics: ['xt_cost', 'xt_plays', 'xt_cpm', 'xt_cpe', 'xt_engagement_rate', 'xt_roi'],
        dimensions: ['task_name', 'creator_name'],
        sort: [{ key: 'xt_cost', dir: 'desc' }],
      }),
    );
    if (orders.rows.length) tables.push(tableFrom('tasks', { zh: '任务 × 达人', en: 'Tasks × creators' }, orders));
    return { kpis, tables, charts: present(charts) };
  },
};
