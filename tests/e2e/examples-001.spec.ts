// The in-browser examples of article 001 (challenges-and-opportunities): they run in Chromium,
// and their numbers match references computed here in Node with the pure modules.
import { expect, test, type Locator } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { article001Comparison, gradientDescentPath, makeLinearData, type GdMode } from '../../src/lib/examples/gradient-descent.ts';
import { printedRuleSteps } from '../../src/lib/examples/gd-explorer.ts';
import { leastSquares } from '../../src/lib/examples/linear-regression.ts';
import { createMlpTrainer, flattenLayers, mlpBatchGradients } from '../../src/lib/examples/mlp.ts';
import { mlpExampleData } from '../../src/lib/examples/mlp-explorer.ts';
import { makeFillTaskSet, meanInk } from '../../src/lib/examples/shapes.ts';
import { accuracyVerdict, curveSizes, MINIATURE } from '../../src/lib/examples/transfer.ts';
import { press, runExample } from './press.ts';

const PAGE = '/articles/challenges-and-opportunities/';

const value = (scope: Locator, selector: string) =>
  scope
    .locator(selector)
    .first()
    .textContent()
    .then((s) => Number(s));
const cell = (section: Locator, row: string, name: string) => value(section, `tr.${row} td[data-value="${name}"]`);

// ---------------------------------------------------------------------------------------------
// Gradient descent (article 001 §4.1.1 / §4.2.1, article 004 §4.3)
// ---------------------------------------------------------------------------------------------
const gdData = (n = 100, seed = 1, noiseSd = 0.5) => makeLinearData({ n, seed, noiseSd });

