/**
 * The digit classifier's views of a run: the loss and accuracy charts, the training log (table and
 * the lines Keras prints), the grid of test digits with the model's predictions, and the
 * data-size curve. Each takes plain numbers and the page's strings.
 */
import type { DigitsEpoch } from '../../lib/examples/digits-model.ts';
import { firstOfEachDigit, imageAt, type DigitData } from '../../lib/examples/digits.ts';
import { h, patch, type VNode } from '../../lib/examples/element.ts';
import { drawChart } from './chart-view.ts';
import type { Msg } from './messages.ts';
import { paintDigit } from './digits-pad.ts';
import { num } from './runtime.ts';

type XY = { x: number; y: number };

/** Training loss per batch with test loss per epoch, and training and test accuracy per epoch. */
export function drawTrainingCharts(output: HTMLElement, msg: Msg, epochs: number, batchLoss: XY[], log: readonly DigitsEpoch[]) {
  const axes = (title: string, yLabel: string) => ({
    xLabel: msg('examples.digit-classifier.epochAxis'),
    yLabel,
    title,
    xDomain: [0, epochs] as [number, number],
  });
  drawChart(
    output.querySelector<HTMLElement>('[data-chart="loss"]')!,
    [
      { kind: 'line', className: 'series-model', label: msg('examples.digit-classifier.batchLoss'), points: batchLoss },
      {
        kind: 'dots',
        className: 'series-reference',
        label: msg('examples.digit-classifier.testLossSeries'),
        points: log.map((e) => ({ x: e.epoch, y: e.testLoss })),
      },
    ],
    axes(msg('examples.digit-classifier.lossTitle'), msg('examples.digit-classifier.lossAxis')),
  );
  // The test-set accuracy is drawn as a line with a dot per epoch: one series, two marks.
  const testAccuracy = {
    className: 'series-reference',
    label: msg('examples.digit-classifier.testAccuracySeries'),
    points: log.map((e) => ({ x: e.epoch, y: e.testAccuracy })),
  };
  drawChart(
    output.querySelector<HTMLElement>('[data-chart="accuracy"]')!,
    [
      {
        kind: 'line',
        className: 'series-model',
        label: msg('examples.digit-classifier.trainAccuracySeries'),
        points: log.map((e) => ({ x: e.epoch, y: e.accuracy })),
      },
      { kind: 'line', ...testAccuracy },
      { kind: 'dots', ...testAccuracy },
    ],
    axes(msg('examples.digit-classifier.accuracyTitle'), msg('examples.digit-classifier.accuracyAxis')),
  );
}

/** "3/5", or "3/5 (partial)" for an epoch that Stop cut short. */
const epochLabel = (msg: Msg, e: DigitsEpoch, epochs: number) =>
  e.partial ? msg('examples.digit-classifier.partialEpoch', { epoch: e.epoch, epochs }) : `${e.epoch}/${epochs}`;

