// Search on the site built under a base path (npm run build:base, as on a GitHub Pages project
// site): the index loads from below the base, and every result link, glossary entries and
// articles alike, starts with it and lands on its section.
import { expect, test } from '@playwright/test';
import { BASE_BUILD } from '../../src/checks/build-base.ts';
import { openSearch, resultLinks } from '../search/dialog.ts';
import { basePathOrigin } from './ports.ts';

const base = BASE_BUILD.base;

test('under a base path, results link below it and land on their section', async ({ page }) => {
  // Two queries and a page load on a site no other test has warmed: ≈ 50 s on a busy 2-core machine.
  test.setTimeout(120_000);
  await page.goto(`${basePathOrigin}${base}en/`);
  await openSearch(page);
  expect(await resultLinks(page, 'LLM')).toContain(`${base}en/guide/glossary/#term-large-model`);

  const links = await resultLinks(page, 'gradient descent');
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(base)).toBe(true);
  const first = links[0]!;
  expect(first).toMatch(new RegExp(`^${base}en/articles/[^#]+/#sec-`));
  await page.locator(`dialog[open] [data-result-link][href="${first}"]`).click();
  await expect(page).toHaveURL(`${basePathOrigin}${first}`);
  await expect(page.locator(`[id="${first.split('#')[1]}"]`)).toBeInViewport({ timeout: 30_000 });
});
