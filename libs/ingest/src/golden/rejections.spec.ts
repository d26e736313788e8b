/**
 * not-ok/ fixtures (DESIGN §3.5, §3.6): a bad row is rejected with its physical line, column and
 * code while the other rows import; a file that cannot be read at all fails with an IngestError.
 */
import { col, day, expectRowsAddUp, ingestFailure, ingestNotOk, lines, rejections } from './golden-helpers';

const AD3_MAPPING = [
  { source: '日期', field: 'date' },
  { source: '计划ID', field: 'plan_id' },
  { source: '计划名称', field: 'plan' },
  { source: '展示数', field: 'impressions' },
];

describe('row rejections', () => {
  it('id-scientific.csv: rejects the row whose id reads 6.9E+18 and imports the others', async () => {
    const { table, report } = await ingestNotOk('id-scientific.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual(AD3_MAPPING);
    expect(rejections(report)).toEqual([{ line: 3, column: '计划ID', code: 'ID_SCIENTIFIC' }]);
    expect(report.rejected[0].params).toEqual({ value: '6.9E+18' });
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'plan_id')).toEqual(['1780000000000000101', '1780000000000000103']);
    expect(col(table, 'plan')).toEqual(['A', 'C']);
    expect(col(table, 'impressions')).toEqual([10, 30]);
    expect(lines(table)).toEqual([2, 4]);
  });

  it('count-not-number.csv: rejects 一百 in a count column', async () => {
    const { table, report } = await ingestNotOk('count-not-number.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual(AD3_MAPPING);
    expect(rejections(report)).toEqual([{ line: 3, column: '展示数', code: 'NUMBER_INVALID' }]);
    expect(report.rejected[0].params).toEqual({ value: '一百' });
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'impressions')).toEqual([10, 30]);
    expect(col(table, 'plan_id')).toEqual(['101', '103']);
  });

  it('count-not-integer.csv: rejects 12.5 and 1.23456万 (12345.6), keeps 1.2345万 (12345)', async () => {
    const { table, report } = await ingestNotOk('count-not-integer.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual(AD3_MAPPING);
    expect(rejections(report)).toEqual([
      { line: 2, column: '展示数', code: 'INT_NOT_INTEGER' },
      { line: 3, column: '展示数', code: 'INT_NOT_INTEGER' },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 1, rejected: 2, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'impressions')).toEqual([12_345]);
    expect(lines(table)).toEqual([4]);
  });

  it('count-negative.csv: rejects -3 in an unsigned count, keeps 0', async () => {
    const { table, report } = await ingestNotOk('count-negative.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual(AD3_MAPPING);
    expect(rejections(report)).toEqual([{ line: 3, column: '展示数', code: 'NEGATIVE_NOT_ALLOWED' }]);
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'impressions')).toEqual([10, 0]);
  });

  it('dates-bad.csv: rejects 2026-02-30 as invalid and 9999-01-01 as out of range', async () => {
    const { table, report } = await ingestNotOk('dates-bad.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
    ]);
    expect(rejections(report)).toEqual([
      { line: 3, column: '日期', code: 'DATE_INVALID' },
      { line: 4, column: '日期', code: 'DATE_OUT_OF_RANGE' },
    ]);
    expect(report.rows).toEqual({ read: 4, accepted: 2, rejected: 2, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19)]);
    expect(col(table, 'plan_id')).toEqual(['101', '104']);
  });

  it('ragged.csv: rejects a row with too many fields and one with too few; a trailing empty field is harmless', async () => {
    const { table, report } = await ingestNotOk('ragged.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual(AD3_MAPPING);
    expect(rejections(report)).toEqual([
      { line: 3, column: null, code: 'ROW_TOO_MANY_FIELDS' },
      { line: 4, column: null, code: 'ROW_TOO_FEW_FIELDS' },
    ]);
    expect(report.rejected.map((r) => r.params)).toEqual([
      { count: 5, expected: 4 },
      { count: 3, expected: 4 },
    ]);
    expect(report.rows).toEqual({ read: 4, accepted: 2, rejected: 2, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'plan')).toEqual(['直播间', '拉新']);
    expect(col(table, 'impressions')).toEqual([10, 40]);
    expect(lines(table)).toEqual([2, 5]);
  });
});

describe('whole-file failures', () => {
  it('unclosed-quote.csv: fails with CSV_UNCLOSED_QUOTE at the line the quote opens', async () => {
    const e = await ingestFailure('unclosed-quote.csv');
    expect(e.code).toBe('CSV_UNCLOSED_QUOTE');
    expect(e.params).toEqual({ line: 3 });
  });

  it('empty.csv: fails with EMPTY_FILE', async () => {
    expect((await ingestFailure('empty.csv')).code).toBe('EMPTY_FILE');
  });

  it('bom-only.csv: a BOM and a line break are still an empty file', async () => {
    expect((await ingestFailure('bom-only.csv')).code).toBe('EMPTY_FILE');
  });

  it('xlsx-renamed.csv: a ZIP named .csv fails with XLSX_NOT_SUPPORTED', async () => {
    expect((await ingestFailure('xlsx-renamed.csv')).code).toBe('XLSX_NOT_SUPPORTED');
  });

  it('unknown-headers.csv: fails with UNRECOGNISED_EXPORT', async () => {
    expect((await ingestFailure('unknown-headers.csv')).code).toBe('UNRECOGNISED_EXPORT');
  });

  it('invalid-utf8.csv read as utf-8: fails with INVALID_ENCODING near line 4', async () => {
    const e = await ingestFailure('invalid-utf8.csv', { encoding: 'utf-8' });
    expect(e.code).toBe('INVALID_ENCODING');
    expect(e.params).toEqual({ encoding: 'UTF-8', line: 4 });
  });
});
