/**
 * Reconciliation of an ad export fed batch by batch (as an import writes it) must find exactly what it
 * finds over the whole table, and exactly the rows whose reported ratios were planted wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { takeRows, type ColumnTable, type NumColumn } from '@creator-ops/columnar';
import { ingestFile } from '@creator-ops/ingest';
import { AdReconciler, RECONCILIATION_LIST_LIMIT, reconcileAdImport } from './reconcile';

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

/** Rows [from, to) of the table. */
function slice(table: ColumnTable, from: number, to: number): ColumnTable {
  const keep = new Uint8Array(table.length);
  keep.fill(1, from, Math.min(table.length, to));
  return takeRows(table, keep);
}

/** The table with `change` applied to a copy of one numeric column's values (or without the column). */
function withColumn(table: ColumnTable, name: string, change: ((values: Float64Array) => void) | 'drop'): ColumnTable {
  const columns = new Map(table.columns);
  if (change === 'drop') {
    columns.delete(name);
    return { ...table, columns, specs: table.specs.filter((s) => s.name !== name) };
  }
  const col = table.columns.get(name) as NumColumn;
  const values = Float64Array.from(col.values);
  change(values);
  columns.set(name, { ...col, values });
  return { ...table, columns };
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

/**
 * A later part reconciled on its own (a second thread's, reconcile-part.ts) and handed over by
 * structured clone must leave the reconciler exactly as adding the part's batches would, or be
 * declined (nothing changed) so that the caller adds them.
 */
describe('AdReconciler.absorb', () => {
  let table: ColumnTable;
  let totalRows: { values: Record<string, number | null> }[];
  const dir = mkdtempSync(path.join(tmpdir(), 'reconcile-absorb-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const file = path.join(dir, 'ads.csv');
    writeFileSync(file, [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))].join('\n'));
    const result = await ingestFile(file, { fileName: 'ads.csv' });
    table = result.table;
    totalRows = result.report.totalRows;
  });

  /** The reconciler fed the first rows, and the rest reconciled apart and cloned as a worker posts it. */
  function split(first: ColumnTable, rest: ColumnTable, listLimit?: number) {
    const main = new AdReconciler(listLimit);
    for (const batch of batches(first, 4_096)) main.add(batch);
    const apart = new AdReconciler(listLimit);
    for (const batch of batches(rest, 1_000)) apart.add(batch);
    return { main, part: structuredClone(apart.part()) };
  }

  /** The same batches added one by one to one reconciler. */
  function sequential(first: ColumnTable, rest: ColumnTable, listLimit?: number, listFrom?: number) {
    const r = new AdReconciler(listLimit, listFrom);
    for (const batch of [...batches(first, 4_096), ...batches(rest, 1_000)]) r.add(batch);
    return r.finish(totalRows);
  }

  it.each([10_000, 10_001, 11_000, 12_344])('takes in the part after row %i as if its batches were added', (at) => {
    const { main, part } = split(slice(table, 0, at), slice(table, at, ROWS));
    expect(main.absorb(part)).toBe(true);
    const got = main.finish(totalRows);
    expect(got).toEqual(reconcileAdImport(table, totalRows));
    // The planted rows, wherever the split fell (row i is on line i + 1), and the total row agrees.
    const lines = (field: string) => got.issues.filter((i) => i.field === field).map((i) => i.line);
    expect(lines('reported_ctr')).toEqual([8, 10_002, 12_001]);
    expect(lines('reported_roi')).toEqual([4, 10_000, 10_003]);
    expect(got.rowsChecked).toBe(ROWS);
  });

  /** Rows 11,001..12,345 (lines 11,002..12,346) of the part: every ROI written as -1.25 (GMV ÷ cost is never negative), and no impressions on rows 11,001 and 11,100. */
  function everyRoiWrong() {
    const first = slice(table, 0, 11_000);
    const rest = withColumn(
      withColumn(slice(table, 11_000, ROWS), 'reported_roi', (v) => v.fill(-1.25)),
      'impressions',
      (v) => (v[0] = v[99] = 0),
    );
    return { first, rest };
  }

  it('takes in a part whose every ROI disagrees (written with the same decimals) and whose CTR cannot be recomputed on two rows (no impressions)', () => {
    const { first, rest } = everyRoiWrong();
    const { main, part } = split(first, rest, Infinity);
    expect(main.absorb(part)).toBe(true);
    const got = main.finish(totalRows);
    expect(got).toEqual(sequential(first, rest, Infinity));
    const partIssues = got.issues.filter((i) => i.line !== 'total' && i.line > 11_001);
    // The CTR of rows 11,001 and 11,100 has no value to compare (x ÷ 0), and row 12,000's CTR was planted wrong.
    expect(partIssues.filter((i) => i.field === 'reported_roi')).toHaveLength(1_345);
    expect(partIssues.filter((i) => i.field === 'reported_ctr').map((i) => [i.line, i.recomputed])).toEqual([
      [11_002, null],
      [11_101, null],
      [12_001, expect.any(Number)],
    ]);
  });

  it('lists the first disagreements of both parts up to the list limit, and counts them all', () => {
    const { first, rest } = everyRoiWrong();
    const { main, part } = split(first, rest);
    expect(main.absorb(part)).toBe(true);
    const got = main.finish(totalRows);
    expect(got).toEqual(sequential(first, rest));
    const all = sequential(first, rest, Infinity);
    // Counted by hand: main's planted CTR (lines 8, 10,002) and ROI (4, 10,000, 10,003); the part's 1,345 ROI and 3 CTR; and the total row's.
    const totals = all.issues.filter((i) => i.line === 'total');
    const totalOf = (field: string) => totals.filter((i) => i.field === field).length;
    expect(got.issueCounts).toEqual({ reported_ctr: 2 + 3 + totalOf('reported_ctr'), reported_roi: 3 + 1_345 + totalOf('reported_roi') });
    expect(got.issueCount).toBe(all.issues.length);
    expect(got.issues).toEqual([...all.issues.filter((i) => i.line !== 'total').slice(0, RECONCILIATION_LIST_LIMIT), ...totals]);
    expect(got.issues.filter((i) => i.line !== 'total')).toHaveLength(200);
  });

  it.each([
    [0, 50],
    [150, 100],
    [1_340, 200],
    [5_000, 10],
  ])('lists the row disagreements from the %ith, %i of them, with every one of the total row, and counts them all', (from, limit) => {
    const { first, rest } = everyRoiWrong();
    const all = sequential(first, rest, Infinity);
    const got = sequential(first, rest, limit, from);
    expect(got.issueCount).toBe(all.issueCount);
    expect(got.issues).toEqual([...all.issues.filter((i) => i.line !== 'total').slice(from, from + limit), ...all.issues.filter((i) => i.line === 'total')]);
  });

  it('declines a part, changing nothing, when it lists from a later disagreement (a part lists its first)', () => {
    const { first, rest } = everyRoiWrong();
    const main = new AdReconciler(10, 5);
    for (const batch of batches(first, 4_096)) main.add(batch);
    const apart = new AdReconciler(10, 5);
    for (const batch of batches(rest, 1_000)) apart.add(batch);
    expect(main.absorb(structuredClone(apart.part()))).toBe(false);
    for (const batch of batches(rest, 1_000)) main.add(batch);
    expect(main.finish(totalRows)).toEqual(sequential(first, rest, 10, 5));
  });

  const cases: [string, number, (rest: ColumnTable) => ColumnTable][] = [
    ['this reconciler has not seen its 10,000 sample rows', 9_999, (rest) => rest],
    ['the part wrote a ratio with more decimals (its tolerance differs)', 11_000, (rest) => withColumn(rest, 'reported_ctr', (v) => (v[5] += 1e-7))],
    ['a base sum of the part is not of integers', 11_000, (rest) => withColumn(rest, 'clicks', (v) => (v[0] += 0.5))],
    ['a base sum would pass the safe integers', 11_000, (rest) => withColumn(rest, 'impressions', (v) => (v[0] = 2 ** 53 - 1))],
    ['the part lacks a reported ratio', 11_000, (rest) => withColumn(rest, 'reported_roi', 'drop')],
  ];

  it.each(cases)('declines, changing nothing, when %s', (_, at, change) => {
    const first = slice(table, 0, at);
    const rest = change(slice(table, at, ROWS));
    const { main, part } = split(first, rest);
    expect(main.absorb(part)).toBe(false);
    for (const batch of batches(rest, 1_000)) main.add(batch);
    expect(main.finish(totalRows)).toEqual(sequential(first, rest));
  });
});
