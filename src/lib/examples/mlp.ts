/**
 * A tiny multilayer perceptron (default 2-4-1) with forward pass, hand-written back-propagation and
 * gradient descent — port P001a of the seed guide: article 001 §3.2–3.4 (the pseudo-code
 * `forward propagation` / `backward propagation` / `gradient_descent`, C001-1…3) made real.
 *
 * Conventions (column vectors, one sample at a time):
 *   a⁰ = x;   zˡ = Wˡ·aˡ⁻¹ + bˡ;   aˡ = f(zˡ) (tanh or sigmoid hidden, sigmoid output)
 *   loss = mean over the batch of BCE(y, a^L), computed from the output logit.
 * Back-propagation for sigmoid + BCE:
 *   δᴸ = a^L − y;   δˡ = (Wˡ⁺¹)ᵀ·δˡ⁺¹ ⊙ f′(zˡ);   ∂Wˡ = δˡ·(aˡ⁻¹)ᵀ;   ∂bˡ = δˡ   (averaged over the batch)
 * Fixes relative to the article: the activation list keeps the input (needed for ∂W¹), the
 * derivative is taken at zˡ (not at the activation), and gradients are stored per layer.
 */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import { bceFromLogit } from './logistic.ts';
import { sigmoid, sigmoidDerivative, tanhDerivative } from './activations.ts';
import { createRng, type Rng } from './random.ts';
import type { Tf } from './tf-runtime.ts';
import { stepSession, type Session } from './session.ts';

/** Hidden-layer activation (article 001 §3.2 `activation_function`). The output layer is always a sigmoid. */
export type HiddenActivation = 'tanh' | 'sigmoid';

/** One dense layer of article 001 §3.2 (`weights[l]`, `biases[l]`): W is [out][in], b is [out]. */
export interface DenseLayer {
  W: number[][];
  b: number[];
}

/** Network parameters, input layer first (article 001 §3, P001a). */
export type MlpParams = DenseLayer[];

/** A labelled 2-D data set for P001a (same shape as logistic.ts's LabelledPoints). */
export interface MlpData {
  points: number[][];
  labels: number[];
}

/** The four XOR points of P001a (not linearly separable: one neuron cannot fit them, 2-4-1 can). */
export const XOR_DATA: MlpData = {
  points: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  labels: [0, 1, 1, 0],
};

/**
 * Seeded "two moons" (as in scikit-learn's make_moons): class 0 on the upper half circle
 * (cos t, sin t), class 1 on (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π], plus normal
 * noise of sd `noise`. Points alternate between the classes. Default 200 points, noise 0.1.
 */
export function makeTwoMoons({ n = 200, noise = 0.1, seed = 1 }: { n?: number; noise?: number; seed?: number } = {}): MlpData {
  const rng = createRng(seed);
  const half = Math.floor(n / 2);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < half; i++) {
    const t = half === 1 ? 0 : (Math.PI * i) / (half - 1);
    points.push([Math.cos(t) + rng.normal(0, noise), Math.sin(t) + rng.normal(0, noise)]);
    labels.push(0);
    points.push([1 - Math.cos(t) + rng.normal(0, noise), 0.5 - Math.sin(t) + rng.normal(0, noise)]);
    labels.push(1);
  }
  return { points, labels };
}

/**
 * Seeded Glorot-uniform weights (W ~ U(−r, r), r = √(6 / (in + out))) and zero biases for the
 * layer sizes `sizes` (default [2, 4, 1]).
 */
export function initMlp(seed: number, sizes: readonly number[] = [2, 4, 1], rng: Rng = createRng(seed)): MlpParams {
  const params: MlpParams = [];
  for (let l = 1; l < sizes.length; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const r = Math.sqrt(6 / (nIn + nOut));
    params.push({
      W: Array.from({ length: nOut }, () => Array.from({ length: nIn }, () => rng.uniform(-r, r))),
      b: new Array<number>(nOut).fill(0),
    });
  }
  return params;
}

/** Deep copy of the parameters (P001a snapshots handed to a UI must not change under it). */
export function cloneParams(params: MlpParams): MlpParams {
  return params.map((layer) => ({ W: layer.W.map((row) => row.slice()), b: layer.b.slice() }));
}

const act = (kind: HiddenActivation, z: number) => (kind === 'tanh' ? Math.tanh(z) : sigmoid(z));
const actDerivative = (kind: HiddenActivation, z: number) => (kind === 'tanh' ? tanhDerivative(z) : sigmoidDerivative(z));

