// Article 004's in-browser examples: the loss, activation and update widgets of §4 show the
// values the pure modules compute here in Node (both languages), follow their sliders without
// loading TensorFlow.js, and check themselves with it on request; the digit classifier of §5.2
// trains the article's model on the site's own digits file to ≥ 95 % held-out accuracy,
// classifies a picked test digit and a drawing, and requests nothing outside the site.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import {
  articleCrossEntropy,
  binaryCrossEntropy,
  mse,
  TF_LOG_LOSS_EPSILON,
  relu,
  relu6,
  relu6Derivative,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
} from '../../src/lib/examples/activations.ts';
import { parameterUpdate } from '../../src/lib/examples/gradient-descent.ts';
import { ARTICLE_004_BCE_LABELS, ARTICLE_004_MSE, ARTICLE_004_UPDATE } from '../../src/lib/examples/article-data.ts';
import { press, reach, runExample } from './press.ts';

const PAGE = '/articles/product-innovation/';
const labels = [...ARTICLE_004_BCE_LABELS];
const { yTrue, yPred } = { yTrue: [...ARTICLE_004_MSE.yTrue], yPred: [...ARTICLE_004_MSE.yPred] };

async function run(page: Page, id: string, timeout = 60_000) {
  const section = await runExample(page, id, timeout);
  await expect(section).toHaveAttribute('data-state', 'done');
  return section;
}

const read = (loc: Locator) =>
  loc.textContent().then((text) => {
    const t = (text ?? '').trim();
    return t === '∞' ? Infinity : Number(t);
  });

/** Checks the §4 widgets against the pure functions for the given probabilities, x, fn and α. */
async function checkSection4(page: Page, probs: number[], x: number, lr: number) {
  const losses = await run(page, 'loss-functions');
  const row = (name: string, key: string) => read(losses.locator(`tr[data-row="${name}"] td[data-value="${key}"]`));
  expect(await row('mse-sum', 'js')).toBeCloseTo(
    yTrue.reduce((s, y, i) => s + (y - yPred[i]!) ** 2, 0),
    6,
  );
  expect(await row('mse', 'js')).toBeCloseTo(mse(yTrue, yPred), 6);
  expect(await row('mse', 'tf')).toBeCloseTo(mse(yTrue, yPred), 5);
  const bce = binaryCrossEntropy(labels, probs);
  const bceTf = binaryCrossEntropy(labels, probs, { epsilon: 1e-7 }).mean; // tf.losses.logLoss adds ε = 1e-7
  expect(await row('ce-article', 'js')).toBeCloseTo(articleCrossEntropy(labels, probs), 6);
  expect(await row('ce-article', 'tf')).toBeCloseTo(articleCrossEntropy(labels, probs), 5);
  expect(await row('bce-sum', 'js')).toBeCloseTo(bce.sum, 6);
  expect(await row('bce-mean', 'js')).toBeCloseTo(bce.mean, 6);
  expect(await row('bce-mean', 'tf')).toBeCloseTo(bceTf, 5);
  for (let i = 0; i < 5; i++) expect(await read(losses.locator(`tbody tr[data-i="${i + 1}"] td[data-value="bce"]`))).toBeCloseTo(bce.perSample[i]!, 6);

  const act = await run(page, 'activation-functions');
  const fns = { sigmoid: [sigmoid, sigmoidDerivative], relu: [relu, reluDerivative], relu6: [relu6, relu6Derivative] } as const;
  for (const [name, [f, d]] of Object.entries(fns)) {
    const cell = (key: string) => read(act.locator(`tr[data-fn="${name}"] td[data-value="${key}"]`));
    expect(await cell('js'), `${name}(${x})`).toBeCloseTo(f(x), 6);
    expect(await cell('tf'), `tf.${name}(${x})`).toBeCloseTo(f(x), 5);
    expect(await cell('d-js'), `${name}'(${x})`).toBeCloseTo(d(x), 6);
    expect(await cell('d-tf'), `tf.grad ${name}(${x})`).toBeCloseTo(d(x), 5);
  }
  for (const [name, input, f] of [
    ['sigmoid', 2, sigmoid],
    ['relu', -2, relu],
    ['relu', 2, relu],
    ['relu6', -2, relu6],
    ['relu6', 8, relu6],
  ] as const) {
    expect(await read(act.locator(`tr[data-article="${name}:${input}"] td[data-value="js"]`))).toBeCloseTo(f(input), 6);
    expect(await read(act.locator(`tr[data-article="${name}:${input}"] td[data-value="tf"]`))).toBeCloseTo(f(input), 5);
  }
  await expect(act.locator('[data-chart="activation"] > svg path')).toHaveCount(2);
  await expect(act.locator('[data-chart="activation"] > svg circle')).toHaveCount(2);

  const upd = await run(page, 'parameter-update');
  const expected = parameterUpdate([...ARTICLE_004_UPDATE.theta], [...ARTICLE_004_UPDATE.grad], lr);
  for (let i = 0; i < 3; i++) {
    expect(await read(upd.locator(`tr[data-i="${i + 1}"] td[data-value="js"]`))).toBeCloseTo(expected[i]!, 6);
    expect(await read(upd.locator(`tr[data-i="${i + 1}"] td[data-value="tf"]`))).toBeCloseTo(expected[i]!, 5);
  }
}

