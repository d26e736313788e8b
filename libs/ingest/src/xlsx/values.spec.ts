/**
 * The xlsx fixtures' values worked out by hand from fixtures/xlsx/build.mjs (the twin spec shows
 * the CSV twins agree; this one shows both are right).
 */
import { col, day, lines, rejections, skips, wall, warning } from '../golden/golden-helpers';
import { ingestXlsxOk } from './xlsx-helpers';

describe('qianchuan-inline.xlsx: 千川 writes every cell as an inline string', () => {
  it('parses text numbers as CSV cells (thousands separators, percent signs) and checks the 全部 row', async () => {
    const { table, report } = await ingestXlsxOk('qianchuan-inline.xlsx');
    expect(report.kind).toBe('ad');
    expect(report.sheet).toBe('计划数据');
    expect(report.encoding).toBe('UTF-8');
    expect(report.headerRow).toBe(1);
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '计划名称', field: 'plan' },
      { source: '消耗(元)', field: 'cost', scale: 100 },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
      { source: '点击率', field: 'reported_ctr', scale: 0.01 },
      { source: '直接成交金额', field: 'gmv', scale: 100 },
    ]);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19), day(2026, 7, 20)]);
    expect(col(table, 'plan_id')).toEqual(['1780000000000000101', '1780000000000000102', '1780000000000000101']);
    expect(col(table, 'plan')).toEqual(['𠮷野家-套餐', '短视频-牛肉干', '𠮷野家-套餐']);
    expect(col(table, 'cost')).toEqual([161067, 1206166, 89010]);
    expect(col(table, 'impressions')).toEqual([98875, 201835, 45002]);
    expect(col(table, 'clicks')).toEqual([3298, 9514, 1201]);
    expect(col(table, 'reported_ctr')).toEqual([0.0334, 0.0471, 0.0267]);
    expect(col(table, 'gmv')).toEqual([512050, 3015400, 0]);
    expect(skips(report)).toEqual([{ line: 5, code: 'SKIP_TOTAL' }]);
    // 1,610.67 + 12,061.66 + 890.10 = 14,562.43; 98,875 + 201,835 + 45,002 = 345,712; ...
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'cost, impressions, clicks, gmv' });
  });
});

describe('qianchuan-dimension-a1.xlsx: <dimension ref="A1"/> although the cells run to H7', () => {
  it('reads every cell of every row; the absent row 6 is a blank record', async () => {
    const { table, report } = await ingestXlsxOk('qianchuan-dimension-a1.xlsx');
    expect(report.rows).toEqual({ read: 6, accepted: 5, rejected: 0, skipped: 1 });
    expect(skips(report)).toEqual([{ line: 6, code: 'SKIP_BLANK' }]);
    expect(lines(table)).toEqual([2, 3, 4, 5, 7]);
    expect(col(table, 'plan')).toEqual(['𠮷野家-套餐', '短视频-牛肉干', '直播间-坚果礼盒', '图文-麻辣小鱼', '短视频-果干']);
    expect(col(table, 'gmv')).toEqual([512050, 3015400, 987654, 123456, 12000]);
    expect(col(table, 'reported_ctr')).toEqual([0.0334, 0.0471, 0.0325, 0.0549, 0.05]);
  });
});

describe('xhs-hint-row.xlsx: 小红书 puts a hint row above the header', () => {
  it('finds the header on row 2 and skips row 1 as preamble', async () => {
    const { table, report } = await ingestXlsxOk('xhs-hint-row.xlsx', { account: '小鹿' });
    expect(report.kind).toBe('content');
    expect(report.headerRow).toBe(2);
    expect(skips(report)).toEqual([{ line: 1, code: 'SKIP_PREAMBLE' }]);
    expect(lines(table)).toEqual([3, 4, 5]);
    expect(col(table, 'title')).toEqual(['秋天第一杯奶茶｜低卡做法', '一周早餐不重样', '办公室零食测评']);
    expect(col(table, 'published_at')).toEqual([wall(2026, 9, 1, 18), wall(2026, 9, 3, 7, 30), wall(2026, 9, 5, 12, 10)]);
    expect(col(table, 'plays')).toEqual([12034, 45210, 8120]);
    expect(col(table, 'favorites')).toEqual([512, 1840, 120]);
    expect(col(table, 'follower_gain')).toEqual([35, 120, 4]);
  });
});

