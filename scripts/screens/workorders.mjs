// Work orders: a technician's list and one order with its steps, the 《维修单》 print form, and the
// customer-service centre's repair callbacks.
export default async function ({ session, shot, url, tag, want, width, locale }) {
  if (want('work-orders') || want('work-order') || want('work-order-print')) {
    const { context, page } = await session(locale, width, 'engineering.zheng');
    await page.goto(`${url}/#/work-orders`);
    await page.getByTestId('wo-scope-office').click();
    await page.locator('[data-testid="wo-row"], [data-testid="wo-empty"]').first().waitFor({ timeout: 45_000 });
    if (want('work-orders')) await shot(page, `work-orders-${tag}`);
    if (await page.getByTestId('wo-row').count()) {
      const id = await page.getByTestId('wo-row').first().getAttribute('data-order-id');
      await page.goto(`${url}/#/work-orders/${id}`);
      await page.getByTestId('wo-history').waitFor({ timeout: 45_000 });
      if (want('work-order')) await shot(page, `work-order-${tag}`);
      if (want('work-order-print') && width === 1400) {
        await page.goto(`${url}/#/work-orders/${id}/print`);
        await page.getByTestId('print-work-order').waitFor({ timeout: 45_000 });
        await shot(page, `work-order-print-${tag}`);
      }
    }
    await context.close();
  }
  if (want('repair-callbacks')) {
    const { context, page } = await session(locale, width, 'intake');
    await page.goto(`${url}/#/repair-callbacks`);
    await page.locator('[data-testid="callback-task"], .el-empty').first().waitFor({ timeout: 45_000 });
    await shot(page, `repair-callbacks-${tag}`);
    await context.close();
  }
}
