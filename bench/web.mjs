/**
 * Benchmark of the web client (issue 8): what the browser downloads and how often an open ticket
 * page calls the server.
 *
 * - web.initialJsGzipKb: JavaScript loaded before the sign-in page is interactive: the entry
 *   chunk, its static imports, and the sign-in route's chunk with its imports (gzip, from the
 *   Vite manifest of web/dist; build the web first: npm run build -w web). Goal: under 250 kB.
 * - web.ticketListJsGzipKb: everything loaded to show the ticket list (entry + shell + list route). Goal: under 300 kB;
 *   domain code the web loads imports calendar values from leaf modules, not the barrel.
 * - web.callsPerOpenTicketMinuteBefore: the hand-written client (before issue 8) re-fetched the
 *   ticket every 3 s (DETAIL_POLL_MS, 20 getTicket calls a minute) and the unread count every 5 s
 *   (UNREAD_POLL_MS, 12 listNotifications calls a minute): 32 calls a minute, counted from its timers.
 * - web.callsPerOpenTicketMinute: now. With HX_BENCH_WEB_URL (a running stack, e.g.
 *   `npm start`) it is measured in Chromium: a signed-in intake agent keeps a routed ticket open
 *   for a minute and every callable request is counted. Without it, it is derived from the
 *   client's poll intervals (web/src/poll-intervals.json): one change-marker call per interval
 *   while nothing changes.
 */
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../', import.meta.url);
const DIST = new URL('web/dist/', ROOT);

async function gzipKb(files) {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(await readFile(new URL(f, DIST)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The JS files a manifest entry loads up front: itself and its static imports, transitively. */
function closure(manifest, keys) {
  const seen = new Set();
  const files = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const entry = manifest[key];
    if (!entry) throw new Error(`web manifest has no ${key}: rebuild the web (npm run build -w web)`);
    if (entry.file.endsWith('.js')) files.add(entry.file);
    for (const imp of entry.imports ?? []) visit(imp);
  };
  keys.forEach(visit);
  return [...files];
}

async function measureCalls(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(url);
    await page.getByTestId('signin-email').fill('intake@huixiang.demo');
    await page.getByTestId('signin-password').fill('huixiang-demo');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('header-user').waitFor({ timeout: 30_000 });
    await page.getByTestId('ticket-row-title').first().click();
    await page.getByTestId('ticket-detail').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(5_000); // settle: first loads done
    let calls = 0;
    page.on('request', (r) => { if (r.method() === 'POST' && /\/asia-east2\/[A-Za-z]+$/.test(r.url())) calls += 1; });
    await page.waitForTimeout(60_000);
    return calls;
  } finally {
    await browser.close();
  }
}

export async function run() {
  await stat(new URL('.vite/manifest.json', DIST)).catch(() => { throw new Error('web/dist/.vite/manifest.json missing: npm run build -w web'); });
  const manifest = JSON.parse(await readFile(new URL('.vite/manifest.json', DIST), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const initial = closure(manifest, [entry, 'src/views/signin/index.vue']);
  const list = closure(manifest, [entry, 'src/layout/AppShell.vue', 'src/views/tickets/index.vue']);
  const intervals = JSON.parse(await readFile(new URL('web/src/poll-intervals.json', ROOT), 'utf8'));
  const url = process.env.HX_BENCH_WEB_URL;
  const after = url ? await measureCalls(url) : Math.round(60_000 / intervals.changeMarkerVisibleMs);
  return [
    { name: 'web.initialJsGzipKb', value: await gzipKb(initial), unit: 'kB gzip (goal < 250)' },
    { name: 'web.ticketListJsGzipKb', value: await gzipKb(list), unit: 'kB gzip', goal: '< 300' }, // the holiday tables (lunar-typescript) once added 100 kB here
    { name: 'web.callsPerOpenTicketMinuteBefore', value: 32, unit: 'calls/min (counted from the old client\'s timers)' },
    { name: 'web.callsPerOpenTicketMinute', value: after, unit: url ? 'calls/min (measured in Chromium)' : 'calls/min (from poll-intervals.json)' },
  ];
}
