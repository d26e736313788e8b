import type { KindDef } from '../types';

/** 作品列表导出 (Douyin; 快手/小红书/视频号 variants): one row per work, a snapshot. */
export const contentKind: KindDef = {
  kind: 'content',
  label: { zh: '作品数据', en: 'Content stats' },
  naturalKeys: [
    ['account', 'content_id'],
    ['account', 'published_at', 'title'],
  ],
  mergeMode: 'row',
  dateField: 'published_at',
  piiHeaders: [],
  fields: [
    { key: 'account', type: 'string', label: { zh: '账号', en: 'Account' }, aliases: ['账号', '账号名称', '抖音号', '昵称'] },
    { key: 'content_id', type: 'id', label: { zh: '作品ID', en: 'Content ID' }, aliases: ['作品ID', '视频ID', '笔记ID', '作品id'], signature: true },
    {
      key: 'title',
      type: 'string',
      label: { zh: '作品名称', en: 'Title' },
      aliases: ['作品名称', '视频名称', '作品', '笔记标题', '视频描述', '作品标题'],
      signature: true,
    },
    {
      key: 'published_at',
      type: 'datetime',
      label: { zh: '发布时间', en: 'Published at' },
      aliases: ['发布时间', '首次发布时间', '发布日期'],
      signature: true,
    },
    { key: 'format', type: 'enum', label: { zh: '体裁', en: 'Format' }, aliases: ['体裁', '发布形式', '作品类型'], signature: true },
    { key: 'plays', type: 'int', label: { zh: '播放量', en: 'Plays' }, aliases: ['播放量', '观看量', '播放次数'] },
    { key: 'impressions', type: 'int', label: { zh: '曝光量', en: 'Impressions' }, aliases: ['曝光', '曝光量'] },
    { key: 'completion_rate', type: 'percent', label: { zh: '完播率', en: 'Completion rate' }, aliases: ['完播率'], signature: true },
    { key: 'completion_rate_5s', type: 'percent', label: { zh: '5秒完播率', en: '5s completion rate' }, aliases: ['5s完播率', '5秒完播率'] },
    { key: 'bounce_rate_2s', type: 'percent', label: { zh: '2秒跳出率', en: '2s bounce rate' }, aliases: ['2s跳出率', '2秒跳出率'] },
    {
      key: 'avg_watch_seconds',
      type: 'decimal',
      label: { zh: '平均播放时长(秒)', en: 'Avg watch (s)' },
      aliases: ['平均播放时长', '人均观看时长', '平均观看时长'],
      timeUnit: 'seconds',
    },
    { key: 'likes', type: 'int', label: { zh: '点赞量', en: 'Likes' }, aliases: ['点赞量', '点赞', '点赞数'] },
    { key: 'comments', type: 'int', label: { zh: '评论量', en: 'Comments' }, aliases: ['评论量', '评论', '评论数'] },
    { key: 'shares', type: 'int', label: { zh: '分享量', en: 'Shares' }, aliases: ['分享量', '分享', '分享数'] },
    { key: 'favorites', type: 'int', label: { zh: '收藏量', en: 'Favorites' }, aliases: ['收藏量', '收藏', '收藏数'] },
    { key: 'follower_gain', type: 'int', label: { zh: '涨粉量', en: 'Follower gain' }, aliases: ['粉丝增量', '涨粉量', '涨粉', '新增粉丝'] },
    { key: 'profile_visits', type: 'int', label: { zh: '主页访问量', en: 'Profile visits' }, aliases: ['主页访问量', '主页访问'] },
    { key: 'cover_ctr', type: 'percent', label: { zh: '封面点击率', en: 'Cover CTR' }, aliases: ['封面点击率'] },
  ],
};
