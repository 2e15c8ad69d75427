// The in-browser examples of article 003: the logistic neuron of §4.3 and the tiny Transformer
// language model of §5.2. Numbers in the DOM are compared with the pure modules run here in Node.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ARTICLE_003_LOGISTIC } from '../../src/lib/examples/article-data.ts';
import { articleAsWritten, workedColumn } from '../../src/lib/examples/logistic-worked.ts';
import { makeTwoClusters, trainLogisticPlain } from '../../src/lib/examples/logistic.ts';
import { buildVocabulary, UNK_CHAR } from '../../src/lib/examples/char-corpus.ts';
import { axeViolations } from './axe.ts';
import { press, reach, runSection } from './press.ts';

const ARTICLE = 'technology-market-policy-trends';

async function run(section: Locator, timeout: number) {
  await runSection(section, timeout);
  await expect(section, (await section.locator('[data-status]').textContent()) ?? '').toHaveAttribute('data-state', 'done');
}

/** Script URLs the page requests, split into before and after the reader presses Run. */
function countScripts(page: Page) {
  const urls = { onLoad: [] as string[], onRun: [] as string[] };
  let phase: keyof typeof urls = 'onLoad';
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls[phase].push(new URL(request.url()).pathname);
  });
  return { urls, running: () => (phase = 'onRun') };
}

/** Performance marks of one example run, for the report. */
async function measure(page: Page, id: string) {
  return page.evaluate((exampleId) => {
    const mark = (name: string) => performance.getEntriesByName(`kb-example:${exampleId}:${name}`)[0]?.startTime;
    const start = mark('start');
    const first = mark('first-result');
    const done = mark('done');
    return {
      firstResultMs: start !== undefined && first !== undefined ? Math.round(first - start) : undefined,
      doneMs: start !== undefined && done !== undefined ? Math.round(done - start) : undefined,
    };
  }, id);
}

const exact = async (cell: Locator) => Number(await cell.getAttribute('data-exact'));

for (const [prefix, alpha] of [
  ['', 0.1],
  ['/en', 0.5],
] as const) {
  test(`logistic neuron: worked example and training match the references (${prefix || 'zh'}, α = ${alpha})`, async ({ page }) => {
    test.setTimeout(180_000);
    const tfRequests: string[] = [];
    page.on('request', (r) => r.url().includes('tf-runtime') && tfRequests.push(r.url()));
    const scripts = countScripts(page);
    await page.goto(`${prefix}/articles/${ARTICLE}/${alpha === 0.1 ? '' : `?logit.alpha=${alpha}`}`);
    await page.waitForLoadState('networkidle');
    expect(tfRequests, 'tfjs must not load before the reader starts an example').toEqual([]);
    const section = page.locator('[data-example="logistic-neuron"]');
    await reach(section);
    await expect(section.locator('input[name="alpha"]')).toHaveValue(String(alpha));
    scripts.running();
    await run(section, 150_000);

    const { theta, b, x } = ARTICLE_003_LOGISTIC;
    const printed = articleAsWritten(theta[0], b, alpha);
    for (const y of [1, 0] as const) {
      const ref = workedColumn(theta, b, x, y, alpha);
      for (const key of ['z', 'yHat', 'loss', 'dLossDyHat', 'sigmoidPrime', 'dTheta1', 'dB', 'theta1Next', 'bNext'] as const) {
        const formula = await exact(section.locator(`td[data-col="y${y}-formula"][data-row="${key}"]`));
        expect(formula, `${key}, y = ${y}`).toBeCloseTo(ref[key]!, 12);
      }
      for (const key of ['z', 'yHat', 'loss', 'dTheta1', 'dB', 'theta1Next', 'bNext'] as const) {
        const viaTf = await exact(section.locator(`td[data-col="y${y}-tf"][data-row="${key}"]`));
        expect(Math.abs(viaTf - ref[key]!), `tf.grads ${key}, y = ${y}`).toBeLessThan(1e-6);
      }
      await expect(section.locator(`td[data-col="y${y}-tf"][data-row="dLossDyHat"]`)).toHaveText('—');
    }
    expect(await exact(section.locator('td[data-col="printed"][data-row="loss"]'))).toBeCloseTo(printed.loss, 12);
    expect(await exact(section.locator('td[data-col="printed"][data-row="dTheta1"]'))).toBeCloseTo(printed.dTheta1, 12);
    expect(await exact(section.locator('td[data-col="printed"][data-row="theta1Next"]'))).toBeCloseTo(printed.theta1Next, 12);
    // the shown (rounded) text is the exact value rounded to 6 decimals
    await expect(section.locator('td[data-col="y1-formula"][data-row="theta1Next"]')).toHaveText(workedColumn(theta, b, x, 1, alpha).theta1Next.toFixed(6));

    // training on the default two clusters
    const data = makeTwoClusters({ nPerClass: 50, seed: 1, sd: 0.8 });
    const plain = trainLogisticPlain({ data, lr: 0.5, epochs: 200, seed: 1 });
    const model = (v: string) => exact(section.locator(`tr.row-model td[data-value="${v}"]`));
    expect(await model('accuracy')).toBeGreaterThan(0.9);
    expect(await model('accuracy')).toBe(plain.accuracy);
    expect(Math.abs((await model('theta1')) - plain.theta[0]!)).toBeLessThan(1e-4);
    expect(Math.abs((await model('theta2')) - plain.theta[1]!)).toBeLessThan(1e-4);
    expect(Math.abs((await model('b')) - plain.b)).toBeLessThan(1e-4);
    expect(Math.abs((await model('loss')) - plain.loss)).toBeLessThan(1e-4);
    await expect(section.locator('[data-chart="scatter"] > svg circle')).toHaveCount(100);
    await expect(section.locator('[data-chart="scatter"] > svg path.series-model')).toHaveCount(1);
    await expect(section.locator('[data-chart="accuracy"] > svg path.series-model')).toHaveCount(1);
    if (prefix === '/en') await expect(section.locator('[data-status]')).toContainText('Done: accuracy');
    else await expect(section.locator('[data-status]')).toContainText('完成：准确率');
    console.log(
      `logistic ${prefix || 'zh'}`,
      JSON.stringify({ ...(await measure(page, 'logistic-neuron')), scripts: { onLoad: scripts.urls.onLoad.length, onRun: scripts.urls.onRun } }),
    );
  });
}

