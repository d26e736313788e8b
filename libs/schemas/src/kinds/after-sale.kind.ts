import type { KindDef } from '../types';

/** 抖店 售后表 (售后单导出): one row per 售后单; joins orders on 子订单号 / 订单号. */
export const afterSaleKind: KindDef = {
  kind: 'after_sale',
  label: { zh: '售后单', en: 'After-sales' },
  naturalKeys: [['after_sale_id']],
  mergeMode: 'row',
  dateField: 'applied_at',
  piiHeaders: ['收件人', '收件人姓名', '收件人手机号', '联系电话', '手机号', '退货地址', '详细地址', '买家手机号'],
  excludedHeaders: ['结算金额', '实际结算金额', '动账时间', '动账金额'],
  fields: [
    {
      key: 'after_sale_id',
      type: 'id',
      label: { zh: '售后单号', en: 'After-sale ID' },
      aliases: ['售后单号', '售后单编号', '售后编号', '售后ID', 'aftersale_id'],
      signature: true,
    },
    { key: 'order_id', type: 'id', label: { zh: '订单号', en: 'Order ID' }, aliases: ['订单号', '订单编号', '主订单号', '主订单编号', 'order_id'] },
    { key: 'order_item_id', type: 'id', label: { zh: '子订单号', en: 'Order item ID' }, aliases: ['子订单号', '子订单编号', '商品单号', 'sku_order_id'] },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['商品名称', '选购商品'] },
    { key: 'after_sale_type', type: 'enum', label: { zh: '售后类型', en: 'After-sale type' }, aliases: ['售后类型', '退款类型'], signature: true },
    { key: 'reason', type: 'string', label: { zh: '售后原因', en: 'Reason' }, aliases: ['售后原因', '退款原因', '申请原因'], signature: true },
    { key: 'after_sale_status', type: 'enum', label: { zh: '售后状态', en: 'After-sale status' }, aliases: ['售后状态', '退款状态'] },
    { key: 'requested_amount', type: 'money', label: { zh: '申请退款金额', en: 'Requested refund' }, aliases: ['申请退款金额', '申请金额'] },
    {
      key: 'refund_amount',
      type: 'money',
      label: { zh: '退款金额', en: 'Refund amount' },
      aliases: ['退款金额', '实际退款金额', '退款总金额'],
      signature: true,
    },
    { key: 'quantity', type: 'int', label: { zh: '售后数量', en: 'Quantity' }, aliases: ['售后数量', '申请数量', '退货数量'] },
    { key: 'applied_at', type: 'datetime', label: { zh: '申请时间', en: 'Applied at' }, aliases: ['申请时间', '售后申请时间', '发起时间'], signature: true },
    { key: 'refunded_at', type: 'datetime', label: { zh: '退款时间', en: 'Refunded at' }, aliases: ['退款时间', '退款完成时间', '售后完结时间', '完结时间'] },
    { key: 'account', type: 'string', label: { zh: '店铺', en: 'Account' }, aliases: ['店铺名称', '店铺'] },
  ],
};
