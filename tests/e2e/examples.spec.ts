// The in-browser examples: they run, their numbers match independent references
// computed here in Node, their settings live in the URL, and tfjs loads only on demand.
import { expect, test, type Locator } from '@playwright/test';
import { gradientDescentPlain, leastSquares, ridge } from '../../src/lib/examples/linear-regression.ts';
import { fmt } from '../../src/lib/plot.ts';
import { axeViolations } from './axe.ts';
import { ARTICLE_000_POINTS } from '../../src/lib/examples/article-data.ts';
import { press, reach, runExample } from './press.ts';

const { x, y } = { x: [...ARTICLE_000_POINTS.x], y: [...ARTICLE_000_POINTS.y] };

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
    await expect(section, 'WebAssembly is the default backend').toHaveAttribute('data-backend', 'wasm');

    const closed = leastSquares(x, y);
    expect(await cell(section, 'row-reference', 'b0')).toBeCloseTo(closed.b0, 4);
    expect(await cell(section, 'row-reference', 'b1')).toBeCloseTo(closed.b1, 4);
    expect(await cell(section, 'row-reference', 'rmse')).toBeCloseTo(closed.rmse, 4);
    const gd = gradientDescentPlain(x, y, { lr: 0.01, epochs: 1000 });
    expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(gd.b0, 3);
    expect(await cell(section, 'row-model', 'b1')).toBeCloseTo(gd.b1, 3);
    await expect(section.locator('[data-chart="fit"] > svg circle')).toHaveCount(4);
    await expect(section.locator('[data-chart="loss"] > svg path.series-model')).toHaveCount(1);
    // The article's own 1000 steps stop short of least squares, and the page says so.
    await expect(section.locator('[data-status]')).toContainText(prefix ? 'not converged yet' : '尚未收敛');
  });
}

test('settings come from the URL, so a shared link reproduces the run', async ({ page }) => {
  // Neither value is the default (0.01, 1000): the run matches the reference only if both were read.
  await page.goto('/en/articles/hype-to-rationality/?lin.lr=0.03&lin.epochs=300');
  const section = page.locator('[data-example="linear-regression"]');
  await expect(section.locator('input[name="lr"]')).toHaveValue('0.03');
  await runExample(page, 'linear-regression');
  const shared = gradientDescentPlain(x, y, { lr: 0.03, epochs: 300 });
  expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(shared.b0, 3);
  expect(await cell(section, 'row-model', 'b1')).toBeCloseTo(shared.b1, 3);

  // A changed setting is written back, so the address shares the new run.
  await section.locator('input[name="epochs"]').fill('200');
  await runExample(page, 'linear-regression');
  expect(new URL(page.url()).searchParams.get('lin.epochs')).toBe('200');
  expect(new URL(page.url()).searchParams.get('lin.lr')).toBe('0.03');
});

for (const [prefix, expected] of [
  ['/en', ['“Learning rate”: “abc” is not a number; using 0.01', '“Epochs”: -1 is not between 1 and 10000; using 1000']],
  ['', ['“学习率”：“abc”不是数字，改用 0.01', '“迭代次数”：-1 不在 1 到 10000 之间，改用 1000']],
] as const) {
  test(`an invalid setting in the link is reported by its label in the page's language (${prefix || 'zh'})`, async ({ page }) => {
    await page.goto(`${prefix}/articles/hype-to-rationality/?lin.lr=abc&lin.epochs=-1`);
    const section = page.locator('[data-example="linear-regression"]');
    for (const text of expected) await expect(section.locator('[data-status]')).toContainText(text, { timeout: 15_000 });
    await expect(section.locator('[data-status]')).not.toContainText('lin.');
    await expect(section.locator('input[name="lr"]')).toHaveValue('0.01');
  });
}

