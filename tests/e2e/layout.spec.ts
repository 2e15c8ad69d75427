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
