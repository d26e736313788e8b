import { chartsRendered, screenshot, startBrowserStack, type Page } from './browser-harness';

/**
 * The 监控 page in real Chromium against the real server, with the default rules (per plan, latest
 * day). A 千川-style export of 40 days, two plans, worked out by hand:
 * - 计划一 (P1): cost 200 a day, ROI about 5; on the last day (2026-10-10) GMV 500 -> ROI 2.5 < 保本ROI
 *   1 / 0.3 = 3.33 with cost 200 ≥ 100 -> one HIGH alert (roi, P1).
 * - 计划二 (P2): CTR about 2%; on the last day 40 clicks / 5000 = 0.8%, down > 30% day over day with
 *   5000 impressions ≥ 1000 -> one MEDIUM alert (ctr, P2), and a CTR anomaly far below its 40-day band.
 * CPA stays flat and every plan has orders, so nothing else fires.
 */
const HEADER = '日期,计划ID,计划名称,消耗(元),展示次数,点击次数,成交订单数,成交金额(元)';
const DAYS = 40;

function adExport(): Buffer {
  const rows = [HEADER];
  const start = Date.UTC(2026, 8, 1);
  for (let i = 0; i < DAYS; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const last = i === DAYS - 1;
    const wiggle = ((i * 7) % 11) - 5; // -5..5, deterministic noise so the band has a width
    rows.push(`${day},P1,计划一,200.00,10000,${300 + wiggle * 4},10,${(last ? 500 : 1000 + wiggle * 20).toFixed(2)}`);
    rows.push(`${day},P2,计划二,150.00,5000,${last ? 40 : 100 + wiggle * 2},3,${(600 + wiggle * 10).toFixed(2)}`);
  }
  return Buffer.from(rows.join('\n') + '\n');
}

type Stack = Awaited<ReturnType<typeof startBrowserStack>>;
interface AlertBody {
  id: string;
  metric: string;
  dimensionValue: string;
  severity: string;
  state: string;
}

