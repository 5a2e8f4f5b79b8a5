/**
 * Satisfaction surveys for staff in a real browser (issue 11): the head of quality follows the demo
 * campaign's returns per stratum, closes it and reads the report; creates a new campaign, sees the
 * sample it would draw (seed recorded) and opens it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');

describe('satisfaction surveys (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  async function signInAs(login: string): Promise<void> {
    if (!stack) throw new Error('stack not started');
    await page.goto(stack.webUrl);
    await page.locator('[data-testid="signin-email"], [data-testid="header-user"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('signin-email').fill(`${login}@huixiang.demo`);
    await page.getByTestId('signin-password').fill(stack.demo?.password ?? 'huixiang-demo');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-user').waitFor({ timeout: 60_000 });
  }
  const confirm = () => page.locator('.el-message-box__btns .el-button--primary').click();

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17400) }),
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
    if (page) await page.screenshot({ path: path.join(RESULTS, `surveys-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true });
  });

  test('the head of quality follows the returns, closes the campaign and reads its report', async () => {
    await signInAs('quality.head');
    await page.getByTestId('nav-surveys').click();
    await page.getByTestId('campaign-row').first().click();
    await page.getByTestId('campaign-progress').waitFor({ timeout: 60_000 });
    // The rate shown is answered over drawn.
    const text = (await page.getByTestId('campaign-progress').textContent()) ?? '';
    const [, answered, drawn] = /已答 (\d+) \/ (\d+)/.exec(text) ?? [];
    expect(Number(drawn)).toBeGreaterThan(0);
    expect(await page.getByTestId('progress-rate').textContent()).toBe(`${Math.round((Number(answered) / Number(drawn)) * 1000) / 10}%`);

    await page.getByTestId('campaign-close').click();
    await confirm();
    await page.getByTestId('campaign-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('campaign-state').textContent()).toBe('已结束');
    expect(await page.getByTestId('report-satisfied').textContent()).toMatch(/^\d+(\.\d)?%$/);
    await page.getByTestId('survey-topics-chart').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('campaign-export').count()).toBe(1);
  }, 180_000);

  test('a new campaign shows the sample it would draw, with its seed, and opens', async () => {
    await page.evaluate(`location.hash = '#/surveys'`);
    await page.getByTestId('survey-create').click();
    await page.locator('[data-testid="survey-create-submit"]:not([disabled])').waitFor({ timeout: 30_000 }); // the questionnaires are in
    await page.getByTestId('survey-create-submit').click(); // no title yet: refused at the field
    await page.getByTestId('survey-create-dialog').locator('.el-form-item__error').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('survey-title-zh').fill('专项调查：维修服务');
    await page.getByTestId('survey-title-en').fill('Special survey: repairs');
    await page.getByTestId('survey-create-submit').click();
    await page.getByTestId('campaign-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('preview-line').textContent()).toMatch(/总体 \d+ 户，目标至少 \d+ 户，本次抽取 \d+ 户/);
    expect(await page.getByTestId('survey-campaign').textContent()).toMatch(/随机种子 \d+/);
    await page.getByTestId('campaign-open').click();
    await confirm();
    await page.locator('[data-testid="survey-campaign"][data-state="open"]').waitFor({ timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
