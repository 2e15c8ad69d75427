import { expect, test } from '@playwright/test';
import { search } from './search.ts';

const article = 'articles/product-innovation/';
const pages = [
  { lang: 'zh-CN', path: `/${article}`, other: `/en/${article}`, otherLabel: 'English', title: '大模型在创业产品创新中的应用趋势' },
  { lang: 'en', path: `/en/${article}`, other: `/${article}`, otherLabel: '简体中文', title: 'Trends in Applying Large Models to Startup Product Innovation' },
];

for (const { lang, path, other, otherLabel, title } of pages) {
  test.describe(`${lang} article page`, () => {
    // (hreflang links need the deployed address, SITE_URL: the content checks cover them.)
    test('declares its language and links its counterpart', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toHaveText(title);
      await expect(page.locator('starlight-lang-select select').first().locator('option', { hasText: otherLabel })).toHaveAttribute('value', other);
    });

    test('renders formulas with KaTeX and the diagram as SVG', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('.katex-display .katex-html').first()).toBeVisible();
      await expect(page.locator('p .katex .katex-html').first()).toBeVisible();
      await expect(page.locator('.kb-diagram svg').first()).toBeVisible();
    });

    test('the language picker goes to the same section of the counterpart', async ({ page }) => {
      await page.goto(`${path}#sec-4-2`);
      await page.locator('starlight-lang-select select').first().selectOption({ label: otherLabel });
      await expect(page).toHaveURL(new RegExp(`${other}#sec-4-2$`));
      await expect(page.locator('#sec-4-2')).toBeInViewport();
    });
  });
}

test('/ is a real home page that leads to the articles', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.locator('main a[href*="/articles/"]').first().click();
  await expect(page.locator('h1')).toBeVisible();
  await expect(page).toHaveURL(/\/articles\//);
});

test('a Chinese query finds Chinese pages with the term inside a sentence', async ({ page }) => {
  await page.goto('/');
  const results = await search(page, '梯度下降');
  await expect(results.filter({ hasText: pages[0]!.title })).not.toHaveCount(0, { timeout: 15_000 });
  for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).not.toMatch(/^\/en\//);
});

test('an English query finds English pages only', async ({ page }) => {
  await page.goto('/en/');
  const results = await search(page, 'gradient descent');
  await expect(results.filter({ hasText: pages[1]!.title })).not.toHaveCount(0, { timeout: 15_000 });
  for (const href of await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/en\//);
});