describe('monitoring page in Chromium', () => {
  let stack: Stack;
  let page: Page;
  let roiAlert: AlertBody;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    const res = await fetch(`${stack.url}/api/workspaces`, {
      method: 'POST',
      headers: { ...stack.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ads' }),
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(async () => stack?.close());

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${stack.url}/api${path}`, {
      ...init,
      headers: { ...stack.authHeaders, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as T;
  };
  const attributes = async (selector: string, name: string) => Promise.all((await page.$$(selector)).map((h) => h.getAttribute(name)));
  const badgeCount = async () => Number(await page.getAttribute('[data-test="alerts-badge"]', 'data-count'));

  it('uploads an ad export through the page; the header badge counts the new high alert', async () => {
    await page.goto(`${stack.url}/w/ads/datasets`);
    const input = await page.waitForSelector('[data-test="upload"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles({ name: 'qianchuan-40d.csv', mimeType: 'text/csv', buffer: adExport() });
    await page.waitForSelector('[data-test="import-report"]', { timeout: 30_000 });
    await page.waitForSelector('[data-test="alerts-badge"][data-count="1"]', { timeout: 10_000 });

    const { items } = await api<{ items: AlertBody[] }>('/workspaces/ads/alerts');
    expect(items.map((a) => `${a.metric}:${a.dimensionValue}:${a.severity}:${a.state}`).sort()).toEqual(['ctr:P2:medium:new', 'roi:P1:high:new']);
    roiAlert = items.find((a) => a.metric === 'roi')!;
  }, 60_000);

  it('lists the alerts by severity on the 监控 page, with the rows behind them and a report link', async () => {
    await page.click('[data-test="alerts-badge"]');
    await page.waitForURL(/\/w\/ads\/monitor/);
    await page.waitForSelector('[data-test="page-monitor"][data-loading="0"]');
    const card = page.locator(`[data-test="alert-${roiAlert.id}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-severity')).toBe('high');
    expect(await card.getAttribute('data-state')).toBe('new');
    expect(await card.locator('[data-test="alert-message"]').textContent()).toContain('低于保本ROI 3.33');

    // Most severe first: the high group comes before the medium one.
    expect(await attributes('[data-test^="severity-"]', 'data-test')).toEqual(['severity-high', 'severity-medium']);
    expect(await attributes('[data-test^="alert-"][data-severity]', 'data-severity')).toEqual(['high', 'medium']);

    // The rows behind it: the engine's own figures for 计划一 on 2026-10-10.
    await page.click(`[data-test="alert-rows-${roiAlert.id}"]`);
    const evidence = page.locator(`[data-test="table-evidence-${roiAlert.id}"]`);
    await evidence.waitFor({ timeout: 15_000 });
    const text = (await evidence.textContent()) ?? '';
    expect(text).toContain('2026-10-10');
    expect(text).toContain('2.50');
    expect(text).toContain('3.33');

    const href = await page.getAttribute(`[data-test="alert-report-${roiAlert.id}"]`, 'href');
    expect(href).toBe('/w/ads/reports/ad_performance?preset=custom&from=2026-10-10&to=2026-10-10');

    // The anomalies chart: 计划二's CTR drop on the last day is flagged against its expected band.
    await chartsRendered(page);
    expect(await page.textContent('[data-test="anomaly-panel"]')).toContain('10-10 的点击率 0.80%');
    await screenshot(page, 'monitor-01-alerts');
  }, 60_000);

  it('acknowledges the alert: its state changes and the header badge count drops', async () => {
    expect(await badgeCount()).toBe(1);
    await page.click(`[data-test="alert-ack-${roiAlert.id}"]`);
    // The "new" tab no longer lists it; the acknowledged tab does, with its new state.
    await page.waitForSelector(`[data-test="alert-${roiAlert.id}"]`, { state: 'detached', timeout: 10_000 });
    await page.waitForSelector('[data-test="alerts-badge"][data-count="0"]', { timeout: 10_000 });
    await page.click('[data-test="state-tab-acknowledged"]');
    await page.waitForURL(/state=acknowledged/);
    const card = await page.waitForSelector(`[data-test="alert-${roiAlert.id}"]`);
    expect(await card.getAttribute('data-state')).toBe('acknowledged');
    expect(await page.$(`[data-test="alert-ack-${roiAlert.id}"]`)).toBeNull();
    const { items } = await api<{ items: AlertBody[] }>('/workspaces/ads/alerts?state=acknowledged');
    expect(items.map((a) => a.id)).toEqual([roiAlert.id]);
    await screenshot(page, 'monitor-02-acknowledged');

    // Evaluating again creates nothing new and keeps the acknowledgement.
    await page.click('[data-test="evaluate-now"]');
    await page.waitForSelector('.el-message--success');
    expect((await page.getAttribute(`[data-test="alert-${roiAlert.id}"]`, 'data-state')) ?? '').toBe('acknowledged');
    expect(await badgeCount()).toBe(0);
  }, 60_000);

  it('edits rules: the API’s field errors show under their fields, percents are typed as %', async () => {
    const editor = page.locator('[data-test="rule-editor"]');
    await editor.scrollIntoViewIfNeeded();
    expect(await editor.locator('[data-test="rules-table"] tbody tr').count()).toBe(4);
    await page.click('[data-test="rule-new"]');
    const dialog = page.locator('[data-test="rule-dialog"]');
    await dialog.waitFor();
    // No threshold and an empty volume floor: the API names both fields.
    await page.fill('[data-test="rule-min-volume-min"] input', '');
    await page.keyboard.press('Tab');
    await page.click('[data-test="rule-save"]');
    const valueError = dialog.locator('.el-form-item', { has: page.locator('[data-test="rule-value"]') }).locator('.el-form-item__error');
    await valueError.waitFor();
    expect(await valueError.textContent()).toContain('value 必须是数字');
    expect(
      await dialog
        .locator('.el-form-item', { has: page.locator('[data-test="rule-min-volume-min"]') })
        .locator('.el-form-item__error')
        .textContent(),
    ).toContain('minVolume.min');
    await screenshot(page, 'monitor-03-rule-errors');

    // CTR below 1.5% (typed as a percent) with impressions ≥ 2000: stored as 0.015.
    await page.fill('[data-test="rule-value"] input', '1.5');
    await page.keyboard.press('Tab');
    await page.fill('[data-test="rule-min-volume-min"] input', '2000');
    await page.keyboard.press('Tab');
    await page.click('[data-test="rule-save"]');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '[data-test="rules-table"] tbody tr',
        ).length === 5,
    );
    const { items } = await api<{ items: { metric: string; op: string; value: number; minVolume: { metric: string; min: number } | null }[] }>(
      '/workspaces/ads/alert-rules',
    );
    const created = items.find((r) => r.metric === 'ctr' && r.op === '<');
    expect(created).toMatchObject({ value: 0.015, minVolume: { metric: 'impressions', min: 2000 } });
    expect(await editor.textContent()).toContain('低于 1.5%');

    // In English the same API problem reads in English.
    await page.click('[data-test="lang-switch"]');
    await page.waitForSelector('[data-test="lang-switch"][data-locale="en"]');
    await page.click('[data-test="rule-new"]');
    await dialog.waitFor();
    await page.click('[data-test="rule-save"]');
    await valueError.waitFor();
    expect(await valueError.textContent()).toContain('value must be a number');
    await screenshot(page, 'monitor-04-rule-error-en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test="anomaly-panel"]').scrollIntoViewIfNeeded();
    await chartsRendered(page);
    await screenshot(page, 'monitor-05-anomalies-en');
  }, 60_000);
});
