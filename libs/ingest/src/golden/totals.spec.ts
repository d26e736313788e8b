/**
 * Period-total rows (DESIGN §3.4, §3.6): 合计 / 总计 / 汇总 / 全部 in the first column or in the date
 * column are skipped, reported, and cross-checked against the sums of the accepted rows.
 */
import { col, day, expectRowsAddUp, ingestOk, lines, skips, warning, warningCodes } from './golden-helpers';

describe('total-matched.csv: 合计 in the first column, sums agree', () => {
  it('skips the total row, records its values and reports TOTAL_MATCHED', async () => {
    const { table, report } = await ingestOk('total-matched.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '计划名称', field: 'plan' },
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
      { source: '消耗(元)', field: 'cost', scale: 100 },
      { source: '点击率', field: 'reported_ctr', scale: 0.01 },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([{ line: 4, code: 'SKIP_TOTAL' }]);
    expect(report.totalRows).toEqual([
      // 98,875 + 201,835 = 300,710; 3,298 + 9,514 = 12,812; 1,610.67 + 12,061.66 = 13,672.33 yuan
      { line: 4, label: '合计', values: { impressions: 300_710, clicks: 12_812, cost: 1_367_233, reported_ctr: 0.0426 } },
    ]);
    expect(warningCodes(report)).toEqual(['PERCENT_SHAPE', 'TOTAL_MATCHED']);
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'impressions, clicks, cost' });
    expect(col(table, 'plan')).toEqual(['直播间-成交', '短视频-牛肉干']);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 18)]);
    expect(col(table, 'cost')).toEqual([161_067, 1_206_166]);
    expect(col(table, 'reported_ctr')).toEqual([0.0334, 0.0471]);
    expect(lines(table)).toEqual([2, 3]);
  });
});

describe('total-mismatch.csv: 全部 in the date column, 点击数 total disagrees', () => {
  it('reports TOTAL_MISMATCH for clicks and TOTAL_MATCHED for the rest', async () => {
    const { table, report } = await ingestOk('total-mismatch.csv');
    expect(report.kind).toBe('ad');
    expect(report.encoding).toBe('UTF-8 (BOM)');
    expect(report.mapping).toEqual([
      { source: '计划ID', field: 'plan_id' },
      { source: '计划名称', field: 'plan' },
      { source: '日期', field: 'date' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
      { source: '消耗(元)', field: 'cost', scale: 100 },
      { source: '成交金额(元)', field: 'gmv', scale: 100 },
    ]);
    expect(report.rows).toEqual({ read: 4, accepted: 3, rejected: 0, skipped: 1 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([{ line: 5, code: 'SKIP_TOTAL' }]);
    expect(report.totalRows).toEqual([{ line: 5, label: '全部', values: { impressions: 536_396, clicks: 24_500, cost: 1_783_926, gmv: 6_973_986 } }]);
    expect(warningCodes(report)).toEqual(['TOTAL_MATCHED', 'TOTAL_MISMATCH']);
    // 3,298 + 9,514 + 11,670 = 24,482, not 24,500
    expect(warning(report, 'TOTAL_MISMATCH').params).toEqual({ field: 'clicks', total: 24_500, sum: 24_482 });
    // 98,875 + 201,835 + 235,686 = 536,396; 1,610.67 + 12,061.66 + 4,166.93 = 17,839.26; 12,509.86 + 57,230.00 (+ null) = 69,739.86
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'impressions, cost, gmv' });
    expect(col(table, 'plan_id')).toEqual(['1780000000000000101', '1780000000000000102', '1780000000000000103']);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19), day(2026, 7, 19)]);
    expect(col(table, 'clicks')).toEqual([3298, 9514, 11_670]);
    expect(col(table, 'gmv')).toEqual([1_250_986, 5_723_000, null]);
  });
});

describe('total-zongji.csv: 总计 right under the header, in the date column', () => {
  it('skips it wherever it stands', async () => {
    const { table, report } = await ingestOk('total-zongji.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '计划ID', field: 'plan_id' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([{ line: 2, code: 'SKIP_TOTAL' }]);
    expect(report.totalRows).toEqual([{ line: 2, label: '总计', values: { impressions: 1500, clicks: 30 } }]);
    expect(warningCodes(report)).toEqual(['TOTAL_MATCHED']);
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'impressions, clicks' });
    expect(col(table, 'impressions')).toEqual([1000, 500]);
    expect(lines(table)).toEqual([3, 4]);
  });
});

describe('total-huizong.csv: 汇总 at the end of account daily stats', () => {
  it('cross-checks signed sums too', async () => {
    const { table, report } = await ingestOk('total-huizong.csv', { account: '小鹿' });
    expect(report.kind).toBe('account');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '播放量', field: 'plays' },
      { source: '主页访问', field: 'profile_visits' },
      { source: '净增粉丝', field: 'follower_net' },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([{ line: 4, code: 'SKIP_TOTAL' }]);
    // 9,235 + 10,697 = 19,932; 430 + 294 = 724; 95 + (-4) = 91
    expect(report.totalRows).toEqual([{ line: 4, label: '汇总', values: { plays: 19_932, profile_visits: 724, follower_net: 91 } }]);
    expect(warningCodes(report)).toEqual(['TOTAL_MATCHED']);
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'plays, profile_visits, follower_net' });
    expect(col(table, 'follower_net')).toEqual([95, -4]);
    expect(col(table, 'date')).toEqual([day(2026, 7, 18), day(2026, 7, 19)]);
  });
});

describe('total-percent-points.csv: a total row under a bare percent-points column', () => {
  it('records the total row percent as a fraction, like the column', async () => {
    const { table, report } = await ingestOk('total-percent-points.csv');
    expect(report.kind).toBe('ad');
    expect(report.mapping).toEqual([
      { source: '日期', field: 'date' },
      { source: '展示数', field: 'impressions' },
      { source: '点击数', field: 'clicks' },
      { source: '点击率', field: 'reported_ctr', scale: 0.01 },
    ]);
    expect(report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(col(table, 'reported_ctr')).toEqual([0.05, 0.15]);
    expect(report.totalRows).toEqual([{ line: 4, label: '合计', values: { impressions: 2000, clicks: 200, reported_ctr: 0.1 } }]);
  });

  it('cross-checks its counts', async () => {
    const { report } = await ingestOk('total-percent-points.csv');
    expectRowsAddUp(report);
    expect(skips(report)).toEqual([{ line: 4, code: 'SKIP_TOTAL' }]);
    expect(warning(report, 'TOTAL_MATCHED').params).toEqual({ fields: 'impressions, clicks' });
  });
});
