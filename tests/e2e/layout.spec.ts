// Long articles are laid out lazily on a fresh visit (site.css, Head.astro), yet every way of
// landing at a section still lands there: #links on the page, links from elsewhere, reloads.
import { expect, test } from '@playwright/test';

const article = '/articles/hype-to-rationality/';
const lazyBlocks = (page: import('@playwright/test').Page) =>
  page.evaluate(() => [...document.querySelectorAll('.sl-markdown-content > *')].filter((el) => getComputedStyle(el).contentVisibility === 'auto').length);
// Fonts loaded and two frames drawn after the load event: the restore and any late layout have run.
const settled = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));

test('a fresh visit lays out only what is near the viewport', async ({ page }) => {
  await page.goto(article);
  expect(await lazyBlocks(page)).toBeGreaterThan(50);
});

test('a link from another page lands on its section', async ({ page }) => {
  await page.goto(`${article}#sec-9-2`);
  await expect(page.locator('#sec-9-2')).toBeInViewport();
  expect(await lazyBlocks(page)).toBe(0);
});

test('the table of contents lands on a section far down the page', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(article);
  await page.locator('starlight-toc a[href="#sec-9-2"]').first().click();
  await expect(page).toHaveURL(/#sec-9-2$/);
  await expect(page.locator('#sec-9-2')).toBeInViewport();
  await settled(page); // nothing may push it away once the blocks around it are drawn
  await expect(page.locator('#sec-9-2')).toBeInViewport();
});

test('a reload keeps the reader where they were', async ({ page }) => {
  await page.goto(article);
  // A jump, like dragging the scroll bar: the blocks above stay estimated.
  await page.evaluate(() => document.getElementById('sec-8')!.scrollIntoView());
  await page.reload();
  await settled(page);
  await expect(page.locator('#sec-8')).toBeInViewport();
});

test('going back returns to the section the reader left', async ({ page }) => {
  await page.goto(article);
  await page.evaluate(() => document.getElementById('sec-8')!.scrollIntoView());
  await page.goto('/guide/glossary/');
  await page.goBack();
  await settled(page);
  await expect(page.locator('#sec-8')).toBeInViewport();
});

test("the table of contents watches the same elements as Starlight's own selection", async ({ page }) => {
  await page.goto(article);
  const same = await page.evaluate(() => {
    const heading = 'h1#_top,:where(h2,h3)[id]';
    const starlight = document.querySelectorAll(
      [
        `main :where(${heading})`,
        `main :where(${heading}, .sl-heading-wrapper) ~ *:not(:has(${heading}))`,
        `main .sl-markdown-content > *:not(:has(${heading}))`,
        `main > *:not(:has(${heading}))`,
      ].join(),
    );
    const ours = [
      ...document.querySelectorAll(
        [`main :where(${heading})`, `main :where(${heading}, .sl-heading-wrapper) ~ *`, `main .sl-markdown-content > *`, `main > *`].join(),
      ),
    ].filter((el) => el.matches(heading) || !el.querySelector(heading));
    return starlight.length > 100 && starlight.length === ours.length && ours.every((el, i) => el === starlight[i]);
  });
  expect(same).toBe(true);
});

test('on a phone every wide formula is reachable by keyboard; one that fits is not in the tab order', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/en/articles/hype-to-rationality/');
  await settled(page);
  const formulas = page.locator('.sl-markdown-content > .katex-display > .katex');
  const unreachable = await formulas.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth && (el as HTMLElement).tabIndex !== 0).length);
  expect(unreachable).toBe(0);
  const fitting = await formulas.evaluateAll((els) => els.findLastIndex((el) => el.scrollWidth <= el.clientWidth));
  const last = formulas.nth(fitting);
  await last.scrollIntoViewIfNeeded();
  await expect(last).not.toHaveAttribute('tabindex');
});
