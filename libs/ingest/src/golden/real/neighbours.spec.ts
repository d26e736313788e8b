/**
 * 抖店's neighbours of the order list: 售后表, 结算账单 and 资金账单 (动账明细) also carry 订单号 and
 * 子订单号. They are recognised as what they are (negative evidence rules `order` out), so their rows
 * never replace order rows; fund flows are refused by name.
 */
import { col } from '../golden-helpers';
import { csv, failure, ingestText, rowsOf, stored, totals } from './real-helpers';

const AFTER_SALE = [
  '售后单号',
  '订单号',
  '子订单号',
  '商品ID',
  '商品名称',
  '售后类型',
  '售后原因',
  '售后状态',
  '申请退款金额',
  '退款金额',
  '申请时间',
  '退款时间',
  '买家昵称',
  '店铺名称',
];
const AFTER_SALE_ROWS = [
  {
    售后单号: '\t7310000000000000101',
    订单号: '\t6930000000000001002',
    子订单号: '\t6930000000000001002',
    商品ID: '\t3690112233445566002',
    商品名称: '手撕面包 整箱',
    售后类型: '仅退款',
    售后原因: '不想要了',
    售后状态: '退款成功',
    申请退款金额: '39.90',
    退款金额: '39.90',
    申请时间: '2026-11-03 21:30:00',
    退款时间: '2026-11-03 21:31:10',
    买家昵称: '用户8812',
    店铺名称: '小鹿的零食铺',
  },
  {
    售后单号: '\t7310000000000000102',
    订单号: '\t6930000000000001003',
    子订单号: '\t6930000000000001032',
    商品ID: '\t3690112233445566004',
    商品名称: '燕麦片 即食',
    售后类型: '退货退款',
    售后原因: '商品破损',
    售后状态: '退款成功',
    申请退款金额: '19.90',
    退款金额: '19.90',
    申请时间: '2026-11-05 10:00:00',
    退款时间: '2026-11-07 16:20:00',
    买家昵称: '用户1203',
    店铺名称: '小鹿的零食铺',
  },
  {
    售后单号: '\t7310000000000000103',
    订单号: '\t6930000000000001001',
    子订单号: '\t6930000000000001001',
    商品ID: '\t3690112233445566003',
    商品名称: '冻干咖啡 速溶',
    售后类型: '仅退款',
    售后原因: '少件',
    售后状态: '售后关闭',
    申请退款金额: '10.00',
    退款金额: '-',
    申请时间: '2026-11-06 09:00:00',
    买家昵称: '用户5521',
    店铺名称: '小鹿的零食铺',
  },
];

const SETTLEMENT = [
  '结算时间',
  '下单时间',
  '订单号',
  '子订单号',
  '商品ID',
  '商品名称',
  '订单总价',
  '运费',
  '平台补贴',
  '达人补贴',
  '实际结算金额',
  '平台服务费',
  '佣金',
  '招商服务费',
  '渠道分成',
  '其他分成',
  '业务类型',
  '结算账户',
  '备注',
];
const SETTLEMENT_ROWS = [
  {
    结算时间: '2026-11-15 02:00:00',
    下单时间: '2026-11-03 20:14:10',
    订单号: '\t6930000000000001001',
    子订单号: '\t6930000000000001001',
    商品ID: '\t3690112233445566003',
    商品名称: '冻干咖啡 速溶',
    订单总价: '109.80',
    运费: '0.00',
    平台补贴: '5.00',
    达人补贴: '0.00',
    实际结算金额: '95.31',
    平台服务费: '-5.49',
    佣金: '-14.00',
    招商服务费: '0.00',
    渠道分成: '0.00',
    其他分成: '0.00',
    业务类型: '鲁班广告',
    结算账户: '聚合账户',
  },
  {
    结算时间: '2026-11-16 02:00:00',
    下单时间: '2026-11-04 08:00:00',
    订单号: '\t6930000000000001003',
    子订单号: '\t6930000000000001031',
    商品ID: '\t3690112233445566006',
    商品名称: '厨房纸巾 抽取式',
    订单总价: '29.90',
    运费: '0.00',
    平台补贴: '0.00',
    达人补贴: '0.00',
    实际结算金额: '28.41',
    平台服务费: '-1.49',
    佣金: '0.00',
    招商服务费: '0.00',
    渠道分成: '0.00',
    其他分成: '0.00',
    业务类型: '小店自卖',
    结算账户: '聚合账户',
  },
];

