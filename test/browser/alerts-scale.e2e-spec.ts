import { screenshot, startBrowserStack, workspaceWithCsv, type Page } from './browser-harness';

/**
 * An agency account with thousands of plans raises thousands of alerts: the 监控 page draws them a page
 * at a time (drawing 3,000 cards at once took ~7 s), with the true counts, and "more" appends the next
 * page without repeating or skipping one.
 */
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;
const PLANS = 3_000;

describe('monitor page with thousands of alerts (Chromium)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    // Every plan: cost 200, GMV 100, so ROI 0.5, under the default rule's break-even 1 / 0.3 = 3.33 with cost over its 100 floor.
    const rows = Array.from({ length: PLANS }, (_, k) => `2026-10-01,P${k + 1},计划${k + 1},200.00,10000,100,1,100.00`);
    await workspaceWithCsv(stack, 'agency', 'plans.csv', ['日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)', ...rows]);
  }, 120_000);
  afterAll(async () => stack?.close());

  /** The plan ids of the alert cards on the page, in order. */
  const shownPlans = () =>
    page.$$eval('[data-test="severity-high"] [data-test="alert-message"]', (cells) => cells.map((c) => /（ID (P\d+)）/.exec(c.textContent ?? '')?.[1] ?? '?'));

  it('draws the first 100 alerts with the true counts, and "more" appends the next 100', async () => {
    const started = Date.now();
    await page.goto(`${stack.url}/w/agency/monitor`);
    await page.waitForSelector('[data-test="page-monitor"][data-loading="0"] [data-test="severity-high"]', { timeout: 60_000 });
    console.log(`monitor page with ${PLANS} alerts drawn in ${Date.now() - started} ms`);
    // Ties (one severity, window and rule) go by plan id as text: P1, P10, P100, P1000, P1001, ...
    const byId = Array.from({ length: PLANS }, (_, k) => `P${k + 1}`).sort();
    expect(await shownPlans()).toEqual(byId.slice(0, 100));
    expect(await page.textContent('[data-test="severity-high"] .group-title')).toContain(String(PLANS));
    expect(await page.textContent('[data-test="state-tab-new"]')).toContain(`(${PLANS})`);
    expect(await page.textContent('[data-test="alerts-more"]')).toContain(`已显示 100 / 共 ${PLANS} 条`);
    await page.click('[data-test="alerts-more"]');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '[data-test="severity-high"] [data-test="alert-message"]',
        ).length === 200,
    );
    expect(await shownPlans()).toEqual(byId.slice(0, 200));
    expect(await page.textContent('[data-test="alerts-more"]')).toContain(`已显示 200 / 共 ${PLANS} 条`);
    await screenshot(page, 'monitor-03-thousands-of-alerts');
  }, 120_000);
});
