import type { Label } from '@creator-ops/schemas';
import type { MetricDef } from '../types';
import { sumBuilder } from './builders';

const XT = ['初级 3.2.3', '中级 3.2.3'];
const base = { direction: 'up' as const, kinds: ['xingtu' as const], standard: XT };

const sum = sumBuilder(base, (zh, en) => ({ zh: `星图订单的${zh}之和`, en: `Sum of ${en} over 星图 orders` }));

/** A ratio of sums; its formula is generated from `expr`. */
const ratio = (def: { key: string; expr: string; label: Label; unit: MetricDef['unit']; direction?: 'up' | 'down' }): MetricDef => ({
  ...base,
  ...def,
  description: { zh: '{formula}（按汇总值计算；分母为0时为空）', en: '{formula} (ratio of sums; empty when the denominator is 0)' },
  kind: 'ratio',
  decimals: 2,
  direction: def.direction ?? 'up',
});

/** 星图 口径: 互动 = 点赞 + 评论 + 分享 (收藏 not included), CPM per 1000 plays (S15). */
export const XINGTU_METRICS: MetricDef[] = [
  {
    ...base,
    key: 'xt_orders',
    label: { zh: '星图订单数', en: '星图 orders' },
    description: { zh: '星图订单行数', en: 'Order rows' },
    formula: { zh: 'count(订单)', en: 'count(orders)' },
    kind: 'count',
    unit: 'count',
    decimals: 0,
  },
  {
    ...base,
    key: 'xt_creators',
    label: { zh: '合作达人数', en: 'Creators' },
    description: { zh: '去重的达人数', en: 'Distinct creators' },
    formula: { zh: 'count distinct 达人昵称', en: 'count distinct creator' },
    kind: 'count_distinct',
    field: 'creator_name',
    unit: 'count',
    decimals: 0,
  },
  sum('xt_cost', 'order_amount', '订单金额', 'Order amount', 'money', 'down'),
  sum('xt_plays', 'plays', '播放量', 'Plays'),
  { ...sum('xt_likes', 'likes', '点赞数', 'Likes'), term: { zh: '点赞', en: 'likes' } },
  { ...sum('xt_comments', 'comments', '评论数', 'Comments'), term: { zh: '评论', en: 'comments' } },
  { ...sum('xt_shares', 'shares', '分享数', 'Shares'), term: { zh: '分享', en: 'shares' } },
  sum('xt_favorites', 'favorites', '收藏数', 'Favorites'),
  { ...sum('xt_component_impressions', 'component_impressions', '组件展示量', 'Component impressions'), term: { zh: '组件展示量', en: 'impressions' } },
  sum('xt_component_clicks', 'component_clicks', '组件点击量', 'Component clicks'),
  sum('xt_conversions', 'xt_conversions', '转化数', 'Conversions'),
  sum('xt_gmv', 'xt_gmv', '带货成交金额', 'Sales GMV', 'money'),
  sum('xt_boost_cost', 'boost_cost', '加热消耗', 'Boost spend', 'money', 'down'),
  {
    ...base,
    key: 'xt_interactions',
    inlineInFormulas: true,
    label: { zh: '互动量', en: 'Interactions' },
    description: { zh: '点赞 + 评论 + 分享（星图口径，不含收藏）', en: 'Likes + comments + shares (星图 definition, favorites excluded)' },
    kind: 'derived',
    expr: 'xt_likes + xt_comments + xt_shares',
    unit: 'count',
    decimals: 0,
  },
  ratio({ key: 'xt_cpm', expr: 'xt_cost / xt_plays * 1000', label: { zh: '星图CPM', en: '星图 CPM' }, unit: 'money', direction: 'down' }),
  ratio({ key: 'xt_cpe', expr: 'xt_cost / xt_interactions', label: { zh: '星图CPE', en: '星图 CPE' }, unit: 'money', direction: 'down' }),
  ratio({ key: 'xt_cost_per_play', expr: 'xt_cost / xt_plays', label: { zh: '单次播放成本', en: 'Cost per play' }, unit: 'money', direction: 'down' }),
  ratio({ key: 'xt_engagement_rate', expr: 'xt_interactions / xt_plays', label: { zh: '互动率', en: 'Engagement rate' }, unit: 'percent' }),
  ratio({ key: 'xt_component_ctr', expr: 'xt_component_clicks / xt_component_impressions', label: { zh: '组件点击率', en: 'Component CTR' }, unit: 'percent' }),
  ratio({ key: 'xt_roi', expr: 'xt_gmv / xt_cost', label: { zh: '带货ROI', en: 'Sales ROI' }, unit: 'multiple' }),
  ratio({ key: 'xt_total_roi', expr: 'xt_gmv / (xt_cost + xt_boost_cost)', label: { zh: '综合ROI（含加热）', en: 'ROI incl. boost' }, unit: 'multiple' }),
  {
    ...base,
    key: 'xt_completion_rate',
    label: { zh: '完播率', en: 'Completion rate' },
    description: { zh: '按播放量加权的完播率（完播率为"-"的订单不计入）', en: 'Completion rate weighted by plays (orders without one add nothing)' },
    formula: { zh: 'Σ(完播率 × 播放量) ÷ Σ播放量', en: 'Σ(completion × plays) ÷ Σ plays' },
    kind: 'weighted_avg',
    field: 'completion_rate',
    weight: 'plays',
    unit: 'percent',
    decimals: 2,
  },
];
