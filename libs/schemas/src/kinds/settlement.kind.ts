import type { KindDef } from '../types';

/** 抖店 结算账单 (订单结算明细): what each order item settled for, after commission and fees. */
export const settlementKind: KindDef = {
  kind: 'settlement',
  label: { zh: '结算账单', en: 'Settlements' },
  // One row per settlement event: an item settles once, and a refund after settlement is a second row.
  naturalKeys: [['settlement_id'], ['order_item_id', 'settled_at'], ['order_id', 'settled_at']],
  mergeMode: 'row',
  dateField: 'settled_at',
  piiHeaders: [],
  excludedHeaders: ['售后单号', '动账时间', '动账金额', '动账流水号'],
  fields: [
    { key: 'settlement_id', type: 'id', label: { zh: '结算单号', en: 'Settlement ID' }, aliases: ['结算单号', '结算流水号', '结算编号'] },
    { key: 'settled_at', type: 'datetime', label: { zh: '结算时间', en: 'Settled at' }, aliases: ['结算时间', '结算日期'], signature: true },
    { key: 'order_id', type: 'id', label: { zh: '订单号', en: 'Order ID' }, aliases: ['订单号', '订单编号', '主订单号', '主订单编号'] },
    { key: 'order_item_id', type: 'id', label: { zh: '子订单号', en: 'Order item ID' }, aliases: ['子订单号', '子订单编号'] },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['商品名称'] },
    { key: 'created_at', type: 'datetime', label: { zh: '下单时间', en: 'Created at' }, aliases: ['下单时间', '订单提交时间'] },
    { key: 'order_amount', type: 'money', label: { zh: '订单总价', en: 'Order amount' }, aliases: ['订单总价', '订单金额', '商品实付'] },
    { key: 'shipping_fee', type: 'money', label: { zh: '运费', en: 'Shipping fee' }, aliases: ['运费', '运费实付'] },
    { key: 'platform_subsidy', type: 'money', label: { zh: '平台补贴', en: 'Platform subsidy' }, aliases: ['平台补贴'] },
    {
      key: 'settlement_amount',
      type: 'money',
      label: { zh: '结算金额', en: 'Settlement amount' },
      aliases: ['结算金额', '实际结算金额', '实际结算', '结算收入'],
      signature: true,
    },
    { key: 'commission', type: 'money', label: { zh: '佣金', en: 'Commission' }, aliases: ['佣金', '达人佣金', '作者佣金', '佣金支出'], signature: true },
    { key: 'service_fee', type: 'money', label: { zh: '服务费', en: 'Service fee' }, aliases: ['服务费', '平台服务费', '技术服务费'], signature: true },
    { key: 'settlement_type', type: 'enum', label: { zh: '业务类型', en: 'Business type' }, aliases: ['业务类型', '结算类型', '结算方式'] },
    { key: 'account', type: 'string', label: { zh: '店铺', en: 'Account' }, aliases: ['店铺名称', '店铺', '结算账户'] },
  ],
};