for (const prefix of ['', '/en']) {
  test(`§4 widgets show the values of the pure functions (${prefix || 'zh'})`, async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${prefix}${PAGE}`);
    await page.waitForLoadState('networkidle');
    expect(
      scripts.filter((u) => /tf-runtime|tfjs/.test(u)),
      'tfjs must not load before Run',
    ).toEqual([]);
    await checkSection4(page, [0.9, 0.2, 0.8, 0.1, 0.7], 2, ARTICLE_004_UPDATE.lr);
    const lang = prefix ? 'en' : 'zh-CN';
    await expect(page.locator('[data-example="loss-functions"]')).toHaveAttribute('data-lang', lang);
    await expect(page.locator('[data-example="loss-functions"] [data-status]')).toContainText(prefix ? 'label-0' : '标签为 0');
  });
}

test('§4 settings come from the URL; the article formula ignores label-0 samples', async ({ page }) => {
  test.setTimeout(120_000); // two loads of the long article and four TensorFlow.js checks
  await page.goto(`/en${PAGE}?loss.p2=0.9&loss.p4=0.95&act.fn=relu6&act.x=6&upd.lr=0.5`);
  await expect(page.locator('[data-example="activation-functions"] select[name="fn"]')).toHaveValue('relu6');
  await checkSection4(page, [0.9, 0.9, 0.8, 0.95, 0.7], 6, 0.5);
  // Same label-1 probabilities as the defaults → same article value; binary cross-entropy grows.
  const losses = page.locator('[data-example="loss-functions"]');
  expect(await read(losses.locator('tr[data-row="ce-article"] td[data-value="js"]'))).toBeCloseTo(articleCrossEntropy(labels, [0.9, 0.2, 0.8, 0.1, 0.7]), 6);
  expect(binaryCrossEntropy(labels, [0.9, 0.9, 0.8, 0.95, 0.7]).sum).toBeGreaterThan(binaryCrossEntropy(labels, [0.9, 0.2, 0.8, 0.1, 0.7]).sum);
  // A probability of exactly 0 for a label-1 sample is an infinite loss, shown as such, with a note
  // on the finite value TensorFlow.js reports (its ε inside the logarithm), before and after the check.
  await page.goto(`/en${PAGE}?loss.p1=0`);
  const infinite = [0, 0.2, 0.8, 0.1, 0.7];
  const clipped = binaryCrossEntropy(labels, infinite, { epsilon: TF_LOG_LOSS_EPSILON });
  const note = page.locator('[data-example="loss-functions"] [data-epsilon-note]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('ε = 1e-7');
  await expect(note.locator('[data-value="clipped-term"]')).toHaveText(clipped.perSample[0]!.toFixed(6));
  await expect(note.locator('[data-value="clipped-mean"]')).toHaveText(clipped.mean.toFixed(6));
  const again = await run(page, 'loss-functions');
  await expect(again.locator('tr[data-row="ce-article"] td[data-value="js"]')).toHaveText('∞');
  await expect(again.locator('tr[data-row="bce-mean"] td[data-value="js"]')).toHaveText('∞');
  expect(await read(again.locator('tr[data-row="bce-mean"] td[data-value="tf"]'))).toBeCloseTo(clipped.mean, 4);
  // A finite loss has no note.
  await again.locator('input[name="p1"]').fill('0.5');
  await expect(note).toBeHidden();
});

for (const [prefix, labelP2, check] of [
  ['', 'ŷ₂（y₂ = 0）', '用 TensorFlow.js 核对'],
  ['/en', 'ŷ₂ (y₂ = 0)', 'Check with TensorFlow.js'],
] as const) {
  test(`§4 sliders update the values at once, without loading TensorFlow.js (${prefix || 'zh'})`, async ({ page }) => {
    test.setTimeout(120_000); // the long article, three widgets, then a TensorFlow.js check
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${prefix}${PAGE}`);
    const losses = page.locator('[data-example="loss-functions"]');
    await reach(losses);
    await expect(losses.locator('[data-run]')).toHaveText(check);
    // The slider is named like its field, in the page's language.
    const p2 = losses.getByRole('slider', { name: labelP2 });
    await p2.fill('0.9');
    await expect(losses.locator('input[name="p2"]')).toHaveValue('0.9');
    const probs = [0.9, 0.9, 0.8, 0.1, 0.7];
    const bce = binaryCrossEntropy(labels, probs);
    await expect(losses.locator('tbody tr[data-i="2"] td[data-value="bce"]')).toHaveText(bce.perSample[1]!.toFixed(6));
    await expect(losses.locator('tr[data-row="bce-mean"] td[data-value="js"]')).toHaveText(bce.mean.toFixed(6));
    await expect(losses.locator('tr[data-row="ce-article"] td[data-value="js"]')).toHaveText(articleCrossEntropy(labels, probs).toFixed(6));
    // Keyboard: one arrow press is one step of the slider.
    await losses.getByRole('slider').nth(3).press('ArrowRight');
    await expect(losses.locator('input[name="p4"]')).toHaveValue('0.11');
    await expect(losses.locator('tr[data-row="bce-sum"] td[data-value="js"]')).toHaveText(
      binaryCrossEntropy(labels, [0.9, 0.9, 0.8, 0.11, 0.7]).sum.toFixed(6),
    );
    // The committed change is in the link.
    await expect.poll(() => new URL(page.url()).searchParams.get('loss.p2')).toBe('0.9');

    const act = page.locator('[data-example="activation-functions"]');
    await reach(act);
    await act.getByRole('slider').fill('-1.5');
    for (const [name, f, d] of [
      ['sigmoid', sigmoid, sigmoidDerivative],
      ['relu', relu, reluDerivative],
      ['relu6', relu6, relu6Derivative],
    ] as const) {
      await expect(act.locator(`tr[data-fn="${name}"] td[data-value="js"]`)).toHaveText(f(-1.5).toFixed(6));
      await expect(act.locator(`tr[data-fn="${name}"] td[data-value="d-js"]`)).toHaveText(d(-1.5).toFixed(6));
    }
    await expect(act.locator('[data-chart="activation"] figcaption')).toContainText('-1.5');
    await act.locator('select[name="fn"]').selectOption('relu6');
    await expect(act.locator('[data-chart="activation"] figcaption')).toContainText('ReLU6');

    const upd = page.locator('[data-example="parameter-update"]');
    await reach(upd);
    await upd.getByRole('slider').fill('0.5');
    const expected = parameterUpdate([...ARTICLE_004_UPDATE.theta], [...ARTICLE_004_UPDATE.grad], 0.5);
    for (let i = 0; i < 3; i++) await expect(upd.locator(`tr[data-i="${i + 1}"] td[data-value="js"]`)).toHaveText(expected[i]!.toFixed(6));
    await expect(upd.locator(`tr[data-i="1"] td[data-value="tf"]`), 'no TensorFlow.js value before the check').toHaveText('…');

    expect(
      scripts.filter((u) => /tf-runtime|tfjs/.test(u)),
      'moving sliders loads no TensorFlow.js',
    ).toEqual([]);
    // After the check, the TensorFlow.js column follows the slider too.
    await run(page, 'parameter-update');
    await upd.getByRole('slider').fill('0.2');
    const next = parameterUpdate([...ARTICLE_004_UPDATE.theta], [...ARTICLE_004_UPDATE.grad], 0.2);
    await expect(upd.locator(`tr[data-i="3"] td[data-value="js"]`)).toHaveText(next[2]!.toFixed(6));
    expect(await read(upd.locator(`tr[data-i="3"] td[data-value="tf"]`))).toBeCloseTo(next[2]!, 5);
  });
}

