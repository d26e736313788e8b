import type { Label } from '@creator-ops/schemas';
import type { MetricDef } from '../types';

const ACCOUNT = ['初级 2.1.6', '中级 2.1.4', '中级 2.1.5', '高级 2.1.4', '高级 2.1.5'];
const BOTH: MetricDef['kinds'] = ['account', 'content'];

const sum = (key: string, zh: string, en: string, kinds: MetricDef['kinds'] = BOTH, direction: 'up' | 'down' = 'up'): MetricDef => ({
  key,
  label: { zh, en },
  description: { zh: `${zh}之和（账号日数据优先，否则作品数据）`, en: `Sum of ${en.toLowerCase()} (account daily stats first, else per-work stats)` },
  formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
  kind: 'sum',
  field: key,
  unit: 'count',
  decimals: 0,
  direction,
  kinds,
  standard: ACCOUNT,
});

/** A rate over account or content sums; its formula is generated from `expr`. */
const rate = (def: { key: string; expr: string; label: Label; kinds?: MetricDef['kinds'] }): MetricDef => ({
  ...def,
  description: { zh: '{formula}（按汇总值计算）', en: '{formula} (ratio of sums)' },
  kind: 'ratio',
  unit: 'percent',
  decimals: 2,
  direction: 'up',
  kinds: def.kinds ?? BOTH,
  standard: ACCOUNT,
});

export const CONTENT_METRICS: MetricDef[] = [
  sum('plays', '播放量', 'Plays'),
  sum('likes', '点赞', 'Likes'),
  sum('comments', '评论', 'Comments'),
  sum('shares', '分享', 'Shares'),
  sum('favorites', '收藏', 'Favorites'),
  sum('profile_visits', '主页访问', 'Profile visits'),
  sum('follower_gain', '新增粉丝', 'New followers'),
  sum('follower_net', '净增粉丝', 'Net followers', ['account']),
  sum('unfollows', '取关粉丝', 'Unfollows', ['account'], 'down'),
  {
    key: 'works',
    label: { zh: '作品数', en: 'Works' },
    description: { zh: '导入的作品数', en: 'Number of works' },
    formula: { zh: 'count(作品)', en: 'count(works)' },
    kind: 'count',
    unit: 'count',
    decimals: 0,
    direction: 'up',
    kinds: ['content'],
    standard: ACCOUNT,
  },
  {
    key: 'interactions',
    label: { zh: '互动量', en: 'Interactions' },
    description: { zh: '点赞 + 评论 + 分享 + 收藏', en: 'likes + comments + shares + favorites' },
    kind: 'derived',
    expr: 'likes + comments + shares + favorites',
    unit: 'count',
    decimals: 0,
    direction: 'up',
    kinds: BOTH,
    standard: ACCOUNT,
  },
  rate({ key: 'engagement_rate', expr: '(likes + comments + shares + favorites) / plays', label: { zh: '互动率', en: 'Engagement rate' } }),
  rate({ key: 'follower_conversion_rate', expr: 'follower_gain / plays', label: { zh: '转粉率', en: 'Follower conversion rate' } }),
  rate({ key: 'profile_follow_rate', expr: 'follower_gain / profile_visits', label: { zh: '主页转粉率', en: 'Profile follow rate' } }),
  rate({ key: 'like_rate', expr: 'likes / plays', label: { zh: '点赞率', en: 'Like rate' } }),
  {
    key: 'completion_rate',
    label: { zh: '完播率', en: 'Completion rate' },
    description: {
      zh: '按播放量加权的完播率，只计有完播率的作品（图文不计）',
      en: 'Completion rate weighted by plays, over works that have one (image posts excluded)',
    },
    formula: { zh: 'Σ(完播率 × 播放量) ÷ Σ 播放量（有完播率的作品）', en: 'Σ(completion rate × plays) ÷ Σ plays (works with a completion rate)' },
    kind: 'weighted_avg',
    field: 'completion_rate',
    weight: 'plays',
    unit: 'percent',
    decimals: 2,
    direction: 'up',
    kinds: ['content'],
    standard: ACCOUNT,
  },
  {
    key: 'avg_watch_seconds',
    label: { zh: '平均播放时长', en: 'Average watch time' },
    description: { zh: '按播放量加权的平均播放时长（秒），只计有该值的作品', en: 'Average watch time (s) weighted by plays, over works that have one' },
    formula: { zh: 'Σ(平均播放时长 × 播放量) ÷ Σ 播放量', en: 'Σ(avg watch × plays) ÷ Σ plays' },
    kind: 'weighted_avg',
    field: 'avg_watch_seconds',
    weight: 'plays',
    unit: 'seconds',
    decimals: 1,
    direction: 'up',
    kinds: ['content'],
    standard: ACCOUNT,
  },
];
