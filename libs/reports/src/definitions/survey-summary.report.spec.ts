import { runReport } from '../run-report';
import { chartOf, kpiOf, tableOf } from '../testing/report-helpers';
import { sampleTables } from '../testing/samples';

// fixtures/samples/wjx-survey-text.csv, counted by hand (see libs/query/src/survey/survey.spec.ts):
// 8 sheets; time taken 95+120+62+210+45+150+88+30 = 800 s -> 100 s on average.
describe('survey_summary', () => {
  let res: ReturnType<typeof runReport>;
  beforeAll(async () => {
    res = runReport('survey_summary', await sampleTables(['wjx-survey-text.csv']), { preset: 'all' });
  });

  it('gives responses and the average time taken', () => {
    expect(kpiOf(res, 'responses').value).toBe(8);
    expect(kpiOf(res, 'avg_survey_seconds').value).toBe(100);
  });

  it('lists the questions with their inferred types', () => {
    expect(tableOf(res, 'questions').rows.map((r) => [r.no, r.type, r.answered])).toEqual([
      [1, '单选', 8],
      [2, '单选', 8],
      [3, '多选', 8],
      [4, '矩阵量表', 8],
      [5, '推荐度（NPS）', 8],
      [6, '填空', 4],
    ]);
  });

  it('tables a multi-select per option over respondents and charts it as bars', () => {
    const t = tableOf(res, 'q3');
    expect(t.rows.map((r) => [r.option, r.count, r.share])).toEqual([
      ['抖音', 5, 5 / 8],
      ['淘宝', 4, 4 / 8],
      ['线下超市', 3, 3 / 8],
      ['其他', 1, 1 / 8],
    ]);
    expect(t.totals?.count).toBe(8);
    expect(chartOf(res, 'q3').option.series[0].type).toBe('bar');
    expect(chartOf(res, 'q1').option.series[0].type).toBe('pie');
  });

  it('gives matrix averages, NPS and the age × sex cross-tab', () => {
    expect(tableOf(res, 'q4').rows.map((r) => [r.item, r.average])).toEqual([
      ['口味', 29 / 8],
      ['价格', 22 / 8],
      ['包装', 29 / 8],
    ]);
    expect(tableOf(res, 'q5').rows[0]).toMatchObject({ promoters: 4, passives: 2, detractors: 2, nps: 25 });
    const x = tableOf(res, 'cross_tab');
    expect(x.columns.map((c) => c.label.zh)).toEqual(['1题选项', '女', '男', '小计']);
    expect(x.rows).toEqual([
      { row: '18-24岁', c0: 2, c1: 1, answered: 3 },
      { row: '25-30岁', c0: 1, c1: 1, answered: 2 },
      { row: '31-40岁', c0: 2, c1: 0, answered: 2 },
      { row: '41岁以上', c0: 0, c1: 1, answered: 1 },
    ]);
  });
});
