/**
 * Work orders in a real browser (issue 13): the technician takes a dispatched repair through
 * arrival and finishing to the client's signature drawn on the pad, the print form carries that
 * signature, and the customer-service centre records a repair callback.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');

describe('work orders (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  let orderId = '';

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

  const state = () => page.getByTestId('work-order-detail').getAttribute('data-state');
  async function step(action: string): Promise<void> {
    await page.getByTestId(`wo-action-${action}`).click();
  }
  async function waitState(s: string): Promise<void> {
    await page.locator(`[data-testid="work-order-detail"][data-state="${s}"]`).waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17300) }),
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
    if (page) await page.screenshot({ path: path.join(RESULTS, `workorders-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  });

  test('the technician arrives, finishes, and the client signs on the pad: accepted, signature kept', async () => {
    await signInAs('engineering.zheng');
    await page.getByTestId('nav-work-orders').click();
    await page.getByTestId('wo-scope-mine').click();
    await page.getByTestId('wo-row').first().waitFor({ timeout: 60_000 });
    orderId = (await page.getByTestId('wo-row').first().getAttribute('data-order-id')) ?? '';
    await page.getByTestId('wo-row').first().click();
    await page.getByTestId('wo-history').waitFor({ timeout: 30_000 });
    expect(await state()).toBe('dispatched');

    await step('arrive');
    await waitState('arrived');
    await step('finish');
    await page.getByTestId('wo-work-done').fill('更换水龙头阀芯，试水无渗漏');
    await page.getByTestId('wo-submit').click();
    await waitState('finished');
    expect(await page.getByTestId('wo-work-done-text').textContent()).toBe('更换水龙头阀芯，试水无渗漏');

    await step('sign');
    await page.getByTestId('wo-signer').fill('王店长');
    await page.getByTestId('wo-submit').click(); // nothing drawn yet: refused before sending
    expect(await page.getByTestId('wo-actions').locator('.el-form-item__error').first().textContent()).toContain('请客户在此签名');
    const pad = await page.getByTestId('signature-pad').boundingBox();
    if (!pad) throw new Error('no signature pad');
    await page.mouse.move(pad.x + 30, pad.y + 80);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(pad.x + 30 + i * 12, pad.y + 80 + Math.round(25 * Math.sin(i / 2)));
    await page.mouse.up();
    await page.getByTestId('wo-submit').click();
    await waitState('accepted');
    expect(await page.getByTestId('wo-acceptance').textContent()).toContain('王店长');
    expect(await page.getByTestId('wo-acceptance').locator('path').count()).toBeGreaterThan(0);
  }, 180_000);

  test('the print form carries the client\'s signature', async () => {
    await page.evaluate(`location.hash = '#/work-orders/${orderId}/print'`);
    await page.getByTestId('print-work-order').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('print-work-order').textContent()).toContain('更换水龙头阀芯');
    expect(await page.getByTestId('print-work-order').getByTestId('signature-view').count()).toBe(1);
    expect(await page.locator('header, nav').count()).toBe(0); // no app chrome on paper
  }, 60_000);

  test('the customer-service centre records a repair callback', async () => {
    await signInAs('intake');
    await page.getByTestId('nav-repair-callbacks').click();
    await page.getByTestId('callback-task').first().waitFor({ timeout: 60_000 });
    const before = await page.getByTestId('callback-task').count();
    await page.getByTestId('callback-record').first().click();
    await page.getByTestId('callback-satisfied').click();
    await page.getByTestId('callback-save').click();
    await page.locator('.el-message--success').waitFor({ timeout: 30_000 });
    await page.waitForFunction(`document.querySelectorAll('[data-testid="callback-task"]').length === ${before - 1}`, undefined, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