/** Collects every request that leaves the site's origin. */
function offSite(page: Page, origin: string): string[] {
  const out: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) out.push(url);
  });
  return out;
}

test('the digit classifier trains to ≥ 95 % held-out accuracy and classifies picked and drawn digits', async ({ page, baseURL }) => {
  test.setTimeout(400_000);
  const origin = new URL(baseURL!).origin;
  const outside = offSite(page, origin);
  const dataRequests: string[] = [];
  page.on('request', (r) => r.url().includes('/data/digits.bin') && dataRequests.push(r.url()));
  await page.goto(`/en${PAGE}`);
  await page.waitForLoadState('networkidle');
  expect(dataRequests, 'the digits are fetched only on Run').toEqual([]);

  const section = page.locator('[data-example="digit-classifier"]');
  await reach(section);
  const started = Date.now();
  await press(section.locator('[data-run]'));
  await expect(section.locator('tr[data-epoch="1"]')).toBeVisible({ timeout: 200_000 });
  await expect(section).toHaveAttribute('data-state', /done|error|stopped/, { timeout: 350_000 });
  await expect(section).toHaveAttribute('data-state', 'done');
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'digits-training-seconds', description: seconds.toFixed(1) });
  expect(dataRequests).toHaveLength(1);
  expect(new URL(dataRequests[0]!).origin).toBe(origin);

  // The real log: five epochs, loss falling; held-out accuracy ≥ 0.95 both from evaluate() and argmax.
  await expect(section.locator('tr[data-epoch]')).toHaveCount(5);
  const losses = await section.locator('tr[data-epoch] td[data-value="loss"]').allTextContents();
  expect(Number(losses[4])).toBeLessThan(Number(losses[0]));
  const lastEpochAccuracy = Number(await section.locator('tr[data-epoch="5"] td[data-value="test-accuracy"]').textContent());
  const accuracy = Number(await section.locator('[data-summary] [data-value="test-accuracy"]').getAttribute('data-raw'));
  test.info().annotations.push({ type: 'digits-test-accuracy', description: String(accuracy) });
  expect(accuracy).toBeGreaterThanOrEqual(0.95);
  expect(lastEpochAccuracy).toBeCloseTo(accuracy, 3);
  await expect(section.locator('[data-keras]')).toContainText('Epoch 5/5');

  // The grid shows two test digits of every class with the model's predictions.
  const cells = section.locator('[data-grid-kind="sample"] [data-test-index]');
  await expect(cells).toHaveCount(20);
  const right = section.locator('[data-grid-kind="sample"] .is-right').first();
  const index = await right.getAttribute('data-test-index');
  const label = await right.getAttribute('data-label');

  // Keyboard: type the test digit's number, press Enter → drawn on the pad, preprocessed, classified.
  const pick = section.locator('[data-pick]');
  await pick.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(index!);
  await page.keyboard.press('Enter');
  await expect(section.locator('[data-prediction] [data-value="prediction"]')).toHaveText(label!);
  await expect(section).toHaveAttribute('data-picked', index!);

  // A wrongly classified digit keeps its (wrong) prediction through the drawing path too.
  const wrong = section.locator('[data-grid-kind="wrong"] [data-test-index]').first();
  if (await wrong.count()) {
    await wrong.click();
    await expect(section.locator('[data-prediction] [data-value="prediction"]')).toHaveText((await wrong.getAttribute('data-predicted'))!);
  }

  // Mouse: clear, draw a vertical stroke → read as a 1.
  await section.locator('[data-clear]').click();
  await expect(section.locator('[data-prediction]')).toHaveText('');
  await section.locator('[data-pad]').scrollIntoViewIfNeeded();
  const box = (await section.locator('[data-pad]').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * k));
  await page.mouse.up();
  await expect(section.locator('[data-prediction] [data-value="prediction"]')).toHaveText('1');
  await expect(section.locator('[data-probs] tr')).toHaveCount(10);

  expect(outside, 'no request may leave the site').toEqual([]);
  expect(await axeViolations(page, '[data-example="digit-classifier"]')).toEqual([]);
});

