/**
 * Each good xlsx fixture imports to the same rows as its CSV twin (issue 5, acceptance 1): the same
 * kind, header row, column mapping, report counts, skipped and rejected lines, and every column
 * value by value (the line column included: a record's line is its sheet row number).
 */
import type { ImportReport } from '../report';
import { columnsOf, ingestXlsxOk } from './xlsx-helpers';

const TWINS: { name: string; opts?: { account?: string }; xlsxOnlyWarnings?: string[]; codeMap?: Record<string, string> }[] = [
  { name: 'qianchuan-inline' },
  { name: 'qianchuan-dimension-a1' },
  // Characters split between inflated chunks must come out whole.
  { name: 'chinese-inline-long', opts: { account: '小鹿' } },
  { name: 'xhs-hint-row', opts: { account: '小鹿' } },
  { name: 'settlement-subheader' },
  { name: 'dates-account', opts: { account: '小鹿' } },
  { name: 'dates-order' },
  // Excel's CSV shows a 16-digit number as 6.91754E+15: the same rows are rejected, by another code.
  { name: 'numeric-id', codeMap: { ID_PRECISION_LOST: 'ID_SCIENTIFIC' } },
  { name: 'two-sheets', xlsxOnlyWarnings: ['SHEET_CHOSEN'] },
  { name: 'cell-types', opts: { account: '小鹿' }, xlsxOnlyWarnings: ['XLSX_ERROR_CELLS'] },
  { name: 'luopan-live-sessions', opts: { account: '小鹿的零食铺' } },
  { name: 'with-macros', xlsxOnlyWarnings: ['SHEET_CHOSEN'] },
];

const summary = (r: ImportReport, codeMap: Record<string, string> = {}) => ({
  kind: r.kind,
  headerRow: r.headerRow,
  rows: r.rows,
  mapping: r.mapping,
  naturalKey: r.naturalKey,
  skipped: r.skipped.map(({ line, code }) => ({ line, code })),
  rejected: r.rejected.map(({ line, column, code }) => ({ line, column, code: codeMap[code] ?? code })),
  totalRows: r.totalRows,
});

describe.each(TWINS)('$name.xlsx and $name.csv', ({ name, opts = {}, xlsxOnlyWarnings = [], codeMap }) => {
  it('import to the same rows, column by column, with the same report counts', async () => {
    const xlsx = await ingestXlsxOk(`${name}.xlsx`, opts);
    const csv = await ingestXlsxOk(`${name}.csv`, opts);
    expect(xlsx.report.delimiter).toBe('xlsx');
    expect(csv.report.delimiter).toBe(',');
    expect(summary(xlsx.report, codeMap)).toEqual(summary(csv.report));
    expect(xlsx.table.length).toBe(csv.table.length);
    expect(xlsx.table.specs).toEqual(csv.table.specs);
    const a = columnsOf(xlsx.table);
    const b = columnsOf(csv.table);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const column of Object.keys(b)) expect({ column, values: a[column] }).toEqual({ column, values: b[column] });
    const codes = (r: ImportReport) => r.warnings.map((w) => w.code).sort();
    expect(codes(xlsx.report).filter((c) => !xlsxOnlyWarnings.includes(c))).toEqual(codes(csv.report));
    expect(xlsx.table.length).toBeGreaterThan(0);
  });
});
