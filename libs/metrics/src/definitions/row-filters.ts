import type { RowFilterDef } from '../types';

/** Statuses of an order that was never paid, or was closed (a closed order may have been paid and refunded). */
export const UNPAID_STATUSES = ['待支付', '已关闭', '交易关闭', '已取消'];
/** Closed statuses: paid-then-refunded orders end here too (已关闭 + 售后状态 退款成功). */
export const CLOSED_STATUSES = ['已关闭', '交易关闭', '已取消'];
export const REFUNDED_AFTER_SALE = ['退款成功', '同意退款，退款成功', '同意退款,退款成功', '售后成功', '已退款', '退款完成'];

/**
 * Paid = paid at (DESIGN §4, corrected 2026-12): an order counts as paid when it has a payment time
 * (支付完成时间), as 罗盘 counts 成交金额 at payment; a later full refund closes it but lowers refund
 * figures, never GMV. Only rows of an export without that column are judged by status.
 */
export const ROW_FILTERS: RowFilterDef[] = [
  {
    key: 'paid',
    label: { zh: '已支付订单（有支付时间）', en: 'Paid orders (with a payment time)' },
    clauses: [],
    hasValue: { field: 'paid_at', otherwise: 'paid_by_status' },
  },
  {
    key: 'paid_by_status',
    label: {
      zh: '已支付订单（无支付时间列时按状态：非待支付；已关闭且退款成功算已支付）',
      en: 'Paid orders by status (no payment-time column): not unpaid; closed after a completed refund counts as paid',
    },
    clauses: [],
    anyOf: [
      [{ field: 'status', notIn: UNPAID_STATUSES }],
      [
        { field: 'status', in: CLOSED_STATUSES },
        { field: 'after_sale_status', in: REFUNDED_AFTER_SALE },
      ],
    ],
  },
  { key: 'refunded', label: { zh: '退款成功的商品', en: 'Refunded items' }, clauses: [{ field: 'after_sale_status', in: REFUNDED_AFTER_SALE }] },
  {
    key: 'paid_refunded',
    label: { zh: '已支付且退款成功', en: 'Paid and refunded' },
    clauses: [{ field: 'after_sale_status', in: REFUNDED_AFTER_SALE }],
    also: 'paid',
  },
];
