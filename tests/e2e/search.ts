import { expect, type Page } from '@playwright/test';

/**
 * Opens Starlight's search dialog and types a query; returns the result links. On a busy
 * machine the first click can land before the dialog's script is ready, so it retries
 * until the dialog is open.
 */
export async function search(page: Page, query: string) {
  await expect(async () => {
    await page.locator('button[data-open-modal]').first().click();
    await expect(page.locator('dialog[open] .pagefind-ui__search-input')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.locator('dialog[open] .pagefind-ui__search-input').fill(query);
  return page.locator('dialog[open] .pagefind-ui__result-link');
}
