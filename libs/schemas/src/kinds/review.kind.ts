import type { KindDef } from '../types';

/**
 * 抖店 评价管理 export: one row per review of an order item. Reviewers' nicknames are personal data;
 * phones, ID numbers and addresses written into the texts are scrubbed on import (`freeText`).
 */
export const reviewKind: KindDef = {
  kind: 'review',
  label: { zh: '商品评价', en: 'Product reviews' },
  naturalKeys: [['review_id'], ['order_item_id'], ['order_id', 'product_id']],
  mergeMode: 'row',
  dateField: 'reviewed_at',
  piiHeaders: ['用户昵称', '买家昵称', '评价人', '用户名', '手机号', '联系电话'],
  fields: [
    { key: 'account', type: 'string', label: { zh: '店铺', en: 'Shop' }, aliases: ['店铺名称', '店铺'] },
    { key: 'review_id', type: 'id', label: { zh: '评价ID', en: 'Review ID' }, aliases: ['评价ID', '评价id', '评价编号'] },
    { key: 'reviewed_at', type: 'datetime', label: { zh: '评价时间', en: 'Reviewed at' }, aliases: ['评价时间', '评论时间'], signature: true },
    { key: 'order_id', type: 'id', label: { zh: '订单编号', en: 'Order ID' }, aliases: ['订单编号', '主订单编号', '订单号', '订单ID'] },
    { key: 'order_item_id', type: 'id', label: { zh: '子订单编号', en: 'Order item ID' }, aliases: ['子订单编号', '子订单号'] },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['商品名称', '商品'] },
    { key: 'sku', type: 'string', label: { zh: '商品规格', en: 'SKU' }, aliases: ['商品规格', '规格'] },
    {
      key: 'product_score',
      type: 'int',
      label: { zh: '商品评分', en: 'Product score' },
      aliases: ['商品评分', '商品评价', '描述相符', '评分', '星级'],
      signature: true,
    },
    { key: 'logistics_score', type: 'int', label: { zh: '物流评分', en: 'Logistics score' }, aliases: ['物流评分', '物流服务'], signature: true },
    { key: 'service_score', type: 'int', label: { zh: '服务评分', en: 'Service score' }, aliases: ['服务评分', '服务态度', '商家服务'], signature: true },
    { key: 'content', type: 'string', label: { zh: '评价内容', en: 'Review text' }, aliases: ['评价内容', '评论内容'], signature: true, freeText: true },
    {
      key: 'has_media',
      type: 'enum',
      label: { zh: '是否有图/视频', en: 'With photo/video' },
      aliases: ['是否有图/视频', '是否有图', '是否带图', '有图/视频', '晒图'],
    },
    { key: 'followup_content', type: 'string', label: { zh: '追评内容', en: 'Follow-up' }, aliases: ['追评内容', '追评'], freeText: true },
    { key: 'followup_at', type: 'datetime', label: { zh: '追评时间', en: 'Follow-up at' }, aliases: ['追评时间'] },
    { key: 'reply', type: 'string', label: { zh: '商家回复', en: 'Shop reply' }, aliases: ['商家回复', '回复内容'], freeText: true },
  ],
};
