/**
 * 电商罗盘 直播列表, the 54-column layout: 主播昵称 is the account, 投放消耗(店铺绑定) and
 * 投放消耗(店铺被投) are two views of one spend (ad_spend reads 店铺被投; they are never added).
 */
import { col } from '../golden-helpers';
import { csv, ingestText, rowsOf, stored, totals, warningCodes } from './real-helpers';

const LIVE_54 = [
  '主播昵称',
  '主播抖音号',
  '直播标题',
  '直播开始时间',
  '直播结束时间',
  '直播时长(分钟)',
  '直播间曝光人数',
  '直播间曝光次数',
  '直播间观看人数',
  '直播间观看次数',
  '最高在线人数',
  '平均在线人数',
  '人均观看时长(分钟)',
  '评论次数',
  '点赞次数',
  '分享次数',
  '新增粉丝数',
  '取关粉丝数',
  '新加直播团人数',
  '直播间商品曝光人数',
  '直播间商品曝光次数',
  '直播间商品点击人数',
  '直播间商品点击次数',
  '直播间成交订单数',
  '直播间成交金额',
  '直播间成交人数',
  '直播间成交件数',
  '直播间用户支付金额',
  '净成交金额',
  '直播间退款订单数',
  '直播间退款金额',
  '1小时退款金额',
  '投放消耗(店铺绑定)',
  '投放消耗(店铺被投)',
  '预估佣金支出',
  '千次观看成交金额',
  '曝光-观看率(人数)',
  '观看-成交率(人数)',
  '商品曝光-点击率(人数)',
  '商品点击-成交率(人数)',
  '客单价',
  'UV价值',
  '直播间新客成交人数',
  '直播间老客成交人数',
  '粉丝成交金额',
  '非粉丝成交金额',
  '自然流量观看人数',
  '付费流量观看人数',
  '短视频引流观看人数',
  '关注页观看人数',
  '推荐feed观看人数',
  '同城观看人数',
  '其他观看人数',
  '直播间类型',
];

// Two anchors start at the same minute on 11-10: only the account (from 主播昵称) tells them apart.
const SESSIONS = [
  {
    主播昵称: '小鹿的零食铺',
    主播抖音号: 'xiaolu_snacks',
    直播标题: '双11返场',
    直播开始时间: '2026/11/10 19:30:00',
    直播结束时间: '2026/11/10 21:30:00',
    '直播时长(分钟)': 120,
    直播间曝光人数: 43158,
    直播间观看人数: 4720,
    直播间观看次数: 5685,
    直播间商品曝光次数: 5120,
    直播间商品点击次数: 780,
    直播间成交订单数: 98,
    直播间成交金额: '9,815.68',
    直播间成交人数: 88,
    直播间用户支付金额: '9,600.18',
    净成交金额: '9,570.29',
    直播间退款金额: '245.39',
    '1小时退款金额': '39.90',
    '投放消耗(店铺绑定)': '2,315.02',
    '投放消耗(店铺被投)': '2,560.40',
    预估佣金支出: '981.57',
  },
  {
    主播昵称: '阿杰好物',
    主播抖音号: 'ajie_haowu',
    直播标题: '好物分享',
    直播开始时间: '2026/11/10 19:30:00',
    直播结束时间: '2026/11/10 21:00:00',
    '直播时长(分钟)': 90,
    直播间曝光人数: 12000,
    直播间观看人数: 1500,
    直播间观看次数: 1800,
    直播间商品曝光次数: 2100,
    直播间商品点击次数: 260,
    直播间成交订单数: 42,
    直播间成交金额: '2,390.00',
    直播间成交人数: 40,
    直播间用户支付金额: '2,300.00',
    净成交金额: '2,390.00',
    直播间退款金额: '0.00',
    '1小时退款金额': '0.00',
    '投放消耗(店铺被投)': '600.00',
    预估佣金支出: '239.00',
  },
  {
    主播昵称: '小鹿的零食铺',
    主播抖音号: 'xiaolu_snacks',
    直播标题: '日常专场',
    直播开始时间: '2026/11/11 19:30:00',
    直播结束时间: '2026/11/11 21:30:00',
    '直播时长(分钟)': 120,
    直播间曝光人数: 38000,
    直播间观看人数: 4100,
    直播间观看次数: 5000,
    直播间商品曝光次数: 4800,
    直播间商品点击次数: 700,
    直播间成交订单数: 75,
    直播间成交金额: '7,200.50',
    直播间成交人数: 70,
    直播间用户支付金额: '7,100.50',
    净成交金额: '7,080.50',
    直播间退款金额: '120.00',
    '1小时退款金额': '20.00',
    '投放消耗(店铺绑定)': '1,800.00',
    '投放消耗(店铺被投)': '1,950.25',
    预估佣金支出: '720.05',
  },
];

