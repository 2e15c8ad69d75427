// The top of every article: reading time, last-updated date and "What this means for a founder",
// whose points each lead to the section they summarise.
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 90_000 }); // long pages on a busy 2-core machine

for (const [path, minutes, founder] of [
  ['/articles/product-innovation/', /约 \d+ 分钟/, '对创业者意味着什么'],
  ['/en/articles/product-innovation/', /\d+ min read/, 'What this means for a founder'],
] as const) {
  test(`${path} opens with reading time, date and founder points linked to their sections`, async ({ page }) => {
    await page.goto(path);
    const meta = page.locator('.kb-article-meta');
    await expect(meta).toContainText(minutes);
    expect(Date.parse((await meta.locator('time').getAttribute('datetime'))!)).toBeGreaterThan(Date.parse('2024-01-01'));
    const box = page.getByRole('region', { name: founder });
    const points = box.getByRole('link');
    expect(await points.count()).toBeGreaterThanOrEqual(3);
    for (const href of await points.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      await expect(page.locator(href)).toHaveCount(1);
    }
    const last = points.last();
    const target = (await last.getAttribute('href'))!;
    await last.click();
    await expect(page.locator(target)).toBeInViewport();
  });
}
