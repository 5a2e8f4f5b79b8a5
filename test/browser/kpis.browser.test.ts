/**
 * Monthly KPIs in a real browser (issue 12): leadership reads last month's published figures for
 * a branch (frozen, approved, rates against targets, departments side by side); the head of quality
 * opens this month and follows a count to the tickets behind it; a staff member sees their own figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type RunningStack } from './support/stack';
import { choose } from './support/ui';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');

describe('monthly KPIs (browser)', () => {
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
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17600) }),
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
    if (page) await page.screenshot({ path: path.join(RESULTS, `kpis-${expect.getState().currentTestName?.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  });

  test('leadership reads a branch\'s published month: frozen, approved, each rate against its target', async () => {
    await signInAs('leader');
    await page.getByTestId('nav-kpis').click();
    await page.getByTestId('kpi-rates').waitFor({ timeout: 60_000 });
    await choose(page, 'kpi-scope', 'b:br-city');
    await page.locator('[data-testid="kpi-source"][data-source="published"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kpi-source').textContent()).toContain('已审核发布，数据已冻结');
    // The rate shown is its numerator over its denominator, and the tag says whether it met its target.
    const card = page.getByTestId('kpi-callbackRate');
    const text = (await card.textContent()) ?? '';
    const [, num, den] = /(\d+) \/ (\d+)/.exec(text) ?? [];
    const [, shown] = /(\d+\.\d)%/.exec(text) ?? [];
    expect(Number(shown)).toBeCloseTo((Number(num) / Number(den)) * 100, 1);
    const [, target] = /目标 (\d+)%/.exec(text) ?? [];
    expect(await page.getByTestId('kpi-callbackRate-attainment').textContent()).toBe(Number(shown) >= Number(target) ? '达标' : '未达标');
    expect(await page.getByTestId('kpi-by-dept').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="kpi-snapshots"] [data-status="approved"]').count()).toBeGreaterThan(0);
  }, 180_000);

  test('the head of quality follows this month\'s "received" count to the tickets behind it', async () => {
    await signInAs('quality.head');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await page.evaluate(`location.hash = '#/kpis/${month}'`);
    await page.locator('[data-testid="kpi-source"][data-source="live"]').waitFor({ timeout: 60_000 });
    const received = Number(await page.getByTestId('kpi-received').getAttribute('data-value'));
    expect(received).toBeGreaterThan(0); // the demo filed complaints this month
    await page.getByTestId('kpi-received').click();
    await page.getByTestId('kpi-drill-ticket').first().waitFor({ timeout: 30_000 });
    const rows = await page.getByTestId('kpi-drill-ticket').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(received);
    await page.getByTestId('kpi-drill-ticket').first().locator('a').click();
    await page.getByTestId('ticket-detail').waitFor({ timeout: 30_000 });
  }, 180_000);

  test('a staff member sees their own figures, and no page error happened', async () => {
    await signInAs('business.wu');
    await page.getByTestId('nav-my-kpis').click();
    await page.getByTestId('my-resolved').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('my-resolved').getAttribute('data-value'))).toBeGreaterThanOrEqual(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
