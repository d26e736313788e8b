import type { AlertRule } from './types';

/**
 * Rules a new workspace starts with (巨量千川 daily checks), per plan, on the latest day:
 * ROI below 保本ROI at a 30% gross margin, CPA up more than 30% and CTR down more than 30% day over
 * day, and a plan spending with no orders. Volume floors keep small plans from firing on noise.
 */
export function defaultRules(): AlertRule[] {
  return [
    {
      id: 'default-roi-below-breakeven',
      metric: 'roi',
      op: 'below_breakeven_roi',
      value: 0,
      grossMargin: 0.3,
      dimension: 'plan_id',
      window: 'day',
      minVolume: { metric: 'cost', min: 100 },
      severity: 'high',
      note: '毛利率按 30% 计，保本ROI = 1 ÷ 0.3 ≈ 3.33；请按商品实际毛利率调整',
    },
    {
      id: 'default-cpa-up',
      metric: 'cpa',
      op: 'change_pct_up',
      value: 0.3,
      dimension: 'plan_id',
      window: 'day',
      minVolume: { metric: 'cost', min: 100 },
      severity: 'medium',
      note: '转化成本比前一天上升超过 30%',
    },
    {
      id: 'default-ctr-down',
      metric: 'ctr',
      op: 'change_pct_down',
      value: 0.3,
      dimension: 'plan_id',
      window: 'day',
      minVolume: { metric: 'impressions', min: 1000 },
      severity: 'medium',
      note: '点击率比前一天下降超过 30%',
    },
    {
      id: 'default-spend-no-orders',
      metric: 'ad_orders',
      op: 'zero_with_spend',
      value: 0,
      dimension: 'plan_id',
      window: 'day',
      minVolume: { metric: 'cost', min: 100 },
      severity: 'high',
      note: '消耗不低于 100 元但没有成交订单',
    },
  ];
}
