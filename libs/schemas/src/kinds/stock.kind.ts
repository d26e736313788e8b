import type { KindDef } from '../types';

/**
 * 抖店 商品库存 export or a 盘点表 (stock-count sheet): one row per SKU (and warehouse) at one moment.
 * The snapshot date is often absent from the export; the row is then dated by nothing (use no period).
 */
export const stockKind: KindDef = {
  kind: 'stock',
  label: { zh: '库存快照', en: 'Stock snapshot' },
  naturalKeys: [['account', 'snapshot_date', 'warehouse', 'product_id', 'sku_id', 'merchant_sku', 'sku']],
  keyMode: 'present',
  mergeMode: 'row',
  dateField: 'snapshot_date',
  undatedFitsAnyPeriod: true,
  piiHeaders: [],
  fields: [
    { key: 'account', type: 'string', label: { zh: '店铺', en: 'Shop' }, aliases: ['店铺名称', '店铺'] },
    { key: 'snapshot_date', type: 'date', label: { zh: '盘点日期', en: 'Snapshot date' }, aliases: ['盘点日期', '库存日期', '统计日期', '日期'] },
    { key: 'warehouse', type: 'string', label: { zh: '仓库', en: 'Warehouse' }, aliases: ['仓库', '仓库名称'] },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['商品名称', '商品'] },
    { key: 'sku_id', type: 'id', label: { zh: 'SKU ID', en: 'SKU ID' }, aliases: ['SKU ID', 'SKUID', 'skuId', '规格ID'] },
    { key: 'sku', type: 'string', label: { zh: '规格', en: 'SKU' }, aliases: ['规格', '商品规格', 'SKU规格', '规格名称'] },
    { key: 'merchant_sku', type: 'string', label: { zh: '商家编码', en: 'Merchant SKU' }, aliases: ['商家编码', '货号', 'SKU编码', 'SKU'] },
    { key: 'available_qty', type: 'int', label: { zh: '可售库存', en: 'Available' }, aliases: ['可售库存', '可用库存'], signature: true },
    { key: 'reserved_qty', type: 'int', label: { zh: '占用库存', en: 'Reserved' }, aliases: ['占用库存', '锁定库存'], signature: true },
    { key: 'in_transit_qty', type: 'int', label: { zh: '在途库存', en: 'In transit' }, aliases: ['在途库存', '采购在途'], signature: true },
    { key: 'total_qty', type: 'int', label: { zh: '实物库存', en: 'On hand' }, aliases: ['实物库存', '总库存', '现有库存', '账面库存'] },
    { key: 'opening_qty', type: 'int', label: { zh: '期初库存', en: 'Opening stock' }, aliases: ['期初库存', '期初数量'], signature: true },
    { key: 'counted_qty', type: 'int', label: { zh: '实盘数', en: 'Counted' }, aliases: ['实盘数', '实盘库存', '实盘数量', '盘点数量'], signature: true },
    { key: 'unit_cost', type: 'money', label: { zh: '成本价', en: 'Unit cost' }, aliases: ['成本价', '单位成本', '采购价'] },
  ],
};

/** 出入库流水 (stock movement ledger): one row per movement; 数量 is the magnitude, 类型 its direction. */
export const stockMoveKind: KindDef = {
  kind: 'stock_move',
  label: { zh: '出入库流水', en: 'Stock movements' },
  naturalKeys: [['account', 'doc_id', 'moved_at', 'move_type', 'warehouse', 'product_id', 'merchant_sku', 'sku']],
  keyMode: 'present',
  mergeMode: 'row',
  dateField: 'moved_at',
  piiHeaders: ['经办人电话', '联系电话', '手机号'],
  fields: [
    { key: 'account', type: 'string', label: { zh: '店铺', en: 'Shop' }, aliases: ['店铺名称', '店铺'] },
    { key: 'moved_at', type: 'datetime', label: { zh: '时间', en: 'Time' }, aliases: ['时间', '单据日期', '出入库日期', '出入库时间', '业务时间'] },
    { key: 'doc_id', type: 'id', label: { zh: '单据编号', en: 'Document' }, aliases: ['单据编号', '单号', '出入库单号'] },
    { key: 'move_type', type: 'enum', label: { zh: '类型', en: 'Type' }, aliases: ['类型', '出入库类型', '业务类型', '单据类型'], signature: true },
    { key: 'warehouse', type: 'string', label: { zh: '仓库', en: 'Warehouse' }, aliases: ['仓库', '仓库名称'] },
    { key: 'product_id', type: 'id', label: { zh: '商品ID', en: 'Product ID' }, aliases: ['商品ID', '商品id'] },
    { key: 'product_name', type: 'string', label: { zh: '商品名称', en: 'Product' }, aliases: ['商品名称', '商品'] },
    { key: 'sku', type: 'string', label: { zh: '规格', en: 'SKU' }, aliases: ['规格', '商品规格'] },
    { key: 'merchant_sku', type: 'string', label: { zh: '商家编码', en: 'Merchant SKU' }, aliases: ['商家编码', '货号', 'SKU编码', 'SKU'] },
    { key: 'quantity', type: 'int', label: { zh: '数量', en: 'Quantity' }, aliases: ['数量', '出入库数量', '变动数量'], signed: true, signature: true },
    { key: 'note', type: 'string', label: { zh: '备注', en: 'Note' }, aliases: ['备注'], freeText: true },
  ],
};
