// axe-core finds no violations on every page type, in both languages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { search } from './search.ts';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

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
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    });
  }
}

for (const path of ['/articles/hype-to-rationality/', '/en/articles/hype-to-rationality/']) {
  test(`article with a finished example ${path} has no axe violations`, async ({ page }) => {
    test.setTimeout(90_000); // axe over ≈ 12,000 elements takes a while on a busy machine
    await page.goto(path);
    const section = page.locator('[data-example="linear-regression"]');
    await section.locator('[data-run]').click();
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    expect(await violations(page)).toEqual([]);
  });
}

test('search dialog open has no axe violations', async ({ page }) => {
  await page.goto('/en/');
  await expect((await search(page, 'gradient')).first()).toBeVisible({ timeout: 15_000 });
  expect(await violations(page)).toEqual([]);
});

test('an example can be run with the keyboard alone', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/');
  const section = page.locator('[data-example="linear-regression"]');
  await section.locator('input[name="epochs"]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(section.locator('tr.row-model th')).toContainText('200');
});
