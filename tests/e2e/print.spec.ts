// Printed, an article keeps everything a reader needs: no display formula cut at the page edge,
// every example replaced by the address of its live page, every erratum expanded; and an inline
// formula never leaves its full stop alone at the start of a line, nor overflows a phone's column.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 90_000 }); // long pages on a busy 2-core machine

/** An A4 page at 96 dpi, less Chromium's default print margins. */
const A4 = { width: 794 - 2 * 38, height: 1123 };

for (const path of [
  '/articles/product-innovation/',
  '/en/articles/product-innovation/',
  '/articles/hype-to-rationality/',
  '/en/articles/hype-to-rationality/',
]) {
  test(`${path} printed: no formula clipped, examples as links, errata expanded`, async ({ page }) => {
    await page.setViewportSize(A4);
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const { content, formulas } = await page.evaluate(() => {
      const column = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
      return {
        content: { left: column.left, right: column.right },
        formulas: [...document.querySelectorAll<HTMLElement>('.katex-display')].map((d) => {
          const box = d.getBoundingClientRect();
          const drawn = [...d.querySelectorAll('.base')].map((b) => b.getBoundingClientRect());
          return {
            tex: d.querySelector('annotation')?.textContent ?? '',
            left: Math.min(box.left, ...drawn.map((b) => b.left)),
            right: Math.max(box.right, ...drawn.map((b) => b.right)),
            clipped: [d, d.querySelector<HTMLElement>(':scope > .katex')!].some((e) => e.scrollWidth > e.clientWidth + 1),
          };
        }),
      };
    });
    expect(formulas.length).toBeGreaterThan(3);
    const outside = formulas.filter((f) => f.clipped || f.left < content.left - 1 || f.right > content.right + 1).map((f) => f.tex);
    expect(outside).toEqual([]);

    // Each example is hidden and replaced by the address of the live page at its section.
    const examples = page.locator('.kb-example');
    const links = page.locator('.kb-example-print');
    expect(await examples.count()).toBeGreaterThan(0);
    await expect(links).toHaveCount(await examples.count());
    for (const example of await examples.all()) await expect(example).toBeHidden();
    for (const link of await links.all()) {
      await expect(link).toBeVisible();
      await expect(link.locator('a')).toHaveText(new RegExp(`${path}#sec-[\\d-]+$`));
    }

    // Every erratum's correction is on paper, though the details are closed.
    const bodies = page.locator('.kb-erratum .kb-erratum__body');
    expect(await bodies.count()).toBeGreaterThan(3);
    for (const body of await bodies.all()) await expect(body).toBeVisible();
  });
}

test('on screen the print-only example addresses stay hidden', async ({ page }) => {
  await page.goto('/articles/hype-to-rationality/');
  await expect(page.locator('.kb-example').first()).toBeVisible();
  await expect(page.locator('.kb-example-print').first()).toBeHidden();
});

const articles = readdirSync('content/docs/articles').flatMap((f) => {
  const slug = f.replace(/\.mdx?$/, '');
  return [`/articles/${slug}/`, `/en/articles/${slug}/`];
});

for (const path of articles) {
  test(`${path} on a phone: no inline formula overflows and no punctuation after one starts a line`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    const { loose, overflowing, checked } = await page.evaluate(() => {
      const column = document.querySelector('.sl-markdown-content')!.getBoundingClientRect();
      const found = { loose: [] as string[], overflowing: [] as string[], checked: 0 };
      for (const math of document.querySelectorAll<HTMLElement>('.sl-markdown-content :is(p, li) .katex:not(.katex-display .katex)')) {
        const tex = math.querySelector('annotation')?.textContent ?? '';
        const mathBox = math.getBoundingClientRect();
        if (mathBox.right > column.right + 1 || mathBox.left < column.left - 1) found.overflowing.push(tex);
        // A long formula's mark follows a word joiner (U+2060).
        const mark = math.nextSibling;
        const at = mark?.textContent?.startsWith('\u2060') ? 1 : 0;
        if (!mark || mark.nodeType !== Node.TEXT_NODE || !/^[。，、；：！？）.,;:!?)]/.test(mark.textContent!.slice(at))) continue;
        found.checked++;
        const range = document.createRange();
        range.setStart(mark, at);
        range.setEnd(mark, at + 1);
        const markBox = range.getBoundingClientRect();
        if (markBox.top >= mathBox.bottom - 2) found.loose.push(`${tex}${mark.textContent![at]}`);
        // Held to the formula, the mark may hang past the line's end, but by no more than half its width (where a full-width mark has no ink).
        if (markBox.right > column.right + markBox.width / 2) found.overflowing.push(`${tex}${mark.textContent![at]}`);
      }
      return found;
    });
    expect(checked).toBeGreaterThan(0);
    expect(overflowing).toEqual([]);
    expect(loose).toEqual([]);
  });
}
