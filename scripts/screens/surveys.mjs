// Satisfaction surveys for staff: the campaigns, and the demo campaign (open: returns per stratum;
// closed: the report) as the head of quality sees it.
export default async function ({ session, shot, url, tag, want, width, locale }) {
  if (!want('surveys') && !want('survey')) return;
  const { context, page } = await session(locale, width, 'quality.head');
  await page.goto(`${url}/#/surveys`);
  await page.getByTestId('campaign-row').first().waitFor({ timeout: 45_000 });
  if (want('surveys')) await shot(page, `surveys-${tag}`);
  if (want('survey')) {
    // The demo campaign: its returns while open, its report once closed.
    await page.locator('[data-testid="campaign-row"][data-campaign-id="demo-satisfaction"]').click();
    await page.locator('[data-testid="campaign-progress"], [data-testid="campaign-preview"]').first().waitFor({ timeout: 45_000 });
    await page.waitForTimeout(800);
    await shot(page, `survey-${tag}`);
    if (await page.getByTestId('campaign-report').count()) {
      await page.getByTestId('campaign-report').scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await shot(page, `survey-report-${tag}`);
    }
  }
  await context.close();
}
