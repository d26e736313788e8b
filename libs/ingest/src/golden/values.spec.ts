/**
 * Value parsing (DESIGN §3.5): null tokens, thousands separators, 万/亿, money in cents, each
 * percent shape, ids, and each date and datetime format. Dates are checked with Date.UTC only.
 */
import { col, day, expectRowsAddUp, ingestOk, rejections, wall, warningCodes } from './golden-helpers';

describe('null-tokens.csv: -, --, —, N/A, 暂无数据, 无 and empty', () => {
  it('reads every token as null and a written 0 as 0', async () => {
    const { table, report } = await ingestOk('null-tokens.csv', { account: '小鹿' });
    expect(report.kind).toBe('account');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '播放量', field: 'plays' },
      { source: '主页访问', field: 'profile_visits' },
      { source: '净增粉丝', field: 'follower_net' },
      { source: '封面点击率', field: 'cover_ctr' },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19), day(2026, 7, 20)]);
    expect(col(table, 'plays')).toEqual([null, null, 1200]); // -, N/A, "1,200"
    expect(col(table, 'profile_visits')).toEqual([0, null, null]); // 0, 暂无数据, empty
    expect(col(table, 'follower_net')).toEqual([null, null, 0]); // --, 无, 0
    expect(col(table, 'cover_ctr')).toEqual([null, null, 0.05]); // —, empty, 0.05
    expect(col(table, 'account')).toEqual(['小鹿', '小鹿', '小鹿']);
    expect(warningCodes(report)).toEqual(['PERCENT_SHAPE']);
  });
});

