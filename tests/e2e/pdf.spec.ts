// The PDF of all articles (npm run build:pdf): linked from the home page and every article in the
// page's language, and what the link downloads is a PDF with every article in it.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pageCount } from '../../src/lib/pdf.ts';

test.describe.configure({ timeout: 90_000 });

for (const [home, article, lang] of [
  ['/', '/articles/product-innovation/', 'zh-CN'],
  ['/en/', '/en/articles/product-innovation/', 'en'],
] as const) {
  test(`the ${lang} PDF is linked from the home page and the articles, and downloads as a PDF of every article`, async ({ page }) => {
    await page.goto(article);
    const fromArticle = await page.locator('.kb-article-meta a.kb-pdf-link').getAttribute('href');
    await page.goto(home);
    const link = page.locator('a.kb-pdf-link');
    await expect(link).toBeVisible();
    expect(await link.getAttribute('href')).toBe(fromArticle);
    expect(fromArticle).toMatch(new RegExp(`articles-${lang}\\.pdf$`));

    const response = await page.request.get(fromArticle!);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const articles = await page.locator('.kb-article-list > li').count();
    expect(pageCount(pdf)).toBeGreaterThan(articles * 5); // a cover, contents, and several pages per article
  });
}
