// The client archive: the list and one client for the business head, the visit plan for an
// account manager (with the record-a-visit dialog), coverage for the head of quality.
export default async function ({ session, shot, url, tag, want, width, locale }) {
  if (want('clients') || want('client')) {
    const { context, page } = await session(locale, width, 'business.head');
    await page.goto(`${url}/#/clients`);
    await page.getByTestId('client-row').first().waitFor({ timeout: 45_000 });
    if (want('clients')) await shot(page, `clients-${tag}`);
    if (want('client')) {
      await page.getByTestId('client-row').first().click();
      await page.getByTestId('client-name').waitFor({ timeout: 45_000 });
      await shot(page, `client-${tag}`);
    }
    await context.close();
  }
  if (want('visits')) {
    const { context, page } = await session(locale, width, 'onsite.ma');
    await page.goto(`${url}/#/visits`);
    await page.locator('[data-testid="plan-item"], .el-empty').first().waitFor({ timeout: 45_000 });
    await shot(page, `visits-${tag}`);
    if (await page.getByTestId('record-visit').count()) {
      await page.getByTestId('record-visit').first().click();
      await page.getByTestId('visit-services').waitFor();
      await shot(page, `visit-dialog-${tag}`);
    }
    await context.close();
    const head = await session(locale, width, 'quality.head');
    await head.page.goto(`${url}/#/visits`);
    await head.page.getByTestId('visits-missed').waitFor({ timeout: 45_000 });
    await shot(head.page, `visit-coverage-${tag}`);
    await head.context.close();
  }
}