for (const prefix of ['', '/en']) {
  test(`gradient descent: the three modes match gradientDescentPath in Node (${prefix || 'zh'})`, async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${prefix}${PAGE}`);
    const section = await runExample(page, 'gradient-descent');
    await expect(section).toHaveAttribute('data-state', 'done');
    expect(
      scripts.filter((u) => /tf-runtime/.test(u)),
      'this example needs no TensorFlow.js',
    ).toEqual([]);

    const data = gdData();
    for (const mode of ['batch', 'mini-batch', 'stochastic'] as GdMode[]) {
      const path = gradientDescentPath(data, { mode, lr: 0.1, epochs: 20, batchSize: 10, seed: 1 });
      const last = path.at(-1)!;
      expect(await cell(section, `row-${mode}`, 'updates')).toBe(path.length);
      expect(await cell(section, `row-${mode}`, 'b0')).toBeCloseTo(last.b0, 4);
      expect(await cell(section, `row-${mode}`, 'b1')).toBeCloseTo(last.b1, 4);
      expect(await cell(section, `row-${mode}`, 'mse')).toBeCloseTo(last.mse, 4);
    }
    const ols = leastSquares(data.x, data.y);
    expect(await cell(section, 'row-reference', 'b0')).toBeCloseTo(ols.b0, 4);
    expect(await cell(section, 'row-reference', 'b1')).toBeCloseTo(ols.b1, 4);

    // The printed rule of §4.1.1 vs the corrected rule.
    const cmp = article001Comparison(data, { lr: 0.1, steps: 20 });
    expect(cmp.brokenDivergedAt).not.toBeNull();
    expect(await value(section, '[data-value="diverged-at"]')).toBe(cmp.brokenDivergedAt);
    expect(await cell(section, 'row-printed', 'updates')).toBe(cmp.brokenDivergedAt);
    expect(await cell(section, 'row-corrected', 'b0')).toBeCloseTo(cmp.corrected.at(-1)!.b0, 4);
    expect(await cell(section, 'row-corrected', 'b1')).toBeCloseTo(cmp.corrected.at(-1)!.b1, 4);
    await expect(section.locator('[data-chart="path"] > svg path.kb-gd-stochastic').first()).toBeAttached();
    await expect(section.locator('[data-chart="loss"] > svg path.kb-gd-batch')).toHaveCount(1);
  });
}

test('gradient descent: one update per press, equal to the Node path', async ({ page }) => {
  await page.goto(`/en${PAGE}?gd.mode=stochastic&gd.lr=0.05&gd.seed=7`);
  const section = page.locator('[data-example="gradient-descent"]');
  await expect(section.locator('select[name="mode"]')).toHaveValue('stochastic');
  const path = gradientDescentPath(gdData(100, 7), { mode: 'stochastic', lr: 0.05, epochs: 20, batchSize: 10, seed: 7 });
  const detail = section.locator('[data-gd-detail]');
  for (let k = 0; k < 3; k++) {
    await press(section.locator('[data-step]'));
    await expect(detail.locator('[data-value="update"]')).toHaveText(String(k + 1));
    expect(await value(detail, '[data-value="b0"]')).toBeCloseTo(path[k]!.b0, 4);
    expect(await value(detail, '[data-value="b1"]')).toBeCloseTo(path[k]!.b1, 4);
    expect(await value(detail, '[data-value="g0"]')).toBeCloseTo(path[k]!.gradient[0], 4);
    expect(await value(detail, '[data-value="g1"]')).toBeCloseTo(path[k]!.gradient[1], 4);
    expect(await value(detail, '[data-value="mse"]')).toBeCloseTo(path[k]!.mse, 4);
  }
  await expect(section.locator('[data-chart="path"] > svg path.kb-gd-stochastic').first()).toBeAttached();

  // The printed rule, stepped: β1 only decreases.
  await section.locator('select[name="broken"]').selectOption('1');
  await press(section.locator('[data-step]'));
  const printed = [...printedRuleSteps(gdData(100, 7), { lr: 0.05, maxSteps: 1 })][0]!;
  await expect(detail.locator('[data-value="update"]')).toHaveText('1');
  expect(await value(detail, '[data-value="mean-r2"]')).toBeCloseTo(printed.meanSquaredResidual, 4);
  expect(await value(detail, '[data-value="b1"]')).toBeCloseTo(printed.b1, 4);
  expect(printed.b1).toBeLessThan(0);
});

for (const [prefix, text] of [
  ['/en', 'Stopped early: Batch GD (at update'],
  ['', '已提前停止：批量梯度下降（第'],
] as const) {
  test(`gradient descent: a diverging learning rate stops early with a message (${prefix || 'zh'})`, async ({ page }) => {
    test.setTimeout(120_000); // a long article page and an axe scan
    await page.goto(`${prefix}${PAGE}?gd.lr=2`);
    const section = await runExample(page, 'gradient-descent');
    await expect(section).toHaveAttribute('data-state', 'diverged');
    await expect(section.locator('[data-status]')).toContainText(text);
    expect(Number.isFinite(await cell(section, 'row-batch', 'mse'))).toBe(true);
    // The result tables scroll sideways on a phone: reachable by keyboard (axe once, in English).
    if (prefix === '/en') expect(await axeViolations(page, '[data-example="gradient-descent"]')).toEqual([]);
  });
}

test('gradient descent: the batch size shows only for mini-batches, and a shared link keeps it hidden', async ({ page }) => {
  await page.goto(`${PAGE}?gd.mode=batch`);
  const form = page.locator('[data-example="gradient-descent"] form[data-settings]').first();
  const batchSize = form.locator('[name="batchSize"]');
  await expect(form.locator('[name="mode"]')).toHaveValue('batch');
  await expect(batchSize).toBeHidden();
  await form.locator('[name="mode"]').selectOption('mini-batch');
  await expect(batchSize).toBeVisible();
  await form.locator('[name="mode"]').selectOption('stochastic');
  await expect(batchSize).toBeHidden();
});

test('gradient descent: a long run can be stopped', async ({ page }) => {
  await page.goto(`/en${PAGE}?gd.epochs=500&gd.n=1000`);
  const section = page.locator('[data-example="gradient-descent"]');
  await press(section.locator('[data-run]'));
  await expect(section.locator('[data-chart="loss"] > svg path.kb-gd-batch')).toBeAttached({ timeout: 30_000 });
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  expect(await cell(section, 'row-stochastic', 'updates')).toBeLessThan(500 * 1000);
});

// ---------------------------------------------------------------------------------------------
// MLP from scratch (article 001 §3.2–3.4)
// ---------------------------------------------------------------------------------------------
test("MLP: the frame's Step does one batch update; activations and gradients equal mlpBatchGradients in Node", async ({ page }) => {
  const tfRequests: string[] = [];
  page.on('request', (r) => r.url().includes('tf-runtime') && tfRequests.push(r.url()));
  await page.goto(`/en${PAGE}?mlp.data=moons&mlp.hiddenUnits=5&mlp.seed=3`);
  const section = page.locator('[data-example="mlp-from-scratch"]');
  const data = mlpExampleData('moons', { noise: 0.1, seed: 3 });
  const trainer = createMlpTrainer({ data, sizes: [2, 5, 1], hidden: 'tanh', lr: 0.5, batchSize: 32, seed: 3 });
  const detail = section.locator('[data-mlp-detail]');
  for (let k = 1; k <= 2; k++) {
    const before = trainer.params();
    const step = trainer.step();
    const ref = mlpBatchGradients(before, data, 'tanh', step.indices);
    const flat = flattenLayers(ref.grads);
    await press(section.locator('[data-step-once]'));
    await expect(section).toHaveAttribute('data-state', 'paused');
    await expect(detail.locator('[data-value="update"]')).toHaveText(String(k));
    await expect(section.locator('tr.row-model td[data-value="updates"]')).toHaveText(String(k));
    expect(await value(detail, '[data-value="batch-loss"]')).toBeCloseTo(ref.loss, 6);
    const cells = detail.locator('[data-grad]');
    await expect(cells).toHaveCount(flat.length);
    for (let i = 0; i < flat.length; i++) {
      const cellEl = detail.locator(`[data-grad="${i}"]`);
      expect(Number(await cellEl.getAttribute('data-raw'))).toBeCloseTo(flat[i]!, 12);
      expect(Number(await cellEl.textContent())).toBeCloseTo(flat[i]!, 6);
    }
    // The first sample shown is the first of the batch, with its forward values.
    const first = detail.locator('tr[data-sample]').first();
    await expect(first).toHaveAttribute('data-sample', String(step.indices[0]));
  }
  await expect(section.locator('[data-run]')).toHaveText('Continue');
  expect(tfRequests, 'stepping needs no TensorFlow.js').toEqual([]);

  // Changing a setting discards the paused network: Run again, and the next Step is update 1.
  await section.locator('input[name="seed"]').fill('4');
  await expect(section.locator('[data-run]')).toHaveText('Run');
  await expect(detail.locator('[data-value="update"]')).toHaveCount(0);
  await press(section.locator('[data-step-once]'));
  await expect(detail.locator('[data-value="update"]')).toHaveText('1');
});

test('MLP: Step three times, then Continue, ends where a straight Run ends', async ({ page }) => {
  test.setTimeout(120_000); // two runs on a long article page and an axe scan
  const url = `/en${PAGE}?mlp.data=moons&mlp.epochs=6&mlp.batchSize=50&mlp.seed=2`;
  await page.goto(url);
  const section = page.locator('[data-example="mlp-from-scratch"]');
  const straight = await runExample(page, 'mlp-from-scratch');
  await expect(straight).toHaveAttribute('data-state', 'done');
  const result = async () => ({
    updates: await cell(section, 'row-model', 'updates'),
    loss: await cell(section, 'row-model', 'loss'),
    accuracy: await cell(section, 'row-model', 'accuracy'),
  });
  const expected = await result();
  expect(expected.updates).toBe(6 * 4);

  await page.goto(url);
  for (let k = 1; k <= 3; k++) {
    await press(section.locator('[data-step-once]'));
    await expect(section.locator('[data-mlp-detail] [data-value="update"]')).toHaveText(String(k));
  }
  await expect(section.locator('[data-run]')).toHaveText('Continue');
  expect(await axeViolations(page, '[data-example="mlp-from-scratch"]')).toEqual([]);
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  // Continue begins with the gradient check, at the network's initial weights; the last Step's tables go.
  await expect(section.locator('[data-mlp-check] [data-value="max-diff"]')).toBeAttached();
  await expect(section.locator('[data-mlp-detail] [data-value="update"]')).toHaveCount(0);
  expect(await result()).toEqual(expected);
});

for (const prefix of ['', '/en']) {
  test(`MLP: gradient check and training match Node (${prefix || 'zh'})`, async ({ page }) => {
    await page.goto(`${prefix}${PAGE}`);
    const section = await runExample(page, 'mlp-from-scratch');
    await expect(section).toHaveAttribute('data-state', 'done');
    const data = mlpExampleData('xor');
    const trainer = createMlpTrainer({ data, sizes: [2, 4, 1], hidden: 'tanh', lr: 0.5, batchSize: 32, seed: 1 });
    // The gradient check in the page (tf.variableGrads in float32) vs the manual gradients in Node.
    const manual = mlpBatchGradients(trainer.params(), data, 'tanh');
    const diff = Number(await section.locator('[data-value="max-diff"]').getAttribute('data-raw'));
    expect(diff).toBeLessThan(1e-6);
    expect(diff).toBeGreaterThanOrEqual(0);
    expect(await value(section, '[data-value="params"]')).toBe(flattenLayers(manual.grads).length);
    expect(await value(section, '[data-value="loss-manual"]')).toBeCloseTo(manual.loss, 6);
    expect(await value(section, '[data-value="loss-tf"]')).toBeCloseTo(manual.loss, 5);

    let last = trainer.evaluate();
    for (let e = 0; e < 500; e++) last = trainer.epoch();
    expect(await cell(section, 'row-model', 'epochs')).toBe(500);
    expect(await cell(section, 'row-model', 'updates')).toBe(500);
    expect(await cell(section, 'row-model', 'loss')).toBeCloseTo(last.loss, 6);
    expect(await cell(section, 'row-model', 'accuracy')).toBe(last.accuracy);
    expect(await section.locator('[data-chart="region"] > svg path[fill]').count()).toBeGreaterThan(1);
    await expect(section.locator('[data-chart="region"] > svg circle')).toHaveCount(4);
  });
}

// ---------------------------------------------------------------------------------------------
// Transfer learning in miniature (article 001 §5.2, errata E001-12/13)
// ---------------------------------------------------------------------------------------------
// Parameter counts by hand: backbone conv 3×3×1×8 + 8 and conv 3×3×8×16 + 16; head 16×32 + 32 and 32×1 + 1.
const BACKBONE_PARAMS = 3 * 3 * 1 * 8 + 8 + (3 * 3 * 8 * 16 + 16);
const HEAD_PARAMS = 16 * 32 + 32 + (32 + 1);

/**
 * The verdict under the table says what the two test accuracies allow (accuracyVerdict, computed
 * here from the accuracies the table shows), in the page's language.
 */
async function expectVerdict(section: Locator, words: { transfer: RegExp; chance: RegExp }) {
  const raw = (row: string) => section.locator(`tr.${row} td[data-value="test-acc"]`).getAttribute('data-raw').then(Number);
  const fine = await raw('row-finetune');
  const scratch = await raw('row-scratch');
  const verdict = section.locator('[data-tl-verdict]');
  await expect(verdict).toBeVisible();
  const expected = accuracyVerdict(fine, scratch, MINIATURE.testCount);
  await expect(verdict).toHaveAttribute('data-verdict', expected.kind);
  await expect(verdict).toContainText((100 * fine).toFixed(1));
  await expect(verdict).toContainText((100 * scratch).toFixed(1));
  await expect(verdict).toContainText(expected.kind === 'chance' ? words.chance : words.transfer);
  return { fine, scratch, verdict: expected };
}

/** The labelled-examples curve: visible title, legend, both networks at every size of curveSizes(trainSize). */
async function expectCurve(section: Locator, trainSize: number, title: string, legend: string[]) {
  const curve = section.locator('[data-chart="curve"]');
  await expect(curve.locator('.kb-chart__title')).toHaveText(title);
  for (const name of legend) await expect(curve.locator('.kb-chart__legend')).toContainText(name);
  await expect(curve.locator('svg .axis-label')).toHaveCount(2);
  const sizes = curveSizes(trainSize);
  // The drawing's dots (the legend's swatches are svgs of their own, further down).
  await expect(section.locator('[data-chart="curve"] > svg g.series-model circle')).toHaveCount(sizes.length);
  await expect(section.locator('[data-chart="curve"] > svg g.series-reference circle')).toHaveCount(sizes.length);
  const xs = await curve.locator('table tbody tr td:first-of-type').allTextContents();
  expect(xs.map(Number)).toEqual([...sizes, ...sizes]);
}

test('transfer learning: pre-train, freeze, fine-tune vs from scratch, with its verdict (en, defaults)', async ({ page }) => {
  test.setTimeout(180_000);
  const tfRequests: string[] = [];
  page.on('request', (r) => r.url().includes('tf-runtime') && tfRequests.push(r.url()));
  await page.goto(`/en${PAGE}`);
  await page.waitForLoadState('networkidle');
  expect(tfRequests).toEqual([]);
  const started = Date.now();
  const section = await runExample(page, 'transfer-learning', 150_000);
  const seconds = (Date.now() - started) / 1000;
  await expect(section).toHaveAttribute('data-state', 'done');
  expect(tfRequests).toHaveLength(1);
  console.log(`transfer learning finished in ${seconds.toFixed(1)} s`);

  const raw = (row: string, name: string) => section.locator(`tr.${row} td[data-value="${name}"]`).getAttribute('data-raw').then(Number);
  const fine = await raw('row-finetune', 'test-acc');
  const scratch = await raw('row-scratch', 'test-acc');
  for (const v of [fine, scratch, await raw('row-finetune', 'train-acc'), await raw('row-scratch', 'train-acc')]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  // 500 test images: accuracies are multiples of 1/500.
  expect(MINIATURE.testCount).toBe(500);
  expect(Math.abs(fine * 500 - Math.round(fine * 500))).toBeLessThan(1e-9);
  expect(Math.abs(scratch * 500 - Math.round(scratch * 500))).toBeLessThan(1e-9);
  // Both networks got the same (tuned) learning rate: the table says which.
  await expect(section.locator('[data-table] caption')).toContainText('learning rate 0.03');
  await expectVerdict(section, { transfer: /same learning rate \(0\.03\) and number of epochs \(5\)/, chance: /Both at chance; no conclusion/ });
  // "Faster" only when the table's times show it by the stated margin.
  const verdict = section.locator('[data-tl-verdict]');
  const faster = (await verdict.getAttribute('data-faster')) === 'true';
  const time = (row: string) => cell(section, row, 'seconds');
  if (faster) {
    await expect(verdict).toContainText('faster');
    expect(await time('row-finetune')).toBeLessThanOrEqual((await time('row-scratch')) * 0.8 + 0.01);
  } else await expect(verdict).toContainText('did not train faster');

  await expect(section.locator('[data-chart="curve"]')).toBeHidden();
  expect(await cell(section, 'row-finetune', 'trainable')).toBe(HEAD_PARAMS);
  expect(await cell(section, 'row-finetune', 'frozen')).toBe(BACKBONE_PARAMS);
  expect(await cell(section, 'row-scratch', 'trainable')).toBe(BACKBONE_PARAMS + HEAD_PARAMS);
  expect(await cell(section, 'row-scratch', 'frozen')).toBe(0);

  // The frozen backbone did not move during fine-tuning; the one trained from scratch did.
  const text = (name: string) => section.locator(`[data-value="${name}"]`).textContent();
  expect(await text('frozen-after')).toBe(await text('frozen-before'));
  expect(await text('scratch-after')).not.toBe(await text('scratch-before'));

  // The new task's data (seed 1 → training-set seed 1·4 + 3), generated in Node the same way.
  const train = makeFillTaskSet({ count: 400, size: 16, seed: 7 });
  expect(await value(section, '[data-value="ink-filled"]')).toBeCloseTo(meanInk(train, 1), 1);
  expect(await value(section, '[data-value="ink-hollow"]')).toBeCloseTo(meanInk(train, 0), 1);

  const preAcc = await value(section, '[data-value="pretrain-acc"]');
  expect(preAcc).toBeGreaterThan(10); // better than guessing among 10 classes
  expect(preAcc).toBeLessThanOrEqual(100);
  await expect(section.locator('[data-chart="accuracy"] > svg path.series-model')).toHaveCount(1);
  await expect(section.locator('.kb-thumb')).toHaveCount(16);
});

const SMALL = 'tl.pretrainPerClass=20&tl.pretrainEpochs=1&tl.trainSize=64&tl.epochs=2&tl.seed=5';
const curveText = {
  zh: {
    verdict: { transfer: /同样的学习率（0\.03）、同样 2 轮/, chance: /两者都相当于瞎猜，得不出结论/ },
    title: '测试准确率与标注样本数量的关系',
    legend: ['迁移学习：冻结的预训练主干 + 新分类头', '同一网络从零训练', '随机猜测（50 %）'],
    note: '同样的 4 步',
  },
  en: {
    verdict: { transfer: /same learning rate \(0\.03\) and number of epochs \(2\)/, chance: /Both at chance; no conclusion/ },
    title: 'Test accuracy against the number of labelled examples',
    legend: ['transfer: frozen pre-trained backbone + new head', 'same network trained from scratch', 'chance (guessing, 50 %)'],
    note: 'same 4 steps',
  },
};
for (const lang of ['zh', 'en'] as const) {
  test(`transfer learning: small settings from the URL, the verdict and the labelled-examples curve (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const words = curveText[lang];
    await page.goto(`${lang === 'en' ? '/en' : ''}${PAGE}?${SMALL}&tl.curve=1`);
    const section = page.locator('[data-example="transfer-learning"]');
    await expect(section.locator('input[name="trainSize"]')).toHaveValue('64');
    await runExample(page, 'transfer-learning');
    await expect(section).toHaveAttribute('data-state', 'done');
    await expectVerdict(section, words.verdict);
    await expectCurve(section, 64, words.title, words.legend);
    // 64 images = 2 batches an epoch, 2 epochs = 4 steps: every size of the curve trains for as many.
    await expect(section.locator('[data-tl-curve-note]')).toContainText(words.note);
    expect(await cell(section, 'row-finetune', 'trainable')).toBe(HEAD_PARAMS);
    const text = (name: string) => section.locator(`[data-value="${name}"]`).textContent();
    expect(await text('frozen-after')).toBe(await text('frozen-before'));
  });
}

