import * as echarts from 'echarts';
import { labelText } from './charts';
import { REPORTS } from './registry';
import { runReport } from './run-report';
import { sampleTables } from './testing/samples';
import type { ReportResult } from './types';

type Axis = { type?: string; name?: string };

/** Server-side render, as the API's SVG endpoint does (animation off). */
function renderSvg(option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height: 540 });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const UNIT_IN_NAME = /（[^（）]+）$|\([^()]+\)$/;

describe.each(['zh-CN', 'en'] as const)('every chart of every report on the sample exports (%s)', (locale) => {
  let results: ReportResult[];
  beforeAll(async () => {
    const tables = await sampleTables();
    results = REPORTS.map((r) => runReport(r.key, tables, { preset: 'all', locale }));
  });

  it('builds every report with charts', () => {
    const ids = Object.fromEntries(results.map((r) => [r.key, r.charts.map((c) => c.id)]));
    expect(ids).toEqual({
      dashboard: ['gmv_trend', 'cost_roi_trend', 'plays_followers_trend', 'live_gmv_trend'],
      account_overview: ['plays_trend', 'follower_trend'],
      content_ranking: ['plays_ranking', 'format_share'],
      ad_performance: ['cost_roi_trend', 'ctr_cvr_quadrant', 'ad_funnel'],
      sales_report: ['gmv_trend', 'category_share', 'product_pareto', 'order_heatmap', 'province_ranking'],
      // The sample's phones are masked per item: no buyer key, so no RFM (its chart is covered in rfm.report.spec.ts).
      rfm: [],
      matrix_accounts: ['accounts_compare', 'accounts_followers'],
      roi_planner: ['roi_vs_breakeven'],
      live_review: ['session_trend', 'live_funnel', 'best_hours'],
      review_analysis: ['score_distribution', 'bad_reasons', 'good_rate_trend'],
      stock_health: ['low_stock', 'movement_trend'],
      survey_summary: ['q1', 'q2', 'q3', 'q4'],
      xingtu_creators: ['cpm_engagement', 'cpe_ranking'],
      // the samples carry no 人群包/性别/年龄/落地页 columns, and their phones are masked (no buyer key)
      ad_targeting: [],
      cohort_retention: [],
      competitor_tracking: ['accounts_compare', 'plays_by_account'],
      marketing_mix: ['spend_share', 'channel_roi'],
    });
  });

  it('makes plain-JSON options (no functions, no undefined) titled like the chart', () => {
    for (const r of results)
      for (const c of r.charts) {
        expect(JSON.parse(JSON.stringify(c.option))).toEqual(c.option);
        expect((c.option.title as { text: string }).text).toBe(labelText(c.title, locale));
      }
  });

  it('names every axis, value axes with their unit', () => {
    for (const r of results)
      for (const c of r.charts) {
        const axes = [c.option.xAxis, c.option.yAxis].flat().filter(Boolean) as Axis[];
        for (const axis of axes) {
          expect(axis.name).toBeTruthy();
          if (axis.type === 'value') expect(`${r.key}/${c.id}: ${axis.name}`).toMatch(UNIT_IN_NAME);
        }
      }
  });

  it('renders server-side to SVG holding the title and the axis names', () => {
    for (const r of results)
      for (const c of r.charts) {
        const svg = renderSvg(c.option);
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg).toContain(labelText(c.title, locale));
        for (const axis of [c.option.xAxis, c.option.yAxis].flat().filter(Boolean) as Axis[]) expect(svg).toContain(axis.name!.replace(/&/g, '&amp;'));
      }
  });
});
