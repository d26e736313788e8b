import type { FieldDef, KindDef } from '../types';

/** Open-platform (开放平台) order fields carry amounts in fen: 1990 = ¥19.90. */
const OPEN_PLATFORM_CENTS = { order_amount: 0.01, pay_amount: 0.01, promotion_amount: 0.01, post_amount: 0.01 };

/** 抖店's discount breakdown (75/74-column layouts): who gave it, and who finally bore it. */
const DISCOUNT_FIELDS: FieldDef[] = [
  { key: 'platform_discount', type: 'money', label: { zh: '平台优惠', en: 'Platform discount' }, aliases: ['平台优惠', '平台优惠金额'] },
  { key: 'merchant_discount', type: 'money', label: { zh: '商家优惠', en: 'Merchant discount' }, aliases: ['商家优惠', '商家优惠金额'] },
  { key: 'author_discount', type: 'money', label: { zh: '达人优惠', en: 'Creator discount' }, aliases: ['达人优惠', '达人优惠金额'] },
  { key: 'payment_discount', type: 'money', label: { zh: '支付优惠', en: 'Payment discount' }, aliases: ['支付优惠', '支付优惠金额'] },
  { key: 'red_packet', type: 'money', label: { zh: '红包抵扣', en: 'Red packet' }, aliases: ['红包抵扣', '红包抵扣金额'] },
  { key: 'platform_borne_discount', type: 'money', label: { zh: '平台实际承担优惠金额', en: 'Discount borne by platform' }, aliases: ['平台实际承担优惠金额'] },
  { key: 'merchant_borne_discount', type: 'money', label: { zh: '商家实际承担优惠金额', en: 'Discount borne by merchant' }, aliases: ['商家实际承担优惠金额'] },
  { key: 'author_borne_discount', type: 'money', label: { zh: '达人实际承担优惠金额', en: 'Discount borne by creator' }, aliases: ['达人实际承担优惠金额'] },
];

