/**
 * 抖店 订单管理导出, the 75-column and 74-column layouts users publish, and the open-platform
 * (开放平台) snake_case fields. Columns users need are mapped (not dropped as raw text), 货号 and
 * 商家编码 are two fields, and the figures are the paid-at ones (DESIGN §4), worked out by hand.
 */
import { col } from '../golden-helpers';
import { csv, failure, ingestText, mappedFields, rowsOf, stored, totals, warningCodes } from './real-helpers';

/** The 75 columns of the 抖店 order export (商品维度) as published by users. */
export const ORDER_75 = [
  '主订单编号',
  '子订单编号',
  '选购商品',
  '商品规格',
  '商品数量',
  '商品ID',
  '商家编码',
  '货号',
  '商品单价',
  '订单应付金额',
  '运费',
  '优惠总金额',
  '平台优惠',
  '商家优惠',
  '达人优惠',
  '支付优惠',
  '红包抵扣',
  '平台实际承担优惠金额',
  '商家实际承担优惠金额',
  '达人实际承担优惠金额',
  '手续费',
  '支付方式',
  '收件人',
  '收件人手机号',
  '省',
  '市',
  '区',
  '街道',
  '详细地址',
  '是否修改过地址',
  '买家留言',
  '订单提交时间',
  '支付完成时间',
  '发货时间',
  '订单完成时间',
  '订单状态',
  '售后状态',
  '取消原因',
  '预约发货时间',
  '承诺发货时间',
  '订单类型',
  '流量来源',
  '流量类型',
  '流量体裁',
  '流量渠道',
  'APP渠道',
  '广告渠道',
  '达人ID',
  '达人昵称',
  '所属门店ID',
  '门店名称',
  '商家备注',
  '旗帜颜色',
  '是否安心购',
  '是否定制',
  '定制信息',
  '仓库ID',
  '仓库名称',
  '物流公司',
  '快递单号',
  '是否拆单',
  '预售类型',
  '商品类目',
  '运费险',
  '是否加急',
  '订单标签',
  '是否团购',
  '团长',
  '分销商',
  '跨境类型',
  '税费',
  '买家昵称',
  '店铺名称',
  '用户ID',
  '商品一级类目',
];

