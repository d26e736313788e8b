import { screenshot, startBrowserStack, type Page } from './browser-harness';

/**
 * The 用户 page in real Chromium: every user with role, last sign-in and state; an account slowed
 * down by failed sign-ins is shown as such and the admin unlocks it; a reset and a disable end the
 * user's access (checked through the API).
 */
type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('users page in Chromium', () => {
  let stack: Stack;
  let page: Page;
  const login = (username: string, password: string) =>
    fetch(`${stack.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    const res = await fetch(`${stack.url}/api/users`, {
      method: 'POST',
      headers: { ...stack.authHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'wang-password-1', role: 'operator' }),
    });
    expect(res.status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login('wang', 'wrong-password')).status).toBe(401);
  }, 60_000);
  afterAll(async () => stack?.close());

  it('lists users with their state, unlocks, resets and disables', async () => {
    await page.goto(`${stack.url}/users`);
    await page.waitForSelector('[data-test="users-list"] tbody tr');
    expect(await page.textContent('[data-test="users-list"]')).toContain('admin');
    expect(await page.textContent('[data-test="user-state-wang"]')).toContain('登录受限');
    await screenshot(page, 'users-01-list');

    await page.click('[data-test="user-unlock-wang"]');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
        .querySelector('[data-test="user-state-wang"]')
        ?.textContent?.includes('正常'),
    );
    expect((await login('wang', 'wang-password-1')).status).toBe(200);

    await page.click('[data-test="user-reset-wang"]');
    await page.fill('.el-message-box input', 'wang-password-2');
    await page.click('.el-message-box .el-button--primary');
    await page.waitForSelector('.el-message--success');
    expect((await login('wang', 'wang-password-1')).status).toBe(401);
    expect((await login('wang', 'wang-password-2')).status).toBe(200);

    await page.click('[data-test="user-disable-wang"]');
    await page.click('.el-message-box .el-button--primary');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
        .querySelector('[data-test="user-state-wang"]')
        ?.textContent?.includes('已停用'),
    );
    expect((await login('wang', 'wang-password-2')).status).toBe(401);
    await screenshot(page, 'users-02-disabled');
  }, 90_000);
});