test('the digit classifier shows the time left, can be stopped and still classifies (zh)', async ({ page, baseURL }) => {
  test.setTimeout(200_000);
  const outside = offSite(page, new URL(baseURL!).origin);
  // 30 epochs of all 9,000 digits: far longer than a stop takes, even on the fast WebAssembly backend.
  await page.goto(`${PAGE}?digits.epochs=30&digits.trainSize=9000`);
  const section = page.locator('[data-example="digit-classifier"]');
  await expect(section.locator('input[name="epochs"]')).toHaveValue('30');
  await press(section.locator('[data-run]'));
  await expect(section.locator('[data-status]')).toContainText('正在训练', { timeout: 120_000 });
  // Stop once at least one batch has trained (the progress bar moves), not after a fixed wait.
  await expect.poll(() => section.locator('[data-progress]').evaluate((p: HTMLProgressElement) => p.value), { timeout: 60_000 }).toBeGreaterThan(0);
  // After the first batches the page estimates the time left, in Chinese, as a whole number.
  const remaining = section.locator('[data-remaining]');
  await expect(remaining).toBeVisible({ timeout: 60_000 });
  await expect(remaining).toHaveText(/^约剩 \d+ (秒|分钟)$/);
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 120_000 });
  await expect(remaining).toBeHidden();
  await expect(section.locator('[data-status]')).toContainText('已停止');
  expect(await section.locator('tr[data-epoch]').count()).toBeLessThan(30);
  await section.locator('[data-pick]').fill('7');
  await section.locator('[data-pick-button]').click();
  await expect(section.locator('[data-prediction]')).toContainText('测试集第 7 个数字');
  await expect(section.locator('[data-prediction] [data-value="prediction"]')).toHaveText(/^\d$/);
  expect(outside).toEqual([]);
});

