import { funnelChart, quadrantChart } from '../charts';
import { buildKpis } from '../kpis';
import { withRatioBases } from '../ratio-basis';
import type { QueryResult } from '@creator-ops/query';
import type { ReportChart, ReportContext, ReportDefinition } from '../types';
import { queryAdEntities } from './ad-plans';
import { chartOf, hasData, measureOf, numberOf, tableFrom, scopedContext, withoutEmptyMetrics } from './shared';
import { costRoiTrend, present } from './trends';

const PLAN_METRICS = [
  'cost',
  'impressions',
  'clicks',
  'ctr',
  'cpc',
  'cpm',
  'conversions',
  'cvr',
  'cpa',
  'ad_orders',
  'order_cvr',
  'ad_gmv',
  'roi',
  'cost_per_order',
];
/** Funnels, longest first, with the field each stage sums: a funnel only chains stages of one source. */
const FUNNELS: [metric: string, field: string][][] = [
  [
    ['impressions', 'impressions'],
    ['clicks', 'clicks'],
    ['conversions', 'conversions'],
    ['ad_orders', 'orders'],
  ],
  [
    ['impressions', 'impressions'],
    ['clicks', 'clicks'],
    ['conversions', 'conversions'],
  ],
  [
    ['impressions', 'impressions'],
    ['clicks', 'clicks'],
    ['ad_orders', 'orders'],
  ],
  [
    ['impressions', 'impressions'],
    ['clicks', 'clicks'],
  ],
];

/**
 * The longest funnel whose every stage is read from the same rows (exports carrying all its fields):
 * 巨量引擎's 转化数 never feeds 千川's 成交订单数, so no stage exceeds the one before it by mixing.
 */
function oneSourceFunnel(ctx: ReportContext) {
  for (const stages of FUNNELS) {
    const filters = stages.map(([, field]) => ({ field, op: 'range' as const, value: [null, null] }));
    let result: QueryResult;
    try {
      result = ctx.query({ metrics: stages.map(([m]) => m), filters });
    } catch {
      continue; // a field no export has
    }
    const values = stages.map(([m]) => numberOf(result.totals?.[m]));
    if (values.every((v) => v !== null) && (values[0] ?? 0) > 0) return stages.map(([m], i) => ({ key: m, ...measureOf(result, m), value: values[i]! }));
  }
  return null;
}

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
    const kpis = withRatioBases(
      ctx,
      buildKpis(ctx, ['cost', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm', 'conversions', 'cvr', 'ad_orders', 'ad_gmv', 'roi']).filter(
        (k) => k.value !== null || k.previous !== null,
      ),
    );
    const plans = queryAdEntities(ctx, { metrics: PLAN_METRICS, sort: [{ key: 'cost', dir: 'desc' }] });
    const charts: (ReportChart | null)[] = [costRoiTrend(ctx)];
    if (plans) {
      const table = withoutEmptyMetrics(plans.result);
      // CVR from conversions when the export has them (巨量引擎), else order conversion (千川).
      // With both kinds of export, the rate more of the rows carry (plans rarely have both).
      const filled = (k: string) => table.rows.filter((r) => numberOf(r[k]) !== null).length;
      const yKey = hasData(table, 'cvr') && filled('cvr') >= filled('order_cvr') ? 'cvr' : hasData(table, 'order_cvr') ? 'order_cvr' : null;
      if (yKey && hasData(table, 'ctr')) {
        const [x, y] = [measureOf(table, 'ctr'), measureOf(table, yKey)];
        charts.push(
          chartOf('ctr_cvr_quadrant', { zh: `点击率 × ${y.label.zh} 四象限`, en: `CTR × ${y.label.en} quadrant` }, (title) =>
            quadrantChart(
              {
                title,
                subtitle: {
                  zh: `每个点是一个${plans.entity.zh}，大小为消耗；虚线为整体点击率与整体${y.label.zh}`,
                  en: `One point per ${plans.entity.en.toLowerCase()}, sized by cost; dashed lines: overall CTR and ${y.label.en}`,
                },
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
    const funnel = oneSourceFunnel(ctx);
    if (funnel) {
      charts.push(chartOf('ad_funnel', { zh: '投放转化漏斗', en: 'Ad funnel' }, (title) => funnelChart({ title, stages: funnel }, ctx.locale)));
    }
    const tables = plans
      ? [tableFrom('plans', { zh: `${plans.entity.zh}数据（按消耗排序）`, en: `${plans.entity.en}s by cost` }, withoutEmptyMetrics(plans.result))]
      : [];
    return { kpis, tables, charts: present(charts) };
  },
};
