import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartsRendered, RESULTS, screenshot, startBrowserStack, type Page } from './browser-harness';

/**
 * The web app in real Chromium against the real server: upload through the page, the dashboard's
 * KPI values equal the engine's (the report API), filters change them, English, a report's workbook.
 */
const SAMPLES = join(process.cwd(), 'fixtures', 'samples');
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('web dashboard in Chromium', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
  }, 60_000);
  afterAll(async () => stack?.close());

  /** The dashboard report as the engine computes it for the filters currently in the page's URL. */
  async function engineKpis(locale: 'zh-CN' | 'en'): Promise<Record<string, string>> {
    const query = new URL(page.url()).searchParams;
    query.set('locale', locale);
    const res = await fetch(`${stack.url}/api/workspaces/shop/reports/dashboard?${query}`, { headers: stack.authHeaders });
    const body = (await res.json()) as { kpis: { metric: string; display: { value: string } }[] };
    return Object.fromEntries(body.kpis.map((k) => [k.metric, k.display.value]));
  }

  async function shownKpis(): Promise<Record<string, string>> {
    await page.waitForSelector('[data-test="page-dashboard"][data-loading="0"]', { timeout: 20_000 });
    const cards = await page.$$('[data-test^="kpi-"]:not([data-test="kpi-value"]):not([data-test="kpi-delta"])');
    const out: Record<string, string> = {};
    for (const card of cards) {
      const metric = ((await card.getAttribute('data-test')) ?? '').slice('kpi-'.length);
      // The card shows 万/亿 from 10,000 up; the exact figure is its hover title (data-exact).
      const value = await card.$('[data-test="kpi-value"]');
      if (value) out[metric] = ((await value.getAttribute('data-exact')) ?? '').trim();
    }
    return out;
  }

  async function upload(file: string, account: string) {
    const form = new FormData();
    form.set('file', new Blob([readFileSync(join(SAMPLES, file))]), file);
    form.set('account', account);
    const res = await fetch(`${stack.url}/api/workspaces/shop/datasets`, { method: 'POST', body: form, headers: stack.authHeaders });
    expect(res.status).toBe(201);
  }

  it('uploads an export through the page and shows its import report', async () => {
    await page.goto(`${stack.url}/w/shop/datasets`);
    const input = await page.waitForSelector('[data-test="upload"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles(join(SAMPLES, 'doudian-orders.csv'));
    await page.waitForSelector('[data-test="import-report"]', { timeout: 30_000 });
    expect(((await page.textContent('[data-test="rows-accepted"]')) ?? '').replace(/\D/g, '')).toBe('72');
    await screenshot(page, '01-datasets-import-report');
  }, 60_000);

  it('shows the engine’s KPI values on the dashboard, and new ones when the period and account change', async () => {
    await upload('qianchuan-plan-daily.csv', '小鹿的零食铺');
    await upload('oceanengine-unit-daily.csv', '阿杰好物');
    await page.goto(`${stack.url}/w/shop/dashboard`);
    await chartsRendered(page);
    const first = await shownKpis();
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['gmv', 'cost', 'roi', 'ctr']));
    expect(first).toEqual(await engineKpis('zh-CN'));
    await screenshot(page, '02-dashboard');

    await page.click('[data-test="preset-last7"]');
    await page.waitForURL(/preset=last7/);
    const week = await shownKpis();
    expect(week).toEqual(await engineKpis('zh-CN'));
    expect(week.cost).not.toBe(first.cost);

    await page.click('[data-test="account-select"]');
    await page.click('[data-test="account-option-小鹿的零食铺"]');
    await page.waitForURL(/account=/);
    const oneAccount = await shownKpis();
    expect(oneAccount).toEqual(await engineKpis('zh-CN'));
    expect(oneAccount.cost).not.toBe(week.cost);
    await chartsRendered(page);
    await screenshot(page, '03-dashboard-filtered');
  }, 90_000);

  it('switches to English', async () => {
    await page.click('[data-test="lang-switch"]');
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('Dashboard'),
      undefined,
      { timeout: 10_000 },
    );
    const shown = await shownKpis();
    expect(shown).toEqual(await engineKpis('en'));
    await screenshot(page, '04-dashboard-en');
  }, 60_000);

  it('opens a report from the catalogue and downloads its workbook', async () => {
    await page.goto(`${stack.url}/w/shop/reports`);
    await page.click('[data-test="report-link-ad_performance"]');
    await page.waitForURL(/reports\/ad_performance/);
    await chartsRendered(page);
    await screenshot(page, '05-report-ad-performance');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="download-xlsx"]')]);
    const path = join(RESULTS, 'ad_performance.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name).some((n) => /Provenance|数据来源/.test(n))).toBe(true);
  }, 60_000);

  it('renders the live-review report from a live-session export', async () => {
    await upload('luopan-live-sessions.csv', '小鹿的零食铺');
    await page.goto(`${stack.url}/w/shop/reports/live_review?preset=all`);
    await chartsRendered(page, 3);
    for (const id of ['session_trend', 'live_funnel', 'best_hours']) expect(await page.$(`[data-test="chart-${id}"]`)).not.toBeNull();
    const res = await fetch(`${stack.url}/api/workspaces/shop/reports/live_review?preset=all&locale=en`, { headers: stack.authHeaders });
    const gmv = ((await res.json()) as { kpis: { metric: string; display: { value: string } }[] }).kpis.find((k) => k.metric === 'live_gmv');
    // 12 sessions, GMV 675,009.74 in all (worked out independently in ../shared/samples/expected.json).
    expect(gmv?.display.value).toBe('¥675,009.74');
    expect(await page.getAttribute('[data-test="kpi-live_gmv"] [data-test="kpi-value"]', 'data-exact')).toBe('¥675,009.74');
    // The page is in English since the test before: the card reads K (675.01K = 675,009.74 ÷ 1,000, two decimals).
    expect((await page.textContent('[data-test="kpi-live_gmv"] [data-test="kpi-value"]'))?.trim()).toBe('¥675.01K');
    await screenshot(page, '06-report-live-review');
  }, 60_000);
});
