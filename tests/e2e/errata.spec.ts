// Errata inform without crowding the reading: collapsed to one line by default, each opens on its
// own (mouse or keyboard), a page-level switch expands them all and is remembered, print shows
// them expanded.
import { expect, test, type Page } from '@playwright/test';

test.describe.configure({ timeout: 120_000 }); // long articles on a busy 2-core machine

const articles = ['hype-to-rationality', 'challenges-and-opportunities', 'future-advantages', 'technology-market-policy-trends', 'product-innovation'];

/** Share of the article's height taken by its errata, with every block laid out. */
async function errataShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    document.documentElement.dataset.layout = 'full'; // no estimated heights (site.css, Head.astro)
    const content = document.querySelector('.sl-markdown-content')!.getBoundingClientRect().height;
    const errata = [...document.querySelectorAll('.kb-erratum')].reduce((sum, el) => {
      const style = getComputedStyle(el);
      return sum + el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    }, 0);
    return errata / content;
  });
}

for (const prefix of ['', '/en']) {
  for (const slug of articles) {
    test(`collapsed errata take at most 8 % of ${prefix}/articles/${slug}/ at 1366 px`, async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`${prefix}/articles/${slug}/`);
      await expect(page.locator('kb-errata-mode')).toBeVisible();
      expect(await page.locator('details.kb-erratum[open]').count()).toBe(0);
      expect(await errataShare(page)).toBeLessThanOrEqual(0.08);
    });
  }
}

test('an erratum opens and closes with the mouse and the keyboard', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/');
  const erratum = page.locator('#erratum-E000-03');
  const correction = erratum.getByText('Correction:');
  await expect(correction).toBeHidden();
  await erratum.locator('summary').click();
  await expect(correction).toBeVisible();
  await erratum.locator('summary').press('Enter');
  await expect(correction).toBeHidden();
  await erratum.locator('summary').press('Space');
  await expect(correction).toBeVisible();
});

test('review mode expands every erratum, is remembered, and reading mode collapses them again', async ({ page }) => {
  await page.goto('/articles/future-advantages/');
  const errata = page.locator('details.kb-erratum');
  const total = await errata.count();
  expect(total).toBeGreaterThan(5);
  await page.getByRole('radio', { name: '审阅（全部展开）' }).check();
  await expect(page.locator('details.kb-erratum[open]')).toHaveCount(total);
  await page.goto('/en/articles/product-innovation/'); // remembered on the next article, in either language
  await expect(page.getByRole('radio', { name: 'review (all expanded)' })).toBeChecked();
  await expect(page.locator('details.kb-erratum:not([open])')).toHaveCount(0);
  await page.getByRole('radio', { name: 'reading (collapsed)' }).check();
  await expect(page.locator('details.kb-erratum[open]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'reading (collapsed)' })).toBeChecked();
});

test('a link to an erratum opens it', async ({ page }) => {
  await page.goto('/articles/product-innovation/#erratum-E004-01');
  await expect(page.locator('#erratum-E004-01')).toHaveAttribute('open', '');
  await expect(page.locator('#erratum-E004-01 .kb-erratum__body')).toBeInViewport();
});

test('printed, every erratum is expanded', async ({ page }) => {
  await page.goto('/en/articles/future-advantages/');
  await page.emulateMedia({ media: 'print' });
  const bodies = page.locator('.kb-erratum__body');
  for (const body of await bodies.all()) await expect(body).toBeVisible();
  await expect(page.locator('kb-errata-mode')).toBeHidden();
});

test('the errata switch keeps its place while the page loads: the article below it does not move', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { kbShifts: number[] }).kbShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/articles/hype-to-rationality/');
  await expect(page.locator('kb-errata-mode')).toBeVisible();
  // The switch's script has run (it shows the remembered mode); by then any shift was reported.
  await expect(page.getByRole('radio', { name: '阅读（折叠）' })).toBeChecked();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await page.evaluate(() => (window as unknown as { kbShifts: number[] }).kbShifts.reduce((a, b) => a + b, 0))).toBeLessThan(0.005);
});

test.describe('without scripting', () => {
  test.use({ javaScriptEnabled: false });
  test('the errata switch, which only a script can apply, is not shown; an erratum still opens', async ({ page }) => {
    await page.goto('/en/articles/hype-to-rationality/');
    await expect(page.locator('kb-errata-mode')).toBeHidden();
    const erratum = page.locator('#erratum-E000-03');
    await erratum.locator('summary').click();
    await expect(erratum.getByText('Correction:')).toBeVisible();
  });
});
