import type { KindDef } from '../types';

/**
 * 巨量星图 订单/任务 export (one row per order: a task given to one creator, with the stats of the
 * video published for it) and 星广联投 reports (the same plus the ad spend that boosted the video).
 * Joins to shop orders by 达人ID (author_id) and to ad reports by 任务/计划 where the ids allow.
 */
export const xingtuKind: KindDef = {
  kind: 'xingtu',
  label: { zh: '星图订单', en: 'Xingtu orders' },
  naturalKeys: [['xt_order_id'], ['task_id', 'creator_id'], ['task_id', 'creator_name']],
  mergeMode: 'row',
  dateField: 'published_at',
  piiHeaders: ['达人手机号', '联系电话', '联系人电话', '对接人手机'],
  fields: [
    { key: 'account', type: 'string', label: { zh: '品牌/广告主', en: 'Advertiser' }, aliases: ['广告主名称', '品牌名称', '客户名称'] },
    { key: 'task_id', type: 'id', label: { zh: '任务ID', en: 'Task ID' }, aliases: ['任务ID', '任务id', '任务编号'], signature: true },
    { key: 'task_name', type: 'string', label: { zh: '任务名称', en: 'Task' }, aliases: ['任务名称'], signature: true },
    { key: 'xt_order_id', type: 'id', label: { zh: '订单ID', en: 'Order ID' }, aliases: ['订单ID', '订单id', '星图订单号', '订单编号'] },
    { key: 'creator_name', type: 'string', label: { zh: '达人昵称', en: 'Creator' }, aliases: ['达人昵称', '达人名称', '达人'], signature: true },
    { key: 'creator_id', type: 'id', label: { zh: '达人ID', en: 'Creator ID' }, aliases: ['达人ID', '达人id', '星图ID', '达人抖音号'] },
    { key: 'creator_followers', type: 'int', label: { zh: '达人粉丝数', en: 'Creator followers' }, aliases: ['达人粉丝数', '粉丝数'] },
    { key: 'content_type', type: 'enum', label: { zh: '内容类型', en: 'Content type' }, aliases: ['内容类型', '视频类型', '作品类型'] },
    {
      key: 'order_amount',
      type: 'money',
      label: { zh: '订单金额', en: 'Order amount' },
      aliases: ['订单金额', '任务金额', '下单金额', '合作金额', '达人报价'],
      signature: true,
    },
    { key: 'published_at', type: 'datetime', label: { zh: '视频发布时间', en: 'Published at' }, aliases: ['视频发布时间', '发布时间', '上线时间'] },
    { key: 'plays', type: 'int', label: { zh: '播放量', en: 'Plays' }, aliases: ['播放量', '播放数', '视频播放量'] },
    { key: 'likes', type: 'int', label: { zh: '点赞数', en: 'Likes' }, aliases: ['点赞数', '点赞量'] },
    { key: 'comments', type: 'int', label: { zh: '评论数', en: 'Comments' }, aliases: ['评论数', '评论量'] },
    { key: 'shares', type: 'int', label: { zh: '分享数', en: 'Shares' }, aliases: ['分享数', '分享量', '转发数'] },
    { key: 'favorites', type: 'int', label: { zh: '收藏数', en: 'Favorites' }, aliases: ['收藏数', '收藏量'] },
    { key: 'completion_rate', type: 'percent', label: { zh: '完播率', en: 'Completion rate' }, aliases: ['完播率'] },
    { key: 'reported_engagement_rate', type: 'percent', label: { zh: '互动率（导出）', en: 'Engagement rate (as exported)' }, aliases: ['互动率'] },
    {
      key: 'component_impressions',
      type: 'int',
      label: { zh: '组件展示量', en: 'Component impressions' },
      aliases: ['组件展示量', '组件曝光量', '组件展示数'],
    },
    { key: 'component_clicks', type: 'int', label: { zh: '组件点击量', en: 'Component clicks' }, aliases: ['组件点击量', '组件点击数'] },
    { key: 'xt_conversions', type: 'int', label: { zh: '转化数', en: 'Conversions' }, aliases: ['转化数', '转化量'] },
    { key: 'xt_gmv', type: 'money', label: { zh: '带货成交金额', en: 'Sales GMV' }, aliases: ['带货成交金额', '成交金额', '商品成交金额', '带货GMV'] },
    { key: 'boost_cost', type: 'money', label: { zh: '加热消耗', en: 'Boost spend' }, aliases: ['加热消耗', '星广联投消耗', '广告消耗', '投放消耗'] },
  ],
};