for (const [prefix, label] of [
  ['', '手算一步的学习率 α'],
  ['/en', 'Learning rate α of the single step'],
] as const) {
  test(`logistic neuron: the worked example follows the α slider at once, without TensorFlow.js (${prefix || 'zh'})`, async ({ page }) => {
    const tfRequests: string[] = [];
    page.on('request', (r) => /tf-runtime|tfjs/.test(r.url()) && tfRequests.push(r.url()));
    await page.goto(`${prefix}/articles/${ARTICLE}/`);
    const section = page.locator('[data-example="logistic-neuron"]');
    await reach(section);
    const { theta, b, x } = ARTICLE_003_LOGISTIC;
    const cell = (col: string, row: string) => section.locator(`td[data-col="${col}"][data-row="${row}"]`);
    // Shown before any Run: the formulas and the article as printed; tf.grads waits for TensorFlow.js.
    await expect(cell('y1-formula', 'theta1Next')).toHaveText(workedColumn(theta, b, x, 1, 0.1).theta1Next.toFixed(6));
    await expect(cell('y1-tf', 'dTheta1')).toHaveText('…');
    const slider = section.getByRole('slider', { name: label });
    await slider.fill('1.25');
    await expect(section.locator('input[name="alpha"]')).toHaveValue('1.25');
    for (const y of [1, 0] as const) {
      const ref = workedColumn(theta, b, x, y, 1.25);
      await expect(cell(`y${y}-formula`, 'theta1Next')).toHaveText(ref.theta1Next.toFixed(6));
      expect(await exact(cell(`y${y}-formula`, 'bNext'))).toBeCloseTo(ref.bNext, 12);
    }
    expect(await exact(cell('printed', 'theta1Next'))).toBeCloseTo(articleAsWritten(theta[0], b, 1.25).theta1Next, 12);
    await expect(section.locator('tr[data-row="theta1Next"] th')).toContainText('1.25');
    // Keyboard: one arrow press is one step of 0.01.
    await slider.press('ArrowLeft');
    await expect(cell('y0-formula', 'theta1Next')).toHaveText(workedColumn(theta, b, x, 0, 1.24).theta1Next.toFixed(6));
    await expect.poll(() => new URL(page.url()).searchParams.get('logit.alpha')).toBe('1.24');
    expect(tfRequests, 'the worked example needs no TensorFlow.js').toEqual([]);
  });
}

