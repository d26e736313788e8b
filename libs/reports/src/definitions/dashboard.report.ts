import { buildKpis } from '../kpis';
import { withRatioBases } from '../ratio-basis';
import type { ReportDefinition } from '../types';
import { costRoiTrend, gmvTrend, liveGmvTrend, playsFollowersTrend, present } from './trends';

/** KPI cards for whatever the workspace holds; buildKpis keeps only metrics whose kind is present. */
export const DASHBOARD_KPIS = [
  'gmv',
  'paid_orders',
  'avg_order_value',
  'refund_rate',
  'cost',
  'roi',
  'ctr',
  'plays',
  'follower_net',
  'engagement_rate',
  'live_gmv',
];

export const dashboardReport: ReportDefinition = {
  key: 'dashboard',
  title: { zh: '总览', en: 'Overview' },
  description: {
    zh: '工作区已有数据的核心指标（含环比）与趋势：店铺成交、广告消耗与ROI、播放与涨粉、直播成交。',
    en: 'Headline metrics (with change on the previous period) and trends for the data the workspace has: shop sales, ad cost and ROI, plays and followers, live sales.',
  },
  standard: [],
  kinds: ['account', 'content', 'order', 'ad', 'live'],
  anyOf: true,
  params: ['preset', 'from', 'to', 'granularity', 'account', 'compare'],
  build(ctx) {
    const has = (k: Parameters<typeof ctx.kinds.has>[0]) => ctx.kinds.has(k);
    const charts = present([
      has('order') ? gmvTrend(ctx) : null,
      has('ad') ? costRoiTrend(ctx) : null,
      has('account') || has('content') ? playsFollowersTrend(ctx) : null,
      has('live') ? liveGmvTrend(ctx) : null,
    ]);
    // A metric the exports cannot fill in either period (no likes column: no engagement rate) is left out.
    // ROI sits beside the shop GMV card: it always says which GMV and cost it divides.
    const kpis = withRatioBases(
      ctx,
      buildKpis(ctx, DASHBOARD_KPIS).filter((k) => k.value !== null || k.previous !== null),
      ['roi'],
    );
    return { kpis, tables: [], charts };
  },
};
