import { startBrowserStack, workspaceWithCsv, type Page } from './browser-harness';

/**
 * A figure just under its limit must not read as the limit. 计划Z spends ¥300 for GMV ¥999.12: ROI
 * 999.12 / 300 = 3.3304, under the default rule's break-even 1 / 0.3 = 3.3333. At the metric's two
 * decimals both read 3.33 ("3.33, below 3.33" looks like a wrong alert); at three they read 3.330 and
 * 3.333, in the message and in the card's figures alike. 计划Y (ROI 0.5) keeps two decimals.
 */
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('alert figures beside their limit (Chromium)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    await workspaceWithCsv(stack, 'close', 'close.csv', [
      '日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)',
      '2026-10-01,P9,计划Z,300.00,10000,100,3,999.12',
      '2026-10-01,P8,计划Y,200.00,10000,100,1,100.00',
    ]);
  }, 120_000);
  afterAll(async () => stack?.close());

  it('writes ROI 3.330 under 3.333 in the message and the figures; 0.50 under 3.33 keeps two decimals', async () => {
    await page.goto(`${stack.url}/w/close/monitor`);
    await page.waitForSelector('[data-test="page-monitor"][data-loading="0"] [data-test="severity-high"]', { timeout: 60_000 });
    const card = (plan: string) => page.locator('[data-test^="alert-"][data-severity]', { hasText: `（ID ${plan}）` }).filter({ hasText: 'ROI' });
    const close = card('P9');
    expect(await close.locator('[data-test="alert-message"]').textContent()).toContain('为 3.330，低于保本ROI 3.333');
    expect((await close.locator('[data-test="alert-observed"]').textContent())?.trim()).toBe('3.330');
    expect((await close.locator('[data-test="alert-threshold"]').textContent())?.trim()).toBe('3.333');
    const far = card('P8');
    expect(await far.locator('[data-test="alert-message"]').textContent()).toContain('为 0.50，低于保本ROI 3.33');
    expect((await far.locator('[data-test="alert-observed"]').textContent())?.trim()).toBe('0.50');
    expect((await far.locator('[data-test="alert-threshold"]').textContent())?.trim()).toBe('3.33');
  }, 60_000);
});
