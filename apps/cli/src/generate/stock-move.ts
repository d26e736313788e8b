/**
 * 出入库流水 ledger: 时间 ascending from 2026-01-01, 单据编号 as `"\t…"`, 类型 入库/出库/调拨/盘点
 * (盘点 rows carry a signed difference), quantities with thousands separators above 999.
 */
import { CRLF, daysFromCivil, fmtTs, groupQ, padNum, tabCell } from './format';
import type { Random } from './prng';
import { writeRows, type ChunkWriter } from './writer';

export const STOCK_MOVE_HEADER = ['时间', '单据编号', '类型', '商家编码', '商品名称', '数量', '仓库', '备注'] as const;

const SKUS = [
  '每日坚果 25g*30包',
  '麻辣牛肉干 100g*3袋',
  '冻干咖啡 3g*30颗',
  '燕麦片 即食 1kg',
  '保温杯 316不锈钢 500ml',
  '厨房纸巾 12包',
  '纯牛奶 250ml*24盒',
  '补水保湿面霜 50ml',
];
const FIRST_SECOND = daysFromCivil(2026, 1, 1) * 86400;

export function writeStockMoves(w: ChunkWriter, rnd: Random, rows: number): Promise<number> {
  const type = rnd.weighted([
    ['出库', 70],
    ['入库', 20],
    ['调拨', 5],
    ['盘点', 5],
  ] as const);
  const prefix: Record<string, string> = { 出库: 'CK', 入库: 'RK', 调拨: 'DB', 盘点: 'PD' };
  let sec = FIRST_SECOND + 8 * 3600;
  return writeRows(w, STOCK_MOVE_HEADER, rows, (i) => {
    sec += 60 + rnd.int(3600);
    const t = type();
    const sku = rnd.int(SKUS.length);
    const qty = t === '盘点' ? String(rnd.range(-5, 5)) : groupQ(t === '入库' ? rnd.range(50, 2000) : rnd.range(1, 60));
    return (
      [
        fmtTs(sec),
        tabCell(`${prefix[t]}${padNum(i + 1, 10)}`),
        t,
        `SKU${padNum(sku + 1, 3)}`,
        SKUS[sku],
        qty,
        rnd.chance(0.8) ? '杭州仓' : '广州仓',
        t === '盘点' ? '月度盘点' : '-',
      ].join(',') + CRLF
    );
  });
}
