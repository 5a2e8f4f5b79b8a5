// Screenshots of every screen of the web client at 1400 px and 390 px, zh-CN and en, into
// docs/screenshots/ (small PNGs: the visible viewport only). Needs a running stack with the demo
// data: `npm start` (then: node scripts/web-screenshots.mjs) or
// `node scripts/local-stack.mjs --port-base 18000` (then: node scripts/web-screenshots.mjs http://127.0.0.1:18005).
// Areas add their screens as modules in scripts/screens/<area>.mjs: `export default async function
// ({ session, shot, url, tag, want, width, locale })`, called once per language and width.
import { mkdirSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.argv[2] ?? 'http://127.0.0.1:5050';
const only = process.argv[3]; // optional: a screen name
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'huixiang-demo';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
});

async function session(locale, width, login) {
  const context = await browser.newContext({ locale: locale === 'en' ? 'en-GB' : 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width, height: width > 500 ? 900 : 844 }, deviceScaleFactor: 1 });
  await context.addInitScript((l) => localStorage.setItem('huixiang.locale', l), locale);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${locale} ${width}] pageerror ${e.message}`));
  await page.goto(url);
  if (login) {
    await page.getByTestId('signin-email').fill(`${login}@huixiang.demo`);
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-user').waitFor({ timeout: 30_000 });
  }
  return { context, page };
}

const SCREENS_DIR = new URL('./screens/', import.meta.url);
const areaScreens = [];
for (const f of readdirSync(SCREENS_DIR).filter((n) => n.endsWith('.mjs')).sort()) {
  areaScreens.push((await import(new URL(f, SCREENS_DIR).href)).default);
}

const shot = async (page, name) => {
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${OUT}${name}.png` });
  console.log(`wrote docs/screenshots/${name}.png`);
};

for (const locale of ['zh-CN', 'en']) {
  for (const width of [1400, 390]) {
    const tag = `${locale === 'en' ? 'en' : 'zh'}-${width}`;
    const want = (n) => !only || only.split(',').includes(n);
    if (want('signin')) {
      const { context, page } = await session(locale, width, null);
      await page.getByTestId('signin-email').waitFor();
      await shot(page, `signin-${tag}`);
      await context.close();
    }
    {
      const { context, page } = await session(locale, width, 'quality.head');
      if (want('tickets')) {
        await page.locator('[data-testid="ticket-list"] table, [data-testid="ticket-card"], [data-testid="ticket-list-empty"]').first().waitFor({ timeout: 45_000 });
        await shot(page, `tickets-${tag}`);
      }
      if (want('detail') || want('print')) {
        await page.goto(`${url}/#/tickets`);
        await page.getByTestId('ticket-row-title').first().click();
        await page.getByTestId('ticket-detail').waitFor({ timeout: 45_000 });
        const id = await page.getByTestId('ticket-detail').getAttribute('data-ticket-id');
        if (want('detail')) await shot(page, `detail-${tag}`);
        if (want('print') && width === 1400) {
          await page.goto(`${url}/#/tickets/${id}/print`);
          await page.locator('[data-testid="print-complaint-record"]').waitFor({ timeout: 45_000 });
          await shot(page, `print-${tag}`);
        }
      }
      if (want('notifications')) {
        await page.goto(`${url}/#/notifications`);
        await page.locator('[data-testid="notification"], [data-testid="notification-empty"]').first().waitFor({ timeout: 45_000 });
        await shot(page, `notifications-${tag}`);
      }
      await context.close();
    }
    if (want('new')) {
      const { context, page } = await session(locale, width, 'intake');
      await page.getByTestId('nav-new-ticket').click();
      await page.getByTestId('ticket-title').waitFor();
      await shot(page, `new-ticket-${tag}`);
      await context.close();
    }
    {
      const { context, page } = await session(locale, width, 'admin');
      for (const [name, path, ready] of [
        ['staff', '/admin/staff', '.el-table'], ['audit', '/admin/audit', '.el-table, .el-empty'], ['org', '/admin/org', '[data-testid="dept-table"]'], ['config', '/admin/config', '[data-testid="routing-rules"], [data-testid="config-unavailable"]'],
      ]) {
        if (!want(name)) continue;
        await page.goto(`${url}/#${path}`);
        await page.locator(ready).first().waitFor({ timeout: 45_000 });
        await shot(page, `${name}-${tag}`);
      }
      await context.close();
    }
    for (const screens of areaScreens) await screens({ session, shot, url, tag, want, width, locale });
  }
}
await browser.close();
