// A founder's angle on the examples: "try this" prompts that apply their settings in one click,
// the Transformer example's training-cost view (plain TypeScript, no TensorFlow.js), and each
// example's run time and download size on the examples list.
import { expect, test, type Page } from '@playwright/test';
import { costLines, DEFAULT_ASSUMPTIONS, quantityParts } from '../../src/lib/examples/training-cost.ts';
import { axeViolations } from './axe.ts';

// An article page with examples is 12,000 elements; axe on it took ≈ 30 s of a 45 s test at a
// load average of 21 on 2 cores (the scan covers the whole page even when it reports one part).
const ARTICLE_AXE_TIMEOUT = 120_000;

const LANGS = [
  { prefix: '', lang: 'zh-CN', title: '试一试', apply: '应用设置', tiny: '本示例', noDownload: '无需下载' },
  { prefix: '/en', lang: 'en', title: 'Try this', apply: 'Apply', tiny: 'This example', noDownload: 'Nothing to download' },
] as const;

/** A quantity as the cost table writes it (mantissa, then "× 10" and the exponent as a superscript). */
const shown = (value: number, lang: string) => {
  const { text, exponent } = quantityParts(value, lang);
  return exponent === undefined ? text : `${text} × 10${exponent}`;
};

function tfRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => /tf-runtime|\.wasm/.test(r.url()) && urls.push(r.url()));
  return urls;
}

