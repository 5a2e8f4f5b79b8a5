/**
 * The client archive and visits in a real browser (issue 10): the business head finds a client by
 * code and reads its record and history; an account manager records a visit with the services of
 * the client's tier and sees the plan count it; the head of quality sees the coverage by name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');

describe('client archive and visits (browser)', () => {
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

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17200) }),
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
    if (page) await page.screenshot({ path: path.join(RESULTS, `clients-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  });

  test('the business head finds a client by its code and reads its record and history', async () => {
    await signInAs('business.head');
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().waitFor({ timeout: 60_000 });
    const all = await page.getByTestId('client-row').count();
    expect(all).toBeGreaterThan(1);
    await page.getByTestId('clients-search').fill('CS1-002');
    await page.waitForFunction("document.querySelectorAll('[data-testid=\"client-row\"]').length === 1", undefined, { timeout: 15_000 });
    expect(await page.getByTestId('clients-total').textContent()).toBe('共 1 户');
    await page.getByTestId('client-row').first().click();
    await page.getByTestId('client-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('client-name').textContent()).toBe('万家福超市(翠湖店)');
    // Its history includes the complaints filed about it by the demo.
    expect(await page.locator('[data-testid="timeline-item"][data-type="ticket"]').count()).toBeGreaterThan(0);
  }, 180_000);

  test('an account manager records a visit with the services of the client\'s tier, and the plan counts it', async () => {
    await signInAs('onsite.ma');
    await page.getByTestId('nav-visits').click();
    await page.getByTestId('plan-item').first().waitFor({ timeout: 60_000 });
    const notYet = page.locator('[data-testid="plan-item"]:has-text("未走访")').first();
    const clientId = await notYet.getAttribute('data-client-id');
    const before = (await page.getByTestId('visit-coverage').textContent()) ?? '';
    const [, visitedBefore] = /已走访户数 (\d+)/.exec(before) ?? [];
    await notYet.getByTestId('record-visit').click();
    await page.getByTestId('visit-save').click(); // no service ticked: refused at the field
    const fieldError = page.getByTestId('visit-dialog').locator('.el-form-item__error');
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.textContent()).toContain('必填');
    await page.getByTestId('visit-services').locator('.el-checkbox').first().click();
    await page.getByTestId('visit-notes').fill('整理烟柜，介绍新品');
    await page.getByTestId('visit-save').click();
    await page.locator('.el-message--success').waitFor({ timeout: 30_000 });
    const item = page.locator(`[data-testid="plan-item"][data-client-id="${clientId}"]`);
    await item.locator('[data-state="done"]').first().waitFor({ timeout: 30_000 });
    const after = (await page.getByTestId('visit-coverage').textContent()) ?? '';
    const [, visitedAfter] = /已走访户数 (\d+)/.exec(after) ?? [];
    expect(Number(visitedAfter)).toBe(Number(visitedBefore) + 1);
  }, 180_000);

  test('the head of quality sees the branch\'s coverage by account manager name', async () => {
    await signInAs('quality.head');
    await page.getByTestId('nav-visits').click();
    await page.getByTestId('coverage-by-manager').locator('tbody tr').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('coverage-by-manager').textContent()).toContain('马俊');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
