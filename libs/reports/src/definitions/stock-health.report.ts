import { rankingChart, trendChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportContext, ReportDefinition, ReportTable } from '../types';
import { categoryName, chartOf, dateDimension, hasData, measureOf, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

const SNAPSHOT = ['available_stock', 'reserved_stock', 'in_transit_stock'];
const LEDGER = ['stock_in', 'stock_out', 'count_adjustment'];

/** Days from `from` to `to` inclusive (YYYY-MM-DD), for the daily average of stock out. */
function periodDays(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days >= 1 ? days : null;
}

export const stockHealthReport: ReportDefinition = {
  key: 'stock_health',
  title: { zh: '库存健康与出入库统计', en: 'Stock health and movements' },
  description: {
    zh: '库存快照：SKU数、可售/占用/在途库存、缺货SKU与缺货率；出入库流水：入库、出库、盘点差异与逐日趋势；两者都有时：各SKU售罄率与库存周转天数（可售库存 ÷ 日均出库）。库存快照不带日期时按全部快照统计。',
    en: 'Snapshot: SKUs, available / reserved / in-transit stock, out-of-stock SKUs and rate; ledger: stock in, stock out, count differences and the daily trend; with both: sell-through and days of stock per SKU (available ÷ average daily out). A snapshot without dates counts as a whole.',
  },
  standard: ['初级 3.1.7'],
  kinds: ['stock', 'stock_move'],
  anyOf: true,
  params: ['preset', 'from', 'to', 'granularity', 'account'],
  build(report) {
    const ctx = scopedContext(report, ['stock', 'stock_move']);
    const days = periodDays(ctx.params.from, ctx.params.to);
    const tables: ReportTable[] = [];
    const charts: (ReportChart | null)[] = [];
    const kpis = [...snapshotKpis(ctx), ...buildKpis(ctx, ['stock_in', 'stock_out', 'count_adjustment']).filter((k) => k.value !== null)];
    if (ctx.kinds.has('stock')) {
      const skus = withoutEmptyMetrics(
        ctx.query({ metrics: SNAPSHOT, dimensions: ['merchant_sku'], sort: [{ key: 'available_stock', dir: 'asc' }] }, { period: false }),
      );
      if (skus.rows.length) {
        tables.push(tableFrom('snapshot', { zh: '各SKU库存（可售从少到多）', en: 'Stock by SKU (least available first)' }, skus));
        charts.push(
          chartOf('low_stock', { zh: '可售库存最少的SKU', en: 'SKUs with the least stock' }, (title) =>
            rankingChart(
              {
                title,
                categoryAxis: { zh: '商家编码', en: 'Merchant SKU' },
                metric: measureOf(skus, 'available_stock'),
                items: skus.rows
                  .slice(0, ctx.params.top)
                  .map((r) => ({ name: categoryName(r.merchant_sku, ctx.locale), value: r.available_stock as number | null })),
              },
              ctx.locale,
            ),
          ),
        );
      }
    }
    if (ctx.kinds.has('stock_move')) {
      const moves = withoutEmptyMetrics(ctx.query({ metrics: LEDGER, dimensions: ['merchant_sku'], sort: [{ key: 'stock_out', dir: 'desc' }] }));
      if (moves.rows.length) tables.push(tableFrom('movements', { zh: '各SKU出入库', en: 'Movements by SKU' }, moves));
      const dim = dateDimension(ctx);
      const trend = ctx.query({ metrics: ['stock_in', 'stock_out'], dimensions: [dim] });
      const series = ['stock_in', 'stock_out'].filter((m) => hasData(trend, m)).map((m) => seriesOf(trend, m, { type: 'bar' }));
      if (series.length)
        charts.push(
          chartOf('movement_trend', { zh: '出入库趋势', en: 'Stock in and out' }, (title) =>
            trendChart(
              { title, categoryAxis: { zh: '日期', en: 'Date' }, categories: trend.rows.map((r) => categoryName(r[dim], ctx.locale)), series },
              ctx.locale,
            ),
          ),
        );
    }
    if (ctx.kinds.has('stock') && ctx.kinds.has('stock_move') && days) {
      const health = withoutEmptyMetrics(
        ctx.query({
          metrics: ['stock_out', 'available_stock', 'sell_through_rate', 'turnover_days'],
          dimensions: ['merchant_sku'],
          params: { period_days: days },
          sort: [{ key: 'merchant_sku', dir: 'asc' }],
        }),
      );
      if (health.rows.length) tables.push(tableFrom('sell_through', { zh: '售罄率与库存周转天数', en: 'Sell-through and days of stock' }, health));
    }
    return { kpis, tables, charts: present(charts) };
  },
};

/** Snapshot KPIs over every snapshot row (a snapshot export usually has no date to filter by). */
function snapshotKpis(ctx: ReportContext) {
  if (!ctx.kinds.has('stock')) return [];
  const noPeriod: ReportContext = {
    ...ctx,
    params: { ...ctx.params, compare: null },
    query: (spec, options = {}) => ctx.query(spec, { ...options, period: false, compare: false }),
  };
  return buildKpis(noPeriod, ['stock_skus', 'available_stock', 'reserved_stock', 'in_transit_stock', 'out_of_stock_skus', 'out_of_stock_rate']).filter(
    (k) => k.value !== null,
  );
}