/** The training log as a table, and the lines Keras' model.fit prints (to compare with the article's). */
export function drawLog(output: HTMLElement, msg: Msg, log: readonly DigitsEpoch[], epochs: number, batches: number) {
  const head = [
    msg('examples.digit-classifier.epoch'),
    'loss',
    'accuracy',
    msg('examples.digit-classifier.testLoss'),
    msg('examples.digit-classifier.testAccuracy'),
    msg('examples.digit-classifier.seconds'),
  ];
  const row = (e: DigitsEpoch) =>
    h(
      'tr',
      { 'data-epoch': e.epoch, 'data-partial': e.partial ? '' : undefined },
      h('th', { scope: 'row' }, epochLabel(msg, e, epochs)),
      h('td', { 'data-value': 'loss' }, num(e.loss)),
      h('td', { 'data-value': 'accuracy' }, num(e.accuracy)),
      h('td', { 'data-value': 'test-loss' }, num(e.testLoss)),
      h('td', { 'data-value': 'test-accuracy' }, num(e.testAccuracy)),
      h('td', {}, num(e.seconds, 1)),
    );
  patch(output.querySelector<HTMLElement>('[data-log]')!, [
    h(
      'table',
      {},
      h('caption', {}, msg('examples.digit-classifier.logCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', {}, log.map(row)),
    ),
  ]);
  const keras = output.querySelector<HTMLElement>('[data-keras]')!;
  keras.hidden = log.length === 0;
  const kerasLine = (e: DigitsEpoch) => {
    const seconds = Math.round(e.seconds - (log[e.epoch - 2]?.seconds ?? 0));
    return `Epoch ${e.epoch}/${epochs}\n${batches}/${batches} - ${seconds}s - loss: ${e.loss.toFixed(4)} - accuracy: ${e.accuracy.toFixed(4)}`;
  };
  keras.textContent = log.map(kerasLine).join('\n');
}

/** A titled list of held-out digit cells (none when `indices` is empty). */
const cellBlock = (title: string, indices: number[], kind: string, cell: (i: number) => VNode): VNode[] =>
  indices.length ? [h('p', {}, h('strong', {}, title)), h('ul', { class: 'kb-digits__grid', 'data-grid-kind': kind }, indices.map(cell))] : [];

const digitCanvas = () => h('canvas', { width: 28, height: 28, 'aria-hidden': 'true' });

/**
 * Replaces the grid with `blocks` (built afresh, not patched: every canvas is painted here) and
 * paints each `[data-test-index]` cell's held-out digit; returns the cells with their 0-based index.
 */
function drawCells(grid: HTMLElement, data: DigitData, blocks: VNode[]): [HTMLElement, number][] {
  grid.replaceChildren();
  patch(grid, blocks);
  return [...grid.querySelectorAll<HTMLElement>('[data-test-index]')].map((el) => {
    const i = Number(el.dataset.testIndex) - 1;
    paintDigit(el.querySelector('canvas')!.getContext('2d')!, imageAt(data.test, i));
    return [el, i];
  });
}

/**
 * As soon as the file arrives, before TensorFlow.js is ready: two held-out digits of every class
 * with their labels, the digits the trained model will be shown on (drawGrid replaces them).
 */
export function drawPreview(grid: HTMLElement, msg: Msg, data: DigitData) {
  const cell = (i: number) =>
    h('li', {}, h('span', { class: 'kb-digits__cell', 'data-test-index': i + 1 }, digitCanvas(), h('span', {}, String(data.test.labels[i]))));
  drawCells(grid, data, cellBlock(msg('examples.digit-classifier.dataPreview'), firstOfEachDigit(data.test.labels, 2), 'preview', cell));
}

/** Two test digits of every class and the first ten misclassified ones, as buttons that pick the digit. */
export function drawGrid(grid: HTMLElement, msg: Msg, data: DigitData, predictions: number[], onPick: (index: number) => void) {
  const sample = firstOfEachDigit(data.test.labels, 2);
  const wrong = predictions.flatMap((p, i) => (p !== data.test.labels[i] ? [i] : [])).slice(0, 10);
  const cell = (i: number) => {
    const label = data.test.labels[i]!;
    const predicted = predictions[i]!;
    const ok = predicted === label;
    const described = { n: i + 1, label, predicted };
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `kb-digits__cell ${ok ? 'is-right' : 'is-wrong'}`,
          'data-test-index': i + 1,
          'data-label': label,
          'data-predicted': predicted,
        },
        digitCanvas(),
        h('span', { 'aria-hidden': 'true' }, `${label} → ${predicted} ${ok ? '✓' : '✗'}`),
        h('span', { class: 'sr-only' }, msg(ok ? 'examples.digit-classifier.cellRight' : 'examples.digit-classifier.cellWrong', described)),
      ),
    );
  };
  const blocks = [
    ...cellBlock(msg('examples.digit-classifier.sample'), sample, 'sample', cell),
    ...cellBlock(msg('examples.digit-classifier.wrong'), wrong, 'wrong', cell),
  ];
  for (const [button, i] of drawCells(grid, data, blocks)) button.addEventListener('click', () => onPick(i));
}

/** Held-out accuracy against the number of training digits (the last point is the main run). */
export function drawSizes(figure: HTMLElement, msg: Msg, points: XY[], max: number) {
  figure.hidden = false;
  const series = { className: 'series-model', label: msg('examples.digit-classifier.sizesSeries'), points: [...points].sort((a, b) => a.x - b.x) };
  drawChart(
    figure,
    [
      { kind: 'line', ...series },
      { kind: 'dots', ...series },
    ],
    {
      xLabel: msg('examples.digit-classifier.sizesAxis'),
      yLabel: msg('examples.digit-classifier.accuracyAxis'),
      title: msg('examples.digit-classifier.sizesTitle'),
      xDomain: [0, max],
    },
  );
}
