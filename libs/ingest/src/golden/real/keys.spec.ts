/**
 * A file never loses rows to its own key (issue 11): the same key over different values refuses the
 * import (KEY_INCOMPLETE, naming what is missing); exact repeats keep one copy and say so; accepted
 * always equals stored.
 */
import { csv, failure, ingestText, skipsOf, stored, totals, warningCodes } from './real-helpers';

describe('one key over different rows: KEY_INCOMPLETE', () => {
  // An ad report by creator with no column the ad kind knows as a dimension: every row had the same
  // empty key, each replaced the previous, and "accepted 4" stored one row (cost 95.50 of 1,053.80).
  const HEADER = ['达人昵称', '消耗', '展示数', '点击数'];
  const ROWS = [
    ['阿杰好物', '412.30', 30000, 900],
    ['小鹿的零食铺', '330.00', 26000, 700],
    ['果果妈妈', '216.00', 15000, 410],
    ['零食研究所', '95.50', 7000, 150],
  ];

  it('refuses the file, naming the missing key columns and the unknown headers', async () => {
    const e = await failure(ingestText('达人投放报表.csv', csv(HEADER, ROWS)));
    expect(e.code).toBe('KEY_INCOMPLETE');
    expect(e.params).toMatchObject({ line: 3, firstLine: 2, count: 3, unknown: '达人昵称' });
    expect(String(e.params.missing)).toContain('日期(date)');
    expect(e.messageZh).toContain('缺少的主键列');
    expect(e.message).toContain('unrecognised columns: 达人昵称');
  });

  it('imports it once the date is given and the rows differ by a known dimension', async () => {
    const withAccount = csv(['账户名称', '消耗', '展示数', '点击数'], ROWS);
    const r = await ingestText('达人投放报表.csv', withAccount, { date: '2026-06-01' });
    expect(r.report.naturalKey).toEqual(['date', 'account']);
    expect(stored('ad', r).length).toBe(4);
    // 412.30 + 330.00 + 216.00 + 95.50 = 1053.80
    expect(totals('ad', stored('ad', r), ['cost', 'clicks'])).toEqual({ cost: 1053.8, clicks: 2160 });
  });

  it('an order export repeating a 子订单编号 with another status is refused too', async () => {
    const header = ['主订单编号', '子订单编号', '订单应付金额', '订单状态', '支付完成时间'];
    const e = await failure(
      ingestText(
        '订单.csv',
        csv(header, [
          ['O1', 'I1', '10.00', '待发货', '2026-06-01 10:00:00'],
          ['O1', 'I1', '10.00', '已发货', '2026-06-01 10:00:00'],
        ]),
      ),
    );
    expect(e.code).toBe('KEY_INCOMPLETE');
    expect(e.params).toMatchObject({ key: '子订单编号(order_item_id)', line: 3, firstLine: 2 });
  });
});

describe('exact repeats', () => {
  it('keeps one copy of a repeated row, reports each repeat, and stores what it accepts', async () => {
    const header = ['日期', '计划ID', '计划名称', '消耗(元)', '展示次数'];
    const rows = [
      ['2026-06-01', '1780000000000000101', '直播间-成交', '1,610.67', '98,875'],
      ['2026-06-01', '1780000000000000102', '短视频-牛肉干', '1,206.16', '20,183'],
      ['2026-06-01', '1780000000000000101', '直播间-成交', '1,610.67', '98,875'],
    ];
    const r = await ingestText('计划日报.csv', csv(header, rows));
    expect(r.report.rows).toEqual({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(skipsOf(r)).toEqual([{ line: 4, code: 'SKIP_REPEATED_ROW', reason: '与第 2 行完全相同的重复行，只保留一行' }]);
    expect(warningCodes(r)).toContain('REPEATED_ROWS_SKIPPED');
    expect(stored('ad', r).length).toBe(r.report.rows.accepted);
    // 1,610.67 + 1,206.16 = 2,816.83: the repeat is counted once
    expect(totals('ad', stored('ad', r), ['cost'])).toEqual({ cost: 2816.83 });
  });
});
