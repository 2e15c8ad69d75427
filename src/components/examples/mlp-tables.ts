/**
 * The tables of the MLP example (`<kb-mlp>`, article 001 §3) as element-builder trees: the summary
 * row, the gradient check against TensorFlow.js, and one update's forward pass and gradients.
 */
import { h, type Child, type VNode } from '../../lib/examples/element.ts';
import type { BatchDetails } from '../../lib/examples/mlp-explorer.ts';
import type { MlpStep, mlpGradientCheckTf } from '../../lib/examples/mlp.ts';
import type { mlpSchema, SettingsOf } from '../../lib/examples/url-state.ts';
import { formatParts } from '../../lib/i18n.ts';
import type { Msg } from './messages.ts';

export const f6 = (v: number) => (Number.isFinite(v) ? v.toFixed(6) : String(v));
export const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));

const headRow = (cells: readonly string[]) =>
  h(
    'thead',
    {},
    h(
      'tr',
      {},
      cells.map((c) => h('th', { scope: 'col' }, c)),
    ),
  );

/** Epochs and updates done, and the loss and accuracy on all data (formatted). */
export function summaryTable(row: { epochs: number; updates: number; loss: string; accuracy: string }, msg: Msg): VNode[] {
  const keys = ['epochs', 'updates', 'loss', 'accuracy'] as const;
  const heads = [
    'examples.mlp-from-scratch.epochs',
    'examples.mlp-from-scratch.updates',
    'examples.mlp-from-scratch.loss',
    'examples.mlp-from-scratch.accuracy',
  ];
  return [
    h(
      'table',
      {},
      headRow(heads.map((k) => msg(k))),
      h(
        'tbody',
        {},
        h(
          'tr',
          { class: 'row-model' },
          keys.map((k) => h('td', { 'data-value': k }, row[k])),
        ),
      ),
    ),
  ];
}

/** The gradient check: parameters, both losses and the largest difference, with its verdict. */
export function checkTable(check: ReturnType<typeof mlpGradientCheckTf>, msg: Msg): VNode[] {
  const row = (name: string, ...cells: Child[]) => h('tr', {}, h('th', { scope: 'row' }, name), ...cells);
  return [
    h(
      'table',
      {},
      h('caption', {}, msg('examples.mlp-from-scratch.checkCaption')),
      h(
        'tbody',
        {},
        row(msg('examples.mlp-from-scratch.parameters'), h('td', { 'data-value': 'params' }, check.manual.length)),
        row(
          msg('examples.mlp-from-scratch.checkLoss'),
          h('td', {}, h('span', { 'data-value': 'loss-manual' }, f6(check.lossManual)), ' / ', h('span', { 'data-value': 'loss-tf' }, f6(check.lossTf))),
        ),
        row(msg('examples.mlp-from-scratch.checkDiff'), h('td', { 'data-value': 'max-diff', 'data-raw': check.maxAbsDiff }, check.maxAbsDiff.toExponential(2))),
      ),
    ),
    h('p', {}, check.maxAbsDiff < 1e-6 ? msg('examples.mlp-from-scratch.agree') : msg('examples.mlp-from-scratch.disagree')),
  ];
}

/** The forward pass of (up to 8 of) the batch's samples. */
function forwardTable(d: BatchDetails, hidden: 'tanh' | 'sigmoid', msg: Msg): VNode {
  const act = hidden === 'tanh' ? 'tanh' : 'σ';
  const shown = d.samples.slice(0, 8);
  return h(
    'table',
    { class: 'kb-mlp__forward' },
    h(
      'caption',
      {},
      d.samples.length > shown.length
        ? msg('examples.mlp-from-scratch.forwardPart', { shown: shown.length, n: d.samples.length })
        : msg('examples.mlp-from-scratch.forward'),
    ),
    headRow(['#', 'x = a⁰', `a¹ = ${act}(W¹a⁰ + b¹)`, 'ŷ = σ(W²a¹ + b²)', 'y', 'BCE']),
    h(
      'tbody',
      {},
      shown.map((sm) =>
        h(
          'tr',
          { 'data-sample': sm.index },
          h('th', { scope: 'row' }, sm.index),
          h('td', {}, `(${sm.x.map(f4).join(', ')})`),
          h('td', { 'data-a1': true }, `(${sm.activations[0]!.map(f4).join(', ')})`),
          h('td', { 'data-value': 'yhat' }, f6(sm.yHat)),
          h('td', {}, sm.y),
          h('td', {}, f6(sm.loss)),
        ),
      ),
    ),
  );
}

/** The batch-mean gradients, one row per hidden unit (flattened like `flattenLayers`). */
function gradientTable(d: BatchDetails, hiddenUnits: number, msg: Msg): VNode {
  const H = hiddenUnits;
  const g = (i: number) => h('td', { 'data-grad': i, 'data-raw': d.flat[i] }, f6(d.flat[i]!));
  return h(
    'table',
    { class: 'kb-mlp__grads' },
    h('caption', {}, msg('examples.mlp-from-scratch.grads')),
    headRow([msg('examples.mlp-from-scratch.hiddenUnit'), '∂L/∂W¹[j,1]', '∂L/∂W¹[j,2]', '∂L/∂b¹[j]', '∂L/∂W²[1,j]']),
    h(
      'tbody',
      {},
      Array.from({ length: H }, (_, j) => h('tr', {}, h('th', { scope: 'row' }, j + 1), g(j * 2), g(j * 2 + 1), g(2 * H + j), g(3 * H + j))),
      h('tr', {}, h('th', { scope: 'row' }, '∂L/∂b²'), g(4 * H), h('td', { colspan: 3 })),
    ),
  );
}

/** One update as Step shows it: a caption with where it stands, then its forward pass and gradients. */
export function stepDetail(
  step: MlpStep,
  d: BatchDetails,
  after: { loss: number; accuracy: number },
  settings: Pick<SettingsOf<typeof mlpSchema>, 'hidden' | 'hiddenUnits'>,
  msg: Msg,
): VNode[] {
  const n = d.samples.length;
  const caption = formatParts(msg(n === 1 ? 'examples.mlp-from-scratch.stepCaption.one' : 'examples.mlp-from-scratch.stepCaption.other'), {
    update: h('span', { 'data-value': 'update' }, step.updates),
    epoch: step.epoch + 1,
    batch: step.batch + 1,
    n,
    batchLoss: h('span', { 'data-value': 'batch-loss' }, f6(d.loss)),
    loss: f6(after.loss),
    accuracy: f4(after.accuracy),
  });
  return [h('p', {}, caption), h('div', { class: 'kb-mlp__tables' }, forwardTable(d, settings.hidden, msg), gradientTable(d, settings.hiddenUnits, msg))];
}
