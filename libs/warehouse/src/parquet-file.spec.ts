import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnTable } from '@creator-ops/columnar';
import { writeParquetFile } from './parquet-file';

/** Seven hand-made rows, written in row groups of three, read back by DuckDB. */
function table(): ColumnTable {
  const valid = Uint8Array.from([1, 1, 0, 1, 1, 1, 1]);
  return {
    kind: 'order',
    length: 7,
    specs: [
      { name: 'order_id', role: 'field', valueType: 'id' },
      { name: 'payable_amount', role: 'field', valueType: 'money' },
      { name: 'paid_at', role: 'field', valueType: 'datetime' },
      { name: 'day', role: 'field', valueType: 'date' },
      { name: 'rate', role: 'field', valueType: 'percent' },
      { name: '买家留言', role: 'raw', valueType: 'string', source: '买家留言' },
      { name: '__line', role: 'line', valueType: 'int' },
    ],
    columns: new Map([
      ['order_id', { type: 'dict', codes: Int32Array.from([0, 1, -1, 2, 0, 1, 2]), dict: ['6917926768920153000', '6917926768920153017', 'x'] }],
      // Cents: 19.90, 0.01, (null), 123456789012.34, -5.00, 0, 1.10
      ['payable_amount', { type: 'num', values: Float64Array.from([1990, 1, 0, 12345678901234, -500, 0, 110]), valid }],
      // 2026-10-07 02:11:25 wall clock, as stored (Date.UTC of the wall clock).
      [
        'paid_at',
        { type: 'num', values: Float64Array.from([Date.UTC(2026, 9, 7, 2, 11, 25), 0, 0, 0, 0, 0, 0]), valid: Uint8Array.from([1, 0, 0, 0, 0, 0, 0]) },
      ],
      ['day', { type: 'num', values: Float64Array.from([20_368, 0, 0, 0, 0, 0, 20_374]), valid: Uint8Array.from([1, 0, 0, 0, 0, 0, 1]) }],
      ['rate', { type: 'num', values: Float64Array.from([0.0123, 0, 0, 0, 0, 0, 1]), valid: null }],
      ['买家留言', { type: 'dict', codes: Int32Array.from([0, -1, -1, -1, -1, -1, -1]), dict: ['送人的,"包装"好一点'] }],
      ['__line', { type: 'num', values: Float64Array.from([2, 3, 4, 5, 6, 7, 8]), valid: null }],
    ]),
  };
}

describe('writeParquetFile', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'co-pq-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every row across row groups with exact money, local timestamps, dates, nulls and text', async () => {
    const path = join(dir, 'order.parquet');
    const info = writeParquetFile(table(), path, { timeZone: 'Asia/Shanghai', rowGroupSize: 3 });
    expect(info).toMatchObject({ rows: 7, columns: ['order_id', 'payable_amount', 'paid_at', 'day', 'rate', '买家留言'] });
    expect(readdirSync(dir)).toEqual(['order.parquet']);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (
      await conn.runAndReadAll(
        `SELECT order_id, CAST(payable_amount AS VARCHAR), strftime(paid_at, '%Y-%m-%d %H:%M:%S'), CAST(day AS VARCHAR), rate, "买家留言" FROM '${path}'`,
      )
    ).getRowsJson();
    expect(rows).toEqual([
      ['6917926768920153000', '19.90', '2026-10-07 02:11:25', '2025-10-07', 0.0123, '送人的,"包装"好一点'],
      ['6917926768920153017', '0.01', null, null, 0, null],
      [null, null, null, null, 0, null],
      ['x', '123456789012.34', null, null, 0, null],
      ['6917926768920153000', '-5.00', null, null, 0, null],
      ['6917926768920153017', '0.00', null, null, 0, null],
      ['x', '1.10', null, '2025-10-13', 1, null],
    ]);
    const groups = (await conn.runAndReadAll(`SELECT COUNT(DISTINCT row_group_id)::INTEGER FROM parquet_metadata('${path}')`)).getRowsJson();
    expect(groups).toEqual([[3]]);
    conn.closeSync();
  });
});
