/**
 * Layout quirks (DESIGN §3, §3.6): preamble lines, multi-line quoted cells, blank trailing lines,
 * unknown columns, full-width and unit-suffixed headers.
 */
import { col, day, expectRowsAddUp, ingestOk, lines, rejections, skips, wall, warning, warningCodes } from './golden-helpers';

describe('preamble.csv: three lines above the header', () => {
  it('finds the header on line 4 and reports lines 1-3 as skipped preamble', async () => {
    const { table, report } = await ingestOk('preamble.csv');
    expect(report.kind).toBe('ad');
    expect(report.headerRow).toBe(4);
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
    ]);
    expect(skips(report)).toEqual([
      { line: 1, code: 'SKIP_PREAMBLE' },
      { line: 2, code: 'SKIP_PREAMBLE' },
      { line: 3, code: 'SKIP_PREAMBLE' },
    ]);
    expect(report.rejected).toEqual([]);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19)]);
    expect(col(table, 'plan_id')).toEqual(['101', '102']);
    expect(col(table, 'impressions')).toEqual([100, 200]);
    expect(col(table, 'clicks')).toEqual([10, 20]);
    expect(lines(table)).toEqual([5, 6]);
  });

  it('counts the preamble lines as read and skipped (read = accepted + rejected + skipped)', async () => {
    const { report } = await ingestOk('preamble.csv');
    // Records read: 3 preamble + 2 data (the header is not a row).
    expect(report.rows).toEqual({ read: 5, accepted: 2, rejected: 0, skipped: 3 });
    expectRowsAddUp(report);
  });
});

describe('multiline.csv: quoted titles with embedded newlines', () => {
  it('keeps the newlines in the cells and numbers later lines physically', async () => {
    const { table, report } = await ingestOk('multiline.csv', { account: '小鹿' });
    expect(report.kind).toBe('content');
    expect(report.headerRow).toBe(1);
    expect(report.mapping).toEqual([
      { source: '作品名称', field: 'title' },
      { source: '发布时间', field: 'published_at' },
      { source: '体裁', field: 'format' },
      { source: '播放量', field: 'plays' },
      { source: '完播率', field: 'completion_rate' },
    ]);
    // Record 1 spans lines 2-4, so 作品2 is on line 5; 作品3 spans 6-7, so 作品4 is on line 8.
    expect(rejections(report)).toEqual([
      { line: 5, column: '播放量', code: 'NUMBER_INVALID' },
      { line: 8, column: '播放量', code: 'INT_NOT_INTEGER' },
    ]);
    expect(report.rows).toEqual({ read: 5, accepted: 3, rejected: 2, skipped: 0 });
    expectRowsAddUp(report);
    expect(lines(table)).toEqual([2, 6, 9]);
    expect(col(table, 'title')).toEqual(['作品1：秋天第一杯咖啡\n#好物分享\n#零食', '作品3：保温杯\r\n怎么选', '作品5：早餐']);
    expect(col(table, 'published_at')).toEqual([wall(2026, 9, 1, 18), wall(2026, 9, 4, 20), wall(2026, 9, 6, 12)]);
    expect(col(table, 'format')).toEqual(['视频', '视频', '视频']);
    expect(col(table, 'plays')).toEqual([27600, 1024, 300]);
    expect(col(table, 'completion_rate')).toEqual([0.142729, 0.5, 0.25]);
    expect(col(table, 'account')).toEqual(['小鹿', '小鹿', '小鹿']);
    // Nothing of the rejected rows is left behind in the stored dictionary.
    const title = table.columns.get('title');
    expect(title?.type === 'dict' ? title.dict : null).toEqual(['作品1：秋天第一杯咖啡\n#好物分享\n#零食', '作品3：保温杯\r\n怎么选', '作品5：早餐']);
    expect(warningCodes(report)).toEqual(['PERCENT_SHAPE']);
  });
});

describe('blank-trailing.csv: an empty line and a spaces-only line after the data', () => {
  it('skips both as blank, rejects nothing', async () => {
    const { table, report } = await ingestOk('blank-trailing.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
    ]);
    expect(report.rows).toEqual({ read: 4, accepted: 2, rejected: 0, skipped: 2 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([
      { line: 4, code: 'SKIP_BLANK' },
      { line: 5, code: 'SKIP_BLANK' },
    ]);
    expect(col(table, 'impressions')).toEqual([10, 20]);
    expect(lines(table)).toEqual([2, 3]);
  });
});

describe('blank-trailing-commas.csv: trailing rows of bare delimiters (",,")', () => {
  it('skips them as blank, not rejected', async () => {
    const { table, report } = await ingestOk('blank-trailing-commas.csv');
    expect(report.kind).toBe('ad');
    expect(report.rejected).toEqual([]);
    expect(report.rows).toEqual({ read: 3, accepted: 1, rejected: 0, skipped: 2 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([
      { line: 3, code: 'SKIP_BLANK' },
      { line: 4, code: 'SKIP_BLANK' },
    ]);
    expect(col(table, 'impressions')).toEqual([10]);
  });
});

describe('unknown-columns.csv: 备注 and 负责人 belong to no kind', () => {
  it('keeps them as raw text columns and warns once', async () => {
    const { table, report } = await ingestOk('unknown-columns.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
      { source: '备注', field: null, note: 'raw' },
      { source: '负责人', field: null, note: 'raw' },
      { source: '消耗(元)', field: 'cost', scale: 100 },
    ]);
    expect(warningCodes(report)).toEqual(['UNKNOWN_COLUMNS']);
    expect(warning(report, 'UNKNOWN_COLUMNS').params).toEqual({ columns: '备注, 负责人' });
    expect(report.rows).toEqual({ read: 2, accepted: 2, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    // Raw columns hold the text as written; only an empty cell is missing.
    expect(col(table, '备注')).toEqual(['首日测试', null]);
    expect(col(table, '负责人')).toEqual(['-', '张三']);
    expect(table.specs.filter((s) => s.role === 'raw').map((s) => s.name)).toEqual(['备注', '负责人']);
    expect(col(table, 'impressions')).toEqual([10, 20]);
    expect(col(table, 'cost')).toEqual([100, 250]);
  });
});

describe('fullwidth-headers.csv: full-width headers with unit suffixes', () => {
  it('matches them after NFKC and applies the units as scaling', async () => {
    const { table, report } = await ingestOk('fullwidth-headers.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '消耗(元)', field: 'cost', scale: 100 },
      { source: '展示数(次)', field: 'impressions' },
      { source: '点击率(%)', field: 'reported_ctr', scale: 0.01 },
      { source: '成交金额(万元)', field: 'gmv', scale: 1_000_000 },
      { source: '点击数', field: 'clicks' },
    ]);
    expect(warningCodes(report)).toEqual(['PERCENT_SHAPE']);
    expect(report.rows).toEqual({ read: 2, accepted: 2, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'plan_id')).toEqual(['101', '102']);
    expect(col(table, 'cost')).toEqual([123450, 99]);
    expect(col(table, 'impressions')).toEqual([1000, 2000]);
    // (%) header: bare 3.34 is 3.34 %, bare 0.5 is 0.5 %.
    expect(col(table, 'reported_ctr')).toEqual([0.0334, 0.005]);
    // (万元): 1.5 万元 = 15,000 yuan = 1,500,000 cents; 0.0001 万元 = 1 yuan = 100 cents.
    expect(col(table, 'gmv')).toEqual([1_500_000, 100]);
    expect(col(table, 'clicks')).toEqual([10, 20]);
  });
});