/** Paid at 20:15; O1002 paid then fully refunded and closed; O1003 two items, one refunded; O1004 closed unpaid; O1005 awaiting payment. */
const ORDERS: Record<string, string | number>[] = [
  {
    主订单编号: '\t6930000000000001001',
    子订单编号: '\t6930000000000001001',
    选购商品: '冻干咖啡 速溶',
    商品规格: '3g*30颗',
    商品数量: 2,
    商品ID: '\t3690112233445566003',
    商家编码: 'SKU003-30',
    货号: 'KF-003',
    商品单价: '59.90',
    订单应付金额: '109.80',
    运费: '0.00',
    优惠总金额: '10.00',
    平台优惠: '5.00',
    商家优惠: '5.00',
    达人优惠: '0.00',
    支付优惠: '0.00',
    红包抵扣: '0.00',
    平台实际承担优惠金额: '5.00',
    商家实际承担优惠金额: '5.00',
    达人实际承担优惠金额: '0.00',
    手续费: '0.66',
    支付方式: '抖音支付',
    收件人: '##密文',
    收件人手机号: '$$密文1',
    省: '浙江省',
    市: '杭州市',
    订单提交时间: '2026-11-03 20:14:10',
    支付完成时间: '2026-11-03 20:15:02',
    发货时间: '2026-11-04 09:00:00',
    订单完成时间: '2026-11-08 10:00:00',
    订单状态: '已完成',
    订单类型: '普通订单',
    流量来源: '精选联盟',
    流量类型: '广告',
    APP渠道: '抖音',
    广告渠道: '千川',
    达人ID: '\t7592255573464597541',
    达人昵称: '小鹿的零食铺',
    商品类目: '冲调饮品',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U1',
  },
  {
    主订单编号: '\t6930000000000001002',
    子订单编号: '\t6930000000000001002',
    选购商品: '手撕面包 整箱',
    商品数量: 1,
    商品ID: '\t3690112233445566002',
    商家编码: 'SKU002-24',
    货号: 'MB-002',
    商品单价: '39.90',
    订单应付金额: '39.90',
    运费: '0.00',
    优惠总金额: '0.00',
    手续费: '0.24',
    支付方式: '微信',
    省: '江苏省',
    订单提交时间: '2026-11-03 20:59:00',
    支付完成时间: '2026-11-03 21:00:00',
    订单状态: '已关闭',
    售后状态: '退款成功',
    取消原因: '用户申请退款',
    订单类型: '普通订单',
    流量来源: '商城',
    APP渠道: '抖音极速版',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U2',
  },
  {
    主订单编号: '\t6930000000000001003',
    子订单编号: '\t6930000000000001031',
    选购商品: '厨房纸巾 抽取式',
    商品数量: 1,
    商品ID: '\t3690112233445566006',
    商家编码: 'SKU006-6',
    货号: 'ZJ-006',
    商品单价: '29.90',
    订单应付金额: '29.90',
    支付方式: '抖音支付',
    省: '浙江省',
    订单提交时间: '2026-11-04 08:00:00',
    支付完成时间: '2026-11-04 08:01:00',
    发货时间: '2026-11-04 18:00:00',
    订单状态: '已发货',
    订单类型: '普通订单',
    流量来源: '商城',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U3',
  },
  {
    主订单编号: '\t6930000000000001003',
    子订单编号: '\t6930000000000001032',
    选购商品: '燕麦片 即食',
    商品数量: 1,
    商品ID: '\t3690112233445566004',
    商家编码: 'SKU004-1',
    货号: 'YM-004',
    商品单价: '19.90',
    订单应付金额: '19.90',
    支付方式: '抖音支付',
    省: '浙江省',
    订单提交时间: '2026-11-04 08:00:00',
    支付完成时间: '2026-11-04 08:01:00',
    发货时间: '2026-11-04 18:00:00',
    订单状态: '已发货',
    售后状态: '退款成功',
    订单类型: '普通订单',
    流量来源: '商城',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U3',
  },
  {
    主订单编号: '\t6930000000000001004',
    子订单编号: '\t6930000000000001004',
    选购商品: '保温杯 316不锈钢',
    商品数量: 1,
    商品ID: '\t3690112233445566005',
    商家编码: 'SKU005-500',
    货号: 'BW-005',
    商品单价: '88.00',
    订单应付金额: '88.00',
    省: '北京市',
    订单提交时间: '2026-11-04 12:00:00',
    订单状态: '已关闭',
    取消原因: '超时未支付',
    订单类型: '普通订单',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U4',
  },
  {
    主订单编号: '\t6930000000000001005',
    子订单编号: '\t6930000000000001005',
    选购商品: '燕麦片 即食',
    商品数量: 3,
    商品ID: '\t3690112233445566004',
    商家编码: 'SKU004-1',
    货号: 'YM-004',
    商品单价: '4.50',
    订单应付金额: '12.50',
    省: '上海市',
    订单提交时间: '2026-11-04 23:50:00',
    订单状态: '待支付',
    订单类型: '普通订单',
    店铺名称: '小鹿的零食铺',
    用户ID: 'U5',
  },
];

const PAID_METRICS = ['gmv', 'paid_orders', 'units', 'buyers', 'refund_amount', 'refund_orders', 'refund_rate', 'refund_order_rate', 'items'];
// Paid (有支付完成时间): O1001 109.80, O1002 39.90 (paid, later refunded and closed), O1003 29.90 + 19.90
//   gmv = 109.80 + 39.90 + 29.90 + 19.90 = 199.50; paid orders 3; units 2 + 1 + 1 + 1 = 5; buyers U1 U2 U3
//   refunds (no 退款金额 column: payable of refunded paid items) = 39.90 + 19.90 = 59.80; refunded orders O1002, O1003
// (the old status rule gave gmv 159.60 and a refund rate of 59.80 / 159.60 = 37.5 %)
const EXPECTED = {
  gmv: 199.5,
  paid_orders: 3,
  units: 5,
  buyers: 3,
  refund_amount: 59.8,
  refund_orders: 2,
  refund_rate: 59.8 / 199.5,
  refund_order_rate: 2 / 3,
  items: 6,
};

