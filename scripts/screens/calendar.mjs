// The working calendar (#/admin/calendar): this year as the admin sees it, and next year, whose
// notice is not published yet (the provisional banner).
export default async function ({ session, shot, url, tag, want, width, locale }) {
  if (!want('calendar')) return;
  const { context, page } = await session(locale, width, 'admin');
  await page.goto(`${url}/#/admin/calendar?year=2026`);
  await page.getByTestId('calendar-months').waitFor({ timeout: 45_000 });
  await shot(page, `calendar-${tag}`);
  await page.goto(`${url}/#/admin/calendar?year=2027`);
  await page.getByTestId('calendar-provisional').waitFor({ timeout: 45_000 });
  await shot(page, `calendar-provisional-${tag}`);
  await context.close();
}
