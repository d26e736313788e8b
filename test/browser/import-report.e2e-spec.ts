import { join } from 'node:path';
import { everyCtrWrongCsv } from '../helpers/ad-exports';
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

  it('counts every disagreement of an export whose CTR disagrees on every row, and lists the first 200 rows’ with the total row’s', async () => {
    // 1,500 rows with CTR i / 1000 written as 9.99% (all wrong: 0.099 and 0.100 are the nearest); the total's 75.05% is right.
    const csv = everyCtrWrongCsv(1_500);
    await page.goto(`${stack.url}/w/shop/datasets`);
    const input = await page.waitForSelector('[data-test="upload"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles({ name: 'every-ctr-wrong.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('[data-test="import-report"]', { timeout: 30_000 });
    expect(await page.textContent('#tab-reconciliation')).toContain('(1500)');
    await page.click('#tab-reconciliation');
    const counts = await page.waitForSelector('[data-test="reconciliation-counts"]');
    expect(await counts.textContent()).toBe('不一致共 1,500 处：点击率(导出) 1,500 处');
    const lines = await page.$$eval('[data-test="reconciliation-issues"] tbody tr td:first-child', (cells) => cells.map((c) => c.textContent?.trim()));
    expect(lines).toEqual(Array.from({ length: 200 }, (_, k) => String(k + 2)));
    await screenshot(page, 'import-02-reconciliation-counted');
    // Page 2 comes from the stored rows: lines 202..401, reported 9.99%, recomputed (line - 1) / 1000: 201 / 1000 = 20.1% on line 202 (shown to 4 decimals).
    /** Waits for the pager's page to be drawn: its first line is `line`. */
    const firstLineShown = (line: string) =>
      page.waitForFunction(
        (expected) =>
          (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
            .querySelector('[data-test="reconciliation-issues"] tbody tr td')
            ?.textContent.trim() === expected,
        line,
      );
    await page.click('[data-test="reconciliation-pager"] .number:text-is("2")');
    await firstLineShown('202');
    const secondPage = await page.$$eval('[data-test="reconciliation-issues"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    );
    expect(secondPage.map((cells) => cells[0])).toEqual(Array.from({ length: 200 }, (_, k) => String(k + 202)));
    expect(secondPage[0].slice(2)).toEqual(['9.9900%', '20.1000%']);
    // The last page ends the sequence: rows 1,401..1,500 (lines 1,402..1,501), the total row being right.
    await page.click('[data-test="reconciliation-pager"] .number:text-is("8")');
    await firstLineShown('1402');
    expect(await page.$$eval('[data-test="reconciliation-issues"] tbody tr', (trs) => trs.length)).toBe(100);
  }, 60_000);
});
