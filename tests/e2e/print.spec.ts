// Printed, an article keeps everything a reader needs: no display formula cut at the page edge,
// every example replaced by the address of its live page, every erratum expanded; and an inline
// formula never leaves its full stop alone at the start of a line.
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
            clipped: d.scrollWidth > d.clientWidth + 1,
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

test('a full stop after an inline formula never starts a line, even on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/articles/product-innovation/');
  const loose = await page.evaluate(() => {
    const found: string[] = [];
    for (const math of document.querySelectorAll('.sl-markdown-content p .katex:not(.katex-display .katex)')) {
      const mark = math.nextSibling;
      if (!mark || mark.nodeType !== Node.TEXT_NODE || !/^[。，、；：！？]/.test(mark.textContent ?? '')) continue;
      const range = document.createRange();
      range.setStart(mark, 0);
      range.setEnd(mark, 1);
      const markBox = range.getBoundingClientRect();
      const mathBox = math.getBoundingClientRect();
      if (markBox.top >= mathBox.bottom - 2) found.push(`${math.querySelector('annotation')?.textContent}${mark.textContent?.[0]}`);
    }
    return found;
  });
  expect(loose).toEqual([]);
});
