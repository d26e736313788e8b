import type { MetricDef } from '../types';

/** 售后表 and 结算账单 figures (高级 4.2.2: real net income per settled item). */
const FINANCE = ['中级 3.1.7', '高级 4.2.2'];

const sum = (key: string, kind: 'after_sale' | 'settlement', field: string, zh: string, en: string, direction: 'up' | 'down'): MetricDef => ({
  key,
  label: { zh, en },
  description: {
    zh: `${kind === 'after_sale' ? '售后单' : '结算账单'}的${zh}之和`,
    en: `Sum of ${en.toLowerCase()} over ${kind === 'after_sale' ? 'after-sale requests' : 'settlement rows'}`,
  },
  formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
  kind: 'sum',
  field,
  unit: 'money',
  decimals: 2,
  direction,
  kinds: [kind],
  standard: FINANCE,
});

export const FINANCE_METRICS: MetricDef[] = [
  {
    key: 'after_sales',
    label: { zh: '售后单数', en: 'After-sale requests' },
    description: { zh: '售后表中的售后单数（含未退款关闭的）', en: 'After-sale requests in the 售后表 (including those closed without a refund)' },
    formula: { zh: 'count(售后单)', en: 'count(after-sale requests)' },
    kind: 'count',
    unit: 'count',
    decimals: 0,
    direction: 'down',
    kinds: ['after_sale'],
    standard: FINANCE,
  },
  sum('after_sale_refund_amount', 'after_sale', 'refund_amount', '售后退款金额', 'After-sale refunds', 'down'),
  sum('settlement_amount', 'settlement', 'settlement_amount', '结算金额', 'Settled amount', 'up'),
  sum('settlement_commission', 'settlement', 'commission', '佣金', 'Commission', 'down'),
  sum('settlement_service_fee', 'settlement', 'service_fee', '服务费', 'Service fees', 'down'),
];