/** Everything the backward pass of article 001 §3.3 needs: a⁰ = x, a¹, …, a^L and z¹, …, z^L. */
export interface ForwardCache {
  /** activations[0] is the input itself (the article's version forgot it). */
  activations: number[][];
  /** zs[l − 1] = zˡ, the pre-activation of layer l. */
  zs: number[][];
}

/** Forward pass of one sample (article 001 §3.2), storing every activation including the input. */
export function mlpForward(params: MlpParams, x: readonly number[], hidden: HiddenActivation = 'tanh'): ForwardCache {
  const activations: number[][] = [x.slice()];
  const zs: number[][] = [];
  let a = x.slice();
  params.forEach((layer, l) => {
    if (layer.W[0]!.length !== a.length) throw new RangeError(`layer ${l + 1} expects ${layer.W[0]!.length} inputs, got ${a.length}`);
    const z = layer.W.map((row, j) => row.reduce((s, w, k) => s + w * a[k]!, layer.b[j]!));
    const last = l === params.length - 1;
    a = z.map((zj) => (last ? sigmoid(zj) : act(hidden, zj)));
    zs.push(z);
    activations.push(a);
  });
  return { activations, zs };
}

/** Probability ŷ = a^L of one input (article 001 §3.2 forward pass). */
export function mlpPredict(params: MlpParams, x: readonly number[], hidden: HiddenActivation = 'tanh'): number {
  return mlpForward(params, x, hidden).activations.at(-1)![0]!;
}

/** Per-layer gradients (`dW`, `db` of article 001 §3.3), the same shape as the parameters. */
export type MlpGradients = DenseLayer[];

const zerosLike = (params: MlpParams): MlpGradients => params.map((layer) => ({ W: layer.W.map((row) => row.map(() => 0)), b: layer.b.map(() => 0) }));

/**
 * Back-propagation of one sample (article 001 §3.3, corrected): δᴸ = ŷ − y for sigmoid + BCE,
 * δˡ = (Wˡ⁺¹)ᵀδˡ⁺¹ ⊙ f′(zˡ), ∂Wˡ = δˡ(aˡ⁻¹)ᵀ, ∂bˡ = δˡ. Returns the gradients of this sample's
 * BCE (not averaged).
 */
export function mlpBackward(params: MlpParams, cache: ForwardCache, y: number, hidden: HiddenActivation = 'tanh'): MlpGradients {
  const L = params.length;
  const grads = zerosLike(params);
  let delta = cache.activations[L]!.map((yHat) => yHat - y);
  for (let l = L - 1; l >= 0; l--) {
    const aPrev = cache.activations[l]!;
    grads[l]!.W = delta.map((d) => aPrev.map((a) => d * a));
    grads[l]!.b = delta.slice();
    if (l > 0) {
      const W = params[l]!.W;
      const z = cache.zs[l - 1]!;
      delta = aPrev.map((_, k) => W.reduce((s, row, j) => s + row[k]! * delta[j]!, 0) * actDerivative(hidden, z[k]!));
    }
  }
  return grads;
}

/** Mean BCE and mean gradients over the samples `indices` (default: all) — article 001 §3.3 over a batch. */
export function mlpBatchGradients(
  params: MlpParams,
  data: MlpData,
  hidden: HiddenActivation = 'tanh',
  indices: readonly number[] = data.points.map((_, i) => i),
): { loss: number; grads: MlpGradients } {
  const grads = zerosLike(params);
  let loss = 0;
  for (const i of indices) {
    const cache = mlpForward(params, data.points[i]!, hidden);
    const y = data.labels[i]!;
    loss += bceFromLogit(cache.zs.at(-1)![0]!, y);
    mlpBackward(params, cache, y, hidden).forEach((g, l) => {
      g.W.forEach((row, j) => row.forEach((v, k) => (grads[l]!.W[j]![k]! += v)));
      g.b.forEach((v, j) => (grads[l]!.b[j]! += v));
    });
  }
  const m = indices.length;
  for (const g of grads) {
    g.W = g.W.map((row) => row.map((v) => v / m));
    g.b = g.b.map((v) => v / m);
  }
  return { loss: loss / m, grads };
}

/** Mean BCE and accuracy (threshold 0.5) on a data set (P001a evaluation). */
export function mlpEvaluate(params: MlpParams, data: MlpData, hidden: HiddenActivation = 'tanh'): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  data.points.forEach((p, i) => {
    const cache = mlpForward(params, p, hidden);
    const y = data.labels[i]!;
    loss += bceFromLogit(cache.zs.at(-1)![0]!, y);
    if ((cache.activations.at(-1)![0]! >= 0.5 ? 1 : 0) === y) correct++;
  });
  return { loss: loss / data.points.length, accuracy: correct / data.points.length };
}

