import type { MetricDef, ParamDef, RowFilterDef } from '../types';

const STOCK = ['初级 3.1.7'];

/** Ledger types by direction. 盘点 rows carry the signed count difference (盘盈 +, 盘亏 −). */
export const STOCK_IN_TYPES = ['入库', '采购入库', '退货入库', '调拨入库', '其他入库'];
export const STOCK_OUT_TYPES = ['出库', '销售出库', '调拨出库', '其他出库', '报损出库'];
export const STOCK_COUNT_TYPES = ['盘点', '盘盈', '盘亏', '盘点调整'];

export const STOCK_ROW_FILTERS: RowFilterDef[] = [
  { key: 'stock_out_of_stock', label: { zh: '缺货SKU（可售库存 ≤ 0）', en: 'Out of stock (available ≤ 0)' }, clauses: [{ field: 'available_qty', atMost: 0 }] },
  { key: 'stock_move_in', label: { zh: '入库', en: 'Stock in' }, clauses: [{ field: 'move_type', in: STOCK_IN_TYPES }] },
  { key: 'stock_move_out', label: { zh: '出库', en: 'Stock out' }, clauses: [{ field: 'move_type', in: STOCK_OUT_TYPES }] },
  { key: 'stock_move_count', label: { zh: '盘点调整', en: 'Count adjustments' }, clauses: [{ field: 'move_type', in: STOCK_COUNT_TYPES }] },
];

export const STOCK_PARAMS: ParamDef[] = [
  {
    key: 'period_days',
    term: { zh: '统计天数', en: 'days' },
    label: { zh: '统计天数', en: 'Days in the period' },
    description: {
      zh: '出库量按此天数折算日均（报表按所选期间自动填入）',
      en: 'Days the outbound quantity is averaged over (reports fill in the period length)',
    },
    min: 1,
    max: 3660,
  },
];

const base = { decimals: 0, direction: 'up' as const, standard: STOCK };
const snapshot = (key: string, field: string, zh: string, en: string, direction: 'up' | 'down' = 'up'): MetricDef => ({
  ...base,
  key,
  label: { zh, en },
  description: { zh: `库存快照的${zh}之和`, en: `Sum of ${en.toLowerCase()} over the snapshot` },
  formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
  kind: 'sum',
  field,
  unit: 'count',
  direction,
  kinds: ['stock'],
});
const moved = (key: string, rowFilter: string, zh: string, en: string, types: string[]): MetricDef => ({
  ...base,
  key,
  label: { zh, en },
  description: { zh: `流水中类型为 ${types.join('/')} 的数量之和`, en: `Sum of quantities of ledger rows of type ${types.join('/')}` },
  formula: { zh: `Σ 数量（${types[0]}）`, en: `Σ quantity (${en.toLowerCase()})` },
  kind: 'sum',
  field: 'quantity',
  rowFilter,
  unit: 'count',
  kinds: ['stock_move'],
});

export const STOCK_METRICS: MetricDef[] = [
  {
    ...base,
    key: 'stock_skus',
    label: { zh: 'SKU数', en: 'SKUs' },
    description: { zh: '库存快照中的SKU行数', en: 'SKU rows in the snapshot' },
    formula: { zh: 'count(SKU)', en: 'count(SKU)' },
    kind: 'count',
    unit: 'count',
    kinds: ['stock'],
  },
  {
    ...base,
    key: 'out_of_stock_skus',
    label: { zh: '缺货SKU数', en: 'Out-of-stock SKUs' },
    description: { zh: '可售库存 ≤ 0 的SKU数', en: 'SKUs with available stock ≤ 0' },
    formula: { zh: 'count(可售库存 ≤ 0)', en: 'count(available ≤ 0)' },
    kind: 'count',
    rowFilter: 'stock_out_of_stock',
    unit: 'count',
    direction: 'down',
    kinds: ['stock'],
  },
  { ...snapshot('available_stock', 'available_qty', '可售库存', 'Available stock'), term: { zh: '可售库存', en: 'available' } },
  snapshot('reserved_stock', 'reserved_qty', '占用库存', 'Reserved stock'),
  snapshot('in_transit_stock', 'in_transit_qty', '在途库存', 'Stock in transit'),
  snapshot('opening_stock', 'opening_qty', '期初库存', 'Opening stock'),
  snapshot('counted_stock', 'counted_qty', '实盘数', 'Counted stock'),
  moved('stock_in', 'stock_move_in', '入库数量', 'Stock in', STOCK_IN_TYPES),
  moved('stock_out', 'stock_move_out', '出库数量', 'Stock out', STOCK_OUT_TYPES),
  moved('count_adjustment', 'stock_move_count', '盘点差异', 'Count difference', STOCK_COUNT_TYPES),
  {
    ...base,
    key: 'stock_moves',
    label: { zh: '流水笔数', en: 'Movements' },
    description: { zh: '出入库流水行数', en: 'Ledger rows' },
    formula: { zh: 'count(流水)', en: 'count(movements)' },
    kind: 'count',
    unit: 'count',
    kinds: ['stock_move'],
  },
  {
    ...base,
    key: 'out_of_stock_rate',
    label: { zh: '缺货率', en: 'Out-of-stock rate' },
    description: { zh: '缺货SKU数 ÷ SKU数', en: 'Out-of-stock SKUs ÷ SKUs' },
    kind: 'ratio',
    expr: 'out_of_stock_skus / stock_skus',
    unit: 'percent',
    decimals: 2,
    direction: 'down',
    kinds: ['stock'],
  },
  {
    ...base,
    key: 'stock_net_in',
    label: { zh: '净入库', en: 'Net stock in' },
    description: { zh: '入库数量 − 出库数量', en: 'Stock in − stock out' },
    kind: 'derived',
    expr: 'stock_in - stock_out',
    unit: 'count',
    kinds: ['stock_move'],
  },
  {
    ...base,
    key: 'sell_through_rate',
    label: { zh: '售罄率', en: 'Sell-through rate' },
    description: {
      zh: '出库数量 ÷（出库数量 + 期末可售库存），按商家编码关联流水与库存快照',
      en: 'Stock out ÷ (stock out + available stock at the end), joining the ledger and the snapshot on merchant SKU',
    },
    kind: 'derived',
    expr: 'stock_out / (stock_out + available_stock)',
    crossKind: true,
    unit: 'percent',
    decimals: 2,
    kinds: ['stock_move', 'stock'],
  },
  {
    ...base,
    key: 'turnover_days',
    label: { zh: '库存周转天数', en: 'Days of stock' },
    description: {
      zh: '可售库存 ÷ 日均出库量（日均出库量 = 出库数量 ÷ 统计天数）',
      en: 'Available stock ÷ average daily stock out (stock out ÷ days in the period)',
    },
    kind: 'derived',
    expr: 'available_stock / (stock_out / period_days)',
    crossKind: true,
    unit: 'decimal',
    decimals: 1,
    direction: 'down',
    kinds: ['stock', 'stock_move'],
  },
];
