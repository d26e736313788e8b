import type { Label } from '@creator-ops/schemas';
import type { MetricDef } from '../types';
import { sumBuilder } from './builders';

// 直播复盘 is the 直播电商 variant of 中级 3.1.7 (EXERCISES T14); 2.1.3 and 3.1.4–3.1.6 are not data items.
const LIVE = ['中级 3.1.7'];

const sum = sumBuilder({ kinds: ['live'], standard: LIVE }, (zh, en) => ({ zh: `直播场次的${zh}之和`, en: `Sum of ${en} over live sessions` }));

/** A ratio of sums; its formula is generated from `expr`. */
const ratio = (def: { key: string; expr: string; label: Label; unit?: MetricDef['unit'] }): MetricDef => ({
  ...def,
  description: { zh: '{formula}（按汇总值计算）', en: '{formula} (ratio of sums)' },
  kind: 'ratio',
  unit: def.unit ?? 'percent',
  decimals: 2,
  direction: 'up',
  kinds: ['live'],
  standard: LIVE,
});

export const LIVE_METRICS: MetricDef[] = [
  {
    key: 'sessions',
    label: { zh: '直播场次', en: 'Live sessions' },
    description: { zh: '直播场次数', en: 'Number of live sessions' },
    formula: { zh: 'count(场次)', en: 'count(sessions)' },
    kind: 'count',
    unit: 'count',
    decimals: 0,
    direction: 'up',
    kinds: ['live'],
    standard: LIVE,
  },
  { ...sum('live_gmv', 'live_gmv', '直播间成交金额', 'Live GMV', 'money'), term: { zh: '成交金额', en: 'GMV' } },
  { ...sum('viewers', 'viewers', '观看人数', 'Viewers (UV)'), term: { zh: '观看人数', en: 'viewers' } },
  { ...sum('views', 'views', '观看次数', 'Views (PV)'), term: { zh: '观看次数', en: 'views' } },
  sum('exposure_users', 'exposure_users', '曝光人数', 'Exposure users'),
  sum('product_exposure_users', 'product_exposure_users', '商品曝光人数', 'Product exposure users'),
  sum('product_click_users', 'product_click_users', '商品点击人数', 'Product click users'),
  sum('live_orders', 'live_orders', '直播间成交订单数', 'Live orders'),
  { ...sum('live_buyers', 'live_buyers', '直播间成交人数', 'Live buyers'), term: { zh: '成交人数', en: 'buyers' } },
  { ...sum('live_new_followers', 'new_followers', '直播间新增粉丝', 'Live new followers'), term: { zh: '新增粉丝', en: 'new followers' } },
  { ...sum('ad_spend', 'ad_spend', '直播间投放消耗', 'Live ad spend', 'money', 'down'), term: { zh: '投放消耗', en: 'ad spend' } },
  sum('live_refund_amount', 'refund_amount_live', '直播间退款金额', 'Live refunds', 'money', 'down'),
  sum('live_minutes', 'duration_minutes', '直播时长(分钟)', 'Live minutes', 'minutes'),
  ratio({ key: 'entry_rate', expr: 'viewers / exposure_users', label: { zh: '曝光进入率', en: 'Entry rate' } }),
  ratio({ key: 'product_ctr', expr: 'product_click_users / product_exposure_users', label: { zh: '商品曝光-点击率', en: 'Product CTR' } }),
  ratio({ key: 'watch_to_buy_rate', expr: 'live_buyers / viewers', label: { zh: '观看-成交率', en: 'Watch-to-buy rate' } }),
  ratio({ key: 'click_to_buy_rate', expr: 'live_buyers / product_click_users', label: { zh: '商品点击-成交率', en: 'Click-to-buy rate' } }),
  ratio({ key: 'live_gpm', expr: 'live_gmv / views * 1000', label: { zh: '千次观看成交金额', en: 'Live GPM' }, unit: 'money' }),
  ratio({ key: 'uv_value', expr: 'live_gmv / viewers', label: { zh: 'UV价值', en: 'UV value' }, unit: 'money' }),
  ratio({ key: 'live_aov', expr: 'live_gmv / live_buyers', label: { zh: '客单价', en: 'Revenue per buyer' }, unit: 'money' }),
  ratio({ key: 'follow_rate', expr: 'live_new_followers / viewers', label: { zh: '涨粉率', en: 'Follow rate' } }),
  ratio({ key: 'live_roi', expr: 'live_gmv / ad_spend', label: { zh: '投放ROI', en: 'Live ROI' }, unit: 'multiple' }),
  {
    key: 'avg_watch_minutes',
    label: { zh: '人均观看时长', en: 'Average watch time' },
    description: { zh: '按观看人数加权的人均观看时长（分钟）', en: 'Average watch time (minutes) weighted by viewers' },
    formula: { zh: 'Σ(人均观看时长 × 观看人数) ÷ Σ 观看人数', en: 'Σ(avg watch × viewers) ÷ Σ viewers' },
    kind: 'weighted_avg',
    field: 'avg_watch_minutes',
    weight: 'viewers',
    unit: 'minutes',
    decimals: 2,
    direction: 'up',
    kinds: ['live'],
    standard: LIVE,
  },
];