describe('抖店 75-column order export', () => {
  it('maps every column users need, keeps the rest, and accepts = stores every item', async () => {
    expect(ORDER_75).toHaveLength(75);
    const r = await ingestText('订单导出_75列.csv', csv(ORDER_75, rowsOf(ORDER_75, ORDERS)));
    expect(r.report.kind).toBe('order');
    expect(r.report.rows).toEqual({ read: 6, accepted: 6, rejected: 0, skipped: 0 });
    expect(stored('order', r).length).toBe(6);
    const m = mappedFields(r);
    expect(m).toMatchObject({
      取消原因: 'cancel_reason',
      订单类型: 'order_type',
      支付方式: 'payment_method',
      APP渠道: 'app_channel',
      广告渠道: 'ad_channel',
      发货时间: 'shipped_at',
      平台优惠: 'platform_discount',
      商家优惠: 'merchant_discount',
      达人优惠: 'author_discount',
      支付优惠: 'payment_discount',
      红包抵扣: 'red_packet',
      平台实际承担优惠金额: 'platform_borne_discount',
      商家实际承担优惠金额: 'merchant_borne_discount',
      达人实际承担优惠金额: 'author_borne_discount',
      手续费: 'fee',
      商家编码: 'merchant_sku',
      货号: 'product_code',
    });
    expect(warningCodes(r)).not.toContain('DUPLICATE_COLUMN');
    expect(col(r.table, 'merchant_sku')).toEqual(['SKU003-30', 'SKU002-24', 'SKU006-6', 'SKU004-1', 'SKU005-500', 'SKU004-1']);
    expect(col(r.table, 'product_code')).toEqual(['KF-003', 'MB-002', 'ZJ-006', 'YM-004', 'BW-005', 'YM-004']);
    expect(col(r.table, 'fee')).toEqual([66, 24, null, null, null, null]);
    expect(col(r.table, 'platform_discount')).toEqual([500, null, null, null, null, null]);
    expect(col(r.table, 'cancel_reason')).toEqual([null, '用户申请退款', null, null, '超时未支付', null]);
    expect(totals('order', r.table, PAID_METRICS)).toEqual(EXPECTED);
  });
});

describe('抖店 74-column order export', () => {
  // The older layout: no 支付优惠 column, 支付时间 instead of 支付完成时间.
  const ORDER_74 = ORDER_75.filter((h) => h !== '支付优惠').map((h) => (h === '支付完成时间' ? '支付时间' : h));
  it('imports the same orders to the same figures', async () => {
    expect(ORDER_74).toHaveLength(74);
    const renamed = ORDERS.map(({ 支付优惠: _drop, 支付完成时间: paid, ...rest }) => (paid === undefined ? rest : { ...rest, 支付时间: paid }));
    const r = await ingestText('订单导出_74列.csv', csv(ORDER_74, rowsOf(ORDER_74, renamed)));
    expect(r.report.kind).toBe('order');
    expect(r.report.rows.accepted).toBe(6);
    expect(mappedFields(r)['支付时间']).toBe('paid_at');
    expect(totals('order', r.table, PAID_METRICS)).toEqual(EXPECTED);
  });
});

describe('open-platform (开放平台) order fields', () => {
  const HEADER = [
    'order_id',
    'sku_id',
    'product_id',
    'product_name',
    'item_num',
    'order_amount',
    'pay_amount',
    'post_amount',
    'order_status_desc',
    'create_time',
    'pay_time',
    'finish_time',
    'cancel_reason',
  ];
  // Amounts in fen, times in Unix seconds (1793707200 = 2026-11-03 20:00:00 in Asia/Shanghai).
  const ROWS = [
    ['6930000000000002001', '1780001', '3690112233445566003', '冻干咖啡', 2, 10980, 10980, 0, '已完成', 1793707140, 1793707200, 1794139200, ''],
    ['6930000000000002001', '1780002', '3690112233445566004', '燕麦片', 1, 1990, 1990, 0, '已完成', 1793707140, 1793707200, 1794139200, ''],
    ['6930000000000002002', '1780001', '3690112233445566003', '冻干咖啡', 1, 5990, 0, 0, '已关闭', 1793710800, '', '', '超时未支付'],
  ];
  it('imports snake_case exports instead of refusing them, keyed by order and SKU', async () => {
    const r = await ingestText('order_list.csv', csv(HEADER, ROWS));
    expect(r.report.kind).toBe('order');
    expect(r.report.naturalKey).toEqual(['order_id', 'sku_id']);
    expect(r.report.rows.accepted).toBe(3);
    expect(col(r.table, 'payable_amount')).toEqual([10980, 1990, 5990]);
    expect(col(r.table, 'paid_at')).toEqual([Date.UTC(2026, 10, 3, 20, 0, 0), Date.UTC(2026, 10, 3, 20, 0, 0), null]);
    // paid: the first order's two items, 109.80 + 19.90 = 129.70; units 3
    expect(totals('order', r.table, ['gmv', 'paid_orders', 'units', 'items'])).toEqual({ gmv: 129.7, paid_orders: 1, units: 3, items: 3 });
  });

  it('refuses a file with neither 子订单编号 nor order + SKU ids, naming the missing column', async () => {
    const e = await failure(
      ingestText(
        'order_list_no_sku.csv',
        csv(
          HEADER.filter((h) => h !== 'sku_id'),
          ROWS.map((r) => r.filter((_, i) => i !== 1)),
        ),
      ),
    );
    expect(e.code).toBe('MISSING_REQUIRED_FIELD');
    expect(e.params).toMatchObject({ field: 'order_item_id' });
  });
});
