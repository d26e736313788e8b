/**
 * 电商罗盘 直播列表 as xlsx (issue 5, acceptance 3): the first session worked out by hand from the
 * sample's first line (fixtures/samples/luopan-live-sessions.csv, written into the workbook by
 * fixtures/xlsx/build.mjs as date cells and numbers):
 *   小鹿的零食铺,xiaolu_snacks,2026/10/01 19:30:00,2026/10/01 21:30:00,120,43158,60421,4720,5685,236,94,
 *   1.22,472,11800,47,135,13,3492,520,98,9815.68,88,98,2,245.39,2315.02
 */
import { col, wall } from '../golden/golden-helpers';
import { ingestXlsxOk } from './xlsx-helpers';

describe('luopan-live-sessions.xlsx', () => {
  it('imports the 12 sessions as kind live, keyed by (account, live_start)', async () => {
    const { table, report } = await ingestXlsxOk('luopan-live-sessions.xlsx', { account: '小鹿的零食铺' });
    expect(report.kind).toBe('live');
    expect(report.sheet).toBe('直播列表');
    expect(report.naturalKey).toEqual(['account', 'live_start']);
    expect(report.rows).toEqual({ read: 12, accepted: 12, rejected: 0, skipped: 0 });
    expect(table.length).toBe(12);
  });

  it('gives the hand-worked values of the first session', async () => {
    const { table } = await ingestXlsxOk('luopan-live-sessions.xlsx', { account: '小鹿的零食铺' });
    const first = (field: string) => col(table, field)[0];
    expect(first('account')).toBe('小鹿的零食铺');
    expect(first('anchor_name')).toBe('小鹿的零食铺');
    expect(first('anchor_id')).toBe('xiaolu_snacks');
    expect(first('live_start')).toBe(wall(2026, 10, 1, 19, 30));
    expect(first('live_end')).toBe(wall(2026, 10, 1, 21, 30));
    expect(first('duration_minutes')).toBe(120);
    expect(first('exposure_users')).toBe(43158);
    expect(first('exposure_count')).toBe(60421);
    expect(first('viewers')).toBe(4720);
    expect(first('views')).toBe(5685);
    expect(first('peak_online')).toBe(236);
    expect(first('avg_online')).toBe(94);
    expect(first('avg_watch_minutes')).toBe(1.22);
    expect(first('comments')).toBe(472);
    expect(first('likes')).toBe(11800);
    expect(first('shares')).toBe(47);
    expect(first('new_followers')).toBe(135);
    expect(first('unfollows')).toBe(13);
    expect(first('product_exposure_users')).toBe(3492);
    expect(first('product_click_users')).toBe(520);
    expect(first('live_orders')).toBe(98);
    expect(first('live_gmv')).toBe(981568); // ¥9,815.68 in cents
    expect(first('live_buyers')).toBe(88);
    expect(first('live_units')).toBe(98);
    expect(first('refund_orders')).toBe(2);
    expect(first('refund_amount_live')).toBe(24539);
    expect(first('ad_spend')).toBe(231502);
  });

  it('gives the first session the ratios worked out by hand from those values', async () => {
    const { table } = await ingestXlsxOk('luopan-live-sessions.xlsx', { account: '小鹿的零食铺' });
    const v = (field: string) => col(table, field)[0] as number;
    // 曝光进入率 = 4720 / 43158 = 0.1093656…; UV价值 = 9815.68 / 4720 = 2.079593…;
    // GPM = 9815.68 / 5685 × 1000 = 1726.592788…; 观看-成交率 = 88 / 4720 = 0.018644…;
    // ROI = 9815.68 / 2315.02 = 4.2399979…
    expect(v('viewers') / v('exposure_users')).toBeCloseTo(0.109366, 6);
    expect(v('live_gmv') / 100 / v('viewers')).toBeCloseTo(2.079593, 6);
    expect((v('live_gmv') / 100 / v('views')) * 1000).toBeCloseTo(1726.592788, 6);
    expect(v('live_buyers') / v('viewers')).toBeCloseTo(0.018644, 6);
    expect(v('live_gmv') / v('ad_spend')).toBeCloseTo(4.239998, 6);
  });
});
