import type { Page } from '@playwright/test';
import { openSearch } from '../search/dialog.ts';

/**
 * Opens the site's search dialog and types a query; returns the result links (each landing on
 * the section that matches best).
 */
export async function search(page: Page, query: string) {
  const input = await openSearch(page);
  await input.fill(query);
  return page.locator('dialog[open] [data-result-link]');
}
