/**
 * The working calendar screen in a real browser (issue 9 point 2): the admin sees that next year
 * is provisional, pastes the State Council's notice, saves it with the notice's number, and the
 * year is no longer provisional; a make-up working day on a weekday is refused in Chinese before
 * anything is sent; the auditor reads the calendar and cannot change it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');
// A year no built-in schedule covers, far enough ahead that no other suite saves it.
const YEAR = 2031;

describe('working calendar (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  async function signInAs(login: string): Promise<void> {
    if (!stack) throw new Error('stack not started');
    await page.goto(stack.webUrl);
    await page.locator('[data-testid="signin-email"], [data-testid="header-user"]').first().waitFor({ timeout: 30_000 });
    if (await page.getByTestId('header-user').count()) {
      await page.getByTestId('signout').click();
      await page.getByTestId('signin-email').waitFor();
    }
    await page.getByTestId('signin-email').fill(`${login}@huixiang.demo`);
    await page.getByTestId('signin-password').fill(stack.demo?.password ?? 'huixiang-demo');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-user').waitFor({ timeout: 60_000 });
  }

  async function openYear(year: number): Promise<void> {
    await page.evaluate(`location.hash = '#/admin/calendar?year=${year}'`);
    await page.locator(`[data-testid="day-${year}-01-01"]`).waitFor({ timeout: 60_000 });
  }

  const kindOf = (date: string) => page.getByTestId(`day-${date}`).getAttribute('data-kind');

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17700) }),
      launchChromium(),
    ]);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), stack?.stop()]);
  }, 60_000);

  afterEach(async () => {
    if (page) await page.screenshot({ path: path.join(RESULTS, `calendar-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  });

  test('a provisional year: the notice pasted and saved with its number makes it official', async () => {
    await signInAs('admin');
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-months').waitFor({ timeout: 60_000 });
    await openYear(YEAR);
    expect(await page.getByTestId('calendar-provisional').textContent()).toContain(`${YEAR} 年为暂定日历`);
    // Statutory holidays only: New Year's Day is off; the Sunday after it is an ordinary weekend day.
    expect(await kindOf(`${YEAR}-01-01`)).toBe('holiday');
    expect(await kindOf(`${YEAR}-02-16`)).toBe('rest');

    await page.getByTestId('calendar-notice').fill(
      `一、元旦：1月1日至3日放假调休，共3天。\n二、春节：1月22日至28日放假调休，共7天。1月19日（周日）、2月16日（周日）上班。`,
    );
    await page.getByTestId('calendar-notice-read').click();
    expect(await page.getByTestId('calendar-notice-result').textContent()).toContain('识别到 10 个放假日、2 个调休上班日');
    await page.getByTestId('calendar-notice-apply').click();
    await page.locator('.el-message-box__btns .el-button--primary').click(); // "replace this year's days?"
    expect(await kindOf(`${YEAR}-02-16`)).toBe('makeup');
    expect(await page.getByTestId('calendar-dirty').isVisible()).toBe(true);

    await page.getByTestId('calendar-save').click();
    await page.locator('.reason-box input').fill('国办发明电〔2030〕7号');
    await page.locator('.reason-box .el-message-box__btns .el-button--primary').click();
    await page.getByTestId('calendar-official').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('calendar-official').textContent()).toContain('国办发明电〔2030〕7号');
    expect(await page.getByTestId('calendar-provisional').count()).toBe(0);

    // What the server holds now, not what the page remembers: read the year again.
    await page.reload();
    await page.locator(`[data-testid="day-${YEAR}-01-01"]`).waitFor({ timeout: 60_000 });
    expect(await kindOf(`${YEAR}-02-16`)).toBe('makeup');
    expect(await kindOf(`${YEAR}-01-22`)).toBe('holiday');
    expect(await page.getByTestId('calendar-provisional').count()).toBe(0);
  }, 240_000);

  test('a make-up working day on a weekday is refused in Chinese, and nothing is sent', async () => {
    await openYear(YEAR + 1);
    await page.getByTestId('calendar-add-date').locator('input').fill(`${YEAR + 1}-03-03`); // a Wednesday
    await page.getByTestId('calendar-add-date').locator('input').press('Enter');
    await page.getByTestId('calendar-add-makeup').click();
    await page.getByTestId('calendar-add').click();
    await page.getByTestId('calendar-save').click();
    const error = page.getByTestId('error-makeupDays');
    await error.waitFor();
    expect(await error.textContent()).toContain('已经是工作日（有营业时间），不能设为调休上班');
    expect(await page.locator('.reason-box').count()).toBe(0); // refused before the reason is even asked
    await page.getByTestId('calendar-discard').click();
  }, 120_000);

  test('the auditor reads the calendar but has nothing to change it with', async () => {
    await signInAs('auditor');
    await openYear(YEAR);
    expect(await kindOf(`${YEAR}-02-16`)).toBe('makeup'); // the admin's save, seen by someone else
    expect(await page.getByTestId('calendar-save-bar').count()).toBe(0);
    expect(await page.getByTestId('calendar-notice').count()).toBe(0);
    await page.getByTestId(`day-${YEAR}-03-04`).click();
    expect(await page.getByTestId('calendar-day-dialog').textContent()).toContain('只读');
    expect(await page.getByTestId('day-set-holiday').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
