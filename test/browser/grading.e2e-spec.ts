import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ADMIN_PASSWORD } from '../helpers/e2e-app';
import { menuKeys, RESULTS, screenshot, signIn as signInAs, startBrowserStack, type Page } from './browser-harness';

/**
 * Exercises in real Chromium against the real server. A trainee signs in through the login page,
 * opens 推广数据基础指标表 (cj-4.3.4-plan-metrics, 9 rows × 9 value cells, 1 point each) and submits
 * the worked example with ONE cell wrong: the CTR of 短视频带货-牛肉干 given as 展示数 ÷ 点击数
 * (2401419 / 107212 = 22.40) instead of 4.46 %. That cell is marked wrong with the diagnosis
 * 比率的分子分母颠倒了, the 80 others right, 80 / 81 points. Then a grader grades three answers at
 * once and downloads the results workbook.
 */
const EXERCISE = 'cj-4.3.4-plan-metrics';
const EXAMPLE = readFileSync(join(process.cwd(), 'fixtures', 'exercises', EXERCISE, 'example-answer.csv'), 'utf8');
const TRAINEE = { username: 'xiaoming', password: 'trainee-password-1', role: 'trainee' };
const GRADER = { username: 'teacher-li', password: 'grader-password-1', role: 'grader' };

/** The example answer with one cell replaced: row `row` (0 = first data row), column by header. */
function withCell(row: number, header: string, value: string): Buffer {
  const lines = EXAMPLE.replace(/^\uFEFF/, '').split(/\r?\n/);
  const col = lines[0].split(',').indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  const cells = lines[row + 1].split(',');
  cells[col] = value;
  lines[row + 1] = cells.join(',');
  return Buffer.from(lines.join('\n'));
}

type Stack = Awaited<ReturnType<typeof startBrowserStack>>;