test('a learning rate past the stability limit stops the run early with a message, not NaN', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.lr=0.05&lin.epochs=2000');
  const section = await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'diverged');
  await expect(section.locator('[data-status]')).toContainText('Stopped early at epoch');
  await expect(section.locator('[data-status]')).toContainText('diverged');
  // Stopped where it showed, long before the 2000 epochs, with finite numbers in the table.
  const label = await section.locator('tr.row-model th').textContent();
  expect(label).toMatch(/stopped after \d+ of 2000 epochs/);
  expect(Number(/after (\d+)/.exec(label ?? '')?.[1])).toBeLessThan(100);
  expect(Number.isFinite(await cell(section, 'row-model', 'mse'))).toBe(true);
});

test('a running example can be stopped', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.epochs=10000');
  const section = page.locator('[data-example="linear-regression"]');
  await press(section.locator('[data-run]'));
  // Stop once training shows (the loss chart has drawn), not after a fixed wait.
  await expect(section.locator('[data-chart="loss"] > svg path.series-model')).toBeAttached({ timeout: 30_000 });
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  // A partial run is labelled as partial.
  await expect(section.locator('tr.row-model th')).toContainText(/stopped after \d+ of 10000 epochs/);
});

test('Step advances the run one epoch at a time, and Continue runs on to the straight run’s result', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.epochs=200');
  const section = page.locator('[data-example="linear-regression"]');
  const step = section.getByRole('button', { name: 'Step' });
  for (const n of [1, 2]) {
    await press(step);
    await expect(section).toHaveAttribute('data-state', 'paused');
    await expect(section.locator('[data-status]')).toContainText(`Paused after ${n} of 200`);
  }
  await expect(section.locator('tr.row-model th')).toContainText('2 of 200 epochs');
  const afterTwo = gradientDescentPlain(x, y, { lr: 0.01, epochs: 2 });
  expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(afterTwo.b0, 4);

  await expect(section.locator('[data-run]')).toHaveText('Continue');
  await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'done');
  const straight = gradientDescentPlain(x, y, { lr: 0.01, epochs: 200 });
  expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(straight.b0, 4);
  expect(await cell(section, 'row-model', 'b1')).toBeCloseTo(straight.b1, 4);
  await expect(section.locator('[data-run]')).toHaveText('Run');

  // A changed setting discards a paused run: the next Step starts over.
  await press(step);
  await expect(section).toHaveAttribute('data-state', 'paused');
  await section.locator('input[name="lr"]').fill('0.02');
  await expect(section.locator('[data-run]')).toHaveText('Run');
  await press(step);
  await expect(section.locator('[data-status]')).toContainText('Paused after 1 of 200');
});

test('article pages without examples load no TensorFlow.js', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/articles/future-advantages/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /tf-runtime|tfjs/.test(u))).toEqual([]);
});

test('an example far down the page starts when the reader nears it, or at once when the address carries its settings', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/');
  const section = page.locator('[data-example="linear-regression"]');
  const points = section.locator('[data-point]');
  await expect(page.locator('.sl-markdown-content')).toBeVisible();
  // Far below the first screen nothing has run yet: no points drawn, and no settings form or Run
  // button either (they wait in a template until the example starts, so the browser has no form
  // controls to lay out while the page loads).
  await expect(points).toHaveCount(0);
  await expect(section.locator('form[data-settings]')).toHaveCount(0);
  await expect(page.locator('[data-example] :is(input, select, button[data-run])')).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator('[data-run]')).toBeEnabled();
  await expect(points).toHaveCount(x.length);

  await page.goto('/en/articles/hype-to-rationality/?lin.lambda=0.5');
  await expect(section.locator('[data-run]')).toBeEnabled();
  await expect(section.locator('input[name="lambda"]')).toHaveValue('0.5');
  await expect(points).toHaveCount(x.length);
});

test('a table-of-contents link lands on its section though the examples above it start (and grow) on the way', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/en/articles/product-innovation/');
  await page.locator('starlight-toc a[href="#sec-4-2"]').click();
  await expect(page).toHaveURL(/#sec-4-2$/);
  // The widget of §4.1, just above, has started: its sliders and table are in place.
  await expect(page.locator('[data-example="activation-functions"] [data-run]')).toBeEnabled();
  await expect(page.locator('#sec-4-2')).toBeInViewport();
});

