/**
 * Paid = paid at (DESIGN §4, corrected 2026-12; issue 11). An order paid and later fully refunded ends
 * as 订单状态 已关闭 + 售后状态 退款成功: it stays in GMV and paid orders (罗盘 counts 成交金额 at payment)
 * and counts in every refund figure. Only an export without 支付完成时间 is judged by status. Every
 * figure below is worked out by hand from the rows.
 */
import { mergeParts } from '@creator-ops/columnar';
import { KINDS } from '@creator-ops/schemas';
import { runQuery } from './engine';
import type { QuerySpec, TableSet } from './types';
import { buildTable, buildTables, type PlainRow } from './testing/table-builder';

const q = (tables: TableSet, spec: Partial<QuerySpec> & { metrics: string[] }) => runQuery({ totals: true, ...spec }, tables);

const METRICS = ['gmv', 'paid_orders', 'units', 'buyers', 'refund_amount', 'refund_orders'];

// O1 paid, kept; O2 paid, partly refunded (20.00 of 50.00); O3 paid 30.00 then fully refunded and
// closed; O4 closed before payment; O5 awaiting payment.
const ROWS: PlainRow[] = [
  {
    order_item_id: 'I1',
    order_id: 'O1',
    buyer_id: 'B1',
    status: '已完成',
    after_sale_status: '-',
    payable_amount: 100,
    quantity: 2,
    refund_amount: null,
    paid_at: '2026-11-01 10:00:00',
  },
  {
    order_item_id: 'I2',
    order_id: 'O2',
    buyer_id: 'B2',
    status: '已完成',
    after_sale_status: '退款成功',
    payable_amount: 50,
    quantity: 1,
    refund_amount: 20,
    paid_at: '2026-11-01 11:00:00',
  },
  {
    order_item_id: 'I3',
    order_id: 'O3',
    buyer_id: 'B3',
    status: '已关闭',
    after_sale_status: '退款成功',
    payable_amount: 30,
    quantity: 1,
    refund_amount: 30,
    paid_at: '2026-11-02 09:00:00',
  },
  {
    order_item_id: 'I4',
    order_id: 'O4',
    buyer_id: 'B4',
    status: '已关闭',
    after_sale_status: '-',
    payable_amount: 40,
    quantity: 1,
    refund_amount: null,
    paid_at: null,
  },
  {
    order_item_id: 'I5',
    order_id: 'O5',
    buyer_id: 'B5',
    status: '待支付',
    after_sale_status: '-',
    payable_amount: 10,
    quantity: 3,
    refund_amount: null,
    paid_at: null,
  },
];
const withoutPaidAt = (rows: PlainRow[]) => rows.map(({ paid_at: _drop, ...rest }) => rest);

describe('paid = has a payment time', () => {
  it('keeps an order paid then fully refunded (已关闭 + 退款成功) in GMV, paid orders and refunds', () => {
    const r = q(buildTables({ order: ROWS }), { metrics: [...METRICS, 'refund_rate', 'refund_order_rate'] });
    // paid: I1 I2 I3 -> gmv 100 + 50 + 30 = 180.00; orders {O1,O2,O3}; units 2 + 1 + 1 = 4; buyers {B1,B2,B3}
    // refunds over paid orders: 20 + 30 = 50.00; refunded orders {O2, O3}
    // (the old status rule gave gmv 150, refund rate 50 / 150 and refund order rate 1 / 2)
    expect(r.totals).toEqual({
      gmv: 180,
      paid_orders: 3,
      units: 4,
      buyers: 3,
      refund_amount: 50,
      refund_orders: 2,
      refund_rate: 50 / 180,
      refund_order_rate: 2 / 3,
    });
  });

  it('dates the refunded order by its payment day', () => {
    const r = q(buildTables({ order: ROWS }), { metrics: ['gmv'], dimensions: ['date'], from: '2026-11-01', to: '2026-11-02' });
    expect(r.rows).toEqual([
      { date: '2026-11-01', gmv: 150 },
      { date: '2026-11-02', gmv: 30 },
    ]);
  });

  it('counts refunds only over paid orders', () => {
    // A stray 退款金额 on an order that was never paid (I4 below) is not a refund of any sale.
    const rows = ROWS.map((row) => (row.order_item_id === 'I4' ? { ...row, after_sale_status: '退款成功', refund_amount: 40 } : row));
    const r = q(buildTables({ order: rows }), { metrics: ['refund_amount', 'refund_orders'] });
    expect(r.totals).toEqual({ refund_amount: 50, refund_orders: 2 });
    // without a 退款金额 column: payable of paid refunded items, I2 50.00 + I3 30.00
    const noRefundColumn = rows.map(({ refund_amount: _drop, ...rest }) => rest);
    expect(q(buildTables({ order: noRefundColumn }), { metrics: ['refund_amount'] }).totals).toEqual({ refund_amount: 80 });
  });
});

describe('exports without 支付完成时间: paid by status', () => {
  it('counts every status but 待支付, and 已关闭 only after a completed refund', () => {
    const r = q(buildTables({ order: withoutPaidAt(ROWS) }), { metrics: METRICS });
    // I1 已完成, I2 已完成, I3 已关闭 + 退款成功 are paid; I4 已关闭 without a refund and I5 待支付 are not
    expect(r.totals).toEqual({ gmv: 180, paid_orders: 3, units: 4, buyers: 3, refund_amount: 50, refund_orders: 2 });
  });

  it('judges each row by its own export when imports with and without the column merge', () => {
    // Import 1 (with 支付完成时间): I1, I4 (closed, unpaid). Import 2 (without): I3 (closed + refunded), I5 (待支付).
    const first = buildTable('order', [ROWS[0], ROWS[3]]);
    const second = buildTable('order', withoutPaidAt([ROWS[2], ROWS[4]]));
    const merged = mergeParts(KINDS.order, [
      { id: 'a', table: first, keyFields: ['order_item_id'] },
      { id: 'b', table: second, keyFields: ['order_item_id'] },
    ]);
    const r = q(new Map([['order', merged]]), { metrics: ['gmv', 'paid_orders'] });
    // I1 (has a payment time) 100.00 + I3 (no column; closed after a refund) 30.00
    expect(r.totals).toEqual({ gmv: 130, paid_orders: 2 });
  });
});
