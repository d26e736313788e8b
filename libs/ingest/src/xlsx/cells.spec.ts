/**
 * Cell values -> CSV texts (cells.ts), and the sub-header rule shared by CSV and xlsx (IngestRun).
 */
import { col, rejections, skips } from '../golden/golden-helpers';
import { ingestBuffer } from '../ingest';
import { CellConverter, decodeOoxmlEscapes, formatWallClock, isDateFormat, isPercentFormat, numberText, type ColumnMode, type ConvertedCell } from './cells';

function convert(value: unknown, numFmt?: string, mode: ColumnMode = 'plain', date1904 = false): ConvertedCell {
  const out: ConvertedCell = { text: '', error: false, precisionLost: false };
  new CellConverter(date1904).convert(value as never, numFmt, mode, out);
  return out;
}
const text = (value: unknown, numFmt?: string, mode: ColumnMode = 'plain') => convert(value, numFmt, mode).text;

describe('numbers', () => {
  it('are their shortest decimal text at 15 significant digits', () => {
    expect(text(1234)).toBe('1234');
    expect(text(9815.68)).toBe('9815.68');
    expect(text(0.1 + 0.2)).toBe('0.3');
    expect(text(-0.5)).toBe('-0.5');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(text(1e-7)).toBe('1e-7');
  });

  it('in a percent format are percent texts; other display formats do not matter', () => {
    expect(text(0.1234, '0.00%')).toBe('12.34%');
    expect(text(0.07, '0%')).toBe('7%');
    expect(text(1234.5, '#,##0.00')).toBe('1234.5');
    expect(text(12, '0"%"')).toBe('12'); // a quoted % is literal text, not a percent format
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('#,##0.00')).toBe(false);
  });

  it('in an id column: exact below 1e15, flagged from 1e15 on (16+ digits have lost precision)', () => {
    expect(convert(12345678901234, undefined, 'id')).toEqual({ text: '12345678901234', error: false, precisionLost: false });
    expect(convert(999999999999999, undefined, 'id').precisionLost).toBe(false);
    expect(convert(1e15, undefined, 'id')).toEqual({ text: '1000000000000000', error: false, precisionLost: true });
    expect(convert(6917543210987654, undefined, 'id').precisionLost).toBe(true);
    // Elsewhere a long number is just a number.
    expect(convert(6917543210987654).precisionLost).toBe(false);
  });

  it('that are not finite (an uncached error result) are errors', () => {
    expect(convert(Number.NaN)).toEqual({ text: '', error: true, precisionLost: false });
  });
});

