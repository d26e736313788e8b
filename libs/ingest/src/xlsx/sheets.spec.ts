/**
 * Several sheets (issue 5): without the sheet option the sheet whose headers match a kind best is
 * imported and the choice reported (SHEET_CHOSEN); `sheet` (a name or a 1-based position) overrides.
 */
import { col, warning } from '../golden/golden-helpers';
import { failureOf, ingestXlsxOk } from './xlsx-helpers';

describe('two-sheets.xlsx: 使用说明 first, 订单明细 second', () => {
  it('picks 订单明细 by its headers and says so', async () => {
    const { table, report } = await ingestXlsxOk('two-sheets.xlsx');
    expect(report.sheet).toBe('订单明细');
    expect(report.kind).toBe('order');
    expect(report.warnings[0].code).toBe('SHEET_CHOSEN');
    expect(warning(report, 'SHEET_CHOSEN').params).toEqual({ count: 2, sheet: '订单明细', others: '使用说明' });
    expect(warning(report, 'SHEET_CHOSEN').message).toBe('工作簿有 2 个工作表，按表头选用「订单明细」（其余：使用说明）；可用 sheet 参数指定');
    expect(col(table, 'order_item_id')).toEqual(['6917000000000000101', '6917000000000000102', '6917000000000000201']);
    expect(col(table, 'payable_amount')).toEqual([7980, 8900, 5970]);
  });

  it('takes the sheet named by the caller, by name or by position, without a choice to report', async () => {
    for (const sheet of ['订单明细', ' 订单明细 ', '2']) {
      const { table, report } = await ingestXlsxOk('two-sheets.xlsx', { sheet });
      expect(report.sheet).toBe('订单明细');
      expect(report.warnings.map((w) => w.code)).not.toContain('SHEET_CHOSEN');
      expect(table.length).toBe(3);
    }
  });

  it('fails on the instructions sheet as a CSV of it would: no known headers', async () => {
    for (const sheet of ['使用说明', '1']) expect((await failureOf(ingestXlsxOk('two-sheets.xlsx', { sheet }))).code).toBe('UNRECOGNISED_EXPORT');
  });

  it('fails with XLSX_SHEET_NOT_FOUND, listing the sheets, for a sheet that does not exist', async () => {
    for (const sheet of ['汇总', '3', '0']) {
      const e = await failureOf(ingestXlsxOk('two-sheets.xlsx', { sheet }));
      expect(e.code).toBe('XLSX_SHEET_NOT_FOUND');
      expect(e.params).toEqual({ sheet, sheets: '使用说明、订单明细' });
    }
  });

  it('scores the sheets for the kind the caller names', async () => {
    const { report } = await ingestXlsxOk('two-sheets.xlsx', { kind: 'order' });
    expect(report.sheet).toBe('订单明细');
    expect(report.detection.overridden).toBe(true);
  });
});

describe('one-sheet workbooks', () => {
  it('import their only sheet without a SHEET_CHOSEN warning', async () => {
    const { report } = await ingestXlsxOk('qianchuan-inline.xlsx');
    expect(report.sheet).toBe('计划数据');
    expect(report.warnings.map((w) => w.code)).not.toContain('SHEET_CHOSEN');
  });
});
