/**
 * Element Plus controls as a person uses them: a select opens a dropdown list (not a native
 * <select>), radio groups are buttons, table rows are found by the ticket id their number cell carries.
 */
import type { Locator, Page } from 'playwright-core';

/** Opens the select with this test id and picks the option whose value is `value`. */
export async function choose(page: Page, testid: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testid}"]`).first().click();
  await page.locator(`.el-select-dropdown__item[data-value="${value}"]:visible`).first().click();
}

/** Opens the select with this test id and picks its first option (waits for options to load). */
export async function chooseFirst(page: Page, testid: string): Promise<void> {
  await page.locator(`[data-testid="${testid}"]`).first().click();
  const first = page.locator('.el-select-dropdown__item:visible').first();
  await first.waitFor({ timeout: 15_000 });
  await first.click();
}

/** A ticket's row in the list (a table row on desktop, a card on phones). */
export function ticketRow(page: Page, ticketId: string): Locator {
  return page.locator(`.ticket-row:has([data-ticket-id="${ticketId}"])`);
}
