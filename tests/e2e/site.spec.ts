import { expect, test } from '@playwright/test';

const pages = [
  { lang: 'zh-CN', path: '/guide/sample/', other: '/en/guide/sample/', otherLabel: 'English' },
  { lang: 'en', path: '/en/guide/sample/', other: '/guide/sample/', otherLabel: '简体中文' },
];

for (const { lang, path, other, otherLabel } of pages) {
  test.describe(`${lang} sample page`, () => {
    test('declares its language and links its counterpart', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const alternate = (hreflang: string) => page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`);
      await expect(alternate('zh-CN')).toHaveAttribute('href', /[^n]\/guide\/sample\/$/);
      await expect(alternate('en')).toHaveAttribute('href', /\/en\/guide\/sample\/$/);
      await expect(alternate('x-default')).toHaveCount(1);
    });

    test('renders formulas with KaTeX and the diagram as SVG', async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('.katex-display .katex-html').first()).toBeVisible();
      await expect(page.locator('p .katex .katex-html').first()).toBeVisible();
      await expect(page.locator('.mermaid svg').first()).toBeVisible({ timeout: 20_000 });
    });

    test('the language picker goes to the counterpart page', async ({ page }) => {
      await page.goto(path);
      await page.locator('starlight-lang-select select').first().selectOption({ label: otherLabel });
      await expect(page).toHaveURL(new RegExp(`${other}$`));
    });
  });
}

test('/ is a real home page that leads to the articles', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('main a[href*="/articles/"]').first()).toBeVisible();
});

async function search(page: import('@playwright/test').Page, query: string) {
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first();
  await input.fill(query);
  return page.locator('dialog[open] .pagefind-ui__result-link');
}

test('a Chinese query finds the Chinese page with the term inside a sentence', async ({ page }) => {
  await page.goto('/');
  const results = await search(page, '梯度下降');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  await expect(results.filter({ hasText: '示例页' })).not.toHaveCount(0);
});

test('an English query finds the English page', async ({ page }) => {
  await page.goto('/en/');
  const results = await search(page, 'gradient descent');
  await expect(results.first()).toBeVisible({ timeout: 15_000 });
  await expect(results.filter({ hasText: 'Sample page' })).not.toHaveCount(0);
});
