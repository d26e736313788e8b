import { chartsRendered, screenshot, startBrowserStack, type Page } from './browser-harness';

/**
 * Issue 17, acceptance 3: every report of the catalogue renders in Chromium on the demo workspace
 * (fixtures/demo, loaded on first start): the page finishes loading without an error state, and
 * every chart the report API returns is drawn by ECharts.
 */
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;
interface Catalogue {
  key: string;
}
interface Report {
  missing?: unknown;
  charts: { id: string }[];
  tables: { id: string; rows: unknown[] }[];
  kpis: unknown[];
}

describe('every report on the demo workspace in Chromium', () => {
  let stack: Stack;
  let page: Page;
  let keys: string[] = [];

  beforeAll(async () => {
    stack = await startBrowserStack({ DEMO: '1' });
    page = await stack.page();
    const res = await fetch(`${stack.url}/api/workspaces/demo/reports`, { headers: stack.authHeaders });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Catalogue[] | { items: Catalogue[] };
    keys = (Array.isArray(body) ? body : body.items).map((r) => r.key);
  }, 120_000);
  afterAll(async () => stack?.close());

  it('lists the reports of issue 17 in the catalogue', () => {
    for (const key of [
      'review_analysis',
      'stock_health',
      'survey_summary',
      'xingtu_creators',
      'ad_targeting',
      'competitor_tracking',
      'cohort_retention',
      'marketing_mix',
    ])
      expect(keys).toContain(key);
  });

  it('renders each report with every chart the API returns', async () => {
    const shown: Record<string, number> = {};
    for (const key of keys) {
      const res = await fetch(`${stack.url}/api/workspaces/demo/reports/${key}?preset=all`, { headers: stack.authHeaders });
      expect({ key, status: res.status }).toEqual({ key, status: 200 });
      const report = (await res.json()) as Report;
      await page.goto(`${stack.url}/w/demo/reports/${key}?preset=all`);
      await page.waitForSelector(`[data-test="page-report-${key}"][data-loading="0"]`, { timeout: 30_000 });
      expect({ key, error: await page.$('[data-test="error"]') }).toEqual({ key, error: null });
      if (report.charts.length) await chartsRendered(page, report.charts.length);
      for (const c of report.charts)
        expect({ key, chart: c.id, drawn: (await page.$(`[data-test="chart-${c.id}"]`)) !== null }).toEqual({ key, chart: c.id, drawn: true });
      shown[key] = report.charts.length;
      await screenshot(page, `report-${key}`);
    }
    // The new kinds' reports draw their charts from the demo samples.
    for (const key of ['review_analysis', 'stock_health', 'survey_summary', 'xingtu_creators', 'competitor_tracking', 'marketing_mix'])
      expect({ key, charts: shown[key] > 0 }).toEqual({ key, charts: true });
  }, 600_000);
});
