/**
 * 库存 exports (issue 17): fixtures/samples/doudian-stock.csv (抖店 商品库存, 8 SKUs, no date) and
 * fixtures/samples/stock-ledger.csv (出入库流水, 10 movements). Expectations read off the CSV text.
 */
import path from 'node:path';
import { ingestFile } from '../ingest';
import { col, expectRowsAddUp, wall, warning } from './golden-helpers';

const SAMPLES = path.join(process.cwd(), 'fixtures', 'samples');
const load = (file: string) => ingestFile(path.join(SAMPLES, file), { fileName: file, account: '小鹿的零食铺' });

describe('doudian-stock.csv (抖店 商品库存)', () => {
  it('is a stock snapshot keyed by the ids and codes it has', async () => {
    const { report } = await load('doudian-stock.csv');
    expect(report.kind).toBe('stock');
    expect(report.naturalKey).toEqual(['account', 'product_id', 'sku_id', 'merchant_sku', 'sku']);
    expect(report.rows).toEqual({ read: 8, accepted: 8, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(warning(report, 'UNKNOWN_COLUMNS').params).toEqual({ columns: '库存状态' });
  });

  it('reads "1,250" as 1250, `-` and `--` as null (not 0), ids exactly', async () => {
    const { table } = await load('doudian-stock.csv');
    expect(col(table, 'sku_id')[0]).toBe('1780000000000001001');
    expect(col(table, 'merchant_sku')).toEqual(['SKU001', 'SKU002', 'SKU003', 'SKU004', 'SKU005', 'SKU006', 'SKU007', 'SKU008']);
    expect(col(table, 'available_qty')).toEqual([1250, 0, 86, 0, 420, 2008, 15, 0]);
    expect(col(table, 'reserved_qty')).toEqual([36, 0, 4, 2, 18, 120, 0, 0]);
    expect(col(table, 'in_transit_qty')).toEqual([500, 300, null, null, 0, 1000, 200, null]);
    expect(col(table, 'sku')[6]).toBe('500ml 白色');
  });
});

describe('stock-ledger.csv (出入库流水)', () => {
  it('is a movement ledger; the handler phone column is dropped', async () => {
    const { table, report } = await load('stock-ledger.csv');
    expect(report.kind).toBe('stock_move');
    expect(report.rows).toEqual({ read: 10, accepted: 10, rejected: 0, skipped: 0 });
    expect(warning(report, 'PII_DROPPED').params).toEqual({ columns: '经办人电话' });
    expect(table.columns.has('经办人电话')).toBe(false);
    expect(JSON.stringify([...table.columns.keys()])).not.toContain('电话');
  });

  it('keeps types, signed quantities and times; scrubs the phone in a note', async () => {
    const { table, report } = await load('stock-ledger.csv');
    expect(col(table, 'move_type')).toEqual(['入库', '出库', '出库', '入库', '出库', '调拨', '出库', '盘点', '盘点', '出库']);
    expect(col(table, 'quantity')).toEqual([600, 120, 45, 300, 80, 200, 1100, -3, 2, 35]);
    expect(col(table, 'moved_at')[0]).toBe(wall(2026, 10, 1, 9, 0, 0));
    expect(col(table, 'doc_id')[0]).toBe('RK20261001001');
    expect(col(table, 'note')[7]).toBe('盘亏3袋，联系仓管 [已隐藏]');
    expect(col(table, 'note')[1]).toBeNull();
    expect(warning(report, 'PII_TEXT_SCRUBBED').params).toEqual({ count: 1, columns: '备注' });
  });
});
