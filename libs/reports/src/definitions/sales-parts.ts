import type { QueryResult, ResultColumn, ResultRow } from '@creator-ops/query';
import { abcClasses, ABC_LIMITS } from '../analysis/abc';
import { heatmapChart, paretoChart, rankingChart, shareChart, type HeatmapCell } from '../charts';
import type { ReportChart, ReportContext, ReportTable } from '../types';
import { categoryName, chartOf, measureOf, numberOf, queryFirstAvailable, tableFrom, toCents, withoutEmptyMetrics } from './shared';

const OTHERS = { zh: '其他', en: 'Others' };

/** GMV by category (by product when the export has no category): the top N slices and 其他 for the rest. */
export function categoryShare(ctx: ReportContext): ReportChart | null {
  const found = queryFirstAvailable(ctx, [['category'], ['product_name']], { metrics: ['gmv'], sort: [{ key: 'gmv', dir: 'desc' }] });
  if (!found) return null;
  const dim = found.dims[0];
  const rows = found.result.rows;
  const top = rows.slice(0, ctx.params.top).map((r) => ({ name: categoryName(r[dim], ctx.locale), value: numberOf(r.gmv) }));
  const restCents = rows.slice(ctx.params.top).reduce((s, r) => s + toCents(numberOf(r.gmv) ?? 0), 0);
  if (restCents > 0) top.push({ name: ctx.locale === 'en' ? OTHERS.en : OTHERS.zh, value: restCents / 100 });
  const title = dim === 'category' ? { zh: '类目成交占比', en: 'GMV by category' } : { zh: '商品成交占比', en: 'GMV by product' };
  return chartOf('category_share', title, (t) => shareChart({ title: t, metric: measureOf(found.result, 'gmv'), items: top }, ctx.locale));
}

const ABC_COLUMNS: ResultColumn[] = [
  { key: 'cumulative_share', label: { zh: '累计成交占比', en: 'Cumulative GMV share' }, role: 'dimension', unit: 'percent', decimals: 2 },
  { key: 'abc_class', label: { zh: 'ABC分类', en: 'ABC class' }, role: 'dimension' },
];

const ABC_NOTE = {
  zh: `A 类：累计成交占比 ≤ ${ABC_LIMITS.A}%；B 类：≤ ${ABC_LIMITS.B}%；C 类：其余`,
  en: `A: cumulative GMV share ≤ ${ABC_LIMITS.A}%; B: ≤ ${ABC_LIMITS.B}%; C: the rest`,
};

/** Products by GMV with cumulative share and ABC class (table), and the Pareto chart. */
export function productPareto(ctx: ReportContext): { table: ReportTable; chart: ReportChart } | null {
  const found = queryFirstAvailable(ctx, [['product_id', 'product_name'], ['product_name'], ['product_id']], {
    metrics: ['gmv', 'units', 'paid_orders'],
    sort: [{ key: 'gmv', dir: 'desc' }],
  });
  if (!found) return null;
  const result = withoutEmptyMetrics(found.result);
  const classes = abcClasses(result.rows.map((r) => toCents(numberOf(r.gmv) ?? 0)));
  const rows: ResultRow[] = result.rows.map((r, i) => ({ ...r, cumulative_share: classes[i].cumulativeShare, abc_class: classes[i].cls }));
  const nameKey = found.dims.includes('product_name') ? 'product_name' : found.dims[0];
  const table = tableFrom('products', { zh: `商品 ABC 分析（${ABC_NOTE.zh}）`, en: `Product ABC analysis (${ABC_NOTE.en})` }, result, {
    columns: [...result.columns, ...ABC_COLUMNS],
    rows,
  });
  const chart = chartOf('product_pareto', { zh: '商品帕累托分析（ABC）', en: 'Product Pareto (ABC)' }, (title) =>
    paretoChart(
      {
        title,
        subtitle: ABC_NOTE,
        categoryAxis: { zh: '商品', en: 'Product' },
        metric: measureOf(result, 'gmv'),
        items: rows.map((r, i) => ({
          name: categoryName(r[nameKey], ctx.locale),
          value: numberOf(r.gmv),
          cumulativeShare: classes[i].cumulativeShare,
          cls: classes[i].cls,
        })),
        thresholds: [{ value: ABC_LIMITS.A / 100, label: { zh: 'A/B 分界', en: 'A/B limit' } }],
      },
      ctx.locale,
    ),
  );
  return { table, chart };
}

/** Order status × after-sale status: items, paid orders, GMV and refunds. */
export function statusTable(ctx: ReportContext): ReportTable | null {
  // Dated by 下单时间 where the export has it, so unpaid and closed orders of the period are counted too.
  const found = queryFirstAvailable(ctx, [['status', 'after_sale_status'], ['status']], {
    metrics: ['items', 'paid_orders', 'gmv', 'refund_orders', 'refund_amount'],
    sort: [{ key: 'items', dir: 'desc' }],
    dateField: 'created_at',
  });
  return found && tableFrom('status_refunds', { zh: '订单状态与退款', en: 'Order status and refunds' }, withoutEmptyMetrics(found.result));
}

/** Paid orders by hour of payment × weekday; every one of the 7 × 24 cells is shown (0 when none). */
export function orderHeatmap(ctx: ReportContext): ReportChart {
  const result = ctx.query({ metrics: ['paid_orders'], dimensions: ['weekday', 'hour'] });
  const byCell = new Map(result.rows.map((r) => [`${r.weekday}-${r.hour}`, numberOf(r.paid_orders) ?? 0]));
  const cells: HeatmapCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++) cells.push({ hour, weekday, value: byCell.get(`${weekday}-${hour}`) ?? 0 });
  return chartOf('order_heatmap', { zh: '支付订单时段分布（小时 × 星期）', en: 'Paid orders by hour and weekday' }, (title) =>
    heatmapChart({ title, metric: measureOf(result, 'paid_orders'), cells }, ctx.locale),
  );
}

/** GMV by province: the full table and a top-N ranking (rows without a province stay in the table only). */
export function provinces(ctx: ReportContext): { table: ReportTable; chart: ReportChart } | null {
  const found = queryFirstAvailable(ctx, [['province']], { metrics: ['gmv', 'paid_orders', 'buyers', 'units'], sort: [{ key: 'gmv', dir: 'desc' }] });
  if (!found) return null;
  const result: QueryResult = withoutEmptyMetrics(found.result);
  const ranked = result.rows.filter((r) => r.province !== null).slice(0, ctx.params.top);
  return {
    table: tableFrom('provinces', { zh: '省份成交', en: 'GMV by province' }, result),
    chart: chartOf('province_ranking', { zh: `省份成交排行（前 ${ctx.params.top}）`, en: `Top ${ctx.params.top} provinces by GMV` }, (title) =>
      rankingChart(
        {
          title,
          categoryAxis: { zh: '省份', en: 'Province' },
          metric: measureOf(result, 'gmv'),
          items: ranked.map((r) => ({ name: String(r.province), value: numberOf(r.gmv) })),
        },
        ctx.locale,
      ),
    ),
  };
}
