import type { KindDef } from '../types';

/** 抖音创作者服务中心 数据表现: one row per account and day; Douyin exports one file per metric. */
export const accountKind: KindDef = {
  kind: 'account',
  label: { zh: '账号日数据', en: 'Account daily stats' },
  naturalKeys: [['account', 'date']],
  mergeMode: 'field',
  dateField: 'date',
  piiHeaders: [],
  fields: [
    { key: 'date', type: 'date', label: { zh: '日期', en: 'Date' }, aliases: ['日期', '时间', '统计日期'] },
    { key: 'account', type: 'string', label: { zh: '账号', en: 'Account' }, aliases: ['账号', '账号名称', '抖音号', '昵称'] },
    { key: 'plays', type: 'int', label: { zh: '播放量', en: 'Plays' }, aliases: ['播放量', '视频播放量'] },
    { key: 'profile_visits', type: 'int', label: { zh: '主页访问', en: 'Profile visits' }, aliases: ['主页访问', '主页访问量', '主页访问数'], signature: true },
    {
      key: 'follower_total',
      type: 'int',
      label: { zh: '总粉丝量', en: 'Total followers' },
      aliases: ['总粉丝量', '粉丝总数', '粉丝数', '总粉丝数'],
      signature: true,
    },
    { key: 'follower_gain', type: 'int', label: { zh: '新增粉丝', en: 'New followers' }, aliases: ['新增粉丝', '涨粉', '新增关注', '新增粉丝数'] },
    { key: 'unfollows', type: 'int', label: { zh: '取关粉丝', en: 'Unfollows' }, aliases: ['取关粉丝', '取关', '取关粉丝数'], signature: true },
    {
      key: 'follower_net',
      type: 'int',
      signed: true,
      label: { zh: '净增粉丝', en: 'Net followers' },
      aliases: ['净增粉丝', '净增粉丝数', '粉丝净增'],
      signature: true,
    },
    { key: 'likes', type: 'int', signed: true, label: { zh: '点赞', en: 'Likes' }, aliases: ['作品点赞', '点赞', '点赞数'] },
    { key: 'comments', type: 'int', signed: true, label: { zh: '评论', en: 'Comments' }, aliases: ['作品评论', '评论', '评论数'] },
    { key: 'shares', type: 'int', signed: true, label: { zh: '分享', en: 'Shares' }, aliases: ['作品分享', '分享', '分享数'] },
    { key: 'favorites', type: 'int', signed: true, label: { zh: '收藏', en: 'Favorites' }, aliases: ['收藏', '作品收藏', '收藏数'] },
    { key: 'cover_ctr', type: 'percent', label: { zh: '封面点击率', en: 'Cover CTR' }, aliases: ['封面点击率'] },
  ],
};
