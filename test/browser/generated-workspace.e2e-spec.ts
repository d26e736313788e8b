import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateExport, type GenerateKind } from '../../apps/cli/src/generate';
import { chartsRendered, screenshot, startBrowserStack, type Page } from './browser-harness';
import { expectCompactCards, expectRatioOfBasis, parseShown, shownKpis, withinRounding } from './screen-figures';

/**
 * The consistency rules on a workspace built from generated exports (the benchmark generator, other
 * seeds than the demo) plus a 巨量引擎 unit report without GMV, in Chromium: 万 on the cards, ROI and
 * CVR equal the inputs they name, one 近30天 window on every page.
 */
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

async function generated(kind: GenerateKind, rows: number, seed: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await generateExport({ kind, rows, seed, out });
  out.end();
  return Buffer.concat(chunks);
}

describe('consistency on a generated workspace (Chromium)', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    const create = await fetch(`${stack.url}/api/workspaces`, {
      method: 'POST',
      headers: { ...stack.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gen' }),
    });
    expect(create.status).toBe(201);
    const files: [string, Buffer, string?][] = [
      ['orders.csv', await generated('order', 4000, 11)],
      ['plans.csv', await generated('ad', 8 * 92, 12), '甜甜爱分享'],
      ['units.csv', readFileSync(join(process.cwd(), 'fixtures', 'samples', 'oceanengine-unit-daily.csv')), '甜甜爱分享'],
    ];
    for (const [name, bytes, account] of files) {
      const form = new FormData();
      form.set('file', new Blob([bytes]), name);
      if (account) form.set('account', account);
      const res = await fetch(`${stack.url}/api/workspaces/gen/datasets`, { method: 'POST', body: form, headers: stack.authHeaders });
      expect([name, res.status]).toEqual([name, 201]);
    }
  }, 120_000);
  afterAll(async () => stack?.close());

  it('dashboard: 万 on the cards, ROI equals the GMV and cost it names, 笔单价 = GMV ÷ 订单数', async () => {
    await page.goto(`${stack.url}/w/gen/dashboard?preset=all`);
    await page.waitForSelector('[data-test="page-dashboard"][data-loading="0"] [data-test="kpi-value"]', { timeout: 30_000 });
    await chartsRendered(page);
    const k = await shownKpis(page);
    expectCompactCards(k);
    expect(Object.values(k).some((x) => /万/.test(x.card))).toBe(true);
    expectRatioOfBasis(k.roi);
    expect(withinRounding(k.avg_order_value.exact, parseShown(k.gmv.exact)! / parseShown(k.paid_orders.exact)!)).toBe(true);
    await screenshot(page, 'generated-01-dashboard');
  }, 90_000);

  it('ad report: ROI and CVR state their covered inputs and equal them; CTR equals the cards beside it', async () => {
    await page.goto(`${stack.url}/w/gen/reports/ad_performance?preset=all`);
    await page.waitForSelector('[data-test="page-report-ad_performance"][data-loading="0"] [data-test="kpi-value"]', { timeout: 30_000 });
    await chartsRendered(page);
    const k = await shownKpis(page);
    expectCompactCards(k);
    expectRatioOfBasis(k.roi);
    expect(k.roi.basis).toContain('仅含两项都有的报表');
    expectRatioOfBasis(k.cvr, 100);
    expect(k.ctr.basis).toBeNull();
    expect(withinRounding(k.ctr.exact, (parseShown(k.clicks.exact)! / parseShown(k.impressions.exact)!) * 100)).toBe(true);
    await screenshot(page, 'generated-02-ad-report');
  }, 90_000);

  it('uses one 近30天 window on the dashboard and every report', async () => {
    await page.goto(`${stack.url}/w/gen/dashboard?preset=last30`);
    const line = await page.waitForSelector('[data-test="page-dashboard"] [data-test="period-line"][data-from]:not([data-from=""])', { timeout: 30_000 });
    const window = [await line.getAttribute('data-from'), await line.getAttribute('data-to')];
    for (const key of ['ad_performance', 'sales_report', 'roi_planner']) {
      await page.goto(`${stack.url}/w/gen/reports/${key}?preset=last30`);
      const el = await page.waitForSelector(`[data-test="page-report-${key}"] [data-test="period-line"][data-from]:not([data-from=""])`, { timeout: 30_000 });
      expect([key, await el.getAttribute('data-from'), await el.getAttribute('data-to')]).toEqual([key, ...window]);
    }
  }, 90_000);
});