describe('dates', () => {
  it('from date cells are the wall clock of their UTC fields, to the nearest second, under any TZ', () => {
    expect(text(new Date(Date.UTC(2026, 9, 1, 19, 30)))).toBe('2026-10-01 19:30:00');
    expect(text(new Date(Date.UTC(2026, 9, 1, 19, 29, 59, 600)))).toBe('2026-10-01 19:30:00');
    expect(text(new Date(Date.UTC(2025, 8, 30)))).toBe('2025-09-30 00:00:00');
    // A time of day alone (serial < 1) has no date.
    expect(text(new Date(Date.UTC(1899, 11, 30, 13)))).toBe('13:00:00');
    expect(formatWallClock(Date.UTC(2100, 11, 31, 23, 59, 59))).toBe('2100-12-31 23:59:59');
  });

  it('are serials in a date or time format (values and cached formula results alike)', () => {
    expect(text(45930, 'yyyy-mm-dd')).toBe('2025-09-30 00:00:00');
    expect(text(45931.5, 'yyyy/m/d h:mm')).toBe('2025-10-01 12:00:00');
    expect(text(0.5625, 'h:mm')).toBe('13:30:00');
    expect(isDateFormat('yyyy-mm-dd hh:mm:ss')).toBe(true);
    expect(isDateFormat('mm-dd-yy')).toBe(true);
    expect(isDateFormat('[$-804]yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('#,##0.00_);[Red](#,##0.00)')).toBe(false);
    expect(isDateFormat('0.0"万"')).toBe(false);
  });

  it('in a date column, a bare number is an Excel serial (epoch 1899-12-30), fractions are times', () => {
    expect(text(45930, undefined, 'date')).toBe('2025-09-30 00:00:00');
    expect(text(46296.8125, undefined, 'date')).toBe('2026-10-01 19:30:00');
    expect(text(25569, undefined, 'date')).toBe('1970-01-01 00:00:00');
    // An 8-digit compact date is no serial of any year the parsers accept: it stays a compact date.
    expect(text(20251005, undefined, 'date')).toBe('20251005');
    // Outside a date column a number stays a number.
    expect(text(45930)).toBe('45930');
  });

  it('in a 1904 workbook count from 1904-01-01', () => {
    expect(convert(44468, undefined, 'date', true).text).toBe('2025-09-30 00:00:00');
  });
});

describe('other cell values', () => {
  it('are text as a CSV export shows them', () => {
    expect(text('1,610.67')).toBe('1,610.67');
    expect(text({ richText: [{ text: '作品1：' }, { text: '秋天' }] })).toBe('作品1：秋天');
    expect(text(true)).toBe('TRUE');
    expect(text(false)).toBe('FALSE');
    expect(text(null)).toBe('');
    expect(text(undefined)).toBe('');
  });

  it('errors (#DIV/0!, #N/A: values or cached formula results) are empty and flagged', () => {
    expect(convert({ error: '#DIV/0!' })).toEqual({ text: '', error: true, precisionLost: false });
    expect(convert({ error: '#N/A' }).text).toBe('');
  });

  it('decodes OOXML character escapes (_x000D_ is a carriage return, _x005F_ an underscore)', () => {
    expect(decodeOoxmlEscapes('第一行_x000D_\n第二行')).toBe('第一行\r\n第二行');
    expect(decodeOoxmlEscapes('a_x005F_x000D_b')).toBe('a_x000D_b');
    expect(text('plain_text')).toBe('plain_text');
  });
});

describe('sub-header rows (CSV and xlsx alike)', () => {
  const csv = (text: string) => ingestBuffer(Buffer.from(text, 'utf8'), { fileName: 'x.csv' });
  const HEADER = '子订单编号,选购商品,商品数量,实付金额,订单提交时间\n';
  const DATA = '6917000000000000001,牛肉干,2,79.80,2026-10-01 20:05:09\n';

  it('skips a row of labels right under the header', async () => {
    const { table, report } = await csv(HEADER + '子订单,商品名称,件,元,下单时间\n' + DATA);
    expect(skips(report)).toEqual([{ line: 2, code: 'SKIP_SUBHEADER' }]);
    expect(report.rows).toEqual({ read: 2, accepted: 1, rejected: 0, skipped: 1 });
    expect(col(table, 'quantity')).toEqual([2]);
  });

  it('treats the row as data when any cell is a number or a date (it is rejected, not skipped)', async () => {
    const { report } = await csv(HEADER + '子订单,商品名称,件,元,2026-10-01\n' + DATA);
    expect(report.skipped).toEqual([]);
    expect(rejections(report)).toEqual([{ line: 2, column: '商品数量', code: 'NUMBER_INVALID' }]);
    const other = await csv(HEADER + '子订单,商品名称,1,元,下单时间\n' + DATA);
    expect(other.report.skipped).toEqual([]);
    expect(rejections(other.report)).toEqual([{ line: 2, column: '实付金额', code: 'NUMBER_INVALID' }]);
  });

  it('treats the row as data when its typed columns are empty (nothing says it is not a value)', async () => {
    const { report } = await csv(HEADER + '子订单,商品名称,,,\n' + DATA);
    expect(report.skipped).toEqual([]);
    expect(report.rows.accepted).toBe(2);
  });

  it('needs at least two labels, and only looks right under the header', async () => {
    const one = await csv(HEADER + ',,件,,\n' + DATA);
    expect(one.report.skipped).toEqual([]);
    expect(rejections(one.report)).toEqual([{ line: 2, column: '商品数量', code: 'NUMBER_INVALID' }]);
    const later = await csv(HEADER + DATA + '子订单,商品名称,件,元,下单时间\n');
    expect(later.report.skipped).toEqual([]);
    expect(rejections(later.report)).toEqual([{ line: 3, column: '商品数量', code: 'NUMBER_INVALID' }]);
  });

  it('never takes a total row for a sub-header', async () => {
    const { report } = await csv(HEADER + '合计,--,件,元,--\n' + DATA);
    expect(skips(report)).toEqual([{ line: 2, code: 'SKIP_TOTAL' }]);
  });
});
