/**
 * 千川 and 星广 reports that used to collapse or overwrite: 全域 素材分析 daily files (the day only in
 * the file name), a 标准推广 report (one row per 推广类型), a 星广联投 report (数据统计日期, 素材ID(巨量))
 * and the 千川直播大屏 (cumulative snapshots by 采集时间). Sums worked out by hand.
 */
import { col, day } from '../golden-helpers';
import { csv, failure, ingestText, ingestXlsxRows, rows, stored, totals, warningCodes } from './real-helpers';

const SUCAI = [
  '素材ID',
  '素材名称',
  '素材类型',
  '整体消耗',
  '整体展示次数',
  '整体点击次数',
  '整体点击率',
  '整体成交订单数',
  '整体成交金额',
  '整体支付ROI',
  '净成交金额',
  '净成交订单数',
  '净成交ROI',
  '1小时内退款率',
  '3s播放数',
  '播放完成数',
];
const dayFile = (d: string) => `全域数据_素材分析_视频_${d} 00_00_00-${d} 23_59_59-1780000000000000001.xlsx`;
const DAY1 = [
  SUCAI,
  ['7390000000000000001', '开箱-咖啡-01', '视频', 1200.5, 80000, 2400, '3.00%', 30, 4500, 3.75, 4300, 29, 3.58, '2.10%', 21000, 3900],
  ['7390000000000000002', '口播-面包-02', '视频', 300.25, 20000, 500, '2.50%', 5, 650, 2.16, 650, 5, 2.16, '0.00%', 5200, 800],
];
const DAY2 = [
  SUCAI,
  ['7390000000000000001', '开箱-咖啡-01', '视频', 1100, 70000, 2100, '3.00%', 28, 4000, 3.64, 3900, 27, 3.55, '1.80%', 19000, 3500],
  ['7390000000000000002', '口播-面包-02', '视频', 410.75, 25000, 650, '2.60%', 8, 900.5, 2.19, 880.5, 8, 2.14, '2.20%', 6100, 950],
];

describe('千川 全域 素材分析 daily files: the day is in the file name only', () => {
  it('takes the day from the name, says so, and keeps every material of every day', async () => {
    const d1 = await ingestXlsxRows(dayFile('2026-06-01'), DAY1);
    const d2 = await ingestXlsxRows(dayFile('2026-06-02'), DAY2);
    expect(d1.report.kind).toBe('ad');
    expect(d1.report.keyContext).toEqual({ date: { value: '2026-06-01', from: 'file_name' } });
    expect(warningCodes(d1)).toContain('DATE_FROM_FILE_NAME');
    expect(d1.report.naturalKey).toEqual(['date', 'material_id', 'material']);
    expect(col(d2.table, 'date')).toEqual([day(2026, 6, 2), day(2026, 6, 2)]);
    // before: no date, so day 2 replaced day 1 and two rows were left
    const both = stored('ad', d1, d2);
    expect(both.length).toBe(4);
    // cost 1200.50 + 300.25 + 1100.00 + 410.75 = 3011.50; GMV 4500 + 650 + 4000 + 900.50 = 10050.50; net 4300 + 650 + 3900 + 880.50 = 9730.50
    expect(totals('ad', both, ['cost', 'ad_gmv', 'ad_net_gmv', 'ad_orders'])).toEqual({ cost: 3011.5, ad_gmv: 10050.5, ad_net_gmv: 9730.5, ad_orders: 71 });
    expect(rows('ad', both, ['cost'], { dimensions: ['date'] })).toEqual([
      { date: '2026-06-01', cost: 1500.75 },
      { date: '2026-06-02', cost: 1510.75 },
    ]);
    expect(col(d1.table, 'plays_3s')).toEqual([21000, 5200]);
    expect(col(d1.table, 'reported_refund_rate_1h')).toEqual([0.021, 0]);
  });

  it('re-importing one day replaces that day only', async () => {
    const d1 = await ingestXlsxRows(dayFile('2026-06-01'), DAY1);
    const d2 = await ingestXlsxRows(dayFile('2026-06-02'), DAY2);
    const again = await ingestXlsxRows(dayFile('2026-06-01'), [
      DAY1[0],
      ['7390000000000000001', '开箱-咖啡-01', '视频', 1250.5, 82000, 2450, '2.99%', 31, 4650, 3.72, 4450, 30, 3.56, '2.00%', 21500, 4000],
      DAY1[2],
    ]);
    const table = stored('ad', d1, d2, again);
    expect(table.length).toBe(4);
    expect(rows('ad', table, ['cost'], { dimensions: ['date'] })).toEqual([
      { date: '2026-06-01', cost: 1550.75 }, // 1250.50 + 300.25
      { date: '2026-06-02', cost: 1510.75 }, // unchanged
    ]);
  });

  it('the date given with the upload wins over the name; without either the rows are refused, not collapsed', async () => {
    const given = await ingestXlsxRows(dayFile('2026-06-01'), DAY1, { date: '2026-05-31' });
    expect(col(given.table, 'date')).toEqual([day(2026, 5, 31), day(2026, 5, 31)]);
    expect(given.report.keyContext).toEqual({ date: { value: '2026-05-31', from: 'option' } });
    // no date anywhere, two different materials: the key (material) is complete, rows are kept, undated
    const undated = await ingestXlsxRows('素材分析.xlsx', DAY1);
    expect(undated.report.rows.accepted).toBe(2);
    expect(stored('ad', undated).length).toBe(2);
    expect((await failure(ingestXlsxRows('素材分析.xlsx', DAY1, { date: '2026-6-1' }))).code).toBe('DATE_OPTION_INVALID');
  });
});