/** 抖店 订单管理导出 (商品维度): one row per 子订单. */
export const orderKind: KindDef = {
  kind: 'order',
  label: { zh: '店铺订单', en: 'Shop orders' },
  // Open-platform exports have no 子订单 id column: an item is its order and SKU there.
  naturalKeys: [['order_item_id'], ['order_id', 'sku_id']],
  mergeMode: 'row',
  dateField: 'paid_at',
  piiHeaders: ['收件人', '收件人姓名', '收件人手机号', '收件人电话', '联系电话', '手机号', '详细地址', '收货地址', '街道', '区', '区县'],
  buyerKeyFromPii: { piiHeaders: ['收件人手机号', '收件人电话', '联系电话', '手机号'], field: 'buyer_id' },
  statusProgression: { field: 'status', order: ['待支付', '待发货', '备货中', '部分发货', '已发货', '已完成'] },
  // 售后表, 结算账单 and 资金账单 also carry 订单号 / 子订单号: these headers say the file is not an order list.
  excludedHeaders: ['售后单号', '售后单编号', '售后编号', '售后类型', '结算金额', '实际结算金额', '结算时间', '动账时间', '动账金额', '动账流水号'],
  fields: [
    {
      key: 'order_item_id',
      type: 'id',
      label: { zh: '子订单编号', en: 'Order item ID' },
      aliases: ['子订单编号', '子订单号', '子订单ID', 'sub_order_id', 'sku_order_id'],
      signature: true,
    },
    {
      key: 'order_id',
      type: 'id',
      label: { zh: '主订单编号', en: 'Order ID' },
      aliases: ['主订单编号', '主订单号', '订单号', '订单编号', 'parent_order_id', 'shop_order_id'],
      signature: true,
    },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'sku_id', type: 'id', label: { zh: 'SKU ID', en: 'SKU ID' }, aliases: ['SKU ID', 'SKUID', 'skuid', '规格ID', 'sku_id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['选购商品', '商品名称'] },
    { key: 'sku', type: 'string', label: { zh: '商品规格', en: 'SKU' }, aliases: ['商品规格'] },
    // 商家编码 is the SKU's code, 货号 the product's: two fields, never one.
    { key: 'merchant_sku', type: 'string', label: { zh: '商家编码', en: 'Merchant SKU' }, aliases: ['商家编码', 'SKU编码', 'out_sku_id'] },
    { key: 'product_code', type: 'string', label: { zh: '货号', en: 'Product code' }, aliases: ['货号', '商品货号', 'out_product_id'] },
    { key: 'category', type: 'enum', label: { zh: '商品类目', en: 'Category' }, aliases: ['商品类目', '类目'] },
    { key: 'unit_price', type: 'money', label: { zh: '商品单价', en: 'Unit price' }, aliases: ['商品单价', '商品金额'] },
    { key: 'quantity', type: 'int', label: { zh: '商品数量', en: 'Quantity' }, aliases: ['商品数量', '数量', 'item_num'] },
    {
      key: 'payable_amount',
      type: 'money',
      label: { zh: '订单应付金额', en: 'Payable amount' },
      aliases: ['订单应付金额', '应付金额', 'order_amount'],
      aliasScale: OPEN_PLATFORM_CENTS,
      signature: true,
    },
    {
      key: 'paid_amount',
      type: 'money',
      label: { zh: '实付金额', en: 'Paid amount' },
      aliases: ['实付金额', '用户实付', 'pay_amount'],
      aliasScale: OPEN_PLATFORM_CENTS,
    },
    {
      key: 'discount_total',
      type: 'money',
      label: { zh: '优惠总金额', en: 'Discounts' },
      aliases: ['优惠总金额', 'promotion_amount'],
      aliasScale: OPEN_PLATFORM_CENTS,
    },
    ...DISCOUNT_FIELDS,
    { key: 'shipping_fee', type: 'money', label: { zh: '运费', en: 'Shipping fee' }, aliases: ['运费', 'post_amount'], aliasScale: OPEN_PLATFORM_CENTS },
    { key: 'fee', type: 'money', label: { zh: '手续费', en: 'Fee' }, aliases: ['手续费'] },
    { key: 'status', type: 'enum', label: { zh: '订单状态', en: 'Order status' }, aliases: ['订单状态', 'order_status_desc'], signature: true },
    { key: 'order_type', type: 'enum', label: { zh: '订单类型', en: 'Order type' }, aliases: ['订单类型', 'order_type_desc'] },
    { key: 'cancel_reason', type: 'string', label: { zh: '取消原因', en: 'Cancel reason' }, aliases: ['取消原因', 'cancel_reason'] },
    { key: 'payment_method', type: 'enum', label: { zh: '支付方式', en: 'Payment method' }, aliases: ['支付方式', 'pay_type_desc'] },
    { key: 'app_channel', type: 'enum', label: { zh: 'APP渠道', en: 'App channel' }, aliases: ['APP渠道', 'app_channel', 'b_type_desc'] },
    { key: 'ad_channel', type: 'enum', label: { zh: '广告渠道', en: 'Ad channel' }, aliases: ['广告渠道', 'ad_channel'] },
    { key: 'after_sale_status', type: 'enum', label: { zh: '售后状态', en: 'After-sale status' }, aliases: ['售后状态'], signature: true },
    { key: 'refund_amount', type: 'money', label: { zh: '退款金额', en: 'Refund amount' }, aliases: ['退款金额', '退商品金额'] },
    { key: 'created_at', type: 'datetime', label: { zh: '下单时间', en: 'Created at' }, aliases: ['订单提交时间', '下单时间', '创建时间', 'create_time'] },
    { key: 'paid_at', type: 'datetime', label: { zh: '支付时间', en: 'Paid at' }, aliases: ['支付完成时间', '付款时间', '支付时间', 'pay_time'] },
    { key: 'completed_at', type: 'datetime', label: { zh: '订单完成时间', en: 'Completed at' }, aliases: ['订单完成时间', 'finish_time'] },
    { key: 'shipped_at', type: 'datetime', label: { zh: '发货时间', en: 'Shipped at' }, aliases: ['发货时间', 'ship_time'] },
    { key: 'province', type: 'enum', label: { zh: '省', en: 'Province' }, aliases: ['省', '省份'] },
    { key: 'city', type: 'enum', label: { zh: '市', en: 'City' }, aliases: ['市', '城市'] },
    { key: 'traffic_source', type: 'enum', label: { zh: '流量来源', en: 'Traffic source' }, aliases: ['流量来源'] },
    { key: 'traffic_type', type: 'enum', label: { zh: '流量类型', en: 'Traffic type' }, aliases: ['流量类型'] },
    { key: 'traffic_format', type: 'enum', label: { zh: '流量体裁', en: 'Traffic format' }, aliases: ['流量体裁'] },
    { key: 'traffic_channel', type: 'enum', label: { zh: '流量渠道', en: 'Traffic channel' }, aliases: ['流量渠道'] },
    { key: 'author_id', type: 'id', label: { zh: '达人ID', en: 'Author ID' }, aliases: ['达人ID', '达人id', '作者ID'] },
    { key: 'author_name', type: 'string', label: { zh: '达人昵称', en: 'Author' }, aliases: ['达人昵称', '作者昵称'] },
    {
      key: 'buyer_id',
      type: 'id',
      label: { zh: '买家ID', en: 'Buyer ID' },
      aliases: ['用户ID', '买家ID', '买家id', 'doudian_open_id'],
      fallbackAliases: ['买家昵称'],
    },
    { key: 'account', type: 'string', label: { zh: '店铺/账号', en: 'Account' }, aliases: ['店铺名称', '店铺'] },
  ],
};