test('if TensorFlow.js cannot load, the example says so and the page keeps working', async ({ page }) => {
  await page.route(/tf-runtime/, (route) => route.abort());
  await page.goto('/en/articles/hype-to-rationality/');
  const section = await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'error');
  await expect(section.locator('[data-status]')).toContainText('TensorFlow.js could not be loaded');
  await expect(page.locator('pre code').first()).toBeVisible();
});

test('if the WebAssembly backend cannot load, the example runs on plain JavaScript with the same result', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto('/en/articles/hype-to-rationality/');
  const section = await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'done');
  await expect(section).toHaveAttribute('data-backend', 'cpu');
  const gd = gradientDescentPlain(x, y, { lr: 0.01, epochs: 1000 });
  expect(await cell(section, 'row-model', 'b0')).toBeCloseTo(gd.b0, 3);
});

for (const width of [360, 1366]) {
  test(`chart text is at least 11 px as rendered, with a visible title and legend (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/en/articles/hype-to-rationality/?lin.epochs=200');
    const section = await runExample(page, 'linear-regression');
    const figure = section.locator('[data-chart="fit"]');
    await expect(figure.locator('figcaption')).toHaveText('Data points and fitted lines');
    await expect(figure.locator('.kb-chart__legend li')).toHaveText([
      'gradient descent',
      'Least-squares closed form',
      'residuals (distance to the closed form)',
      'data points',
    ]);
    // The lines are also labelled where they end, so the dashed closed form can be told from gradient descent without the legend.
    await expect(figure.locator('svg text.kb-lin-label-reference')).toHaveText('Least-squares closed form');
    await expect(figure.locator('svg text.kb-lin-label-model')).toHaveText('gradient descent');
    // Rendered size of every text of both charts: font size × the drawing's scale on screen.
    const sizes = await section.locator('[data-chart] > svg text').evaluateAll((texts) =>
      texts.map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      }),
    );
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // The numbers are also there as a table.
    await figure.locator('summary').click();
    await expect(figure.locator('table tbody tr').first()).toBeVisible();
  });
}

/** The data points as the chart holds them now, and the table's value of a row. */
const pointsOf = (section: Locator) =>
  section.locator('[data-point]').evaluateAll((circles) => ({
    x: circles.map((c) => Number(c.getAttribute('data-x'))),
    y: circles.map((c) => Number(c.getAttribute('data-y'))),
  }));
const exactOf = (section: Locator, row: string, value: string) =>
  section.locator(`tr.${row} td[data-value="${value}"]`).getAttribute('data-exact').then(Number);

test('dragging a data point with the mouse moves the closed-form fit at once, without TensorFlow.js', async ({ page }) => {
  const tfRequests: string[] = [];
  page.on('request', (r) => /tf-runtime|tfjs/.test(r.url()) && tfRequests.push(r.url()));
  await page.goto('/en/articles/hype-to-rationality/');
  const section = page.locator('[data-example="linear-regression"]');
  await reach(section);
  const point = section.locator('[data-point="3"]');
  await point.hover(); // scrolls it into view and waits until it stays put
  const before = await pointsOf(section);
  expect(before).toEqual({ x, y });
  expect(await exactOf(section, 'row-reference', 'b1')).toBeCloseTo(leastSquares(x, y).b1, 12);

  // Drag the last point (8, 9) down and to the left with the mouse.
  const box = (await point.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 40, box.y + 90, { steps: 5 });
  await page.mouse.up();
  const after = await pointsOf(section);
  expect(after.x.slice(0, 3)).toEqual(x.slice(0, 3));
  expect(after.y.slice(0, 3)).toEqual(y.slice(0, 3));
  expect(after.x[3]).toBeLessThan(8);
  expect(after.y[3]).toBeLessThan(9);
  const fit = leastSquares(after.x, after.y);
  await expect.poll(() => exactOf(section, 'row-reference', 'b1')).toBeCloseTo(fit.b1, 12);
  expect(await exactOf(section, 'row-reference', 'b0')).toBeCloseTo(fit.b0, 12);
  expect(await exactOf(section, 'row-reference', 'rmse')).toBeCloseTo(fit.rmse, 12);
  // The dashed line and the residuals are drawn for the moved data; the point's name says where it is.
  await expect(section.locator('.kb-lin-residual line')).toHaveCount(4);
  await expect(point).toHaveAttribute('aria-label', `Data point 4: X = ${fmt(after.x[3]!)}, Y = ${fmt(after.y[3]!)}`);
  expect(tfRequests, 'dragging loads no TensorFlow.js').toEqual([]);
});

test('the keyboard moves a focused data point; ridge follows, and Run trains on the moved points', async ({ page }) => {
  await page.goto('/en/articles/hype-to-rationality/?lin.lambda=0.5&lin.lr=0.03&lin.epochs=300');
  const section = page.locator('[data-example="linear-regression"]');
  await expect(section.getByRole('button', { name: 'Data point 1: X = 2, Y = 4' })).toBeVisible();
  const point = section.locator('[data-point="0"]');
  await point.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(point).toHaveAttribute('data-y', '4.3');
  await expect(point).toHaveAttribute('data-x', '3');
  await expect(point).toBeFocused();
  const moved = { x: [3, 4, 6, 8], y: [4.3, 5, 7, 9] };
  const target = ridge(moved.x, moved.y, 0.5);
  await expect.poll(() => exactOf(section, 'row-reference', 'b0')).toBeCloseTo(target.b0, 12);
  expect(await exactOf(section, 'row-least-squares', 'b1')).toBeCloseTo(leastSquares(moved.x, moved.y).b1, 12);
  await expect(section.locator('.kb-lin-chart path.kb-lin-ls')).toHaveAttribute('d', /^M/);

  await runExample(page, 'linear-regression');
  await expect(section).toHaveAttribute('data-state', 'done');
  const gd = gradientDescentPlain(moved.x, moved.y, { lr: 0.03, epochs: 300, ridgeLambda: 0.5 });
  expect(await exactOf(section, 'row-model', 'b0')).toBeCloseTo(gd.b0, 3);
  expect(await exactOf(section, 'row-model', 'b1')).toBeCloseTo(gd.b1, 3);
  // Moving a point again makes the trained line stale: it goes, the closed forms stay.
  await point.press('ArrowDown');
  await expect(section.locator('tr.row-model')).toHaveCount(0);
  await expect(section.locator('.kb-lin-chart path.series-model')).toHaveAttribute('d', '');
  // Reset brings back the article's points.
  await press(section.locator('[data-reset]'));
  expect(await pointsOf(section)).toEqual({ x, y });
});

test('linear regression in Chinese: drag hint, point names and slider labels; no axe violations after a drag', async ({ page }) => {
  test.setTimeout(120_000); // the longest article page (≈ 12,000 elements) and an axe scan
  await page.goto('/articles/hype-to-rationality/');
  const section = page.locator('[data-example="linear-regression"]');
  await reach(section);
  await expect(section.locator('.kb-lin__hint')).toContainText('拖动数据点');
  await expect(section.locator('[data-reset]')).toHaveText('恢复数据点');
  await expect(section.getByRole('slider', { name: '岭回归 λ' })).toBeVisible();
  await section.getByRole('button', { name: '数据点 2：X = 4，Y = 5' }).press('ArrowDown');
  await expect(section.getByRole('button', { name: '数据点 2：X = 4，Y = 4.9' })).toBeFocused();
  await section.getByRole('slider', { name: '岭回归 λ' }).fill('1');
  await expect(section.locator('tr.row-reference th')).toHaveText('岭回归闭式解（λ = 1）');
  expect(await axeViolations(page, '[data-example="linear-regression"]')).toEqual([]);
});
