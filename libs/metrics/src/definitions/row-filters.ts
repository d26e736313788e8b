import type { RowFilterDef } from '../types';

export const UNPAID_STATUSES = ['待支付', '已关闭', '交易关闭', '已取消'];
export const REFUNDED_AFTER_SALE = ['退款成功', '同意退款，退款成功', '同意退款,退款成功', '售后成功', '已退款', '退款完成'];

export const ROW_FILTERS: RowFilterDef[] = [
  { key: 'paid', label: { zh: '已支付订单', en: 'Paid orders' }, clauses: [{ field: 'status', notIn: UNPAID_STATUSES }] },
  { key: 'refunded', label: { zh: '退款成功的商品', en: 'Refunded items' }, clauses: [{ field: 'after_sale_status', in: REFUNDED_AFTER_SALE }] },
  {
    key: 'paid_refunded',
    label: { zh: '已支付且退款成功', en: 'Paid and refunded' },
    clauses: [
      { field: 'status', notIn: UNPAID_STATUSES },
      { field: 'after_sale_status', in: REFUNDED_AFTER_SALE },
    ],
  },
];