for (const l of LANGS) {
  test(`every example on an article page has 2–3 "try this" prompts in the page's language (${l.lang})`, async ({ page }) => {
    test.setTimeout(ARTICLE_AXE_TIMEOUT);
    await page.goto(`${l.prefix}/articles/challenges-and-opportunities/`);
    await expect(page.locator('[data-example]')).toHaveCount(3);
    // Read every prompt at once (a few thousand round trips would be slow on a busy machine).
    const examples = await page.locator('[data-example]').evaluateAll((sections) =>
      sections.map((s) => ({
        title: s.querySelector('.kb-example__try-title')?.textContent?.trim(),
        prompts: [...s.querySelectorAll('.kb-example__try li')].map((li) => ({
          apply: li.querySelector('[data-try-apply]')?.textContent ?? '',
          citeHref: li.querySelector('small a')?.getAttribute('href') ?? '',
          citeText: li.querySelector('small a')?.textContent ?? '',
        })),
      })),
    );
    for (const example of examples) {
      expect(example.title).toBe(l.title);
      expect(example.prompts.length).toBeGreaterThanOrEqual(2);
      expect(example.prompts.length).toBeLessThanOrEqual(3);
      for (const prompt of example.prompts) {
        expect(prompt.apply).toContain(l.apply);
        // The cited section is named by article title and section name, never by number.
        expect(prompt.citeHref).toMatch(/\/articles\/[a-z-]+\/#[a-z0-9-]+$/);
        expect(prompt.citeText).not.toMatch(/§|\b\d+\.\d+\b/);
      }
    }
    expect(await axeViolations(page, '.kb-example__try')).toEqual([]);
  });
}

test("a prompt's link, followed from the keyboard, puts its settings in the example's form", async ({ page }) => {
  await page.goto('/en/articles/challenges-and-opportunities/');
  const example = page.locator('[data-example="gradient-descent"]');
  const link = example.locator('[data-try-apply]', { hasText: 'Learning rate' }).first();
  await expect(link).toHaveText(/Learning rate.*: 2$/);
  // Focus entering the example starts it, which puts its settings form in place.
  await link.focus();
  await expect(example.locator('input[name="lr"]')).toHaveValue('0.1');
  await page.keyboard.press('Enter');
  await page.waitForURL(/gd\.lr=2/);
  await expect(page.locator('[data-example="gradient-descent"] input[name="lr"]')).toHaveValue('2');
  // Only the prompt's setting changes; the others keep their defaults.
  await expect(page.locator('[data-example="gradient-descent"] input[name="epochs"]')).toHaveValue('20');
});

for (const l of LANGS) {
  test(`the cost view recomputes as an assumption or a model setting changes, without TensorFlow.js (${l.lang})`, async ({ page }) => {
    test.setTimeout(ARTICLE_AXE_TIMEOUT);
    const tf = tfRequests(page);
    await page.goto(`${l.prefix}/articles/technology-market-policy-trends/`);
    const view = page.locator('kb-cost-view');
    const example = page.locator('[data-example="tiny-transformer"]');
    await expect(view.locator('tr[data-row="tiny"] th')).toContainText(l.tiny);
    const vocabSize = Number(await view.getAttribute('data-vocab'));
    const tiny = { vocabSize, dModel: 32, layers: 2, context: 32, batch: 8, steps: 250 };
    const cell = (row: string, column: string) => view.locator(`tr[data-row="${row}"] td[data-cell="${column}"]`);

    const before = costLines(tiny, DEFAULT_ASSUMPTIONS);
    await expect(cell('tiny', 'parameters')).toHaveText(shown(before.tiny.parameters, l.lang));
    await expect(cell('gpt3', 'cost')).toHaveText(shown(before.gpt3.cost, l.lang));

    // The assumptions and settings are put in place when the example starts (near the viewport).
    await example.scrollIntoViewIfNeeded();
    await view.locator('input[name="price"]').fill('5');
    await expect(cell('gpt3', 'cost')).toHaveText(shown(costLines(tiny, { ...DEFAULT_ASSUMPTIONS, price: 5 }).gpt3.cost, l.lang));

    await example.locator('select[name="dModel"]').selectOption('64');
    const wider = costLines({ ...tiny, dModel: 64 }, { ...DEFAULT_ASSUMPTIONS, price: 5 });
    await expect(cell('tiny', 'parameters')).toHaveText(shown(wider.tiny.parameters, l.lang));
    await expect(cell('tiny', 'flops')).toHaveText(shown(wider.tiny.flops, l.lang));

    expect(await axeViolations(page, 'kb-cost-view')).toEqual([]);

    // Settings in a shared link reach the table too, once the example has put them in its form.
    await page.goto(`${l.prefix}/articles/technology-market-policy-trends/?tt.dModel=64&tt.steps=500`);
    const shared = costLines({ ...tiny, dModel: 64, steps: 500 }, DEFAULT_ASSUMPTIONS);
    await expect(cell('tiny', 'parameters')).toHaveText(shown(shared.tiny.parameters, l.lang));
    await expect(cell('tiny', 'flops')).toHaveText(shown(shared.tiny.flops, l.lang));
    expect(tf, 'the cost view must not load TensorFlow.js').toEqual([]);
  });
}

for (const l of LANGS) {
  test(`the examples list shows each example's run time and download size (${l.lang})`, async ({ page }) => {
    await page.goto(`${l.prefix}/guide/examples/`);
    const items = page.locator('.kb-examples-list > li');
    await expect(items).toHaveCount(10);
    for (const item of await items.all()) {
      const figures = item.locator('[data-figures]');
      // A duration in seconds or minutes, then a size in MB or kB (or nothing to download).
      await expect(figures).toHaveText(new RegExp(`(sec|min|秒|分钟).* · .*(MB|kB|${l.noDownload})`));
    }
    const mb = async (id: string) => Number((await page.locator(`[data-example-item="${id}"] [data-figures]`).textContent())!.match(/([\d.]+) MB/)![1]);
    // The digits example downloads TensorFlow.js and its data file; the others TensorFlow.js alone.
    expect(await mb('digit-classifier')).toBeGreaterThan(await mb('tiny-transformer'));
    await expect(page.locator('[data-example-item="gradient-descent"] [data-figures]')).toContainText(l.noDownload);
    expect(await axeViolations(page, ['.kb-examples-list', '.kb-examples-list__note'])).toEqual([]);
  });
}