test('the digit classifier steps one epoch at a time and Continue ends where a straight run ends (en)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/en${PAGE}?digits.epochs=2&digits.trainSize=300`);
  const section = page.locator('[data-example="digit-classifier"]');
  const rows = section.locator('tr[data-epoch]');
  const logValues = () => rows.locator('td[data-value]').allTextContents();
  const heldOut = () => section.locator('[data-summary] [data-value="test-accuracy"]').getAttribute('data-raw');
  // Step: one epoch, one log line with its held-out accuracy, and the pad already classifies.
  await press(section.locator('[data-step-once]'));
  await expect(section).toHaveAttribute('data-state', 'paused', { timeout: 90_000 });
  await expect(rows).toHaveCount(1);
  await expect(section.locator('tr[data-epoch="1"] td[data-value="test-accuracy"]')).toHaveText(/^0\.\d{4}$/);
  await expect(section.locator('[data-run]')).toHaveText('Continue');
  await expect(section.locator('[data-pick-button]')).toBeEnabled();
  const afterStep = await logValues();
  // Continue: the second epoch, the first one unchanged.
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(rows).toHaveCount(2);
  const stepped = await logValues();
  expect(stepped.slice(0, afterStep.length)).toEqual(afterStep);
  const steppedAccuracy = await heldOut();
  // A straight run with the same settings prints the same log and reaches the same accuracy.
  await expect(section.locator('[data-run]')).toHaveText('Run');
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  expect(await logValues()).toEqual(stepped);
  expect(await heldOut()).toBe(steppedAccuracy);
  expect(await axeViolations(page, '[data-example="digit-classifier"]')).toEqual([]);
});

