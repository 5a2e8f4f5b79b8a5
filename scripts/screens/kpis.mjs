// Monthly KPIs: the last published month for leadership (rates, counts, trend, departments,
// reports), the drill-down drawer for quality, and a staff member's own figures.
export default async function ({ session, shot, url, tag, want, width, locale }) {
  if (want('kpis')) {
    const { context, page } = await session(locale, width, 'leader');
    await page.goto(`${url}/#/kpis`);
    await page.getByTestId('kpi-rates').waitFor({ timeout: 45_000 });
    await page.waitForTimeout(800); // the chart draws after its chunk loads
    await shot(page, `kpis-${tag}`);
    await page.getByTestId('kpi-snapshots').scrollIntoViewIfNeeded();
    await shot(page, `kpis-reports-${tag}`);
    await context.close();
  }
  if (want('kpis-drill')) {
    const { context, page } = await session(locale, width, 'quality.head');
    // This month: the demo's tickets were filed in it (past months are synthetic figures).
    const now = new Date(Date.now() + 8 * 3_600_000);
    await page.goto(`${url}/#/kpis/${now.toISOString().slice(0, 7)}`);
    await page.getByTestId('kpi-rates').waitFor({ timeout: 45_000 });
    await page.getByTestId('kpi-received').click();
    await page.locator('[data-testid="kpi-drill-ticket"], .el-drawer .muted').first().waitFor({ timeout: 45_000 });
    await shot(page, `kpis-drill-${tag}`);
    await context.close();
  }
  if (want('my-kpis')) {
    const { context, page } = await session(locale, width, 'business.wu');
    await page.goto(`${url}/#/my-kpis`);
    await page.getByTestId('my-resolved').waitFor({ timeout: 45_000 });
    await shot(page, `my-kpis-${tag}`);
    await context.close();
  }
}
