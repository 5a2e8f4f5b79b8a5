/**
 * The complaint lifecycle in a real browser, driven through the ticket detail page's actions
 * by the people who take them (one stack for the file; sign out / sign in between people).
 *
 * Happy path: intake files a complaint → routing gives it to the quality department → a quality
 * staff member accepts it and records the resolution → the head of quality signs it off →
 * callback, client satisfied → a quality staff member who did not resolve it verifies → 已关闭.
 * Reopen path: … the client is not satisfied at the callback → back to 处理中, one level up.
 * The buttons shown are the server's `allowedActions`; the tests check what a person sees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { portBase, startStackProcess, type DemoStaff, type RunningStack } from './support/stack';
import { choose, chooseFirst, ticketRow } from './support/ui';

const REPO = path.resolve(__dirname, '../..');
const RESULTS = path.join(REPO, 'test-results');
const ROUTING_TIMEOUT_MS = 45_000;

describe('complaint lifecycle (browser)', () => {
  let stack: RunningStack | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  const staffByEmail = (login: string): DemoStaff => {
    const found = stack?.demo?.staff.find((s) => s.email === `${login}@huixiang.demo`);
    if (!found) throw new Error(`demo staff ${login} not found in scripts/demo-data.mjs`);
    return found;
  };

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
  }

  async function signInAs(login: string): Promise<DemoStaff> {
    if (!stack) throw new Error('stack not started');
    const who = staffByEmail(login);
    await page.goto(stack.webUrl);
    // Still signed in (e.g. after a failed test)? Sign out first.
    await page.locator('[data-testid="signin-email"], [data-testid="header-user"]').first().waitFor({ timeout: 30_000 });
    if (await page.getByTestId('header-user').count()) await signOut();
    await page.getByTestId('signin-email').fill(who.email);
    await page.getByTestId('signin-password').fill(stack.demo?.password ?? 'huixiang-demo');
    await page.getByTestId('signin-submit').click();
    // The shell's chunk loads after sign-in, and whoAmI may cold-start on a busy machine.
    await page.getByTestId('header-user').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('header-user').textContent()).toBe(who.displayName);
    return who;
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('signout').click();
    await page.getByTestId('signin-email').waitFor();
  }

  async function openTicket(id: string): Promise<void> {
    await page.evaluate(`location.hash = '#/tickets/${id}'`);
    await page.locator(`[data-testid="ticket-detail"][data-ticket-id="${id}"]`).waitFor({ timeout: 15_000 });
  }

  /** Opens a queue tab and the ticket from its row, as a person would. */
  async function openFromQueue(queue: string, id: string): Promise<void> {
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId(`queue-${queue}`).click();
    const row = ticketRow(page, id);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('ticket-row-title').click();
    await page.locator(`[data-testid="ticket-detail"][data-ticket-id="${id}"]`).waitFor({ timeout: 15_000 });
  }

  async function waitForState(state: string, zh: string): Promise<void> {
    await page.waitForSelector(`[data-testid="ticket-state"][data-state="${state}"]`, { timeout: 15_000 });
    expect(await page.getByTestId('ticket-state').textContent()).toBe(zh);
  }

  /** The action buttons the page shows (the server's allowedActions for the person signed in). */
  async function offered(): Promise<string[]> {
    const ids = await page.locator('[data-testid="ticket-actions"] .action-buttons button').evaluateAll(
      (els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^action-/, '')));
    return ids.sort();
  }

  /** Clicks the action's button, fills its inline form, submits, and waits for the confirmation. */
  async function act(action: string, fields: { fill?: Record<string, string>; select?: Record<string, string> } = {}): Promise<void> {
    await page.getByTestId(`action-${action}`).click();
    const form = page.getByTestId(`action-form-${action}`);
    await form.waitFor();
    // Choices are radio buttons (one click each), e.g. action-field-outcome-reached.
    for (const [name, value] of Object.entries(fields.select ?? {})) await form.getByTestId(`action-field-${name}-${value}`).click();
    for (const [name, value] of Object.entries(fields.fill ?? {})) await form.getByTestId(`action-field-${name}`).fill(value);
    await form.getByTestId('action-form-submit').click();
    await page.locator('[data-testid="action-notice"][data-kind="ok"]').waitFor({ timeout: 20_000 });
  }

  async function historyTitles(): Promise<string[]> {
    return page.getByTestId('history-event-title').allTextContents();
  }

  /** Intake files a service-attitude complaint (routed to 品质管理部) and waits for routing. */
  async function fileComplaint(title: string): Promise<string> {
    await signInAs('intake');
    await page.getByTestId('nav-new-ticket').click();
    await chooseFirst(page, 'ticket-client');
    await page.getByTestId('ticket-kind-complaint').click();
    await choose(page, 'ticket-subject', 'service_attitude');
    await choose(page, 'ticket-channel', 'hotline');
    await page.getByTestId('ticket-title').fill(title);
    await page.getByTestId('ticket-description').fill('客户来电反映服务人员态度生硬，要求处理并答复。');
    await page.getByTestId('reporter-name').fill('周先生');
    await page.getByTestId('reporter-phone').fill('13900001234');
    await page.getByTestId('reporter-consent').check();
    // The desk promised the client an answer within three days (the picker takes typed text).
    const promised = new Date(Date.now() + 3 * 24 * 3600_000);
    const shanghai = new Date(promised.getTime() + 8 * 3600_000).toISOString();
    const typed = `${shanghai.slice(0, 10)} 17:00`;
    await page.getByTestId('ticket-promised-reply').locator('input').fill(typed);
    await page.getByTestId('ticket-promised-reply').locator('input').press('Enter');
    await page.getByTestId('ticket-submit').click();
    await page.getByTestId('ticket-detail').waitFor({ timeout: 20_000 });
    const id = (await page.getByTestId('ticket-detail').getAttribute('data-ticket-id')) ?? '';
    expect(id).not.toBe('');
    expect(await page.getByTestId('ticket-promised').getAttribute('data-promised')).toBe(new Date(`${shanghai.slice(0, 10)}T17:00:00+08:00`).toISOString());
    await page.waitForSelector('[data-testid="ticket-state"][data-state="assigned"]', { timeout: ROUTING_TIMEOUT_MS });
    expect(await page.getByTestId('ticket-owner').textContent()).toBe('品质管理部');
    // The person who took it in may act only later (callback); nothing to do while it is assigned.
    expect(await offered()).toEqual([]);
    await signOut();
    return id;
  }

  /** A quality staff member (刘芳) accepts the ticket and records cause and measures. */
  async function acceptAndSubmitResolution(id: string): Promise<void> {
    await signInAs('quality.liu');
    await openFromQueue('department', id);
    await waitForState('assigned', '已分派');
    expect(await offered()).toContain('accept');
    expect(await offered()).not.toContain('resolve'); // signing off is for the head
    await act('accept');
    await waitForState('in_progress', '处理中');
    expect(await offered()).toEqual(expect.arrayContaining(['submit_resolution', 'wait_on_client', 'transfer']));

    // The form validates with the action's schema before anything is sent.
    await page.getByTestId('action-submit_resolution').click();
    await page.getByTestId('action-form-submit').click();
    await page.waitForSelector('[data-testid="action-error-cause"]:not([hidden])');
    expect(await page.getByTestId('action-error-cause').textContent()).toBe('必填');
    await page.getByTestId('action-form-cancel').click();

    await act('submit_resolution', {
      fill: {
        cause: '值班人员服务意识不足，未按规范用语答复客户。',
        measures: '已向客户当面致歉，对当事人进行批评教育并重新培训服务规范。',
        prevention: '每月开展一次服务礼仪抽查。',
      },
    });
    await page.getByTestId('ticket-resolution').waitFor();
    expect(await page.getByTestId('resolution-signed-off-by').textContent()).toBe('待部门负责人审核签发');
    expect(await page.getByTestId('resolution-submitted-by').textContent()).toContain('刘芳');

    // It is now in her own queue.
    await openFromQueue('mine', id);
    await signOut();
  }

  /** The head of quality (王建国) signs off: the form is prefilled with the submitted resolution. */
  async function signOff(id: string): Promise<void> {
    await signInAs('quality.head');
    await openTicket(id);
    await waitForState('in_progress', '处理中');
    await page.getByTestId('action-resolve').click();
    expect(await page.getByTestId('action-field-measures').inputValue()).toContain('当面致歉');
    await page.getByTestId('action-form-cancel').click();
    await act('resolve');
    // Signed off → straight to the callback queue (issue 9 point 14); he worked it: no callback for him.
    await waitForState('callback', '待回访');
    expect(await page.getByTestId('resolution-signed-off-by').textContent()).toContain('王建国');
    expect(await offered()).not.toContain('callback');
  }

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startStackProcess({ seed: true, quiet: true, portBase: portBase(17100) }),
      launchChromium(),
    ]);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // A refused callable logs nothing by itself; anything else at error level is a bug.
      if (msg.type() === 'error' && !/failed-precondition|400 \(Bad Request\)/.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), stack?.stop()]);
  }, 60_000);

  test('happy path: filed, accepted, resolved, signed off, callback satisfied, verified by another quality member, closed', async () => {
    const id = await fileComplaint('前台接待人员态度冷淡');
    await acceptAndSubmitResolution(id);

    await signOff(id);
    await signOut();
    // The customer-service centre runs the callback (independent of the handlers).
    await signInAs('intake');
    await openFromQueue('awaiting_callback', id);
    await act('callback', { select: { outcome: 'reached', satisfied: 'yes', score: '5' }, fill: { comments: '客户对处理结果表示满意。' } });
    await waitForState('verification', '待查验');
    expect(await page.getByTestId('callback-satisfied').textContent()).toBe('满意');
    expect(await page.getByTestId('callback-score').textContent()).toBe('5 / 5');
    expect(await offered()).not.toContain('verify');
    await signOut();

    await signInAs('quality.zhao');
    // Every work queue loads for her (the ticket is in none of these: it is awaiting verification, not open).
    for (const queue of ['mine', 'department', 'overdue', 'due_soon', 'awaiting_callback']) {
      await page.getByTestId(`queue-${queue}`).click();
      await page.locator(`.tab.active[data-testid="queue-${queue}"]`).waitFor();
      await page.locator('[data-testid="ticket-list"] table, [data-testid="ticket-list-empty"], [data-testid="ticket-list-error"]').first().waitFor();
      expect(await page.getByTestId('ticket-list-error').count()).toBe(0);
      expect(await ticketRow(page, id).count()).toBe(queue === 'department' ? 1 : 0);
    }
    await openFromQueue('awaiting_verification', id);
    expect(await offered()).toContain('verify');
    await act('verify', { fill: { evidence: '现场抽查前台接待，已按规范用语服务；培训签到表已归档。' } });
    await waitForState('closed', '已关闭');
    expect(await page.getByTestId('verification-by').textContent()).toContain('赵磊');
    expect(await page.getByTestId('verification-evidence').textContent()).toContain('培训签到表');
    expect(await page.getByTestId('ticket-escalation').textContent()).toBe('0');
    expect(await historyTitles()).toEqual([
      '受理', '分派', '接单', '提交处理结果', '审核办结', '回访满意', '查验通过',
    ]);
    await shot('lifecycle-1-closed');
    await signOut();
  }, 240_000);

  test('reopen path: the client is not satisfied at the callback; a stale screen is refused with the current state', async () => {
    const id = await fileComplaint('保安巡逻时言语不当');
    await acceptAndSubmitResolution(id);
    await signOff(id);
    await signOut();
    await signInAs('intake');
    await openTicket(id);
    await waitForState('callback', '待回访');

    // A screen that is one event behind: the server refuses, names the state and what may be done; the page reloads.
    await page.route('**/transitionTicket', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { data: { expectedSeq?: number } };
      if (body.data.expectedSeq) body.data.expectedSeq -= 1;
      await route.continue({ postData: JSON.stringify(body) });
    }, { times: 1 });
    await page.getByTestId('action-callback').click();
    const form = page.getByTestId('action-form-callback');
    await form.waitFor();
    // Choices are radio buttons (one click each), e.g. action-field-outcome-reached.
    for (const [name, value] of Object.entries({ outcome: 'reached', satisfied: 'no', score: '2' })) await form.getByTestId(`action-field-${name}-${value}`).click();
    await form.getByTestId('action-field-comments').fill('客户认为道歉不够诚恳，仍不满意。');
    await form.getByTestId('action-form-submit').click();
    const notice = page.locator('[data-testid="action-notice"][data-kind="error"]');
    await notice.waitFor({ timeout: 15_000 });
    const text = (await notice.textContent()) ?? '';
    // Said in the reader's language (no English server prose), with the state and what may be done now.
    expect(text).toContain('操作未执行');
    expect(text).not.toMatch(/changed meanwhile/);
    expect(text).toContain('当前状态为「待回访」');
    expect(text).toContain('回访');
    await shot('lifecycle-2-refused');

    // The form stays open (the action is still allowed on the reloaded ticket): sending again works.
    await page.getByTestId('action-form-callback').getByTestId('action-form-submit').click();
    await page.locator('[data-testid="action-notice"][data-kind="ok"]').waitFor({ timeout: 20_000 });
    await waitForState('in_progress', '处理中');
    expect(await page.getByTestId('ticket-escalation').textContent()).toBe('1');
    expect(await page.getByTestId('ticket-escalation-tag').textContent()).toBe('1 级');
    expect(await page.getByTestId('ticket-reopen-count').textContent()).toBe('1');
    expect(await page.getByTestId('callback-satisfied').textContent()).toBe('不满意');
    // The old resolution is void: a new one is needed.
    expect(await page.getByTestId('ticket-resolution').count()).toBe(0);
    const titles = await historyTitles();
    expect(titles.slice(-3)).toEqual(['提交处理结果', '审核办结', '重新处理']);
    await shot('lifecycle-3-reopened');
    await signOut();
  }, 240_000);

  test('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
