// A first visit: the home page and the articles index lead to every article and tool, and on a
// phone every page (the home page included) reaches the language and theme switches.
import { expect, test, type Page } from '@playwright/test';

// Each test loads one or two full pages; a busy 2-core machine needs room.
test.describe.configure({ timeout: 60_000 });

const phone = { width: 390, height: 844 };

/** Links of the sidebar's article group, which Starlight builds from the articles folder. */
async function sidebarArticles(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#starlight__sidebar a[href*="/articles/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.filter((href) => /\/articles\/[a-z-]+\/$/.test(href));
}

for (const [home, readingTime] of [
  ['/', /约 \d+ 分钟 · \d+ 条勘误/],
  ['/en/', /\d+ min read · \d+ errata/],
] as const) {
  test(`home ${home} lists every article with its takeaway and reading time, and links the tools`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(home);
    const expected = await sidebarArticles(page);
    expect(expected).toHaveLength(5);
    const items = page.locator('.kb-article-list li');
    await expect(items).toHaveCount(expected.length);
    expect(await items.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(expected);
    for (const item of await items.all()) {
      await expect(item.locator('p').first()).not.toBeEmpty();
      await expect(item.locator('.kb-article-list__meta')).toHaveText(readingTime);
    }
    const total = await page.locator('.kb-sources-summary').textContent();
    expect(total).toMatch(/\d{3}/); // the errata count, computed from the errata collection
    const prefix = home === '/' ? '' : '/en';
    for (const path of ['/guide/examples/', '/assessment/', '/guide/glossary/', '/guide/errata/']) {
      await expect(page.locator(`.sl-link-card a[href="${prefix}${path}"]`)).toBeVisible();
    }
    await page.getByRole('link', { name: home === '/' ? '阅读文章' : 'Read the articles' }).click();
    await expect(page).toHaveURL(`${prefix}/articles/`);
    await expect(page.locator('.kb-article-list li')).toHaveCount(expected.length);
  });
}

test('on a phone the home page menu switches language and theme', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/');
  await page.getByRole('button', { name: '菜单' }).click();
  const menu = page.locator('.mobile-preferences');
  await menu.getByRole('combobox', { name: '选择主题' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await menu.getByRole('combobox', { name: '选择语言' }).selectOption({ label: 'English' });
  await expect(page).toHaveURL('/en/');
  await expect(page.locator('h1')).toHaveText('Large-Model Startup Knowledge Base');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

for (const path of ['/en/', '/en/articles/', '/en/articles/technology-market-policy-trends/', '/']) {
  test(`on a phone no title is cut off: ${path}`, async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto(path);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.site-title span, h1')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth)
        .map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
    const title = await page.locator('.site-title').boundingBox();
    const search = await page.locator('site-search button').first().boundingBox();
    expect(title!.x + title!.width).toBeLessThanOrEqual(search!.x);
  });
}

// Far down a long article the headings, like the blocks around them, are laid out only near the
// viewport (site.css). Scrolling there as a reader does (no #link, so the layout stays lazy), the
// table of contents still names the section being read.
test('scrolling down a long article, the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/en/articles/hype-to-rationality/');
  await expect(page.locator('starlight-toc a[aria-current="true"]')).toHaveAttribute('href', '#_top');
  const heading = page.locator('#sec-6-8');
  // Wheel down until the heading is in the top band the table of contents watches.
  await expect(async () => {
    const box = await heading.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    if (box.top > 150) await page.mouse.wheel(0, Math.min(box.top - 100, 2000));
    expect(box.top).toBeLessThanOrEqual(150);
    expect(box.top).toBeGreaterThan(0);
  }).toPass({ intervals: [100] });
  await expect(page.locator('html')).not.toHaveAttribute('data-layout', 'full');
  await expect(page.locator('starlight-toc a[aria-current="true"]')).toHaveAttribute('href', '#sec-6-8');
});
