/**
 * Walking skeleton in a real browser: the whole local stack (Auth + Functions emulators, the
 * offline Firestore emulator, the trigger bridge, web/dist) driven through Debian's Chromium.
 *
 * The intake agent files a complaint; routing (a Firestore trigger) assigns it asynchronously to
 * the quality department with a due time; a quality staff member then sees the notification.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type DemoStaff, type RunningStack } from './support/stack';
import { choose, chooseFirst, ticketRow } from './support/ui';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');
const ROUTING_TIMEOUT_MS = 45_000;

function pickStaff(stack: RunningStack, match: (s: DemoStaff) => boolean): DemoStaff {
  const found = stack.demo?.staff.find(match);
  if (!found) throw new Error('demo staff not found in scripts/demo-data.mjs');
  return found;
}

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function signIn(page: Page, stack: RunningStack, who: DemoStaff): Promise<void> {
  await page.goto(stack.webUrl);
  await page.getByTestId('signin-email').fill(who.email);
  await page.getByTestId('signin-password').fill(stack.demo?.password ?? 'huixiang-demo');
  await page.getByTestId('signin-submit').click();
  // The shell's chunk loads after sign-in, and whoAmI may cold-start on a busy machine.
  await page.getByTestId('header-user').waitFor({ timeout: 60_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('signout').click();
  await page.getByTestId('signin-email').waitFor();
}

describe('walking skeleton (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17000) }),
      launchChromium(),
    ]);
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`); });
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), stack?.stop()]);
  }, 60_000);

  let ticketId = '';

  test('the intake agent files a complaint and sees it routed to the quality department', async () => {
    if (!stack) throw new Error('stack not started');
    const intake = pickStaff(stack, (s) => s.role === 'intake');
    await signIn(page, stack, intake);
    expect(await page.getByTestId('header-user').textContent()).toBe(intake.displayName);
    expect(await page.getByTestId('header-role').textContent()).toBe('受理员');

    await page.getByTestId('nav-new-ticket').click();
    await chooseFirst(page, 'ticket-client');
    await page.getByTestId('ticket-kind-complaint').click();
    await choose(page, 'ticket-subject', 'service_attitude');
    await choose(page, 'ticket-channel', 'hotline');
    await page.getByTestId('ticket-title').fill('收银员态度恶劣');
    await page.getByTestId('ticket-description').fill('顾客反映 3 号收银台收银员结账时态度恶劣，要求道歉。');
    await page.getByTestId('reporter-name').fill('王女士');
    await page.getByTestId('reporter-phone').fill('13800138000');
    await page.getByTestId('reporter-consent').check();
    await shot(page, 'walking-skeleton-1-new-ticket');
    await page.getByTestId('ticket-submit').click();

    await page.getByTestId('ticket-detail').waitFor({ timeout: 20_000 });
    ticketId = (await page.getByTestId('ticket-detail').getAttribute('data-ticket-id')) ?? '';
    expect(ticketId).not.toBe('');

    // Routing runs in a Firestore trigger; the detail page polls until it shows.
    await page.waitForSelector('[data-testid="ticket-state"][data-state="assigned"]', { timeout: ROUTING_TIMEOUT_MS });
    expect(await page.getByTestId('ticket-state').textContent()).toBe('已分派');
    expect(await page.getByTestId('ticket-owner').textContent()).toBe('品质管理部');
    // a service complaint without a claim is settled at CS-manager level (mall authority rules)
    expect(await page.getByTestId('ticket-authority').textContent()).toContain('客服经理');
    const due = await page.locator('[data-testid="ticket-due"] [data-due]').getAttribute('data-due');
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await page.getByTestId('ticket-time-left').textContent()).toMatch(/剩余|已超时/);
    await page.waitForSelector('[data-testid="ticket-history"][data-count="2"]', { timeout: 10_000 });
    expect(await page.getByTestId('history-event').count()).toBe(2);
    expect(await page.getByTestId('ticket-reporter').count()).toBe(1);
    await shot(page, 'walking-skeleton-2-detail');

    await page.getByTestId('nav-tickets').click();
    const row = ticketRow(page, ticketId);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('ticket-row-state').textContent()).toBe('已分派');
    expect(await row.getByTestId('ticket-row-owner').textContent()).toBe('品质管理部');
    await shot(page, 'walking-skeleton-3-list');
    await signOut(page);
  }, 180_000);

  test('a quality-department staff member sees the unread notification', async () => {
    if (!stack) throw new Error('stack not started');
    // A quality-department member who is not its head: notifications go to the whole department.
    const quality = pickStaff(stack, (s) => s.deptId === 'dept-quality' && s.role === 'quality');
    await signIn(page, stack, quality);
    // (a string: test/tsconfig.json has no DOM types)
    await page.waitForFunction(
      `Number(document.querySelector('[data-testid="notif-badge"]')?.dataset.count ?? '0') >= 1`,
      undefined, { timeout: 30_000 });
    await shot(page, 'walking-skeleton-4-quality-list');

    await page.getByTestId('nav-notifications').click();
    await page.getByTestId('notification').first().waitFor({ timeout: 15_000 });
    await shot(page, 'walking-skeleton-5-notifications');
    expect(await page.locator(`[data-testid="notification"] a[href="#/tickets/${ticketId}"]`).count()).toBeGreaterThanOrEqual(1);
  }, 120_000);

  test('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
