/**
 * Reconciliation of an ad export fed batch by batch (as an import writes it) must find exactly what it
 * finds over the whole table, and exactly the rows whose reported ratios were planted wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { takeRows, type ColumnTable } from '@creator-ops/columnar';
import { ingestFile } from '@creator-ops/ingest';
import { AdReconciler, reconcileAdImport } from './reconcile';

const HEADER = '日期,计划ID,计划名称,消耗,展示次数,点击次数,点击率,成交订单数,成交金额,支付ROI';
const ROWS = 12_345;
/** Data rows (1-based) whose CTR or ROI is written wrong; the file line is the row + 1. */
const WRONG_CTR = new Set([7, 10_001, 12_000]);
const WRONG_ROI = new Set([3, 9_999, 10_002]);

/** A plan day with cost in cents, impressions, clicks, orders, GMV in cents; ratios written to 2 decimals as exports do. */
function row(i: number): string {
  const cost = 10_000 + ((i * 7919) % 500_000);
  const impressions = 1_000 + ((i * 104_729) % 90_000);
  const clicks = 10 + ((i * 31) % 900);
  const orders = (i * 13) % 40;
  const gmv = orders * (2_000 + ((i * 17) % 30_000));
  const ctr = WRONG_CTR.has(i) ? (clicks / impressions) * 100 + 1 : (clicks / impressions) * 100;
  const roi = WRONG_ROI.has(i) ? gmv / cost + 0.5 : gmv / cost;
  const day = `2026-09-${String((i % 28) + 1).padStart(2, '0')}`;
  return `${day},${100_000 + i},计划${i},${(cost / 100).toFixed(2)},${impressions},${clicks},${ctr.toFixed(2)}%,${orders},${(gmv / 100).toFixed(2)},${roi.toFixed(2)}`;
}

function batches(table: ColumnTable, size: number): ColumnTable[] {
  const out: ColumnTable[] = [];
  for (let from = 0; from < table.length; from += size) {
    const keep = new Uint8Array(table.length);
    keep.fill(1, from, Math.min(table.length, from + size));
    out.push(takeRows(table, keep));
  }
  return out;
}

describe('AdReconciler', () => {
  let table: ColumnTable;
  let totalRows: { values: Record<string, number | null> }[];
  const dir = mkdtempSync(path.join(tmpdir(), 'reconcile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const file = path.join(dir, 'ads.csv');
    writeFileSync(file, [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))].join('\n'));
    const result = await ingestFile(file, { fileName: 'ads.csv' });
    expect(result.report.rows.accepted).toBe(ROWS);
    table = result.table;
    totalRows = result.report.totalRows;
  });

  it('finds exactly the planted wrong ratios over the whole table', () => {
    const r = reconcileAdImport(table, totalRows);
    expect(r.rowsChecked).toBe(ROWS);
    const found = (field: string) => r.issues.filter((i) => i.field === field).map((i) => i.line);
    expect(found('reported_ctr')).toEqual([...WRONG_CTR].map((i) => i + 1));
    expect(found('reported_roi')).toEqual([...WRONG_ROI].map((i) => i + 1));
  });

  it.each([1_000, 4_096, 9_999, 10_000, 10_001])('gives the same result fed in batches of %i rows', (size) => {
    const whole = reconcileAdImport(table, totalRows);
    const reconciler = new AdReconciler();
    for (const batch of batches(table, size)) reconciler.add(batch);
    expect(reconciler.finish(totalRows)).toEqual(whole);
  });
});
