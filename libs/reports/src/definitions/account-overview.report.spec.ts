import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//          plays  visits gain unf net likes cmt shr fav  interactions
// 09-30     2000    40     5   1   4    50  10   2   8   70   (previous period of 10-01..10-02)
// 10-01     1000    50    10   2   8    40   5   3   2   50
// 10-02     3000   100    30   5  25   130  20   6   4  160
const day = (date: string, v: number[]) => {
  const [plays, profile_visits, follower_gain, unfollows, follower_net, likes, comments, shares, favorites] = v;
  return { date, account: '账号A', plays, profile_visits, follower_gain, unfollows, follower_net, likes, comments, shares, favorites };
};
const ACCOUNT = [
  day('2026-09-30', [2000, 40, 5, 1, 4, 50, 10, 2, 8]),
  day('2026-10-01', [1000, 50, 10, 2, 8, 40, 5, 3, 2]),
  day('2026-10-02', [3000, 100, 30, 5, 25, 130, 20, 6, 4]),
];
// A work published on 10-01 with its own likes: must not leak into account figures.
const CONTENT = [{ account: '账号A', title: '作品', published_at: '2026-10-01 12:00:00', plays: 99999, likes: 7777 }];

describe('account_overview', () => {
  const res = runReport('account_overview', buildTables({ account: ACCOUNT, content: CONTENT }), { from: '2026-10-01', to: '2026-10-02' });

  it('gives KPIs with the previous period (环比)', () => {
    // plays 1000 + 3000 = 4000 against 2000: +2000, +100%.
    expect(kpiOf(res, 'plays')).toMatchObject({ value: 4000, previous: 2000, delta: 2000, deltaPct: 1 });
    expect(kpiOf(res, 'plays').display).toEqual({ value: '4,000', compact: '4,000', previous: '2,000', delta: '+2,000', deltaPct: '+100.00%' });
    // Engagement (50 + 160) / 4000 = 5.25% against 70 / 2000 = 3.5%: +1.75 percentage points.
    const er = kpiOf(res, 'engagement_rate');
    expect(er.value).toBeCloseTo(0.0525, 12);
    expect(er.previous).toBeCloseTo(0.035, 12);
    expect(er.display).toMatchObject({ value: '5.25%', previous: '3.50%', delta: '+1.75个百分点' });
    // Follower net 8 + 25 = 33; profile follow rate = gain / visits = 40 / 150.
    expect(kpiOf(res, 'follower_net').value).toBe(33);
    expect(kpiOf(res, 'profile_follow_rate').value).toBeCloseTo(40 / 150, 12);
    // Likes 40 + 130 = 170 from account stats only (the work's 7777 is not added).
    expect(kpiOf(res, 'likes').value).toBe(170);
  });

  it('tabulates each day from the engine', () => {
    const t = tableOf(res, 'daily');
    expect(pick(t.rows, ['date:day', 'plays', 'interactions', 'follower_net'])).toEqual([
      { 'date:day': '2026-10-01', plays: 1000, interactions: 50, follower_net: 8 },
      { 'date:day': '2026-10-02', plays: 3000, interactions: 160, follower_net: 25 },
    ]);
    expect(t.rows[1].engagement_rate).toBeCloseTo(160 / 3000, 12);
    expect(t.totals).toMatchObject({ plays: 4000, interactions: 210, follower_gain: 40, unfollows: 7 });
    expect(t.columns.find((c) => c.key === 'likes')?.kinds).toEqual(['account']);
  });

  it('charts plays, engagement (percent on the right axis) and followers', () => {
    expect(res.charts.map((c) => c.id)).toEqual(['plays_trend', 'engagement_trend', 'follower_trend']);
    const plays = chartOf(res, 'plays_trend').option;
    expect(categoriesOf(plays)).toEqual(['2026-10-01', '2026-10-02']);
    expect([seriesValues(plays, 0), seriesValues(plays, 1)]).toEqual([
      [1000, 3000],
      [50, 100],
    ]);
    // 主页访问 is two orders of magnitude below 播放量: its own (right) axis, not a flat line on the plays axis.
    expect(plays.yAxis.map((a: { name: string }) => a.name)).toEqual(['播放量（次）', '主页访问（次）']);
    const engagement = chartOf(res, 'engagement_trend').option;
    // 50 / 1000 = 5%; 160 / 3000 = 5.3333...%, plotted in percent.
    expect(seriesValues(engagement, 1)).toEqual([5, 5.33333333333]);
    expect(engagement.yAxis[1].name).toBe('互动率（%）');
    expect(engagement.series[1].data[1].tooltip.formatter).toContain('互动率：5.33%');
    const followers = chartOf(res, 'follower_trend').option;
    expect([0, 1, 2].map((i) => seriesValues(followers, i))).toEqual([
      [10, 30],
      [2, 5],
      [8, 25],
    ]);
  });

  it('groups by week (weeks start on Monday) when asked', () => {
    // 2026-09-30 (Wed), 10-01 (Thu), 10-02 (Fri) are all in the week of Monday 2026-09-28; the period keeps two days.
    const week = runReport('account_overview', buildTables({ account: ACCOUNT }), { from: '2026-10-01', to: '2026-10-02', granularity: 'week' });
    expect(pick(tableOf(week, 'daily').rows, ['date:week', 'plays'])).toEqual([{ 'date:week': '2026-09-28', plays: 4000 }]);
  });

  it('leaves out metrics the export does not have (Douyin: one file per metric)', () => {
    const onlyPlays = runReport('account_overview', buildTables({ account: [{ date: '2026-10-01', account: 'A', plays: 10 }] }), { preset: 'all' });
    expect(tableOf(onlyPlays, 'daily').columns.map((c) => c.key)).toEqual(['date:day', 'plays']);
    expect(onlyPlays.kpis.map((k) => k.metric)).toEqual(['plays']);
    expect(onlyPlays.charts.map((c) => c.id)).toEqual(['plays_trend']);
  });
});
