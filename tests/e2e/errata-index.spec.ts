// The errata index: one heading per article in the table of contents, a filter by kind that works
// with the keyboard (and shows everything without script), anchors linked both ways with the
// callouts in the articles, and no clipped column on a phone or a desktop.
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 90_000 }); // a long page on a busy 2-core machine

const index = '/guide/errata/';

test('every article has a heading in the table of contents', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/en${index}`);
  const headings = page.locator('.kb-errata-group > h2');
  await expect(headings).toHaveCount(5);
  for (const id of await headings.evaluateAll((hs) => hs.map((h) => h.id))) {
    await expect(page.locator(`starlight-toc a[href="#${id}"]`)).toHaveCount(1);
  }
  await page.locator('starlight-toc a[href="#article-product-innovation"]').click();
  await expect(page.locator('#article-product-innovation')).toBeInViewport();
});

test('the filter by kind works with the keyboard', async ({ page }) => {
  await page.goto(index);
  const cards = page.locator('.kb-errata-card');
  const total = await cards.count();
  const all = page.getByRole('radio', { name: /^全部/ });
  await all.focus();
  await page.keyboard.press('ArrowRight'); // the next kind
  const kind = await page.locator('.kb-errata-filter input:checked').inputValue();
  expect(kind).not.toBe('');
  const visible = page.locator('.kb-errata-card:visible');
  const expected = await page.locator(`.kb-errata-card[data-kind="${kind}"]`).count();
  await expect(visible).toHaveCount(expected);
  expect(expected).toBeLessThan(total);
  await expect(page.getByRole('status')).toHaveText(`显示 ${expected} 条勘误。`);
  // Articles without an erratum of that kind lose their heading too.
  for (const group of await page.locator('.kb-errata-group').all()) {
    const own = await group.locator(`.kb-errata-card[data-kind="${kind}"]`).count();
    if (own === 0) await expect(group).toBeHidden();
    else await expect(group.locator('h2')).toBeVisible();
  }
  await page.keyboard.press('ArrowLeft');
  await expect(visible).toHaveCount(total);
});

test('without script every erratum shows and the filter is hidden', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(index);
  const total = await page.locator('.kb-errata-card').count();
  expect(total).toBeGreaterThan(100);
  await expect(page.locator('.kb-errata-card:visible')).toHaveCount(total);
  await expect(page.locator('.kb-errata-filter')).toBeHidden();
  await context.close();
});

test('an erratum links to its callout in the article, and the callout links back', async ({ page }) => {
  await page.goto(`/en${index}#erratum-E000-03`);
  const card = page.locator('#erratum-E000-03');
  await expect(card).toBeInViewport();
  await card.getByRole('link', { name: /See it in the article: 4\.3/ }).click();
  await expect(page).toHaveURL('/en/articles/hype-to-rationality/#erratum-E000-03');
  await page.waitForLoadState('load');
  const callout = page.locator('#erratum-E000-03');
  await expect(callout).toHaveAttribute('open', '');
  await callout.getByRole('link', { name: 'See it in the errata index' }).click();
  await expect(page).toHaveURL(`/en${index}#erratum-E000-03`);
  await page.waitForLoadState('load');
  await expect(page.locator('#erratum-E000-03')).toBeInViewport();
});

for (const [prefix, width] of [
  ['/en', 390],
  ['/en', 1366],
  ['', 390],
] as const) {
  test(`nothing is clipped or scrolls sideways at ${width} px (${prefix || 'zh'})`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${prefix}${index}`);
    // Measured as a reader sees it: with the formula fonts loaded (fallback glyphs are wider).
    await page.evaluate(() => document.fonts.ready);
    const problems = await page.evaluate(() => {
      const column = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
      const found = [...document.querySelectorAll<HTMLElement>('.kb-errata-card, .kb-errata-card > p')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > column.right + 1)
        .map((el) => el.closest('li')!.id);
      if (document.documentElement.scrollWidth > innerWidth) found.push('page scrolls sideways');
      return found;
    });
    expect(problems).toEqual([]);
  });
}