/** Flattens gradients (or parameters) layer by layer: W row-major, then b (P001a gradient check). */
export function flattenLayers(layers: readonly DenseLayer[]): number[] {
  return layers.flatMap((l) => [...l.W.flat(), ...l.b]);
}

/**
 * Gradient check (seed guide P001a): the same loss written with TF.js ops
 * (`matMul`, tanh/sigmoid, `tf.losses.sigmoidCrossEntropy` on the output logits) and differentiated
 * by `tf.variableGrads`, compared with `mlpBatchGradients`. Returns both flattened gradients and the
 * max |difference|. Disposes every tensor and variable.
 */
export function mlpGradientCheckTf(
  tf: Tf,
  params: MlpParams,
  data: MlpData,
  hidden: HiddenActivation = 'tanh',
): { manual: number[]; autodiff: number[]; maxAbsDiff: number; lossManual: number; lossTf: number } {
  const manual = mlpBatchGradients(params, data, hidden);
  const X = tf.tensor2d(data.points);
  const Y = tf.tensor2d(data.labels, [data.labels.length, 1]);
  const vars: { W: Variable; b: Variable }[] = params.map((layer) =>
    tf.tidy(() => ({ W: tf.variable(tf.tensor2d(layer.W), true), b: tf.variable(tf.tensor1d(layer.b), true) })),
  );
  const owned: Tensor[] = [X, Y];
  try {
    const { value, grads } = tf.variableGrads(
      () => {
        let a: Tensor = X;
        vars.forEach((v, l) => {
          const z = tf.add(tf.matMul(a, v.W, false, true), v.b);
          a = l === vars.length - 1 ? z : hidden === 'tanh' ? tf.tanh(z) : tf.sigmoid(z);
        });
        // `a` now holds the output logits.
        return tf.losses.sigmoidCrossEntropy(Y, a) as Scalar;
      },
      vars.flatMap((v) => [v.W, v.b]),
    );
    owned.push(value, ...Object.values(grads));
    const autodiff = vars.flatMap((v) => [...grads[v.W.name]!.dataSync(), ...grads[v.b.name]!.dataSync()]);
    const lossTf = value.dataSync()[0]!;
    const manualFlat = flattenLayers(manual.grads);
    const maxAbsDiff = manualFlat.reduce((m, g, i) => Math.max(m, Math.abs(g - autodiff[i]!)), 0);
    return { manual: manualFlat, autodiff, maxAbsDiff, lossManual: manual.loss, lossTf };
  } finally {
    tf.dispose(owned);
    for (const v of vars) {
      v.W.dispose();
      v.b.dispose();
    }
  }
}

/** Settings of a step-through MLP training run (article 001 §3.4, P001a). */
export interface MlpTrainerOptions {
  data: MlpData;
  /** Layer sizes, default [2, 4, 1]. */
  sizes?: number[];
  hidden?: HiddenActivation;
  lr: number;
  /** Samples per update (default: the whole data set, i.e. batch GD). */
  batchSize?: number;
  /** Seed of the initial weights and of the per-epoch shuffle. */
  seed: number;
  /** Shuffle every epoch (default true; irrelevant for full batches). */
  shuffle?: boolean;
}

/** State after one mini-batch update (article 001 §3.4 loop body, P001a). */
export interface MlpStep {
  /** 0-based epoch of this update. */
  epoch: number;
  /** 0-based index of the batch within the epoch. */
  batch: number;
  /** Total updates so far (1-based). */
  updates: number;
  indices: number[];
  /** Mean BCE of the batch before the update. */
  batchLoss: number;
  /** True if this update finished an epoch. */
  epochEnd: boolean;
  /** Parameter snapshot after the update. */
  params: MlpParams;
}

/** A trainer a UI can step through batch by batch (article 001 §3.4, P001a). */
export interface MlpTrainer {
  readonly options: Readonly<MlpTrainerOptions>;
  /** Current parameters (a copy). */
  params(): MlpParams;
  /** One gradient-descent update on the next batch. */
  step(): MlpStep;
  /** Updates until the current epoch ends; returns the loss and accuracy on the full data. */
  epoch(): { epoch: number; updates: number; loss: number; accuracy: number };
  /** Mean BCE and accuracy on the full data with the current parameters. */
  evaluate(): { loss: number; accuracy: number };
  predict(x: readonly number[]): number;
}

/** Samples per update for `n` samples: the requested batch size clamped to 1 … n (default n, batch GD). */
export function mlpBatchSize(n: number, batchSize = n): number {
  return Math.max(1, Math.min(n, Math.floor(batchSize)));
}