async function checkTransformer(page: Page, section: Locator, lang: 'zh' | 'en') {
  const value = (key: string) => section.locator(`[data-summary] td[data-value="${key}"]`).getAttribute('data-exact').then(Number);
  const uniform = await value('uniform');
  const validationStart = await value('validation-start');
  const validationEnd = await value('validation-end');
  const trainStart = await value('train-start');
  const trainEnd = await value('train-end');
  const corpus = JSON.parse((await section.locator('script[data-corpus]').textContent())!) as { text: string; maxVocab: number };
  const vocab = buildVocabulary(corpus.text, corpus.maxVocab);
  expect(uniform).toBeCloseTo(Math.log(vocab.size), 12);
  expect(Math.abs(validationStart - uniform), 'an untrained model is close to a uniform guess').toBeLessThan(0.3);
  expect(validationEnd).toBeLessThan(validationStart);
  expect(validationEnd).toBeLessThan(uniform);
  expect(trainEnd).toBeLessThan(trainStart);
  expect(trainEnd).toBeLessThan(uniform);

  // generated text: non-empty and made only of corpus characters (never the unknown token)
  const corpusChars = new Set(Array.from(corpus.text));
  for (const which of ['greedy', 'sampled']) {
    const text = (await section.locator(`[data-${which}]`).textContent()) ?? '';
    expect(text.length, which).toBeGreaterThan(0);
    const foreign = Array.from(text).filter((c) => !corpusChars.has(c) || c === UNK_CHAR);
    expect(foreign, `${which}: ${text}`).toEqual([]);
  }

  // attention heat-map of the last layer: causal (upper triangle exactly 0), rows sum to 1
  const prompt = await section.locator('input[name="prompt"]').inputValue();
  const n = Math.min(Array.from(prompt).length, 32);
  const heads = await section.locator('[data-heatmap-grid] [data-head]').count();
  expect(heads).toBe(2);
  const cells = await section.locator('[data-heatmap-grid] [data-head]').evaluateAll((divs) =>
    divs.map((div) =>
      Array.from(div.querySelectorAll('rect[data-q]'), (r) => ({
        q: Number(r.getAttribute('data-q')),
        k: Number(r.getAttribute('data-k')),
        w: Number(r.getAttribute('data-w')),
      })),
    ),
  );
  for (const head of cells) {
    expect(head).toHaveLength(n * n);
    const rowSums = new Array<number>(n).fill(0);
    for (const { q, k, w } of head) {
      if (k > q) expect(w, `weight of query ${q} on future key ${k}`).toBe(0);
      else expect(w).toBeGreaterThan(0);
      rowSums[q]! += w;
    }
    for (const s of rowSums) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
  }
  const labels = await section.locator('[data-head="0"] [data-col-label]').allTextContents();
  expect(labels.join('')).toBe(
    Array.from(prompt)
      .map((c) => (c === ' ' ? '␣' : c))
      .join(''),
  );
  if (lang === 'en') await expect(section.locator('[data-status]')).toContainText('Validation loss went from');
  else await expect(section.locator('[data-status]')).toContainText('验证损失从');
}

test('tiny Transformer (zh): trains on the Chinese page, generates from corpus characters, causal attention', async ({ page }) => {
  test.setTimeout(420_000);
  const tfRequests: string[] = [];
  page.on('request', (r) => r.url().includes('tf-runtime') && tfRequests.push(r.url()));
  const scripts = countScripts(page);
  await page.goto(`/articles/${ARTICLE}/`);
  await page.waitForLoadState('networkidle');
  expect(tfRequests).toEqual([]);
  scripts.running();
  const section = page.locator('[data-example="tiny-transformer"]');
  await reach(section);
  await expect(section.locator('[data-generate-button]')).toBeDisabled();
  const corpus = JSON.parse((await section.locator('script[data-corpus]').textContent())!) as { text: string };
  expect(corpus.text).toContain('大模型');
  expect(corpus.text).not.toMatch(/\$|```|<Erratum/);
  await run(section, 400_000);
  expect(tfRequests.length).toBe(1);
  await checkTransformer(page, section, 'zh');
  const perStep = await section.locator('[data-config]').textContent();
  console.log(
    'transformer zh',
    JSON.stringify({ ...(await measure(page, 'tiny-transformer')), scripts: { onLoad: scripts.urls.onLoad.length, onRun: scripts.urls.onRun } }),
    perStep,
  );

  // a prompt the reader types: new heat-map size, text regenerated
  await section.locator('input[name="prompt"]').fill('模型训练');
  await section.locator('input[name="length"]').fill('20');
  await press(section.locator('[data-generate-button]'));
  await expect(section).toHaveAttribute('data-generated', 'done', { timeout: 60_000 });
  await expect(section.locator('[data-head="0"] rect[data-q]')).toHaveCount(16);
  expect(Array.from((await section.locator('[data-greedy]').textContent()) ?? '')).toHaveLength(20);
  await expect(section.locator('[data-prompt-echo]').first()).toHaveText('模型训练');
});

test('tiny Transformer (en): trains on the English page with settings from the URL', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/en/articles/${ARTICLE}/?tt.steps=120&tt.seed=3`);
  const section = page.locator('[data-example="tiny-transformer"]');
  await expect(section.locator('input[name="steps"]')).toHaveValue('120');
  const corpus = JSON.parse((await section.locator('script[data-corpus]').textContent())!) as { text: string };
  expect(corpus.text).toContain('large models');
  expect(/[\u4e00-\u9fff]/.test(corpus.text), 'the English page trains on English text').toBe(false);
  await run(section, 280_000);
  expect(await section.getAttribute('data-trained-steps')).toBe('120');
  await checkTransformer(page, section, 'en');
  console.log('transformer en', JSON.stringify(await measure(page, 'tiny-transformer')), await section.locator('[data-config]').textContent());
});