test('transfer learning: a new run clears the verdict and the curve, and it can be stopped (zh)', async ({ page }) => {
  test.setTimeout(120_000); // two runs, the first with its curve
  await page.goto(`${PAGE}?${SMALL}&tl.curve=1`);
  const section = page.locator('[data-example="transfer-learning"]');
  await runExample(page, 'transfer-learning');
  await expect(section.locator('[data-tl-verdict]')).toBeVisible();
  await expect(section.locator('[data-chart="curve"]')).toBeVisible();

  await section.locator('input[name="pretrainEpochs"]').fill('20');
  await press(section.locator('[data-run]'));
  await expect(section.locator('[data-stop]')).toBeEnabled();
  await expect(section.locator('[data-tl-verdict]')).toBeHidden();
  await expect(section.locator('[data-chart="curve"]')).toBeHidden();
  // Stop once pre-training is under way (its first batch is reported), not after a fixed wait.
  await expect(section.locator('[data-stage="pre"]')).toContainText('/20');
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  await expect(section.locator('[data-status]')).toHaveText('已停止。');
  expect(new URL(page.url()).searchParams.get('tl.pretrainEpochs')).toBe('20');
});

test('transfer learning: Step runs one epoch at a time, and Continue ends where a straight run ends (en)', async ({ page }) => {
  test.setTimeout(120_000); // two small runs
  const url = `/en${PAGE}?${SMALL}`;
  const section = page.locator('[data-example="transfer-learning"]');
  const outcome = async () => ({
    preAcc: await section.locator('[data-value="pretrain-acc"]').textContent(),
    fine: await section.locator('tr.row-finetune td[data-value="test-acc"]').getAttribute('data-raw'),
    scratch: await section.locator('tr.row-scratch td[data-value="test-acc"]').getAttribute('data-raw'),
    fineTrain: await section.locator('tr.row-finetune td[data-value="train-acc"]').getAttribute('data-raw'),
    verdict: await section.locator('[data-tl-verdict]').getAttribute('data-verdict'),
    frozen: await section.locator('[data-value="frozen-after"]').textContent(),
    scratchAfter: await section.locator('[data-value="scratch-after"]').textContent(),
    accuracyPoints: await section.locator('[data-chart="accuracy"] table tbody tr').allTextContents(),
  });

  await page.goto(url);
  await runExample(page, 'transfer-learning');
  await expect(section).toHaveAttribute('data-state', 'done');
  const straight = await outcome();

  await page.goto(url);
  const step = section.locator('[data-step-once]');
  // 1 pre-training epoch + 2 transfer epochs + 2 from-scratch epochs = 5 steps.
  await press(step);
  await expect(section).toHaveAttribute('data-state', 'paused');
  await expect(section.locator('[data-status]')).toContainText('Paused after 1 of 5');
  await expect(section.locator('[data-stage="pre"]')).toContainText('Pre-training done');
  await expect(section.locator('[data-stage="fine"]')).toHaveCount(0);
  await press(step);
  await expect(section.locator('[data-status]')).toContainText('Paused after 2 of 5');
  await expect(section.locator('[data-stage="fine"]')).toContainText('Transfer: epoch 1/2');
  await expect(section.locator('[data-tl-verdict]')).toBeHidden();
  await expect(section.locator('[data-run]')).toHaveText('Continue');
  expect(await axeViolations(page, '[data-example="transfer-learning"]')).toEqual([]);
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(section.locator('[data-run]')).toHaveText('Run');
  expect(await outcome()).toEqual(straight);
});

test('MLP: a long training can be stopped', async ({ page }) => {
  await page.goto(`/en${PAGE}?mlp.data=moons&mlp.epochs=5000&mlp.batchSize=4`);
  const section = page.locator('[data-example="mlp-from-scratch"]');
  await press(section.locator('[data-run]'));
  await expect(section.locator('[data-mlp-check] [data-value="max-diff"]')).toBeAttached({ timeout: 30_000 });
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
  expect(await cell(section, 'row-model', 'epochs')).toBeLessThan(5000);
});
