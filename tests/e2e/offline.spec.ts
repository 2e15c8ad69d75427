// Private and offline by design: with every request to another host blocked, each page
// type loads, searches and runs an example with no failed request and no console error,
// and no page loads anything from a third-party host.
import { expect, test, type Page } from '@playwright/test';
import { search } from './search.ts';
import { runExample } from './press.ts';

function guard(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  return problems;
}

test.beforeEach(async ({ page, baseURL }) => {
  const own = new URL(baseURL!).host;
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.host === own || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort('blockedbyclient');
  });
});

const pages = [
  '/',
  '/en/',
  '/assessment/',
  '/en/assessment-worksheet/',
  '/articles/hype-to-rationality/',
  '/en/articles/product-innovation/',
  '/guide/glossary/',
  '/en/guide/errata/',
  '/en/guide/examples/',
  '/guide/about-sources/',
];

for (const path of pages) {
  test(`${path} loads offline without errors or third-party references`, async ({ page }) => {
    const problems = guard(page);
    const response = await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(response?.ok()).toBe(true);
    // Resources (scripts, styles, images, fonts, frames) must all be the site's own; plain
    // hyperlinks to references elsewhere are fine.
    const foreign = await page.evaluate(() =>
      [
        ...[...document.querySelectorAll('[src]')].map((el) => (el as HTMLImageElement).src),
        ...[...document.querySelectorAll('link[href]')]
          .filter((l) => !/alternate|canonical|sitemap/.test(l.getAttribute('rel') ?? ''))
          .map((l) => (l as HTMLLinkElement).href),
      ].filter((url) => new URL(url, location.href).host !== location.host),
    );
    expect(foreign).toEqual([]);
  });
}

test('search and an example work offline', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = guard(page);
  await page.goto('/en/articles/hype-to-rationality/');
  await expect((await search(page, 'regression')).first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  const section = await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'done');
  expect(problems).toEqual([]);
});
