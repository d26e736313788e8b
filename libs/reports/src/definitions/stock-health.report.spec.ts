import { runReport } from '../run-report';
import { chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

// Snapshot (no date): A available 100, reserved 5; B 0 (out of stock), in transit 50; C 20.
// Ledger 10-01..10-10: A in 200, out 60 + 40 (10-01, 10-05); B out 30 (10-02); C out 10 (10-05), 盘点 −2.
const STOCK = [
  { merchant_sku: 'A', available_qty: 100, reserved_qty: 5, in_transit_qty: null },
  { merchant_sku: 'B', available_qty: 0, reserved_qty: 0, in_transit_qty: 50 },
  { merchant_sku: 'C', available_qty: 20, reserved_qty: 1, in_transit_qty: 0 },
];
const mv = (moved_at: string, move_type: string, merchant_sku: string, quantity: number, doc_id: string) => ({
  moved_at,
  move_type,
  merchant_sku,
  quantity,
  doc_id,
});
const MOVES = [
  mv('2026-10-01 09:00:00', '入库', 'A', 200, 'R1'),
  mv('2026-10-01 15:00:00', '出库', 'A', 60, 'C1'),
  mv('2026-10-02 10:00:00', '出库', 'B', 30, 'C2'),
  mv('2026-10-05 10:00:00', '出库', 'A', 40, 'C3'),
  mv('2026-10-05 11:00:00', '出库', 'C', 10, 'C4'),
  mv('2026-10-06 18:00:00', '盘点', 'C', -2, 'P1'),
  mv('2026-10-10 09:00:00', '调拨', 'C', 5, 'D1'),
];

describe('stock_health', () => {
  const res = runReport('stock_health', buildTables({ stock: STOCK, stock_move: MOVES }), { from: '2026-10-01', to: '2026-10-10', granularity: 'day' });

  it('counts the snapshot even though it has no date, and the ledger in the period', () => {
    expect(kpiOf(res, 'stock_skus').value).toBe(3);
    expect(kpiOf(res, 'available_stock').value).toBe(120);
    expect(kpiOf(res, 'out_of_stock_skus').value).toBe(1);
    expect(kpiOf(res, 'out_of_stock_rate').value).toBeCloseTo(1 / 3, 12);
    expect(kpiOf(res, 'in_transit_stock').value).toBe(50);
    expect(kpiOf(res, 'stock_in').value).toBe(200);
    // 调拨 is neither in nor out
    expect(kpiOf(res, 'stock_out').value).toBe(140);
    expect(kpiOf(res, 'count_adjustment').value).toBe(-2);
  });

  it('gives sell-through and days of stock per SKU over the 10-day period', () => {
    const t = tableOf(res, 'sell_through');
    // A: out 100, available 100 -> 100 / 200 = 50 %; days = 100 / (100 / 10) = 10
    // B: out 30, available 0 -> 30 / 30 = 100 %; days = 0 / 3 = 0
    // C: out 10, available 20 -> 10 / 30; days = 20 / (10 / 10) = 20
    expect(pick(t.rows, ['merchant_sku', 'stock_out', 'available_stock'])).toEqual([
      { merchant_sku: 'A', stock_out: 100, available_stock: 100 },
      { merchant_sku: 'B', stock_out: 30, available_stock: 0 },
      { merchant_sku: 'C', stock_out: 10, available_stock: 20 },
    ]);
    expect(t.rows.map((r) => r.sell_through_rate as number).map((x) => +x.toFixed(12))).toEqual([0.5, 1, +(1 / 3).toFixed(12)]);
    expect(t.rows.map((r) => r.turnover_days)).toEqual([10, 0, 20]);
  });

  it('lists the least-stocked SKUs first and trends in/out by day', () => {
    const low = chartOf(res, 'low_stock').option;
    expect(seriesValues(low)).toEqual([0, 20, 100]);
    const t = chartOf(res, 'movement_trend').option;
    // days with movements of the 10: 10-01 in 200 out 60; 10-02 out 30; 10-05 out 50
    const byDay = Object.fromEntries(t.xAxis.data.map((d: string, i: number) => [d, [seriesValues(t, 0)[i], seriesValues(t, 1)[i]]]));
    expect(byDay['2026-10-01']).toEqual([200, 60]);
    expect(byDay['2026-10-05'][1]).toBe(50);
  });

  it('runs on a ledger alone', () => {
    const only = runReport('stock_health', buildTables({ stock_move: MOVES }), { from: '2026-10-01', to: '2026-10-10' });
    expect(only.missing).toBeUndefined();
    expect(kpiOf(only, 'stock_out').value).toBe(140);
    expect(only.tables.map((x) => x.id)).toEqual(['movements']);
  });
});