describe('exercises and grading in Chromium', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startBrowserStack();
    page = await stack.page();
    const call = (method: string, path: string, body: unknown) =>
      fetch(`${stack.url}${path}`, { method, headers: { ...stack.authHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // Exercises are given to a class (workspace); this class's grader shows expected values after one try.
    expect((await call('POST', '/api/workspaces', { name: 'class-1' })).status).toBe(201);
    for (const user of [TRAINEE, GRADER]) {
      expect((await call('POST', '/api/users', user)).status).toBe(201);
      expect((await call('POST', '/api/workspaces/class-1/members', { username: user.username, role: user.role })).status).toBe(201);
    }
    const bank = (await (await fetch(`${stack.url}/api/exercises`, { headers: stack.authHeaders })).json()) as { items: { id: string }[] };
    for (const { id } of bank.items)
      expect((await call('PUT', `/api/exercises/${id}/assignments/class-1`, { mode: 'practice', revealAfter: 1 })).status).toBe(200);
  }, 60_000);
  afterAll(async () => stack?.close());

  /** Signs in through the login page (the admin's cookie is dropped first); no `next`: the role's landing page. */
  const signIn = (username: string, password: string, next?: string) => signInAs(stack, page, username, password, next);

  it('a trainee lands on the exercise bank, with no workspace menus, and cannot reach a dashboard', async () => {
    await signIn(TRAINEE.username, TRAINEE.password);
    await page.waitForURL(/\/exercises$/);
    expect(await menuKeys(page)).toEqual(['exercises', 'metrics']);
    expect(await page.$('[data-test="workspace-select"]')).toBeNull();
    await page.waitForSelector(`[data-test="exercise-status-${EXERCISE}"]`);
    expect((await page.textContent(`[data-test="exercise-status-${EXERCISE}"]`))?.trim()).toBe('未完成');
    // A workspace page is not theirs: they are sent back to their work, not to a FORBIDDEN.
    await page.goto(`${stack.url}/w/demo/dashboard`);
    await page.waitForURL(/\/exercises$/);
  }, 60_000);

  it('a trainee opens an exercise from the bank, downloads its data and submits an answer with one wrong cell', async () => {
    await page.goto(`${stack.url}/exercises`);
    await page.waitForSelector(`[data-test="exercise-link-${EXERCISE}"]`);
    for (const level of ['初级', '中级', '高级']) expect(await page.$(`[data-test="exercise-level-${level}"]`)).not.toBeNull();
    await screenshot(page, 'grading-01-bank');

    await page.click(`[data-test="exercise-link-${EXERCISE}"]`);
    await page.waitForURL(new RegExp(`/exercises/${EXERCISE}$`));
    await page.waitForSelector('[data-test="exercise-task"]');
    // Trainees get the task only: no answer key, no batch tab.
    expect(await page.$('[data-test="exercise-tabs"]')).toBeNull();
    expect(await page.textContent('[data-test="expected-columns"]')).toContain('CTR');
    const dataLink = page.locator('[data-test^="data-file-"]').first();
    const [data] = await Promise.all([page.waitForEvent('download'), dataLink.click()]);
    await data.saveAs(join(RESULTS, `trainee-${data.suggestedFilename()}`));
    expect(readFileSync(join(RESULTS, `trainee-${data.suggestedFilename()}`)).length).toBeGreaterThan(100);

    const input = await page.waitForSelector('[data-test="submit-answer"] input[type="file"]', { state: 'attached' });
    await input.setInputFiles({ name: 'my-answer.csv', mimeType: 'text/csv', buffer: withCell(0, 'CTR(%)', '22.40') });
    const score = await page.waitForSelector('[data-test="grade-score"]', { timeout: 30_000 });
    expect(await score.getAttribute('data-score')).toBe('80');
    expect(await score.getAttribute('data-max')).toBe('81');

    const wrong = page.locator('[data-test="cell-0-ctr"]');
    expect(await wrong.getAttribute('data-correct')).toBe('false');
    expect(await wrong.locator('[data-test="cell-diagnosis"]').textContent()).toContain('比率的分子分母颠倒了');
    expect(await wrong.textContent()).toContain('应为 4.46%');
    // Every other cell is right, and none of them carries a diagnosis.
    expect(await page.locator('[data-test^="cell-"][data-correct="false"]').count()).toBe(1);
    expect(await page.locator('[data-test^="cell-"][data-correct="true"]').count()).toBe(80);
    expect(await page.locator('[data-test="cell-diagnosis"]').count()).toBe(1);
    expect(await page.getAttribute('[data-test="cell-1-ctr"]', 'data-correct')).toBe('true');
    expect(await page.textContent('[data-test="diagnoses"]')).toContain('比率的分子分母颠倒了');
    // The submission is kept: it is listed among the trainee's own.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(
          '[data-test="submission-history"] tbody tr',
        ).length === 1,
    );

    await wrong.hover();
    await page.waitForSelector('.el-popper .tip', { state: 'visible' });
    await page.locator('[data-test="grade-feedback"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'grading-02-trainee-feedback');

    // Back in the bank, the exercise shows it was done and the best score (80 of 81, as graded above).
    await page.goto(`${stack.url}/exercises`);
    const status = await page.waitForSelector(`[data-test="exercise-status-${EXERCISE}"] [data-test="exercise-best"]`);
    expect((await status.textContent())?.trim()).toBe('最高 80/81');
    expect(await page.textContent(`[data-test="exercise-status-${EXERCISE}"]`)).toContain('已提交 1 次');
    await screenshot(page, 'grading-02b-trainee-bank-status');
  }, 90_000);

  it('a grader runs a batch of three answers and downloads the results workbook', async () => {
    // Graders land on the bank; each task opens on its batch tab.
    await signIn(GRADER.username, GRADER.password);
    await page.waitForURL(/\/exercises$/);
    // A grader is a member of the class (workspace) the exercises are assigned to, and may read it.
    expect(await menuKeys(page)).toEqual(['dashboard', 'exercises', 'metrics', 'reports', 'workspaces']);
    await page.click(`[data-test="exercise-link-${EXERCISE}"]`);
    await page.waitForURL(/tab=batch/);
    await page.waitForSelector('[data-test="exercise-tabs"]');

    const input = await page.waitForSelector('[data-test="batch-upload"] input[type="file"][multiple]', { state: 'attached' });
    await input.setInputFiles([
      { name: 's01.csv', mimeType: 'text/csv', buffer: Buffer.from(EXAMPLE) },
      { name: 's02.csv', mimeType: 'text/csv', buffer: withCell(0, 'CTR(%)', '22.40') },
      { name: 's03.csv', mimeType: 'text/csv', buffer: withCell(2, '消耗(元)', '39000.00') },
    ]);
    await page.waitForSelector('[data-test="batch-table"]', { timeout: 30_000 });
    expect(await page.locator('[data-test="batch-table"] .el-table__body-wrapper tbody tr').count()).toBe(3);
    expect((await page.textContent('[data-test="batch-score-s01"]'))?.trim()).toBe('81');
    expect((await page.textContent('[data-test="batch-score-s02"]'))?.trim()).toBe('80');
    expect((await page.textContent('[data-test="batch-score-s03"]'))?.trim()).toBe('80');
    expect(await page.textContent('[data-test="batch-items"]')).toContain('比率的分子分母颠倒了');
    await screenshot(page, 'grading-03-batch');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click('[data-test="batch-download-xlsx"]')]);
    expect(download.suggestedFilename()).toBe(`${EXERCISE}-grades.xlsx`);
    const path = join(RESULTS, `${EXERCISE}-grades.xlsx`);
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('成绩')!;
    expect(sheet.actualRowCount).toBe(1 + 3);
    const ids = [2, 3, 4].map((r) => String(sheet.getRow(r).getCell(1).value));
    expect(ids.sort()).toEqual(['s01', 's02', 's03']);

    // 全部提交 on the answer tab fits at 1440 px: 得分 and 查看 are on screen, not off the right edge.
    await page.click('#tab-answer');
    const history = page.locator('[data-test="submission-history"]');
    await history.locator('tbody tr').first().waitFor();
    const view = history.locator('[data-test^="submission-view-"]').first();
    const box = await view.boundingBox();
    const table = await history.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(Math.min(1440, table!.x + table!.width) + 1);
    await screenshot(page, 'grading-03b-grader-all-submissions');

    // The answer key, computed by the engine, for graders.
    await page.click('#tab-key');
    await page.waitForSelector('[data-test="answer-key"] .el-table__body tr');
    expect(await page.textContent('[data-test="answer-key"]')).toContain('短视频带货-牛肉干');
    await screenshot(page, 'grading-04-answer-key');
  }, 90_000);

  it('admins see the grader tabs too', async () => {
    await signIn('admin', TEST_ADMIN_PASSWORD, `/exercises/${EXERCISE}?tab=key`);
    await page.waitForSelector('[data-test="answer-key"]');
  }, 60_000);
});