const FUND_FLOW = ['动账时间', '动账流水号', '动账方向', '动账金额', '动账账户', '动账场景', '订单号', '子订单号', '备注'];
const FUND_FLOW_ROWS = [
  {
    动账时间: '2026-11-15 02:00:01',
    动账流水号: 'FL202611150001',
    动账方向: '入账',
    动账金额: '95.31',
    动账账户: '聚合账户',
    动账场景: '订单结算',
    订单号: '\t6930000000000001001',
    子订单号: '\t6930000000000001001',
  },
  {
    动账时间: '2026-11-16 02:00:01',
    动账流水号: 'FL202611160001',
    动账方向: '入账',
    动账金额: '28.41',
    动账账户: '聚合账户',
    动账场景: '订单结算',
    订单号: '\t6930000000000001003',
    子订单号: '\t6930000000000001031',
  },
];

describe('售后表', () => {
  it('is an after_sale import keyed by 售后单号, with refund amounts, reasons, types and times', async () => {
    const r = await ingestText('售后单导出.csv', csv(AFTER_SALE, rowsOf(AFTER_SALE, AFTER_SALE_ROWS)));
    expect(r.report.kind).toBe('after_sale');
    expect(r.report.naturalKey).toEqual(['after_sale_id']);
    expect(r.report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expect(stored('after_sale', r).length).toBe(3);
    expect(col(r.table, 'order_item_id')).toEqual(['6930000000000001002', '6930000000000001032', '6930000000000001001']);
    expect(col(r.table, 'after_sale_type')).toEqual(['仅退款', '退货退款', '仅退款']);
    expect(col(r.table, 'reason')).toEqual(['不想要了', '商品破损', '少件']);
    expect(col(r.table, 'refunded_at')).toEqual([Date.UTC(2026, 10, 3, 21, 31, 10), Date.UTC(2026, 10, 7, 16, 20, 0), null]);
    // 39.90 + 19.90 (the closed request refunded nothing) = 59.80 over 3 requests
    expect(totals('after_sale', r.table, ['after_sales', 'after_sale_refund_amount'])).toEqual({ after_sales: 3, after_sale_refund_amount: 59.8 });
  });
});

describe('结算账单', () => {
  it('is a settlement import, never an order import (it was detected as order before)', async () => {
    const r = await ingestText('结算账单.csv', csv(SETTLEMENT, rowsOf(SETTLEMENT, SETTLEMENT_ROWS)));
    expect(r.report.kind).toBe('settlement');
    expect(r.report.detection.scores.find((s) => s.kind === 'order')).toMatchObject({ score: 0, excludedBy: '结算时间' });
    expect(r.report.naturalKey).toEqual(['order_item_id', 'settled_at']);
    expect(r.report.rows.accepted).toBe(2);
    // settled 95.31 + 28.41 = 123.72; commission -14.00; service fees -5.49 - 1.49 = -6.98
    expect(totals('settlement', r.table, ['settlement_amount', 'settlement_commission', 'settlement_service_fee'])).toEqual({
      settlement_amount: 123.72,
      settlement_commission: -14,
      settlement_service_fee: -6.98,
    });
  });

  it('is refused when forced to be an order list, so it cannot replace order rows', async () => {
    const e = await failure(ingestText('结算账单.csv', csv(SETTLEMENT, rowsOf(SETTLEMENT, SETTLEMENT_ROWS)), { kind: 'order' }));
    expect(e.code).toBe('KIND_EXCLUDED');
    expect(e.messageZh).toContain('结算时间');
  });
});

describe('资金账单 (动账明细)', () => {
  it('is refused with KIND_NOT_SUPPORTED, naming what the file is', async () => {
    const e = await failure(ingestText('资金账单.csv', csv(FUND_FLOW, rowsOf(FUND_FLOW, FUND_FLOW_ROWS))));
    expect(e.code).toBe('KIND_NOT_SUPPORTED');
    expect(e.messageZh).toContain('资金账单');
    expect(e.message).toContain('fund flow');
    // even when the caller names a kind
    expect((await failure(ingestText('资金账单.csv', csv(FUND_FLOW, rowsOf(FUND_FLOW, FUND_FLOW_ROWS)), { kind: 'order' }))).code).toBe('KIND_NOT_SUPPORTED');
  });
});