test('tiny Transformer can be stopped, and the partly trained model still generates', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/en/articles/${ARTICLE}/?tt.steps=3000`);
  const section = page.locator('[data-example="tiny-transformer"]');
  await press(section.locator('[data-run]'));
  await expect(section.locator('[data-summary]')).toBeEmpty();
  await expect(section.locator('[data-chart="loss"] > svg')).toBeVisible({ timeout: 120_000 });
  await press(section.locator('[data-stop]'));
  await expect(section).toHaveAttribute('data-state', 'stopped', { timeout: 120_000 });
  expect(Number(await section.getAttribute('data-trained-steps'))).toBeLessThan(3000);
  await expect(section).toHaveAttribute('data-generated', 'done', { timeout: 60_000 });
  await expect(section.locator('[data-generate-button]')).toBeEnabled();
});

test('tiny Transformer: Run while Generate is running waits for the generation instead of freeing its model', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/en/articles/${ARTICLE}/?tt.steps=10`);
  const section = page.locator('[data-example="tiny-transformer"]');
  await run(section, 100_000);
  await expect(section).toHaveAttribute('data-generated', 'done', { timeout: 60_000 });
  await section.locator('input[name="length"]').fill('300');
  await press(section.locator('[data-generate-button]'));
  await expect(section).toHaveAttribute('data-generated', 'running');
  await press(section.locator('[data-run]'));
  await expect(section).toHaveAttribute('data-state', 'done', { timeout: 100_000 });
  await expect(section.locator('[data-status]')).not.toContainText('failed');
  await expect(section.locator('[data-generate-status]')).not.toContainText('failed');
  await expect(section.locator('[data-generate-button]')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('tiny Transformer: Step trains one optimiser step, the model generates between Steps, and Continue ends where a straight run does', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/en/articles/${ARTICLE}/?tt.steps=12`);
  const section = page.locator('[data-example="tiny-transformer"]');
  const value = (key: string) => section.locator(`[data-summary] td[data-value="${key}"]`).getAttribute('data-exact').then(Number);
  // Each Step, Continue and Run ends with one "done" mark of the runtime.
  const ended = (n: number) =>
    page.waitForFunction((count) => performance.getEntriesByName('kb-example:tiny-transformer:done').length === count, n, { timeout: 100_000 });

  for (const n of [1, 2]) {
    await press(section.locator('[data-step-once]'));
    await ended(n);
    await expect(section).toHaveAttribute('data-state', 'paused');
    await expect(section).toHaveAttribute('data-trained-steps', String(n));
    await expect(section.locator('[data-status]')).toContainText(`Paused after ${n} of 12`);
  }
  await expect(section.locator('[data-run]')).toHaveText('Continue');
  // A Step leaves the generating to the reader; the model as it stands after two steps writes.
  await expect(section).not.toHaveAttribute('data-generated', /./);
  await expect(section.locator('[data-generate-status]')).toContainText('2 of 12 steps');
  await press(section.locator('[data-generate-button]'));
  await expect(section).toHaveAttribute('data-generated', 'done', { timeout: 60_000 });
  expect(((await section.locator('[data-greedy]').textContent()) ?? '').length).toBeGreaterThan(0);
  expect(await axeViolations(page, '[data-example="tiny-transformer"]'), 'paused, with generated text and attention maps').toEqual([]);

  await press(section.locator('[data-run]'));
  await ended(3);
  await expect(section).toHaveAttribute('data-state', 'done');
  await expect(section).toHaveAttribute('data-trained-steps', '12');
  await expect(section).toHaveAttribute('data-generated', 'done', { timeout: 60_000 });
  const stepped = { trainStart: await value('train-start'), trainEnd: await value('train-end'), validationEnd: await value('validation-end') };

  // The same settings run straight through (a new session from the same seeds).
  await expect(section.locator('[data-run]')).toHaveText('Run');
  await press(section.locator('[data-run]'));
  await ended(4);
  await expect(section).toHaveAttribute('data-state', 'done');
  const straight = { trainStart: await value('train-start'), trainEnd: await value('train-end'), validationEnd: await value('validation-end') };
  for (const key of ['trainStart', 'trainEnd', 'validationEnd'] as const) expect(Math.abs(stepped[key] - straight[key]), key).toBeLessThan(1e-6);
  expect(stepped.validationEnd).toBeLessThan(await value('validation-start'));
  expect(errors).toEqual([]);
});
