import { groupedBarChart, trendChart } from '../charts';
import type { ReportChart, ReportDefinition } from '../types';
import { categoryName, chartOf, dateDimension, hasData, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

const METRICS = ['works', 'plays', 'avg_plays_per_work', 'interactions', 'engagement_rate', 'completion_rate', 'follower_gain'];

export const competitorTrackingReport: ReportDefinition = {
  key: 'competitor_tracking',
  title: { zh: '竞品账号跟踪', en: 'Competitor tracking' },
  description: {
    zh: '本账号与竞品账号（作品数据中的"账号"列）并排：作品数、播放量、平均播放、互动率、完播率、涨粉，各账号播放量随时间的走势，以及各指标对领先账号的差距。不按账号筛选。',
    en: "Your account and competitors (the account column of per-work stats) side by side: works, plays, average plays, engagement, completion, follower gain; each account's plays over time; and the gap to the leader per metric. Not filtered by account.",
  },
  standard: ['中级 2.1.4'],
  kinds: ['content'],
  params: ['preset', 'from', 'to', 'granularity'],
  build(report) {
    const ctx = scopedContext(report, ['content']);
    const result = withoutEmptyMetrics(ctx.query({ metrics: METRICS, dimensions: ['account'], sort: [{ key: 'plays', dir: 'desc' }] }, { account: false }));
    if (!result.rows.length) return { kpis: [], tables: [], charts: [] };
    const tables = [tableFrom('accounts', { zh: '账号对比', en: 'Accounts' }, result)];
    const categories = result.rows.map((r) => categoryName(r.account, ctx.locale));
    const charts: (ReportChart | null)[] = [
      hasData(result, 'avg_plays_per_work')
        ? chartOf('accounts_compare', { zh: '平均播放与互动率', en: 'Average plays and engagement' }, (title) =>
            groupedBarChart(
              {
                title,
                categoryAxis: { zh: '账号', en: 'Account' },
                categories,
                series: [
                  seriesOf(result, 'avg_plays_per_work', { type: 'bar' }),
                  ...(hasData(result, 'engagement_rate') ? [seriesOf(result, 'engagement_rate', { type: 'line', axis: 1 })] : []),
                ],
              },
              ctx.locale,
            ),
          )
        : null,
    ];
    const dim = dateDimension(ctx);
    const trend = ctx.query({ metrics: ['plays'], dimensions: [dim, 'account'], sort: [{ key: dim, dir: 'asc' }] }, { account: false });
    const periods = [...new Set(trend.rows.map((r) => r[dim] as string))];
    const accounts = result.rows.map((r) => r.account);
    if (periods.length > 1) {
      const value = (p: string, a: unknown) => (trend.rows.find((r) => r[dim] === p && r.account === a)?.plays as number | undefined) ?? null;
      const measure = seriesOf(trend, 'plays');
      charts.push(
        chartOf('plays_by_account', { zh: '各账号播放走势', en: 'Plays by account over time' }, (title) =>
          trendChart(
            {
              title,
              categoryAxis: { zh: '日期', en: 'Date' },
              categories: periods,
              series: accounts.map((a) => ({
                ...measure,
                key: String(a),
                label: { zh: String(a), en: String(a) },
                type: 'line' as const,
                values: periods.map((p) => value(p, a)),
              })),
            },
            ctx.locale,
          ),
        ),
      );
    }
    return { kpis: [], tables, charts: present(charts) };
  },
};