/**
 * Creates the step-through trainer of port P001a (article 001 §3.4's loop): forward, manual
 * back-propagation, W ← W − lr·∂W on one batch per `step()`. Fully deterministic for a seed.
 */
export function createMlpTrainer(options: MlpTrainerOptions): MlpTrainer {
  const { data, lr, seed } = options;
  const hidden = options.hidden ?? 'tanh';
  const n = data.points.length;
  if (n === 0 || data.labels.length !== n) throw new RangeError('data must be non-empty with one label per point');
  const rng = createRng(seed);
  let params = initMlp(seed, options.sizes ?? [2, 4, 1], rng);
  const batchSize = mlpBatchSize(n, options.batchSize);
  const shuffle = options.shuffle ?? true;
  const all = Array.from({ length: n }, (_, i) => i);
  let order = all;
  let epoch = 0;
  let cursor = 0;
  let batch = 0;
  let updates = 0;

  const step = (): MlpStep => {
    if (cursor === 0) order = shuffle && batchSize < n ? rng.shuffled(all) : all;
    const indices = order.slice(cursor, cursor + batchSize);
    const { loss, grads } = mlpBatchGradients(params, data, hidden, indices);
    params = params.map((layer, l) => ({
      W: layer.W.map((row, j) => row.map((w, k) => w - lr * grads[l]!.W[j]![k]!)),
      b: layer.b.map((b, j) => b - lr * grads[l]!.b[j]!),
    }));
    updates++;
    const result: MlpStep = {
      epoch,
      batch,
      updates,
      indices,
      batchLoss: loss,
      epochEnd: cursor + batchSize >= n,
      params: cloneParams(params),
    };
    cursor += batchSize;
    batch++;
    if (cursor >= n) {
      cursor = 0;
      batch = 0;
      epoch++;
    }
    return result;
  };

  return {
    options,
    params: () => cloneParams(params),
    step,
    epoch() {
      const e = epoch;
      while (!step().epochEnd);
      return { epoch: e, updates, ...mlpEvaluate(params, data, hidden) };
    },
    evaluate: () => mlpEvaluate(params, data, hidden),
    predict: (x) => mlpPredict(params, x, hidden),
  };
}

/** One update of an MLP session: the trainer's step, the parameters it started from, and at an epoch's end the full-data metrics. */
export interface MlpUpdate extends MlpStep {
  /** Parameters before this update (the forward pass and gradients of the batch were taken at them). */
  before: MlpParams;
  /** Loss and accuracy on all data after the update, when it ended an epoch. */
  metrics?: { loss: number; accuracy: number };
}

/** A training run of article 001 §3.4 as a session, with the weights it started from (for the gradient check). */
export interface MlpSession extends Session<MlpUpdate> {
  readonly trainer: MlpTrainer;
  readonly initial: MlpParams;
  readonly updatesPerEpoch: number;
}

/**
 * `epochs` epochs of a trainer as a session whose step is ONE update on one mini-batch — the body
 * of the article's loop (forward pass, backpropagation, W ← W − lr·∂W), the smallest unit a reader
 * can check by hand; total = epochs × batches per epoch. Pure JavaScript, nothing to free.
 */
export function createMlpSession(options: MlpTrainerOptions & { epochs: number }): MlpSession {
  const trainer = createMlpTrainer(options);
  const n = options.data.points.length;
  const updatesPerEpoch = Math.ceil(n / mlpBatchSize(n, options.batchSize));
  const initial = trainer.params();
  let before = initial;
  const session = stepSession(options.epochs * updatesPerEpoch, (): MlpUpdate => {
    const step = trainer.step();
    const update: MlpUpdate = { ...step, before, metrics: step.epochEnd ? trainer.evaluate() : undefined };
    before = step.params;
    return update;
  });
  return Object.assign(session, { trainer, initial, updatesPerEpoch });
}

/**
 * ŷ on a res×res grid over `box` (row-major, y from yMin to yMax) for drawing the decision regions
 * of the P001a network (article 001 §3).
 */
export function predictGrid(
  params: MlpParams,
  box: { xMin: number; xMax: number; yMin: number; yMax: number },
  res = 40,
  hidden: HiddenActivation = 'tanh',
): number[][] {
  const step = (lo: number, hi: number, i: number) => (res === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (res - 1));
  return Array.from({ length: res }, (_, r) =>
    Array.from({ length: res }, (_, c) => mlpPredict(params, [step(box.xMin, box.xMax, c), step(box.yMin, box.yMax, r)], hidden)),
  );
}
