import { runReport } from '../run-report';
import { chartOf, kpiOf, pick, tableOf } from '../testing/report-helpers';
import { sampleTables } from '../testing/samples';

// fixtures/samples/xingtu-orders.csv, by hand:
//   cost 12000 + 8500 + 6000 + 3000 + 15000 = 44500; plays 156000 + 98000 + 45000 + 20000 + 23000 = 342000
//   interactions (点赞+评论+分享) 6000 + 4500 + 1650 + 880 + 660 = 13690
//   completion (0.185×156000 + 0.221×98000 + 0.15×45000 + 0.098×23000) / 322000 = 59522 / 322000 (图文 "-" left out)
//   gmv 36000 + 12750.50 + 4800 + 1200 = 54750.50
//   阿杰测评: cost 18000, plays 201000, interactions 7650; 甜甜爱分享 8500 / 98000 / 4500
//   老王生活馆 3000 / 20000 / 880; 元气好物 15000 / 23000 / 660
describe('xingtu_creators', () => {
  let res: ReturnType<typeof runReport>;
  beforeAll(async () => {
    res = runReport('xingtu_creators', await sampleTables(['xingtu-orders.csv']), { preset: 'all' });
  });

  it('gives the 星图 KPIs as ratios of sums', () => {
    expect(kpiOf(res, 'xt_cost').value).toBe(44500);
    expect(kpiOf(res, 'xt_creators').value).toBe(4);
    expect(kpiOf(res, 'xt_cpm').value).toBeCloseTo((44500 / 342000) * 1000, 9);
    expect(kpiOf(res, 'xt_cpe').value).toBeCloseTo(44500 / 13690, 12);
    expect(kpiOf(res, 'xt_engagement_rate').value).toBeCloseTo(13690 / 342000, 12);
    expect(kpiOf(res, 'xt_completion_rate').value).toBeCloseTo(59522 / 322000, 12);
    expect(kpiOf(res, 'xt_roi').value).toBeCloseTo(54750.5 / 44500, 12);
  });

  it('compares creators by CPE, lowest first', () => {
    const t = tableOf(res, 'creators');
    // CPE: 甜甜 8500/4500 = 1.889; 阿杰 18000/7650 = 2.353; 老王 3000/880 = 3.409; 元气 15000/660 = 22.73
    expect(pick(t.rows, ['creator_name', 'xt_cost', 'xt_plays', 'xt_interactions'])).toEqual([
      { creator_name: '甜甜爱分享', xt_cost: 8500, xt_plays: 98000, xt_interactions: 4500 },
      { creator_name: '阿杰测评', xt_cost: 18000, xt_plays: 201000, xt_interactions: 7650 },
      { creator_name: '老王生活馆', xt_cost: 3000, xt_plays: 20000, xt_interactions: 880 },
      { creator_name: '元气好物', xt_cost: 15000, xt_plays: 23000, xt_interactions: 660 },
    ]);
    expect(t.rows[1].xt_cpm).toBeCloseTo((18000 / 201000) * 1000, 9);
    expect(t.rows[2].xt_completion_rate).toBeNull();
    expect(t.rows[2].xt_roi).toBeNull();
  });

  it('draws the CPM × engagement quadrant split at the overall rates', () => {
    const c = chartOf(res, 'cpm_engagement').option;
    expect(c.series[0].data).toHaveLength(4);
    expect(chartOf(res, 'cpe_ranking').option.series[0].data).toHaveLength(4);
  });
});
