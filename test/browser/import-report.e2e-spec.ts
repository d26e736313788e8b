import { join } from 'node:path';
import { screenshot, startBrowserStack, type Page } from './browser-harness';

/**
 * The import report speaks to users (issue 14): in Chinese with field labels (点击率, not
 * reported_ctr), no English fragments or internal codes, and a 比率核对 tab that lists where the
 * platform's ratios were checked against the recomputation.
 */
const SAMPLES = join(process.cwd(), 'fixtures', 'samples');
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('import report for users (Chromium)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    const res = await fetch(`${stack.url}/api/workspaces`, {
      method: 'POST',
      headers: { ...stack.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shop' }),
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(async () => stack?.close());

  it('reads in Chinese with field labels, and shows the ratio check', async () => {
    await page.goto(`${stack.url}/w/shop/datasets`);
    const input = await page.waitForSelector('[data-test="upload"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles(join(SAMPLES, 'oceanengine-unit-daily.csv'));
    await page.waitForSelector('[data-test="import-report"]', { timeout: 30_000 });
    // The field labels arrive with the dataset's detail, just after the upload's report.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
          .querySelector('[data-test="column-mapping"]')
          ?.textContent.includes('点击率') ?? false,
      undefined,
      { timeout: 15_000 },
    );
    const warnings = (await page.textContent('[data-test="import-warnings"]')) ?? '';
    expect(warnings).not.toMatch(/reported_|cells with|header \(%\)|fractions:/);
    expect(warnings).not.toMatch(/[A-Z]{3,}_[A-Z]+/); // no message codes
    const mapping = (await page.textContent('[data-test="column-mapping"]')) ?? '';
    expect(mapping).not.toContain('reported_');
    expect(mapping).not.toContain('×100');
    await page.click('#tab-reconciliation');
    const recon = await page.waitForSelector('[data-test="reconciliation"]');
    expect(await recon.textContent()).toContain('按明细重算了');
    await screenshot(page, 'import-01-report-for-users');
  }, 60_000);
});