describe('电商罗盘 54-column live list', () => {
  it('takes the account from 主播昵称, reads ad spend from 店铺被投 (never the sum), keeps both views', async () => {
    expect(LIVE_54).toHaveLength(54);
    const r = await ingestText('直播列表_罗盘.csv', csv(LIVE_54, rowsOf(LIVE_54, SESSIONS)));
    expect(r.report.kind).toBe('live');
    expect(r.report.rows).toEqual({ read: 3, accepted: 3, rejected: 0, skipped: 0 });
    expect(stored('live', r).length).toBe(3);
    expect(warningCodes(r)).toEqual(expect.arrayContaining(['ACCOUNT_FROM_COLUMN', 'FIELD_READ_FROM']));
    expect(warningCodes(r)).not.toContain('ACCOUNT_NOT_GIVEN');
    expect(col(r.table, 'account')).toEqual(['小鹿的零食铺', '阿杰好物', '小鹿的零食铺']);
    expect(col(r.table, 'ad_spend_bound')).toEqual([231_502, null, 180_000]);
    expect(col(r.table, 'ad_spend_promoted')).toEqual([256_040, 60_000, 195_025]);
    expect(col(r.table, 'ad_spend')).toEqual([256_040, 60_000, 195_025]);
    expect(col(r.table, 'user_paid_amount')).toEqual([960_018, 230_000, 710_050]);
    expect(col(r.table, 'net_gmv')).toEqual([957_029, 239_000, 708_050]);
    expect(col(r.table, 'refund_amount_1h')).toEqual([3_990, 0, 2_000]);
    expect(col(r.table, 'product_click_count')).toEqual([780, 260, 700]);
    expect(col(r.table, 'est_commission')).toEqual([98_157, 23_900, 72_005]);
    // gmv 9815.68 + 2390.00 + 7200.50 = 19406.18; spend 2560.40 + 600.00 + 1950.25 = 5110.65 (bound + promoted would be 9225.67)
    const t = totals('live', r.table, ['sessions', 'live_gmv', 'ad_spend', 'viewers', 'live_roi']);
    expect(t).toEqual({ sessions: 3, live_gmv: 19406.18, ad_spend: 5110.65, viewers: 10320, live_roi: 19406.18 / 5110.65 });
  });

  it('an account given with the upload still wins over 主播昵称', async () => {
    const one = [SESSIONS[0], SESSIONS[2]];
    const r = await ingestText('直播列表_罗盘.csv', csv(LIVE_54, rowsOf(LIVE_54, one)), { account: '小鹿旗舰店' });
    expect(col(r.table, 'account')).toEqual(['小鹿旗舰店', '小鹿旗舰店']);
  });

  it('keeps parsing durations written with units (52秒, 1.5分钟) in a column without a unit header', async () => {
    const header = ['主播昵称', '直播开始时间', '直播时长', '人均观看时长', '直播间观看人数', '直播间成交金额'];
    const rows = [
      ['小鹿的零食铺', '2026/11/10 19:30:00', '2小时', '52秒', 4720, '9,815.68'],
      ['小鹿的零食铺', '2026/11/11 19:30:00', '90分钟', '1.5分钟', 4100, '7,200.50'],
    ];
    const r = await ingestText('直播列表.csv', csv(header, rows));
    expect(r.report.rows.rejected).toBe(0);
    // minutes: 2 h = 120, 90; 52 s = 52 / 60 min, 1.5 min
    expect(col(r.table, 'duration_minutes')).toEqual([120, 90]);
    expect(col(r.table, 'avg_watch_minutes')).toEqual([52 / 60, 1.5]);
  });
});
