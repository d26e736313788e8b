import { buildKpis } from '../kpis';
import type { ReportDefinition } from '../types';
import { categoryShare, orderHeatmap, productPareto, provinces, statusTable } from './sales-parts';
import { scopedContext } from './shared';
import { gmvTrend, present } from './trends';

export const salesReport: ReportDefinition = {
  key: 'sales_report',
  title: { zh: '销售分析', en: 'Sales report' },
  description: {
    zh: '店铺订单：成交金额趋势、类目（或商品）占比、商品帕累托/ABC 分析、订单状态与退款、下单时段热力图、省份排行。成交金额按支付时间归属日期，只计已支付订单。',
    en: 'Shop orders: GMV trend, category (or product) share, product Pareto/ABC, order status and refunds, an hour × weekday heatmap and a province ranking. GMV counts paid orders, dated by payment time.',
  },
  standard: ['初级 3.1.6', '中级 3.1.7', '中级 3.1.8', '高级 3.1.4'],
  kinds: ['order'],
  params: ['preset', 'from', 'to', 'granularity', 'account', 'compare', 'top'],
  build(report) {
    const ctx = scopedContext(report, ['order']);
    const kpis = buildKpis(ctx, [
      'gmv',
      'paid_orders',
      'buyers',
      'aov',
      'avg_order_value',
      'units',
      'refund_amount',
      'refund_rate',
      'refund_order_rate',
    ]).filter((k) => k.value !== null || k.previous !== null);
    const pareto = productPareto(ctx);
    const byProvince = provinces(ctx);
    return {
      kpis,
      tables: present([pareto?.table ?? null, statusTable(ctx), byProvince?.table ?? null]),
      charts: present([gmvTrend(ctx), categoryShare(ctx), pareto?.chart ?? null, orderHeatmap(ctx), byProvince?.chart ?? null]),
    };
  },
};