test('the digit classifier draws held-out accuracy against the number of training digits (en)', async ({ page }) => {
  test.setTimeout(120_000);
  // One epoch on 300 digits: the curve retrains on 20, 33 and 100 of them (digitsCurveSizes).
  await page.goto(`/en${PAGE}?digits.epochs=1&digits.trainSize=300&digits.curve=1`);
  const section = page.locator('[data-example="digit-classifier"]');
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const figure = section.locator('[data-chart="sizes"]');
  await expect(figure.locator('.kb-chart__title')).toHaveText('Held-out accuracy against the number of training digits');
  await expect(figure.locator('.kb-chart__legend')).toContainText('held-out accuracy (same model and settings)');
  await expect(figure.locator('svg .axis-label').first()).toHaveText('training digits');
  await expect(section.locator('[data-chart="sizes"] > svg g.series-model circle')).toHaveCount(4);
  const xs = await figure.locator('table tbody tr td:first-of-type').allTextContents();
  expect(xs.map(Number)).toEqual([20, 33, 100, 300]);
  const ys = (await figure.locator('table tbody tr td:nth-of-type(2)').allTextContents()).map(Number);
  ys.forEach((y) => expect(y).toBeGreaterThan(0.1)); // better than guessing among 10 digits
  // The last point is the main run's held-out accuracy.
  const main = Number(await section.locator('strong[data-value="test-accuracy"]').getAttribute('data-raw'));
  expect(ys.at(-1)!).toBeCloseTo(main, 2);
  await expect(section.locator('[data-sizes-note]')).toContainText('same settings (epochs: 1, batch size: 32)');
});

for (const [prefix, title] of [
  ['', '测试集数字（标签）'],
  ['/en', 'Test digits (label)'],
] as const) {
  test(`the digits show as soon as the file arrives, while TensorFlow.js is still loading (${prefix || 'zh'})`, async ({ page }) => {
    // TensorFlow.js is held back until the preview has been seen, so the order is certain.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/tf-runtime[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${prefix}${PAGE}?digits.epochs=1&digits.trainSize=100`);
    const section = page.locator('[data-example="digit-classifier"]');
    await press(section.locator('[data-run]'));
    const preview = section.locator('[data-grid-kind="preview"]');
    await expect(preview.locator('[data-test-index]')).toHaveCount(20);
    await expect(section.locator('[data-grid]')).toContainText(title);
    // Every cell is painted (a blank canvas would be all zeros) and names its label.
    const inked = await preview.locator('canvas').evaluateAll((canvases) =>
      canvases.every((c) =>
        (c as HTMLCanvasElement)
          .getContext('2d')!
          .getImageData(0, 0, 28, 28)
          .data.some((v, i) => i % 4 !== 3 && v !== 0 && v !== 255),
      ),
    );
    expect(inked).toBe(true);
    await expect(preview.locator('[data-test-index]').first()).toHaveText(/^\d$/);
    expect(await section.getAttribute('data-state')).toBe('running');
    release();
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    await expect(preview).toHaveCount(0); // the trained model's predictions replace it
  });
}

for (const [prefix, expected] of [
  ['', ['digits.bin', 'MB', '网络连接失败', '重试']],
  ['/en', ['digits.bin', 'MB', 'the connection failed', 'Retry']],
] as const) {
  test(`a failed digits download names the file and its size in the page's language, and Retry loads it (${prefix || 'zh'})`, async ({ page }) => {
    test.setTimeout(120_000);
    let failures = 0;
    await page.route('**/data/digits.bin', (route) => (failures++ === 0 ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${prefix}${PAGE}?digits.epochs=1&digits.trainSize=100`);
    const section = page.locator('[data-example="digit-classifier"]');
    await press(section.locator('[data-run]'));
    await expect(section).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
    for (const text of expected) await expect(section.locator('[data-status]')).toContainText(text);
    await expect(section.locator('[data-status]')).toContainText(/\d\.\d MB/);
    const retry = section.locator('[data-retry]');
    await expect(retry).toHaveText(expected[3]);
    await retry.click();
    await expect(retry).toBeHidden();
    // The data arrived: training starts and the pad can pick test digits.
    await expect(section).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    expect(failures).toBe(2);
    await expect(section.locator('[data-pick-button]')).toBeEnabled();
  });
}

test('the §4 widgets have no axe violations after running them (with sliders and the ε note)', async ({ page }) => {
  test.setTimeout(120_000); // the long article, three TensorFlow.js checks and an axe scan of three sections
  await page.goto(`/en${PAGE}?loss.p1=0`);
  await expect(page.locator('[data-example="loss-functions"] [data-epsilon-note]')).toBeVisible();
  const ids = ['loss-functions', 'activation-functions', 'parameter-update'];
  for (const id of ids) await run(page, id);
  expect(
    await axeViolations(
      page,
      ids.map((id) => `[data-example="${id}"]`),
    ),
  ).toEqual([]);
});