describe('千川 标准推广 report: one row per day and 推广类型', () => {
  const HEADER = [
    '日期',
    '推广类型',
    '消耗(元)',
    '展示次数',
    '点击次数',
    '点击率',
    '直接成交金额(元)',
    '直接成交订单数',
    '直接下单订单数',
    '直接下单金额(元)',
    '7日总支付ROI',
  ];
  const ROWS = [
    ['2026-06-01', '短视频带货', '1,520.30', '98,000', '2,900', '2.96%', '5,200.00', 61, 66, '5,600.00', 3.68],
    ['2026-06-01', '直播带货', '3,010.00', '150,000', '4,100', '2.73%', '12,040.00', 130, 141, '13,000.00', 4.2],
    ['2026-06-01', '商品卡', '480.70', '30,000', '900', '3.00%', '1,500.00', 20, 22, '1,650.00', 3.3],
    ['2026-06-02', '短视频带货', '1,610.00', '100,000', '3,000', '3.00%', '5,500.00', 64, 70, '5,900.00', 3.6],
  ];
  it('keys rows by 推广类型 as well, so no row replaces another', async () => {
    const r = await ingestText('标准推广数据报表.csv', csv(HEADER, ROWS));
    expect(r.report.naturalKey).toEqual(['date', 'promotion_type']);
    expect(r.report.rows.accepted).toBe(4);
    expect(stored('ad', r).length).toBe(4);
    // before, the key was the date alone: 2 rows stored, cost 3,010.00 + 1,610.00 instead of 6,621.00
    // cost 1520.30 + 3010.00 + 480.70 + 1610.00 = 6621.00; gmv 5200 + 12040 + 1500 + 5500 = 24240.00
    expect(totals('ad', stored('ad', r), ['cost', 'ad_gmv', 'ad_orders', 'impressions'])).toEqual({
      cost: 6621,
      ad_gmv: 24240,
      ad_orders: 275,
      impressions: 378000,
    });
    expect(col(r.table, 'direct_placed_amount')).toEqual([560000, 1300000, 165000, 590000]);
    expect(col(r.table, 'reported_roi_7d')).toEqual([3.68, 4.2, 3.3, 3.6]);
  });
});

describe('星广联投 report: 数据统计日期 and 素材ID(巨量)', () => {
  const HEADER = ['数据统计日期', '素材ID(巨量)', '素材名称', '消耗', '展示数', '点击数', '成交金额', '直接下单订单数'];
  const ROWS = [
    ['2026-06-01', '\t7390000000000000101', '达人口播-01', '210.00', 15000, 420, '880.00', 9],
    ['2026-06-01', '\t7390000000000000102', '达人口播-02', '95.50', 7000, 150, '0.00', 0],
    ['2026-06-02', '\t7390000000000000101', '达人口播-01', '188.30', 13000, 380, '760.00', 8],
  ];
  it('reads the date and the material id, keeping all three rows', async () => {
    const r = await ingestText('星广联投数据.csv', csv(HEADER, ROWS));
    expect(r.report.kind).toBe('ad');
    expect(r.report.naturalKey).toEqual(['date', 'material_id', 'material']);
    expect(stored('ad', r).length).toBe(3);
    // 210.00 + 95.50 + 188.30 = 493.80
    expect(totals('ad', r.table, ['cost', 'ad_gmv', 'clicks'])).toEqual({ cost: 493.8, ad_gmv: 1640, clicks: 950 });
  });
});

describe('千川直播大屏: cumulative snapshots', () => {
  const HEADER = ['采集时间', '主播', '直播间', '消耗', '成交金额', '观看人次', '在线人数'];
  const ROWS = [
    ['2026-06-01 20:00:00', '小鹿的零食铺', '小鹿的零食铺的直播间', '332.66', '1,210.00', 5200, 310],
    ['2026-06-01 20:30:00', '小鹿的零食铺', '小鹿的零食铺的直播间', '1,402.10', '4,980.50', 12800, 420],
    ['2026-06-01 21:00:00', '小鹿的零食铺', '小鹿的零食铺的直播间', '2,577.69', '9,015.30', 20100, 380],
  ];
  it('is refused by name instead of storing one row of three (it was "accepted 3", one stored)', async () => {
    const e = await failure(ingestText('千川直播大屏.csv', csv(HEADER, ROWS)));
    expect(e.code).toBe('KIND_NOT_SUPPORTED');
    expect(e.messageZh).toContain('采集时间');
    expect(e.message).toContain('cumulative');
  });
});
