// axe-core finds no violations on every page type, in both languages.
import { expect, test } from '@playwright/test';
import { axeViolations as violations } from './axe.ts';
import { search } from './search.ts';
import { press, reach } from './press.ts';

// Loading an article or the errata page (12,000–13,000 elements) and scanning all of it took
// 70–90 s on a 2-core machine shared with six other test runs (load average ≈ 25): ≈ 15 s load,
// 45–75 s axe.
const AXE_PAGE_TIMEOUT = 200_000;

const pages = [
  ['home', '/', '/en/'],
  ['article', '/articles/future-advantages/', '/en/articles/future-advantages/'],
  ['glossary', '/guide/glossary/', '/en/guide/glossary/'],
  ['errata', '/guide/errata/', '/en/guide/errata/'],
  ['examples', '/guide/examples/', '/en/guide/examples/'],
] as const;

for (const [name, zh, en] of pages) {
  for (const path of [zh, en]) {
    test(`${name} page ${path} has no axe violations`, async ({ page }) => {
      test.setTimeout(AXE_PAGE_TIMEOUT);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    });
  }
}

// The article with an example: the page as loaded, and (in its own test) the example once it
// has run, which is the only part that changes.
for (const path of ['/articles/hype-to-rationality/', '/en/articles/hype-to-rationality/']) {
  test(`article with an example ${path} has no axe violations`, async ({ page }) => {
    test.setTimeout(AXE_PAGE_TIMEOUT);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });

  test(`the finished example on ${path} has no axe violations`, async ({ page }) => {
    test.setTimeout(150_000); // loads TensorFlow.js and trains 1,000 epochs before the scan
    await page.goto(path);
    const section = page.locator('[data-example="linear-regression"]');
    await reach(section);
    await press(section.locator('[data-run]'));
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    expect(await violations(page, '[data-example="linear-regression"]')).toEqual([]);
  });
}

// The open dialog; the home page behind it is scanned above.
test('search dialog open has no axe violations', async ({ page }) => {
  test.setTimeout(90_000); // 40 s under heavy contention: Pagefind loads its index and searches before the scan
  await page.goto('/en/');
  await expect((await search(page, 'gradient')).first()).toBeVisible({ timeout: 15_000 });
  expect(await violations(page, 'site-search dialog')).toEqual([]);
});

test('an example can be run with the keyboard alone', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/');
  const section = page.locator('[data-example="linear-regression"]');
  // Tabbing through the article: the example's first stop, then into its settings, which are
  // put in place as focus enters the example (they wait in a template until it starts).
  await section.locator('summary').focus();
  await page.keyboard.press('Tab');
  await expect(section.locator('select[name="data"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(section.locator('input[name="epochs"]')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(section.locator('tr.row-model th')).toContainText('200');
});
