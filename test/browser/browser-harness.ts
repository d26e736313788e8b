import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseEnv } from '../helpers/test-database';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { setupApp } from '../../apps/api/src/setup-app';
import { TEST_ADMIN_PASSWORD, TEST_AUTH_ENV } from '../helpers/e2e-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(process.cwd(), 'test-results');

/**
 * The real server (ServeStatic needs NestFactory, not the testing module: see STACK.md) with the
 * built web app, on a free loopback port and a fresh DATA_DIR, plus headless Debian Chromium.
 */
export async function startBrowserStack(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'co-browser-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0', ...TEST_AUTH_ENV, ...databaseEnv(dataDir), ...env } as NodeJS.ProcessEnv, {
    webDist: join(process.cwd(), 'dist', 'web'),
    port: 0,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: false });
  setupApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const profile = mkdtempSync(join(tmpdir(), 'co-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(RESULTS, { recursive: true });
  // Sign in as the admin: the browser gets the session cookie, Node-side calls a bearer token.
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
  });
  const session = /co_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
  await context.addCookies([{ name: 'co_session', value: session, url, httpOnly: true, sameSite: 'Strict' }]);
  const authHeaders = { authorization: `Bearer ${decodeURIComponent(session)}` };
  return {
    url,
    app,
    context,
    authHeaders,
    async page(): Promise<Page> {
      return context.pages()[0] ?? context.newPage();
    },
    async close() {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/** Waits until every chart on the page has drawn (ECharts 'finished' -> data-rendered="1"). */
export async function chartsRendered(page: Page, atLeast = 1): Promise<void> {
  // A function (not a string: the page's CSP forbids eval); `document` there is the browser's.
  await page.waitForFunction(
    (n: number) => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
      return d.querySelectorAll('.chart[data-rendered="1"]').length >= n && d.querySelectorAll('.chart:not([data-rendered="1"])').length === 0;
    },
    atLeast,
    { timeout: 20_000 },
  );
}

export type { BrowserContext, Page };

/** Creates workspace `name` and imports `csv` (lines) into it through the API, as the admin. */
export async function workspaceWithCsv(
  stack: { url: string; authHeaders: Record<string, string> },
  name: string,
  fileName: string,
  csv: string[],
): Promise<void> {
  const created = await fetch(`${stack.url}/api/workspaces`, {
    method: 'POST',
    headers: { ...stack.authHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`creating workspace ${name}: HTTP ${created.status}`);
  const form = new FormData();
  form.append('file', new Blob([csv.join('\n')], { type: 'text/csv' }), fileName);
  const res = await fetch(`${stack.url}/api/workspaces/${name}/datasets`, { method: 'POST', headers: stack.authHeaders, body: form });
  if (res.status !== 201) throw new Error(`importing ${fileName}: HTTP ${res.status} ${await res.text()}`);
}

/** Signs in through the login page (cookies dropped first); `next` omitted: the role's own landing page. */
export async function signIn(stack: { url: string; context: BrowserContext }, page: Page, username: string, password: string, next?: string): Promise<void> {
  await stack.context.clearCookies();
  await page.goto(`${stack.url}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  // Element Plus puts the attribute on the <input> itself (or its wrapper in other versions).
  const field = (name: string) => page.locator(`[data-test="${name}"]`).locator('xpath=descendant-or-self::input').first();
  await field('login-username').fill(username);
  await field('login-password').fill(password);
  await page.click('[data-test="login-submit"]');
  await page.waitForSelector(`[data-test="user-menu"][data-username="${username}"]`);
}

/** The side-menu entries shown (nav-<key>). */
export async function menuKeys(page: Page): Promise<string[]> {
  const items = await page.$$('[data-test^="nav-"]');
  return (await Promise.all(items.map((i) => i.getAttribute('data-test')))).map((t) => (t ?? '').slice('nav-'.length)).sort();
}
