import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesTooltips, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//      published          format plays likes cmt shr fav completion gain  interactions
// W1  10-01 12:00  视频    1000    50  10   5   5   20%          4     70
// W2  10-02 09:00  图文    3000    90  30  20  10   -            9    150
// W3  10-03 20:00  视频    2000   120   0   0   0   50%          1    120
// W0  09-20 (outside the period)
const work = (title: string, published_at: string, format: string, n: (number | null)[]) => {
  const [plays, likes, comments, shares, favorites, completion_rate, follower_gain] = n;
  return { account: '账号A', title, published_at, format, plays, likes, comments, shares, favorites, completion_rate, follower_gain };
};
const CONTENT = [
  work('作品一\n#好物分享 #秋天', '2026-10-01 12:00:00', '视频', [1000, 50, 10, 5, 5, 0.2, 4]),
  work('作品二', '2026-10-02 09:00:00', '图文', [3000, 90, 30, 20, 10, null, 9]),
  work('作品三', '2026-10-03 20:00:00', '视频', [2000, 120, 0, 0, 0, 0.5, 1]),
  work('旧作品', '2026-09-20 20:00:00', '视频', [50000, 1, 1, 1, 1, 0.9, 1]),
];
// Account daily plays must not replace per-work plays here.
const ACCOUNT = [{ date: '2026-10-02', account: '账号A', plays: 123456 }];

describe('content_ranking', () => {
  const res = runReport('content_ranking', buildTables({ content: CONTENT, account: ACCOUNT }), { from: '2026-10-01', to: '2026-10-03', top: 2 });

  it('ranks the works of the period by plays, top N', () => {
    const t = tableOf(res, 'works');
    // Douyin has no work id: a work is its title and publish time.
    expect(t.columns.slice(0, 3).map((c) => c.key)).toEqual(['title', 'published_at', 'format']);
    expect(pick(t.rows, ['title', 'plays', 'follower_gain', 'completion_rate'])).toEqual([
      { title: '作品二', plays: 3000, follower_gain: 9, completion_rate: null },
      { title: '作品三', plays: 2000, follower_gain: 1, completion_rate: 0.5 },
    ]);
    // Engagement 150 / 3000 = 5%, 120 / 2000 = 6%.
    expect(t.rows.map((r) => r.engagement_rate)).toEqual([0.05, 0.06]);
  });

  it('gives period KPIs from per-work stats (completion weighted by plays, image posts excluded)', () => {
    expect(kpiOf(res, 'works').value).toBe(3);
    expect(kpiOf(res, 'plays').value).toBe(6000);
    // (70 + 150 + 120) / 6000
    expect(kpiOf(res, 'engagement_rate').value).toBeCloseTo(340 / 6000, 12);
    // (20% × 1000 + 50% × 2000) / (1000 + 2000) = 40%
    expect(kpiOf(res, 'completion_rate').value).toBeCloseTo(0.4, 12);
    expect(kpiOf(res, 'follower_gain').value).toBe(14);
  });

  it('draws the ranking with formatted labels', () => {
    const chart = chartOf(res, 'plays_ranking');
    expect(chart.title.zh).toBe('播放量前 2 作品');
    expect(categoriesOf(chart.option)).toEqual(['作品二', '作品三']);
    expect(seriesValues(chart.option)).toEqual([3000, 2000]);
    expect(chart.option.series[0].data[0].label.formatter).toBe('3,000');
    expect(seriesTooltips(chart.option)[1]).toBe('<b>作品三</b><br/>播放量：2,000<br/>互动率：6.00%');
    expect(chart.option.xAxis.name).toBe('播放量（次）');
  });

  it('shows the share of formats by number of works', () => {
    const pie = chartOf(res, 'format_share').option;
    // 视频: W1, W3 = 2 works (66.67%); 图文: W2 = 1 (33.33%).
    expect(pie.series[0].data.map((d: { name: string; value: number }) => [d.name, d.value])).toEqual([
      ['视频', 2],
      ['图文', 1],
    ]);
    expect(pie.series[0].data[0].tooltip.formatter).toBe('<b>视频</b><br/>作品数：2<br/>占比：66.67%');
  });

  it('shortens a multi-line title to its first line on the axis', () => {
    const all = runReport('content_ranking', buildTables({ content: CONTENT }), { from: '2026-10-01', to: '2026-10-03' });
    expect(categoriesOf(chartOf(all, 'plays_ranking').option)).toEqual(['作品二', '作品三', '作品一']);
  });
});
