// Every article's Mermaid diagram is drawn at build time: a visible SVG whose labels fit inside
// the drawing, with the same labels in a text version that opens from the keyboard.
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const slugs = readdirSync('content/docs/articles').map((f) => f.replace(/\.mdx?$/, ''));

for (const prefix of ['', '/en']) {
  for (const slug of slugs) {
    test(`diagram of ${prefix}/articles/${slug}/ is drawn, readable and has a text version`, async ({ page }) => {
      await page.goto(`${prefix}/articles/${slug}/`);
      const figures = page.locator('figure.kb-diagram');
      expect(await figures.count()).toBeGreaterThan(0);
      for (const figure of await figures.all()) {
        const svg = figure.locator('svg');
        await expect(svg).toBeVisible();
        // Every label is drawn inside the picture and inside its own box.
        const layout = await svg.evaluate((el: SVGSVGElement) => {
          const view = el.viewBox.baseVal;
          return [...el.querySelectorAll('text')].map((t) => {
            const box = t.getBBox();
            const frame = t.parentElement?.querySelector<SVGGraphicsElement>('rect, polygon')?.getBBox();
            const inside = (b: DOMRect, o: { x: number; y: number; width: number; height: number }) =>
              b.x >= o.x - 1 && b.y >= o.y - 1 && b.x + b.width <= o.x + o.width + 1 && b.y + b.height <= o.y + o.height + 1;
            return { text: t.textContent ?? '', inView: inside(box, view), inFrame: frame ? inside(box, frame) : true };
          });
        });
        expect(layout.length).toBeGreaterThan(3);
        expect(layout.filter((l) => !l.inView || !l.inFrame).map((l) => l.text)).toEqual([]);

        await figure.locator('summary').focus();
        await page.keyboard.press('Enter');
        const outline = figure.locator('li');
        await expect(outline.first()).toBeVisible();
        const words = (await outline.allTextContents()).join('\n');
        for (const { text } of layout) expect(words).toContain(text);
      }
    });
  }
}

test('on a phone a wide diagram keeps readable labels and scrolls sideways from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/en/articles/hype-to-rationality/');
  const canvas = page.locator('.kb-diagram__scroll').first();
  await canvas.scrollIntoViewIfNeeded();
  const { scale, overflows } = await canvas.evaluate((el) => {
    const svg = el.querySelector('svg')!;
    return { scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, overflows: el.scrollWidth > el.clientWidth };
  });
  expect(scale).toBeGreaterThanOrEqual(0.79);
  expect(overflows).toBe(true);
  await expect(canvas).toHaveAttribute('tabindex', '0');
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => canvas.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