describe('numbers.csv: thousands separators, 万 and 亿, ¥ and 元', () => {
  it('scales on the digits and stores money as integer cents', async () => {
    const { table, report } = await ingestOk('numbers.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
      { source: '消耗', field: 'cost', scale: 100 },
      { source: '成交金额', field: 'gmv', scale: 100 },
      { source: '播放数(万)', field: 'plays', scale: 10_000 },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(warningCodes(report)).toEqual([]);
    // "1,234,567"; "12,345"; 3.75万 = 37,500
    expect(col(table, 'impressions')).toEqual([1_234_567, 12_345, 37_500]);
    // 1.2万 = 12,000; 987; "1,000"
    expect(col(table, 'clicks')).toEqual([12_000, 987, 1_000]);
    // ¥1,234.50 = 123,450 cents; ¥0.05 = 5 cents; 1234.5元 = 123,450 cents
    expect(col(table, 'cost')).toEqual([123_450, 5, 123_450]);
    // 0.35亿 yuan = 35,000,000 yuan = 3,500,000,000 cents; 2.5万 yuan = 25,000 yuan; -
    expect(col(table, 'gmv')).toEqual([3_500_000_000, 2_500_000, null]);
    // header (万): 1.5 -> 15,000; 0.0123 -> 123; 2 -> 20,000
    expect(col(table, 'plays')).toEqual([15_000, 123, 20_000]);
  });
});

describe('percent-shapes.csv: one column per percent shape', () => {
  it('decides the shape per column and stores fractions', async () => {
    const { table, report } = await ingestOk('percent-shapes.csv', { account: '小鹿' });
    expect(report.kind).toBe('content');
    expect(report.mapping).toEqual([
      { source: '作品ID', field: 'content_id' },
      { source: '作品名称', field: 'title' },
      { source: '发布时间', field: 'published_at' },
      { source: '完播率', field: 'completion_rate', scale: 0.01 },
      { source: '5s完播率(%)', field: 'completion_rate_5s', scale: 0.01 },
      { source: '2s跳出率', field: 'bounce_rate_2s' },
      { source: '封面点击率', field: 'cover_ctr', scale: 0.01 },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    // `12.34%` cells
    expect(col(table, 'completion_rate')).toEqual([0.1234, 0.05, 0.005]);
    // (%) header, bare 12.34 / 50 / 0.5 are percent points
    expect(col(table, 'completion_rate_5s')).toEqual([0.1234, 0.5, 0.005]);
    // bare fractions within [0, 1], kept as written
    expect(col(table, 'bounce_rate_2s')).toEqual([0.1234, 0.5, 1]);
    // bare numbers, some above 1, no header hint: percent points for the whole column
    expect(col(table, 'cover_ctr')).toEqual([0.1234, 0.08, 0.005]);
    expect(report.warnings.map((w) => [w.code, w.params?.source])).toEqual([
      ['PERCENT_SHAPE', '完播率'],
      ['PERCENT_SHAPE', '5s完播率(%)'],
      ['PERCENT_SHAPE', '2s跳出率'],
      ['PERCENT_SHAPE', '封面点击率'],
    ]);
  });
});

describe('ids.csv: ids behind a tab, an apostrophe and ="…"', () => {
  it('stores the exact digits as strings, without the wrappers', async () => {
    const { table, report } = await ingestOk('ids.csv');
    expect(report.kind).toBe('order');
    expect(report.mapping).toEqual([
      { source: '子订单编号', field: 'order_item_id' },
      { source: '主订单编号', field: 'order_id' },
      { source: '商品ID', field: 'product_id' },
      { source: '达人ID', field: 'author_id' },
      { source: '商品数量', field: 'quantity' },
      { source: '商品单价', field: 'unit_price', scale: 100 },
      { source: '订单应付金额', field: 'payable_amount', scale: 100 },
      { source: '订单状态', field: 'status' },
      { source: '支付完成时间', field: 'paid_at' },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(warningCodes(report)).toEqual([]);
    expect(col(table, 'order_item_id')).toEqual(['6917926768920153001', '6917926768920153002', '6917926768920153003']);
    expect(col(table, 'order_id')).toEqual(['6917926768920153000', '6917926768920153000', '6917926768920153009']);
    expect(col(table, 'product_id')).toEqual(['3690112233445566004', '3690112233445566005', '3690112233445566006']);
    // leading zeros survive: an id is never a number
    expect(col(table, 'author_id')).toEqual(['7012345678901234567', null, '0012345']);
    expect(col(table, 'quantity')).toEqual([1, 2, 1]);
    expect(col(table, 'unit_price')).toEqual([1990, 990, 129_900]);
    expect(col(table, 'payable_amount')).toEqual([1990, 1980, 129_900]);
    expect(col(table, 'status')).toEqual(['已完成', '已发货', '待发货']);
    expect(col(table, 'paid_at')).toEqual([wall(2026, 7, 18, 10), wall(2026, 7, 18, 10, 5), wall(2026, 7, 18, 23, 59, 59)]);
  });
});

describe('date-formats.csv: a date column in every format', () => {
  it('stores days since 1970-01-01, a time of day dropped', async () => {
    const { table, report } = await ingestOk('date-formats.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
    ]);
    expect(report.rejected).toEqual([]);
    expect(report.rows).toEqual({ read: 8, accepted: 8, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'date')).toEqual([18, 19, 20, 21, 22, 23, 24, 25].map((d) => day(2026, 7, d)));
    expect(col(table, 'impressions')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('datetime-formats.csv: a datetime column in every format', () => {
  it('stores wall-clock milliseconds of the business time zone', async () => {
    const { table, report } = await ingestOk('datetime-formats.csv', { account: '小鹿' });
    expect(report.kind).toBe('content');
    expect(report.mapping).toEqual([
      { source: '作品ID', field: 'content_id' },
      { source: '作品名称', field: 'title' },
      { source: '发布时间', field: 'published_at' },
      { source: '播放量', field: 'plays' },
    ]);
    expect(rejections(report)).toEqual([]);
    expect(report.rows).toEqual({ read: 6, accepted: 6, rejected: 0, skipped: 0 });
    expectRowsAddUp(report);
    expect(col(table, 'published_at')).toEqual([
      wall(2026, 7, 18, 9, 30), // 2026-07-18 09:30:00
      wall(2026, 7, 18, 9, 5), // 2026/7/18 9:05
      wall(2026, 7, 18, 21, 15, 30), // 2026年7月18日 21:15:30
      wall(2026, 7, 18, 7, 30), // 20260718 073000
      wall(2026, 7, 19), // 2026-07-19
      wall(2026, 7, 19, 8), // 2026-07-19T08:00:00
    ]);
  });
});

describe('datetime-chinese-units.csv: 9时30分 and 21时15分30秒', () => {
  it('reads hours, minutes and optional seconds written with 时/分/秒', async () => {
    const { table, report } = await ingestOk('datetime-chinese-units.csv', { account: '小鹿' });
    expect(report.kind).toBe('content');
    expect(rejections(report)).toEqual([]);
    expect(report.rows).toEqual({ read: 2, accepted: 2, rejected: 0, skipped: 0 });
    expect(col(table, 'published_at')).toEqual([wall(2026, 7, 18, 9, 30), wall(2026, 7, 18, 21, 15, 30)]);
  });
});
