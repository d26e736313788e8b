import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { chartsRendered, menuKeys, RESULTS, screenshot, signIn, startBrowserStack, type Page } from './browser-harness';
import { expectCompactCards, moneyIn, parseShown, shownKpis, withinRounding } from './screen-figures';

/**
 * The operator's journey on the demo workspace, in Chromium at 1440×900 zh-CN, checking that what
 * sits side by side agrees (issue 14): sign in -> lands on 经营看板 -> upload -> dashboard -> every
 * report on the same 近30天 window -> ad report -> CSV and XLSX -> alerts. Every ratio checked here
 * is recomputed in the test from the inputs the screen shows.
 */
const OPERATOR = { username: 'yunying', password: 'operator-password-1', role: 'operator' };
const SAMPLES = join(process.cwd(), 'fixtures', 'samples');
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('operator journey on the demo (Chromium)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack({ DEMO: '1' });
    page = await stack.page();
    const post = (path: string, body: unknown) =>
      fetch(`${stack.url}/api${path}`, { method: 'POST', headers: { ...stack.authHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/users', OPERATOR)).status).toBe(201);
    expect((await post('/workspaces/demo/members', { username: OPERATOR.username, role: 'operator' })).status).toBeLessThan(300);
  }, 120_000);
  afterAll(async () => stack?.close());

  const waitDashboard = () => page.waitForSelector('[data-test="page-dashboard"][data-loading="0"] [data-test="kpi-value"]', { timeout: 30_000 });

  it('lands on the dashboard with only the menus an operator can open', async () => {
    await signIn(stack, page, OPERATOR.username, OPERATOR.password);
    await page.waitForURL(/\/w\/demo\/dashboard/);
    expect(await menuKeys(page)).toEqual(['dashboard', 'datasets', 'exercises', 'metrics', 'monitor', 'reports', 'workspaces']);
  }, 60_000);

  it('uploads an export and reads the import report', async () => {
    await page.goto(`${stack.url}/w/demo/datasets`);
    const input = await page.waitForSelector('[data-test="upload"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles(join(SAMPLES, 'oceanengine-unit-daily.csv'));
    await page.waitForSelector('[data-test="import-report"]', { timeout: 30_000 });
    expect(Number(((await page.textContent('[data-test="rows-accepted"]')) ?? '').replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(page, 'operator-01-import-report');
  }, 60_000);

  it('shows a dashboard whose cards agree with themselves: 万 from 10,000, 环比 on ≥ 10 KPIs, ROI = the inputs it shows', async () => {
    await page.goto(`${stack.url}/w/demo/dashboard`);
    await waitDashboard();
    await chartsRendered(page);
    const kpis = await shownKpis(page);
    expect(Object.keys(kpis).length).toBeGreaterThanOrEqual(10);
    expectCompactCards(kpis);
    const withChange = Object.values(kpis).filter((k) => k.delta !== '-' && k.delta !== '');
    expect(withChange.length).toBeGreaterThanOrEqual(10);
    // ROI beside the shop GMV card: it names the GMV and cost it divides, and equals their ratio.
    const roi = kpis.roi;
    expect(roi.basis).toContain('口径');
    const [adGmv, cost] = moneyIn(roi.basis!);
    expect(withinRounding(roi.exact, adGmv / cost)).toBe(true);
    // 笔单价 = GMV ÷ 支付订单数 from the exact figures on the two cards beside it.
    expect(withinRounding(kpis.avg_order_value.exact, parseShown(kpis.gmv.exact)! / parseShown(kpis.paid_orders.exact)!)).toBe(true);
    await screenshot(page, 'operator-02-dashboard');
  }, 90_000);

  it('uses the same 近30天 dates on the dashboard and on every report', async () => {
    await page.goto(`${stack.url}/w/demo/dashboard?preset=last30`);
    await waitDashboard();
    const line = page.locator('[data-test="period-line"]').first();
    const window = [await line.getAttribute('data-from'), await line.getAttribute('data-to')];
    expect(window[0]).toMatch(/^\d{4}-\d\d-\d\d$/);
    const catalogue = (await (await fetch(`${stack.url}/api/workspaces/demo/reports`, { headers: stack.authHeaders })).json()) as {
      items: { key: string; available: boolean }[];
    };
    const available = catalogue.items.filter((r) => r.available).map((r) => r.key);
    expect(available.length).toBeGreaterThanOrEqual(6);
    for (const key of available) {
      await page.goto(`${stack.url}/w/demo/reports/${key}?preset=last30`);
      const el = await page.waitForSelector(`[data-test="page-report-${key}"] [data-test="period-line"]`, { timeout: 30_000 });
      expect([key, await el.getAttribute('data-from'), await el.getAttribute('data-to')]).toEqual([key, ...window]);
    }
  }, 180_000);

  it('ad report: each ratio card equals the inputs shown; the plan table sums to its 合计 row; the funnel never grows', async () => {
    await page.goto(`${stack.url}/w/demo/reports/ad_performance?preset=last30`);
    await page.waitForSelector('[data-test="page-report-ad_performance"][data-loading="0"] [data-test="kpi-value"]', { timeout: 30_000 });
    await chartsRendered(page);
    const k = await shownKpis(page);
    const n = (m: string) => parseShown(k[m].exact)!;
    // A ratio whose card carries a basis divides the basis (only exports carrying both inputs).
    const ratioOf = (m: string, num: string, den: string) => (k[m].basis ? moneyOrCount(k[m].basis!) : [n(num), n(den)]);
    const [clicks, imps] = ratioOf('ctr', 'clicks', 'impressions');
    expect(withinRounding(k.ctr.exact, (clicks / imps) * 100)).toBe(true);
    const [gmv, cost] = k.roi.basis ? moneyIn(k.roi.basis) : [n('ad_gmv'), n('cost')];
    expect(withinRounding(k.roi.exact, gmv / cost)).toBe(true);
    // The uploaded 巨量引擎 unit report has cost but no GMV: ROI says which cost it used.
    expect(k.roi.basis).toContain('仅含两项都有的报表');
    expect(cost).toBeLessThan(n('cost'));

    const table = page.locator('[data-test="table-plans"]');
    const footer = ((await table.locator('.el-table__footer-wrapper td').first().textContent()) ?? '').trim();
    const rows = await table.locator('.el-table__body-wrapper tbody tr').count();
    const headers = (await table.locator('.el-table__header-wrapper th').allTextContents()).map((h) => h.trim());
    const costCol = headers.findIndex((h) => h.startsWith('消耗'));
    const costs = await table.locator(`.el-table__body-wrapper tbody tr td:nth-child(${costCol + 1})`).allTextContents();
    const footerCost = parseShown((await table.locator(`.el-table__footer-wrapper td:nth-child(${costCol + 1})`).textContent()) ?? '')!;
    if (footer === '合计') {
      // 合计 sums the rows shown (exact to the cent).
      expect(Math.round(costs.reduce((s, c) => s + parseShown(c)! * 100, 0))).toBe(Math.round(footerCost * 100));
    } else {
      expect(footer).toMatch(/^全部 \d+ 个$/);
      expect(Number(/\d+/.exec(footer)![0])).toBeGreaterThan(rows);
    }
    const funnel = await fetch(`${stack.url}/api/workspaces/demo/reports/ad_performance?preset=last30`, { headers: stack.authHeaders });
    const stages = ((await funnel.json()) as { charts: { id: string; option: { series: { data: { value: number }[] }[] } }[] }).charts
      .find((c) => c.id === 'ad_funnel')!
      .option.series[0].data.map((d) => d.value);
    for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeLessThanOrEqual(stages[i - 1]);
    await screenshot(page, 'operator-03-ad-report');
  }, 90_000);

  it('content ranking: the summary row of a top-10 list says 全部 N 个, not 合计', async () => {
    await page.goto(`${stack.url}/w/demo/reports/content_ranking?preset=last30`);
    await page.waitForSelector('[data-test="table-works"] .el-table__footer-wrapper td', { timeout: 30_000 });
    const rows = await page.locator('[data-test="table-works"] .el-table__body-wrapper tbody tr').count();
    const footer = ((await page.locator('[data-test="table-works"] .el-table__footer-wrapper td').first().textContent()) ?? '').trim();
    expect(rows).toBe(10);
    expect(footer).toMatch(/^全部 \d+ 个$/);
    expect(Number(/\d+/.exec(footer)![0])).toBeGreaterThan(rows);
    await screenshot(page, 'operator-04-content-ranking');
  }, 60_000);

  it('exports CSV and XLSX that Excel reads right: ids as text, percents as numbers formatted %, money ¥', async () => {
    await page.goto(`${stack.url}/w/demo/reports/ad_performance?preset=last30`);
    await page.waitForSelector('[data-test="page-report-ad_performance"][data-loading="0"] [data-test="table-plans"]', { timeout: 30_000 });
    const csvHref = await page.locator('[data-test="table-plans"] a[download]').first().getAttribute('href');
    const csv = await (await fetch(new URL(csvHref!, stack.url), { headers: stack.authHeaders })).text();
    const [header, ...body] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const idCol = header.indexOf('计划ID');
    const ctrCol = header.indexOf('点击率');
    const [clkCol, impCol] = [header.indexOf('点击数'), header.indexOf('展示数')];
    expect(Math.min(idCol, ctrCol, clkCol, impCol)).toBeGreaterThanOrEqual(0);
    const nameCol = header.indexOf('计划名称');
    for (const row of body.slice(0, -1)) {
      // A leading tab, as 抖店/千川 exports: Excel keeps all 19 digits. The 巨量引擎 unit report has no plan: one named group.
      if (row[nameCol] === '（无计划的报表）') expect(row[idCol]).toBe('');
      else expect(row[idCol]).toMatch(/^\t\d{19}$/);
      expect(row[ctrCol]).toMatch(/^\d+\.\d\d%$/);
      expect(withinRounding(row[ctrCol], (Number(row[clkCol]) / Number(row[impCol])) * 100)).toBe(true);
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="download-xlsx"]')]);
    const path = join(RESULTS, 'operator-ad_performance.xlsx');
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    const plans = wb.worksheets.find((w) => w.name === '计划数据')!;
    expect(plans).toBeDefined();
    const head = (plans.getRow(1).values as unknown[]).map(String);
    const id = head.indexOf('计划ID');
    const ctr = head.indexOf('点击率');
    const cost = head.indexOf('消耗');
    // The first plan row that has an id (the no-plan group has none).
    let r = 2;
    while (plans.getRow(r).getCell(id).value === null) r++;
    const second = plans.getRow(r);
    expect(typeof second.getCell(id).value).toBe('string');
    expect(String(second.getCell(id).value)).toMatch(/^\d{19}$/);
    expect(typeof second.getCell(ctr).value).toBe('number');
    expect(second.getCell(ctr).numFmt).toContain('%');
    expect(second.getCell(cost).numFmt).toContain('¥');
    const kpiSheet = wb.getWorksheet('核心指标')!;
    const costRow = kpiSheet.getRows(2, kpiSheet.rowCount - 1)!.find((r) => r.getCell(1).value === '消耗')!;
    expect(typeof costRow.getCell(2).value).toBe('number');
    expect(costRow.getCell(2).numFmt).toContain('¥');
    const prov = wb.getWorksheet('数据来源')!;
    const generated = prov.getRows(1, prov.rowCount)!.find((r) => r.getCell(1).value === '生成时间')!;
    expect(String(generated.getCell(2).value)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 北京时间$/);
  }, 90_000);

  it('sees the alerts the default rules raise on the demo', async () => {
    await page.goto(`${stack.url}/w/demo/monitor`);
    await page.waitForSelector('[data-test="page-monitor"][data-loading="0"]', { timeout: 30_000 });
    await page.waitForSelector('[data-test^="alert-"][data-severity]', { timeout: 30_000 });
    expect(await page.locator('[data-test^="alert-"][data-severity]').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'operator-05-alerts');
  }, 60_000);
});

/** Two counts or amounts out of a basis line ('… 点击数 1,234 · 展示数 56,789 …'). */
function moneyOrCount(text: string): [number, number] {
  const nums = [...text.matchAll(/[¥]?([\d,]+(?:\.\d+)?)/g)].map((m) => Number(m[1].replace(/,/g, ''))).filter((x) => Number.isFinite(x));
  return [nums[nums.length - 2], nums[nums.length - 1]];
}
