// Drives the site's search dialog the way a reader does, for the e2e tests and the benchmark.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { figures, rankOf, type RelevanceFigures, type RelevanceQuery } from '../../src/lib/search/relevance.ts';

export const results = (page: Page) => page.locator('dialog[open] [data-search-results]');

/** Opens the dialog (retrying while the button's script is not yet ready on a busy machine). */
export async function openSearch(page: Page) {
  await expect(async () => {
    await page.locator('button[data-open-modal]').first().click();
    await expect(page.locator('dialog[open] [data-search-input]')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  return page.locator('dialog[open] [data-search-input]');
}

/** Types a query into the open dialog and waits until its results are shown. */
export async function typeQuery(page: Page, query: string) {
  await page.locator('dialog[open] [data-search-input]').fill(query);
  await expect(results(page)).toHaveAttribute('data-query', query.trim(), { timeout: 60_000 });
  await expect(results(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
}

/** The result links of a query, in the order shown. */
export async function resultLinks(page: Page, query: string): Promise<string[]> {
  await typeQuery(page, query);
  return results(page)
    .locator('[data-result-link]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

export const readQueries = (lang: 'zh-CN' | 'en') => JSON.parse(readFileSync(new URL(`queries.${lang}.json`, import.meta.url), 'utf8')) as RelevanceQuery[];

export interface RelevanceRun extends RelevanceFigures {
  misses: { q: string; rank: number | null; got: string[] }[];
}

/** Runs every query of a set through the open dialog and scores where the answers landed. */
export async function measureRelevance(page: Page, queries: readonly RelevanceQuery[]): Promise<RelevanceRun> {
  const ranks: (number | null)[] = [];
  const misses: RelevanceRun['misses'] = [];
  for (const query of queries) {
    const links = await resultLinks(page, query.q);
    const rank = rankOf(links, query.expect);
    ranks.push(rank);
    if (rank !== 1) misses.push({ q: query.q, rank, got: links.slice(0, 3) });
  }
  return { ...figures(ranks), misses };
}
