import { groupedBarChart } from '../charts';
import type { ReportChart, ReportDefinition } from '../types';
import { categoryName, chartOf, hasData, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

export const matrixAccountsReport: ReportDefinition = {
  key: 'matrix_accounts',
  title: { zh: '矩阵账号对比', en: 'Matrix accounts side by side' },
  description: {
    zh: '多个账号并排对比：播放量、互动量与互动率、涨粉（账号日数据有净增粉丝，作品数据只有新增粉丝）。不按账号筛选。',
    en: 'Accounts side by side: plays, interactions and engagement rate, follower growth (net followers from account daily stats, new followers from per-work stats). Not filtered by account.',
  },
  standard: ['高级 2.1.5'],
  kinds: ['account', 'content'],
  anyOf: true,
  params: ['preset', 'from', 'to'],
  build(report) {
    const hasAccount = report.kinds.has('account');
    const ctx = scopedContext(report, [hasAccount ? 'account' : 'content']);
    const metrics = hasAccount
      ? ['plays', 'profile_visits', 'follower_gain', 'follower_net', 'likes', 'comments', 'shares', 'favorites', 'interactions', 'engagement_rate']
      : ['works', 'plays', 'follower_gain', 'likes', 'comments', 'shares', 'favorites', 'interactions', 'engagement_rate', 'completion_rate'];
    const result = withoutEmptyMetrics(ctx.query({ metrics, dimensions: ['account'], sort: [{ key: 'plays', dir: 'desc' }] }, { account: false }));
    const categories = result.rows.map((r) => categoryName(r.account, ctx.locale));
    const axis = { zh: '账号', en: 'Account' };
    const reach: ReportChart | null = hasData(result, 'plays')
      ? chartOf('accounts_compare', { zh: '账号播放与互动对比', en: 'Plays and engagement by account' }, (title) =>
          groupedBarChart(
            {
              title,
              categoryAxis: axis,
              categories,
              series: [
                seriesOf(result, 'plays'),
                ...(hasData(result, 'interactions') ? [seriesOf(result, 'interactions')] : []),
                ...(hasData(result, 'engagement_rate') ? [seriesOf(result, 'engagement_rate', { axis: 1 })] : []),
              ],
            },
            ctx.locale,
          ),
        )
      : null;
    const followerKeys = ['follower_gain', 'follower_net'].filter((k) => hasData(result, k));
    const followers: ReportChart | null = followerKeys.length
      ? chartOf('accounts_followers', { zh: '账号涨粉对比', en: 'Follower growth by account' }, (title) =>
          groupedBarChart({ title, categoryAxis: axis, categories, series: followerKeys.map((k) => seriesOf(result, k)) }, ctx.locale),
        )
      : null;
    return { kpis: [], tables: [tableFrom('accounts', { zh: '账号对比', en: 'Accounts' }, result)], charts: present([reach, followers]) };
  },
};
