import { runReport } from '../run-report';
import { categoriesOf, chartOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//  account date   plays net likes cmt shr fav  interactions
//  A号     10-01  1000  10   40    5   3   2    50
//  A号     10-02  1000   5   60   10   0   0    70
//  B号     10-01  3000  -2   30    0   0   0    30
// A: plays 2000, net 15, interactions 120, engagement 6%; B: plays 3000, net -2, interactions 30, engagement 1%
const acc = (account: string, date: string, n: number[]) => {
  const [plays, follower_net, likes, comments, shares, favorites] = n;
  return { account, date, plays, follower_net, likes, comments, shares, favorites };
};
const ACCOUNT = [
  acc('A号', '2026-10-01', [1000, 10, 40, 5, 3, 2]),
  acc('A号', '2026-10-02', [1000, 5, 60, 10, 0, 0]),
  acc('B号', '2026-10-01', [3000, -2, 30, 0, 0, 0]),
];

describe('matrix_accounts', () => {
  // The account filter does not apply: the report compares every account.
  const res = runReport('matrix_accounts', buildTables({ account: ACCOUNT }), { from: '2026-10-01', to: '2026-10-02', account: 'A号' });

  it('puts the accounts side by side, most plays first', () => {
    const t = tableOf(res, 'accounts');
    expect(pick(t.rows, ['account', 'plays', 'follower_net', 'interactions', 'engagement_rate'])).toEqual([
      { account: 'B号', plays: 3000, follower_net: -2, interactions: 30, engagement_rate: 0.01 },
      { account: 'A号', plays: 2000, follower_net: 15, interactions: 120, engagement_rate: 0.06 },
    ]);
    expect(t.totals).toMatchObject({ plays: 5000, follower_net: 13, interactions: 150 });
  });

  it('draws grouped bars, the engagement rate on a percent axis', () => {
    const c = chartOf(res, 'accounts_compare').option;
    expect(categoriesOf(c)).toEqual(['B号', 'A号']);
    expect(c.series.map((s: { type: string }) => s.type)).toEqual(['bar', 'bar', 'bar']);
    expect([0, 1, 2].map((i) => seriesValues(c, i))).toEqual([
      [3000, 2000],
      [30, 120],
      [1, 6],
    ]);
    expect(c.yAxis.map((a: { name: string }) => a.name)).toEqual(['播放量 / 互动量（次）', '互动率（%）']);
    expect(seriesValues(chartOf(res, 'accounts_followers').option, 0)).toEqual([-2, 15]);
  });

  it('compares works and new followers from per-work stats when there are no account stats', () => {
    const content = [
      { account: 'A号', title: 'a1', published_at: '2026-10-01 10:00:00', plays: 100, follower_gain: 3, likes: 1 },
      { account: 'A号', title: 'a2', published_at: '2026-10-02 10:00:00', plays: 300, follower_gain: 1, likes: 1 },
      { account: 'B号', title: 'b1', published_at: '2026-10-02 10:00:00', plays: 50, follower_gain: 0, likes: 1 },
    ];
    const r = runReport('matrix_accounts', buildTables({ content }), { from: '2026-10-01', to: '2026-10-02' });
    expect(pick(tableOf(r, 'accounts').rows, ['account', 'works', 'plays', 'follower_gain'])).toEqual([
      { account: 'A号', works: 2, plays: 400, follower_gain: 4 },
      { account: 'B号', works: 1, plays: 50, follower_gain: 0 },
    ]);
    expect(chartOf(r, 'accounts_followers').option.series.map((s: { name: string }) => s.name)).toEqual(['新增粉丝']);
  });
});
