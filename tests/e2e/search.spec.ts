// Search as a reader meets it: the dialog in the page's language, results that land on sections,
// glossary entries and errata rows, variants, synonyms, misspellings, the other language, and a
// relevance floor over the founders' query sets (tests/search/) so ranking cannot silently regress.
import { expect, test } from '@playwright/test';
import { measureRelevance, openSearch, readQueries, resultLinks, results, typeQuery } from '../search/dialog.ts';

// Each test types several queries; on a busy 2-core machine one query can take seconds.
test.describe.configure({ timeout: 120_000 });

test('the Chinese dialog speaks Chinese, the English one English', async ({ page }) => {
  await page.goto('/');
  await openSearch(page);
  const dialog = page.locator('dialog[open]');
  await expect(dialog.locator('[data-close-modal]')).toHaveText('取消');
  await expect(dialog.locator('label')).toHaveText(/同时搜索英文页面/);
  await typeQuery(page, '护城河');
  await expect(dialog.locator('[data-search-status]')).toHaveText('没有找到“护城河”的结果');
  await typeQuery(page, '微调');
  await expect(dialog.locator('[data-search-status]')).toHaveText(/^“微调”共 \d+ 个结果$/);

  await page.goto('/en/');
  await openSearch(page);
  await typeQuery(page, 'fine-tuning');
  await expect(page.locator('dialog[open] [data-search-status]')).toHaveText(/^\d+ results for fine-tuning$/);
});

test('Pagefind loads when the reader points at the search button, before the dialog opens', async ({ page }) => {
  await page.goto('/en/');
  await page.locator('button[data-open-modal]').hover();
  // Pagefind's code and the did-you-mean vocabulary (the index itself loads in Pagefind's worker).
  await page.waitForFunction(() =>
    ['/pagefind/pagefind.js', '/pagefind/vocabulary.en.json'].every((path) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(path))),
  );
  await expect(page.locator('dialog[open]')).toHaveCount(0);
});

test('a glossary hit lands on its entry', async ({ page }) => {
  await page.goto('/en/');
  await openSearch(page);
  await typeQuery(page, 'LLM');
  const entry = results(page).locator('a[href="/en/guide/glossary/#term-large-model"]');
  await expect(entry).toContainText('large model');
  await expect(
    results(page)
      .locator('li')
      .filter({ has: page.locator('a[href="/en/guide/glossary/#term-large-model"]') }),
  ).toContainText('Glossary');
  await entry.click();
  await expect(page).toHaveURL(/\/en\/guide\/glossary\/#term-large-model$/);
  await expect(page.locator('.kb-term#term-large-model')).toBeInViewport({ timeout: 30_000 });
});

test('an erratum hit lands on its card in the errata index', async ({ page }) => {
  await page.goto('/');
  await openSearch(page);
  await typeQuery(page, 'IndexError');
  const erratum = results(page).locator('a[href="/guide/errata/#erratum-E001-02"]');
  await expect(
    results(page)
      .locator('li')
      .filter({ has: page.locator('a[href="/guide/errata/#erratum-E001-02"]') }),
  ).toContainText('勘误');
  await erratum.click();
  await expect(page).toHaveURL(/\/guide\/errata\/#erratum-E001-02$/);
  await expect(page.locator('.kb-errata-card#erratum-E001-02')).toBeInViewport({ timeout: 30_000 });
});

test('a variant spelling and a synonym find the section that uses the other form', async ({ page }) => {
  await page.goto('/en/');
  await openSearch(page);
  // The article writes "Optimisation algorithms"; readers type the American spelling.
  expect((await resultLinks(page, 'optimization algorithms'))[0]).toBe('/en/articles/challenges-and-opportunities/#sec-2-5');
  // The article says "AI customer service".
  expect((await resultLinks(page, 'customer support')).slice(0, 3)).toContain('/en/articles/product-innovation/#sec-6-2');
});

test('a misspelling offers the glossary term, in the page language', async ({ page }) => {
  await page.goto('/en/');
  await openSearch(page);
  await typeQuery(page, 'transfromer');
  const suggestion = page.locator('dialog[open] [data-search-suggestion]');
  await expect(suggestion).toHaveText('Did you mean: Transformer');
  await expect(results(page).locator('[data-result-link]').first()).toHaveAttribute('href', '/en/guide/glossary/#term-transformer');
  await suggestion.locator('button').click();
  await expect(page.locator('dialog[open] [data-search-input]')).toHaveValue('Transformer');
  await expect(suggestion).toBeHidden();

  await page.goto('/');
  await openSearch(page);
  await typeQuery(page, '反相传播');
  await expect(page.locator('dialog[open] [data-search-suggestion]')).toHaveText(/^你是不是要找：\s*反向传播$/);
});

/** The words of a text, for comparing an excerpt with the page (Pagefind joins a heading to its text with a full stop). */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

// The article writes "AI customer service", so "customer support" is an alias; the glossary entry never writes "LLM".
for (const [query, href] of [
  ['customer support', '/en/articles/product-innovation/#sec-6-2'],
  ['LLM', '/en/guide/glossary/#term-large-model'],
] as const) {
  test(`the excerpt of “${query}” shows only the text of the place it lands on, never the alias that found it`, async ({ page }) => {
    await page.goto('/en/');
    await openSearch(page);
    await typeQuery(page, query);
    const item = results(page)
      .locator('li')
      .filter({ has: page.locator(`a[href="${href}"]`) });
    const excerpt = (await item.locator('.excerpt').textContent()) ?? '';
    expect(excerpt.toLowerCase()).not.toContain(query.toLowerCase());
    expect(wordsOf(excerpt).length).toBeGreaterThan(3);
    await item.locator('[data-result-link]').click();
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport({ timeout: 30_000 });
    const onPage = new Set(wordsOf((await page.locator('main').textContent()) ?? ''));
    expect(wordsOf(excerpt).filter((w) => !onPage.has(w))).toEqual([]);
  });
}

test('the cross-language switch adds the other language, labelled, with the counterpart one click away', async ({ page }) => {
  await page.goto('/en/');
  await openSearch(page);
  const toggle = page.locator('dialog[open] [data-cross-lang]');
  await expect(toggle).not.toBeChecked();
  await typeQuery(page, '梯度下降');
  await expect(results(page).locator('li[lang="zh-CN"]')).toHaveCount(0);
  await toggle.check();
  const chinese = results(page).locator('li[lang="zh-CN"]').first();
  await expect(chinese).toBeVisible({ timeout: 60_000 });
  await expect(chinese.locator('.labels')).toHaveAttribute('lang', 'en');
  await expect(chinese.locator('.labels')).toContainText('Chinese');
  const href = await chinese.locator('[data-result-link]').getAttribute('href');
  expect(href).not.toMatch(/^\/en\//);
  await chinese.locator('[data-counterpart]').click();
  await expect(page).toHaveURL(new RegExp(`/en${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
});

// Floors a little under the figures measured when the ranking was tuned (see the bench report),
// so that a change that makes answers worse fails here.
for (const [lang, home] of [
  ['en', '/en/'],
  ['zh-CN', '/'],
] as const) {
  test(`relevance floor over the ${lang} founder queries`, async ({ page }) => {
    test.setTimeout(400_000);
    await page.goto(home);
    await openSearch(page);
    const run = await measureRelevance(page, readQueries(lang));
    expect(run.queries).toBeGreaterThanOrEqual(30);
    expect(run.top3, JSON.stringify(run.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(run.mrr, JSON.stringify(run.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
  });
}
