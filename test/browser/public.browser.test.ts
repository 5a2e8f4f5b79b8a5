/**
 * The pages clients use without signing in (issue 11), in a real browser on a phone-sized screen:
 * a survey from a personal link (answers kept as they go, refused when incomplete, sent once, the
 * link then says it was used), and feedback filed on the web with its receipt and the follow-up
 * page refusing a wrong code — all in Chinese.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';
import { choose } from './support/ui';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');

describe('public pages (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17500) }),
      launchChromium(),
    ]);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), stack?.stop()]);
  }, 60_000);

  afterEach(async () => {
    if (page) await page.screenshot({ path: path.join(RESULTS, `public-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true });
  });

  test('a client answers a survey from their link: kept as they go, refused while incomplete, sent once', async () => {
    const token = stack?.surveyToken;
    expect(token).toBeTruthy(); // the demo leaves one link unanswered
    await page.goto(`${stack!.webUrl}/#/s/${token}`);
    await page.locator('[data-question]').first().waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('/s/'); // not sent to the staff sign-in

    // The first rating, then a reload: the answer was saved as a draft.
    const firstRating = page.locator('[data-question][data-type="rating"]').first();
    const ratingId = await firstRating.getAttribute('data-question');
    await firstRating.locator('[data-rating="4"]').click();
    await page.getByTestId('survey-saved').waitFor({ timeout: 30_000 });
    await page.reload();
    await page.locator(`[data-question="${ratingId}"] [data-rating="4"].on`).waitFor({ timeout: 60_000 });

    // Sending with required questions unanswered is refused at those questions.
    await page.getByTestId('survey-submit').click();
    expect(await page.locator('[data-question].bad').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('survey-thanks').count()).toBe(0);

    // Answer everything required.
    for (const q of await page.locator('[data-question]').all()) {
      const type = await q.getAttribute('data-type');
      if (type === 'rating') await q.locator('[data-rating="5"]').click();
      else if (type === 'single') await q.locator('.el-radio').first().click();
      else if (type === 'multiple') await q.locator('.el-checkbox').first().click();
      else await q.locator('textarea').fill('送货及时，服务很好');
    }
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-thanks').waitFor({ timeout: 30_000 });

    // The link works once.
    await page.reload();
    await page.getByTestId('survey-refused').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('survey-refused').textContent()).toContain('您已提交过此问卷');
  }, 240_000);

  test('a client files a complaint on the web and gets its number; a wrong follow code is refused in Chinese', async () => {
    await page.goto(`${stack!.webUrl}/#/feedback`);
    await page.getByTestId('feedback-title').waitFor({ timeout: 60_000 });
    await page.getByTestId('feedback-title').fill('收银台排队太久');
    await page.getByTestId('feedback-name').fill('赵先生');
    await page.getByTestId('feedback-phone').fill('13900001111');
    await page.getByTestId('feedback-consent').click();
    await page.getByTestId('feedback-submit').click(); // a complaint without its subject
    const fieldError = page.locator('.el-form-item__error').first();
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.textContent()).toMatch(/投诉/);
    expect(await page.getByTestId('feedback-receipt').count()).toBe(0);

    await choose(page, 'feedback-subject', 'service_attitude');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-receipt').waitFor({ timeout: 60_000 });
    const number = (await page.getByTestId('feedback-receipt').getAttribute('data-number')) ?? '';
    expect(number).toMatch(/^HX-\d{8}-\d{4,}$/);
    expect(await page.getByTestId('feedback-receipt').textContent()).toContain('查询码已通过短信发送');

    await page.getByTestId('feedback-follow').click();
    await page.getByTestId('follow-code').waitFor();
    expect(await page.getByTestId('follow-number').inputValue()).toBe(number);
    await page.getByTestId('follow-code').fill('000000');
    await page.getByTestId('follow-submit').click();
    await page.getByTestId('follow-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('follow-error').textContent()).toBe('编号或查询码不正确');
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
