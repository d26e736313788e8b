import { funnelChart, quadrantChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportDefinition } from '../types';
import { queryAdEntities } from './ad-plans';
import { chartOf, hasData, measureOf, numberOf, tableFrom, scopedContext, withoutEmptyMetrics } from './shared';
import { costRoiTrend, present } from './trends';

const PLAN_METRICS = ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm', 'conversions', 'cvr', 'cpa', 'ad_orders', 'order_cvr', 'ad_gmv', 'roi', 'cost_per_order'];
const FUNNEL = ['impressions', 'clicks', 'conversions', 'ad_orders'];

export const adPerformanceReport: ReportDefinition = {
  key: 'ad_performance',
  title: { zh: '广告投放分析', en: 'Ad performance' },
  description: {
    zh: '按计划（无计划时按单元或项目）汇总消耗、点击率、转化率、ROI；点击率×转化率四象限；展示→点击→转化→成交漏斗；消耗与ROI趋势。比率均为汇总值之比。',
    en: 'Cost, CTR, conversion and ROI per plan (else per unit or campaign); a CTR × CVR quadrant; the impressions → clicks → conversions → orders funnel; cost and ROI over time. Every rate is a ratio of sums.',
  },
  standard: ['初级 4.3', '中级 4.3', '高级 4.1.1'],
  kinds: ['ad'],
  params: ['preset', 'from', 'to', 'granularity', 'account', 'compare'],
  build(report) {
    const ctx = scopedContext(report, ['ad']);
    const kpis = buildKpis(ctx, ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm', 'conversions', 'cvr', 'ad_orders', 'ad_gmv', 'roi']).filter((k) => k.value !== null || k.previous !== null);
    const plans = queryAdEntities(ctx, { metrics: PLAN_METRICS, sort: [{ key: 'cost', dir: 'desc' }] });
    const charts: (ReportChart | null)[] = [costRoiTrend(ctx)];
    if (plans) {
      const table = withoutEmptyMetrics(plans.result);
      // CVR from conversions when the export has them (巨量引擎), else order conversion (千川).
      const yKey = hasData(table, 'cvr') ? 'cvr' : hasData(table, 'order_cvr') ? 'order_cvr' : null;
      if (yKey && hasData(table, 'ctr')) {
        const [x, y] = [measureOf(table, 'ctr'), measureOf(table, yKey)];
        charts.push(
          chartOf('ctr_cvr_quadrant', { zh: `点击率 × ${y.label.zh} 四象限`, en: `CTR × ${y.label.en} quadrant` }, (title) =>
            quadrantChart(
              {
                title,
                subtitle: { zh: `每个点是一个${plans.entity.zh}，大小为消耗；虚线为整体点击率与整体${y.label.zh}`, en: `One point per ${plans.entity.en.toLowerCase()}, sized by cost; dashed lines: overall CTR and ${y.label.en}` },
                x,
                y,
                size: measureOf(table, 'cost'),
                points: table.rows.map((r) => ({ name: plans.nameOf(r), x: numberOf(r.ctr), y: numberOf(r[yKey]), size: numberOf(r.cost) })),
                xMean: numberOf(table.totals?.ctr),
                yMean: numberOf(table.totals?.[yKey]),
                xMeanLabel: { zh: '整体点击率', en: 'Overall CTR' },
                yMeanLabel: { zh: `整体${y.label.zh}`, en: `Overall ${y.label.en}` },
              },
              ctx.locale,
            ),
          ),
        );
      }
    }
    // Totals without dimensions: an absent column is null there (with dimensions the engine totals it as 0).
    const totals = ctx.query({ metrics: FUNNEL });
    // Stages the export does not carry (no conversions in 千川, no orders in 巨量引擎) are skipped.
    const stages = FUNNEL.filter((k) => numberOf(totals.totals?.[k]) !== null).map((k) => ({ key: k, ...measureOf(totals, k), value: numberOf(totals.totals?.[k])! }));
    if (stages.length >= 2) {
      charts.push(chartOf('ad_funnel', { zh: '投放转化漏斗', en: 'Ad funnel' }, (title) => funnelChart({ title, stages }, ctx.locale)));
    }
    const tables = plans ? [tableFrom('plans', { zh: `${plans.entity.zh}数据（按消耗排序）`, en: `${plans.entity.en}s by cost` }, withoutEmptyMetrics(plans.result))] : [];
    return { kpis, tables, charts: present(charts) };
  },
};