describe('settlement-subheader.xlsx: group labels above the header, a sub-header row under it', () => {
  it('skips row 1 as preamble and row 3 as a sub-header, and reads rows 4-6', async () => {
    const { table, report } = await ingestXlsxOk('settlement-subheader.xlsx');
    expect(report.kind).toBe('order');
    expect(report.headerRow).toBe(2);
    expect(skips(report)).toEqual([
      { line: 1, code: 'SKIP_PREAMBLE' },
      { line: 3, code: 'SKIP_SUBHEADER' },
    ]);
    expect(report.rows).toEqual({ read: 5, accepted: 3, rejected: 0, skipped: 2 });
    expect(lines(table)).toEqual([4, 5, 6]);
    expect(col(table, 'order_item_id')).toEqual(['6917543210987654321', '6917543210987654322', '6917543210987654323']);
    expect(col(table, 'unit_price')).toEqual([3990, 8900, 3990]);
    expect(col(table, 'quantity')).toEqual([2, 1, 1]);
    expect(col(table, 'paid_amount')).toEqual([6980, 7900, 3550]);
    expect(col(table, 'created_at')).toEqual([wall(2026, 10, 1, 20, 5, 9), wall(2026, 10, 1, 21), wall(2026, 10, 2, 9, 30)]);
  });
});

describe('dates-account.xlsx: serials, date cells, text dates', () => {
  it('reads 45930 as 2025-09-30, date cells by their wall clock, and 20251005 as a compact date', async () => {
    const { table, report } = await ingestXlsxOk('dates-account.xlsx', { account: '小鹿' });
    expect(report.kind).toBe('account');
    expect(report.rejected).toEqual([]);
    expect(col(table, 'date')).toEqual([day(2025, 9, 30), day(2025, 10, 1), day(2025, 10, 2), day(2025, 10, 3), day(2025, 10, 4), day(2025, 10, 5)]);
    expect(col(table, 'plays')).toEqual([1200, 1350, 980, 1500, 1420, 1610]);
  });
});

describe('dates-order.xlsx: datetimes as date cells, serials with a time fraction, text', () => {
  it('gives the wall clock to the second', async () => {
    const { table } = await ingestXlsxOk('dates-order.xlsx');
    expect(col(table, 'created_at')).toEqual([wall(2026, 10, 1, 19, 28, 41), wall(2026, 10, 1, 21, 29, 59), wall(2026, 10, 2)]);
    // 46296 = 2026-10-01; .8125 = 19:30; .895833… = 21:30; 46297.50001157407 = 2026-10-02 12:00:01.
    expect(col(table, 'paid_at')).toEqual([wall(2026, 10, 1, 19, 30), wall(2026, 10, 1, 21, 30), wall(2026, 10, 2, 12, 0, 1)]);
    expect(col(table, 'completed_at')).toEqual([wall(2026, 10, 3, 10), wall(2026, 10, 4, 8, 15, 30), null]);
    // #,##0.00 is a display format: the value is the number.
    expect(col(table, 'paid_amount')).toEqual([5990, 123450, 1]);
  });
});

describe('numeric-id.xlsx: ids stored as numbers', () => {
  it('rejects ids of 16+ digits as ID_PRECISION_LOST and keeps a 14-digit one', async () => {
    const { table, report } = await ingestXlsxOk('numeric-id.xlsx');
    expect(rejections(report)).toEqual([
      { line: 2, column: '子订单编号', code: 'ID_PRECISION_LOST' },
      { line: 5, column: '子订单编号', code: 'ID_PRECISION_LOST' },
    ]);
    // The value is quoted back as its digits, the phone-number-like run masked as in every preview.
    expect(report.rejected[0].params).toEqual({ value: '69***********654' });
    expect(report.rejected[0].message).toContain('丢失精度');
    expect(col(table, 'order_item_id')).toEqual(['6917543210987654322', '12345678901234']);
    expect(lines(table)).toEqual([3, 4]);
  });
});

describe('cell-types.xlsx: rich text, formulas, percent formats, errors, floats, booleans, hyperlinks', () => {
  it('reads each as its CSV text would read', async () => {
    const { table, report } = await ingestXlsxOk('cell-types.xlsx', { account: '小鹿' });
    expect(col(table, 'title')).toEqual(['作品1：秋天第一杯咖啡', '作品2：保温杯怎么选']);
    expect(col(table, 'published_at')).toEqual([wall(2026, 9, 1, 18), wall(2026, 9, 4, 20)]);
    expect(col(table, 'plays')).toEqual([1234, 5678]); // =1000+234: the cached result
    expect(col(table, 'completion_rate')).toEqual([0.1234, 0.5]); // 0.00% cells: 12.34%, 50.00%
    expect(col(table, 'likes')).toEqual([null, 88]); // #DIV/0! is no value (never 0)
    expect(col(table, 'avg_watch_seconds')).toEqual([0.3, 12.5]); // 0.1 + 0.2 at 15 digits
    expect(col(table, '是否原创')).toEqual(['TRUE', 'FALSE']);
    expect(col(table, '作品链接')).toEqual(['查看', null]);
    expect(warning(report, 'XLSX_ERROR_CELLS').params).toEqual({ count: 1, columns: '点赞量' });
  });
});

describe('with-macros.xlsx: an undecodable xl/vbaProject.bin', () => {
  it('imports: macros are never inflated', async () => {
    const { table, report } = await ingestXlsxOk('with-macros.xlsx');
    expect(report.sheet).toBe('订单明细');
    expect(table.length).toBe(3);
  });
});
