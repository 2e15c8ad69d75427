// The glossary: index letters (pinyin initials in Chinese) in the table of contents, entries in
// dictionary order with a stable #term-<id> anchor, cards on phones, and articles linking the
// first use of a technical term to its entry, at most one link per paragraph.
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 90_000 }); // long pages on a busy 2-core machine

for (const [path, collation] of [
  ['/guide/glossary/', 'zh-CN-u-co-pinyin'],
  ['/en/guide/glossary/', 'en'],
] as const) {
  test(`${path} is indexed by letter, sorted, with an anchor per term`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(path);
    const letters = await page.locator('.sl-markdown-content section > h2').evaluateAll((hs) => hs.map((h) => [h.id, h.textContent!]));
    expect(letters.length).toBeGreaterThan(10);
    expect(letters.map(([, text]) => text)).toEqual(letters.map(([, text]) => text).sort());
    for (const [id] of letters) await expect(page.locator(`starlight-toc a[href="#${id}"]`)).toHaveCount(1);
    const sorted = await page.evaluate((locale) => {
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      return [...document.querySelectorAll('.kb-glossary')].every((list) => {
        const terms = [...list.querySelectorAll('dfn')].map((d) => d.textContent!);
        return terms.every((term, i) => i === 0 || collator.compare(terms[i - 1]!, term) <= 0);
      });
    }, collation);
    expect(sorted).toBe(true);
    const ids = await page.locator('.kb-term').evaluateAll((cards) => cards.map((c) => c.id));
    expect(ids.every((id) => /^term-[a-z0-9-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
}

test('on a phone the glossary is one column of cards, terms never one character per line', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/guide/glossary/');
  const widths = await page.locator('.kb-term').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThan(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});

for (const path of ['/articles/hype-to-rationality/', '/en/articles/hype-to-rationality/']) {
  test(`${path} links the first use of a technical term to its glossary entry, calmly`, async ({ page }) => {
    await page.goto(path);
    const links = page.locator('a.kb-term-link');
    const found = await links.evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href')!,
        block: [...document.querySelectorAll('.sl-markdown-content :is(p, li, td, th, dd, blockquote, figcaption)')].indexOf(
          a.closest('p, li, td, th, dd, blockquote, figcaption')!,
        ),
        inHeadingOrCode: !!a.closest('h1, h2, h3, h4, h5, h6, code, pre, .katex'),
      })),
    );
    const hrefs = found.map((l) => l.href);
    expect(hrefs.length).toBeGreaterThan(5);
    expect(new Set(hrefs).size).toBe(hrefs.length); // one link per term
    expect(new Set(found.map((l) => l.block)).size).toBe(found.length); // one per paragraph
    expect(found.filter((l) => l.inHeadingOrCode)).toEqual([]);
    // The reader's own vocabulary (创业公司 / startup, 商业模式 / business model) is not linked.
    expect(hrefs.filter((h) => /#term-(startup|business-model|founder|large-model)$/.test(h))).toEqual([]);
    const first = links.first();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await expect(page).toHaveURL(href);
    await page.waitForLoadState('load');
    await expect(page.locator(href.slice(href.indexOf('#')))).toBeInViewport();
  });
}
