// The in-browser examples: they run, their numbers match independent references
// computed here in Node, their settings live in the URL, and tfjs loads only on demand.
import { expect, test, type Page } from '@playwright/test';
import { gradientDescentPlain, leastSquares } from '../../src/lib/examples/linear-regression.ts';
import { ARTICLE_000_POINTS } from '../../src/lib/examples/article-data.ts';

const { x, y } = { x: [...ARTICLE_000_POINTS.x], y: [...ARTICLE_000_POINTS.y] };

async function runExample(page: Page, id: string) {
  const section = page.locator(`[data-example="${id}"]`).first();
  await section.locator('[data-run]').click();
  await expect(section).toHaveAttribute('data-state', /done|error|stopped/, { timeout: 60_000 });
  return section;
}

const cell = (section: import('@playwright/test').Locator, row: string, value: string) =>
  section.locator(`tr.${row} td[data-value="${value}"]`).textContent().then(Number);

for (const prefix of ['', '/en']) {
  test(`linear regression trains in the browser and matches the references (${prefix || 'zh'})`, async ({ page }) => {
    const tfRequests: string[] = [];
    page.on('request', (r) => r.url().includes('tf-runtime') && tfRequests.push(r.url()));
    await page.goto(`${prefix}/articles/hype-to-rationality/`);
    await page.waitForLoadState('networkidle');
    expect(tfRequests, 'tfjs must not load before the reader starts an example').toEqual([]);

    const section = await runExample(page, 'linear-regression');
    await expect(section).toHaveAttribute('data-state', 'done');
    expect(tfRequests.length).toBe(1);

    const closed = leastSquares(x, y);
    expect(await cell(section, 'row-reference', 'b0')).toBeCloseTo(closed.b0, 4);
    expect(await cell(section, 'row-reference', 'b1')).toBeCloseTo(closed.b1, 4);
    expect(await cell(section, 'row-reference', 'rmse')).toBeCloseTo(closed.rmse, 4);
    const gd = gradientDescentPlain(x, y, { lr: 0.01, epochs: 1000 });
    expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(gd.b0, 3);
    expect(await cell(section, 'row-model', 'b1')).toBeCloseTo(gd.b1, 3);
    await expect(section.locator('[data-chart="fit"] svg circle')).toHaveCount(4);
    await expect(section.locator('[data-chart="loss"] svg path.series-model')).toHaveCount(1);
  });
}

test('settings come from the URL, so a shared link reproduces the run', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.lr=0.03&lin.epochs=3000');
  const section = page.locator('[data-example="linear-regression"]');
  await expect(section.locator('input[name="lr"]')).toHaveValue('0.03');
  await runExample(page, 'linear-regression');
  const closed = leastSquares(x, y);
  expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(closed.b0, 3);
  expect(await cell(section, 'row-model', 'b1')).toBeCloseTo(closed.b1, 3);

  await section.locator('input[name="epochs"]').fill('500');
  await runExample(page, 'linear-regression');
  expect(new URL(page.url()).searchParams.get('lin.epochs')).toBe('500');
  expect(new URL(page.url()).searchParams.get('lin.lr')).toBe('0.03');
});

test('an invalid setting in the link is reported and replaced by its default', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.lr=abc');
  const section = page.locator('[data-example="linear-regression"]');
  await expect(section.locator('[data-status]')).toContainText('lin.lr', { timeout: 15_000 });
  await expect(section.locator('input[name="lr"]')).toHaveValue('0.01');
});

test('a learning rate past the stability limit is shown diverging, not hidden', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.lr=0.05&lin.epochs=200');
  const section = await runExample(page, 'linear-regression');
  await expect(section.locator('[data-status]')).toContainText('diverged');
});

test('a running example can be stopped', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.epochs=10000');
  const section = page.locator('[data-example="linear-regression"]');
  await section.locator('[data-run]').click();
  await expect(section.locator('[data-stop]')).toBeEnabled();
  await page.waitForTimeout(300);
  await section.locator('[data-stop]').click();
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  const epochs = await section.locator('tr.row-model th').textContent();
  expect(Number(/\d+/.exec(epochs ?? '')?.[0])).toBeLessThan(10000);
});

test('article pages without examples load no TensorFlow.js', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/articles/future-advantages/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /tf-runtime|tfjs/.test(u))).toEqual([]);
});

test('if TensorFlow.js cannot load, the example says so and the page keeps working', async ({ page }) => {
  await page.route(/tf-runtime/, (route) => route.abort());
  await page.goto('/en/articles/hype-to-rationality/');
  const section = await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'error');
  await expect(section.locator('[data-status]')).toContainText('TensorFlow.js could not be loaded');
  await expect(page.locator('pre code').first()).toBeVisible();
});
