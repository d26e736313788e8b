import { REPORTS } from './registry';
import { missingKinds, reportDefinition, runReport, UnknownReportError } from './run-report';
import { buildTables } from './testing/tables';

const adOnly = () => buildTables({ ad: [{ date: '2026-10-01', plan: '计划A', impressions: 100, clicks: 5, cost: 10 }] });

describe('the catalogue', () => {
  it('lists the reports in the catalogue order, each with titles, standards and parameters', () => {
    expect(REPORTS.map((r) => r.key)).toEqual([
      'dashboard',
      'account_overview',
      'content_ranking',
      'ad_performance',
      'sales_report',
      'rfm',
      'matrix_accounts',
      'roi_planner',
      'live_review',
      'review_analysis',
      'stock_health',
      'survey_summary',
      'xingtu_creators',
      'ad_targeting',
      'competitor_tracking',
      'cohort_retention',
      'marketing_mix',
    ]);
    for (const r of REPORTS) {
      expect(r.title.zh && r.title.en && r.description.zh && r.description.en).toBeTruthy();
      expect(r.kinds.length).toBeGreaterThan(0);
      expect(r.params).toEqual(expect.arrayContaining(['preset', 'from', 'to']));
    }
    expect(reportDefinition('rfm').standard).toEqual(['高级 2.2.1']);
    expect(reportDefinition('roi_planner').params).toContain('gross_margin');
  });

  it('rejects an unknown report', () => {
    expect(() => runReport('nope', adOnly())).toThrow(UnknownReportError);
  });
});

describe('missing kinds', () => {
  it('says which export to upload and builds nothing', () => {
    const res = runReport('sales_report', adOnly());
    expect(res.missing).toEqual({ kinds: ['order'], message: { zh: '请先上传：店铺订单', en: 'Upload first: Shop orders' } });
    expect([res.kpis, res.tables, res.charts]).toEqual([[], [], []]);
  });

  it('asks for one of the kinds of an anyOf report', () => {
    const res = runReport('matrix_accounts', adOnly());
    expect(res.missing?.kinds).toEqual(['account', 'content']);
    expect(res.missing?.message).toEqual({ zh: '请先上传：账号日数据 或 作品数据', en: 'Upload first: Account daily stats or Content stats' });
    expect(missingKinds(reportDefinition('matrix_accounts'), new Set(['content']))).toEqual([]);
  });

  it('runs the dashboard on any one kind, and asks for all five on an empty workspace', () => {
    expect(runReport('dashboard', adOnly()).missing).toBeUndefined();
    expect(runReport('dashboard', buildTables({})).missing?.kinds).toEqual(['account', 'content', 'order', 'ad', 'live']);
  });
});
