/**
 * A faithful miniature of article 001 §5's transfer-learning recipe (ResNet50 pre-trained on
 * ImageNet + a new Dense head), with the corrections of errata E001-12/13: the backbone ends in
 * global average pooling (include_top=False, pooling='avg'), it is frozen (trainable = false) and
 * only the new head Dense(32, relu) → Dense(1, sigmoid) is trained on the small new task.
 *
 * The backbone is tiny — Conv2D(8, 3×3) → MaxPool(2) → Conv2D(16, 3×3) → GlobalAveragePooling —
 * and is pre-trained here on the generated 10-class shapes task of shapes.ts instead of ImageNet.
 * Everything is seeded: initialisers get non-zero seeds, batches are shuffled with our PRNG, and
 * training uses our own loop (optimizer.minimize over the model's trainable weights) rather than
 * model.fit, whose shuffling uses Math.random.
 *
 * `tf` and `layers` are parameters (tests pass the Node instance, islands the lazily loaded one).
 */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel, Sequential } from '@tensorflow/tfjs-layers';
import { sizesOf } from './data-size.ts';
import { createRng } from './random.ts';
import { play, type Session } from './session.ts';
import type { Tf } from './tf-runtime.ts';
import { makeFillTaskSet, makePretrainSet, type ImageSet } from './shapes.ts';

type Layers = typeof import('@tensorflow/tfjs-layers');

/** Non-zero seeds for the initialisers of one model (TF.js treats seed 0 as "unseeded"). */
export function layerSeeds(seed: number, salt: number): number[] {
  const rng = createRng(((seed >>> 0) ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  return Array.from({ length: 6 }, () => 1 + rng.int(2 ** 31 - 2));
}

/** The backbone: Conv2D(8) → MaxPool(2) → Conv2D(16) → GlobalAveragePooling2D (16 features). */
export function buildBackbone(layers: Layers, { size, seeds }: { size: number; seeds: number[] }): Sequential {
  const glorot = (seed: number) => layers.initializers.glorotUniform({ seed });
  return layers.sequential({
    name: 'backbone',
    layers: [
      layers.layers.conv2d({
        inputShape: [size, size, 1],
        filters: 8,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: glorot(seeds[0]!),
      }),
      layers.layers.maxPooling2d({ poolSize: 2 }),
      layers.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: glorot(seeds[1]!) }),
      layers.layers.globalAveragePooling2d({}),
    ],
  });
}

/** Backbone + Dense(classes) logits: the pre-training model (our stand-in for ResNet50 with its ImageNet top). */
export function buildPretrainModel(layers: Layers, backbone: Sequential, { classes, seeds }: { classes: number; seeds: number[] }): Sequential {
  return layers.sequential({
    layers: [backbone, layers.layers.dense({ units: classes, kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[2]! }) })],
  });
}

/** Backbone + the article's new head Dense(32, relu) → Dense(1, sigmoid) (the Flatten is unnecessary after pooling, E001-12). */
export function buildBinaryModel(layers: Layers, backbone: Sequential, { seeds }: { seeds: number[] }): Sequential {
  return layers.sequential({
    layers: [
      backbone,
      layers.layers.dense({ units: 32, activation: 'relu', kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[3]! }) }),
      layers.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[4]! }) }),
    ],
  });
}

/**
 * Disposes models that share one backbone (Keras-style nesting does not count the sharing, so
 * disposing both models would dispose the backbone twice): every distinct layer once.
 */
export function disposeModels(...models: LayersModel[]): void {
  const seen = new Set<object>();
  for (const model of models) {
    for (const layer of model.layers) {
      if (seen.has(layer)) continue;
      seen.add(layer);
      layer.dispose();
    }
  }
}

/** Number of scalars in a list of weights. */
export function countParams(weights: readonly { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((s, w) => s + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1), 0);
}

/** Trainable and frozen parameter counts of a model. */
export function paramCounts(model: LayersModel): { trainable: number; frozen: number } {
  return { trainable: countParams(model.trainableWeights), frozen: countParams(model.nonTrainableWeights) };
}

/**
 * A fingerprint of weight values (to show that frozen weights did not move): the count, the sum
 * and the sum of squares in float64, and an FNV-1a hash of the float32 bytes.
 */
export function weightFingerprint(weights: readonly { read(): Tensor }[]): { count: number; sum: number; sumSq: number; hash: string } {
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  let h = 0x811c9dc5;
  for (const w of weights) {
    const values = w.read().dataSync() as Float32Array;
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    for (const v of values) {
      sum += v;
      sumSq += v * v;
    }
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    count += values.length;
  }
  return { count, sum, sumSq, hash: h.toString(16).padStart(8, '0') };
}

/** Copies images `indices` of a set into one [m, size, size, 1] batch tensor and its labels. */
function batchOf(tf: Tf, set: ImageSet, indices: readonly number[]): { x: Tensor; labels: number[] } {
  const px = set.size * set.size;
  const buf = new Float32Array(indices.length * px);
  indices.forEach((idx, k) => buf.set(set.images.subarray(idx * px, (idx + 1) * px), k * px));
  return { x: tf.tensor4d(buf, [indices.length, set.size, set.size, 1]), labels: indices.map((i) => set.labels[i]!) };
}

/** 'softmax': integer class labels and logits (pre-training); 'binary': 0/1 labels and a sigmoid output. */
export type TaskKind = { kind: 'softmax'; classes: number } | { kind: 'binary' };

function lossOf(tf: Tf, task: TaskKind, output: Tensor, labels: number[]): Tensor {
  if (task.kind === 'softmax') {
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), task.classes);
    return tf.losses.softmaxCrossEntropy(oneHot, output);
  }
  return tf.losses.logLoss(tf.tensor2d(labels, [labels.length, 1]), output);
}

/** Progress of a training run, after every batch. */
export interface BatchProgress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
}

export interface TrainOptions {
  task: TaskKind;
  epochs: number;
  batchSize: number;
  /** Adam learning rate (the article: 0.001). */
  lr: number;
  /** Seed of the per-epoch shuffle. */
  seed: number;
  onBatch?: (p: BatchProgress) => void;
  /** Called after every epoch with the mean training loss of that epoch. */
  onEpoch?: (epoch: number, loss: number) => void;
  shouldStop?: () => boolean;
  /** Awaited every `yieldEvery` batches (default every batch) so that the page stays responsive. */
  yieldFn?: () => Promise<void>;
  yieldEvery?: number;
}

/** One epoch of a training session: its 0-based index and mean training loss. */
export interface TrainEpoch {
  epoch: number;
  loss: number;
}

/** A training session (session.ts) whose step is one epoch; `result()` says where it stands. */
export interface TrainSession extends Session<TrainEpoch> {
  /** True once `shouldStop` ended an epoch part-way (the session cannot go on from there). */
  readonly halted: boolean;
  result(): { epochLosses: number[]; stopped: boolean; ms: number; steps: number };
}

/**
 * Trains the model's trainable weights (frozen layers are left out, as Keras does) with Adam on
 * seeded shuffled batches, one epoch per step. `ms` counts only the time spent in steps, so a run
 * paused between epochs is timed like a straight one. The session owns only its optimiser.
 */
export function createTrainSession(tf: Tf, model: LayersModel, set: ImageSet, opts: TrainOptions): TrainSession {
  const rng = createRng(opts.seed);
  const optimizer = tf.train.adam(opts.lr);
  const vars = model.trainableWeights.map((w) => w.read() as Variable);
  const order = Array.from({ length: set.count }, (_, i) => i);
  const batches = Math.ceil(set.count / opts.batchSize);
  const epochLosses: number[] = [];
  let ms = 0;
  let steps = 0;
  let halted = false;
  let done = 0;
  let released = false;
  const batchLoss = (indices: number[]) =>
    tf.tidy(() => {
      const { x, labels } = batchOf(tf, set, indices);
      const cost = optimizer.minimize(() => lossOf(tf, opts.task, model.apply(x, { training: true }) as Tensor, labels) as Scalar, true, vars);
      return cost!.dataSync()[0]!;
    });
  const epoch = async (index: number): Promise<TrainEpoch> => {
    const perm = rng.shuffled(order);
    let total = 0;
    let since = performance.now();
    for (let b = 0; b < batches; b++) {
      if (opts.shouldStop?.()) {
        halted = true;
        ms += performance.now() - since;
        return { epoch: index, loss: NaN };
      }
      const indices = perm.slice(b * opts.batchSize, (b + 1) * opts.batchSize);
      const loss = batchLoss(indices);
      steps++;
      total += loss * indices.length;
      opts.onBatch?.({ epoch: index, batch: b, batchesPerEpoch: batches, loss });
      if (opts.yieldFn && (b + 1) % (opts.yieldEvery ?? 1) === 0) {
        ms += performance.now() - since;
        await opts.yieldFn();
        since = performance.now();
      }
    }
    ms += performance.now() - since;
    done++;
    epochLosses.push(total / set.count);
    return { epoch: index, loss: total / set.count };
  };
  return {
    total: opts.epochs,
    get done() {
      return done;
    },
    get halted() {
      return halted;
    },
    step() {
      if (released) throw new Error('step() after dispose()');
      if (halted || done >= opts.epochs) throw new Error('step() past the end of a training session');
      return epoch(done);
    },
    dispose() {
      if (!released) optimizer.dispose();
      released = true;
    },
    result: () => ({ epochLosses: [...epochLosses], stopped: halted || done < opts.epochs, ms, steps }),
  };
}

/**
 * A whole training session (createTrainSession) with the options' hooks; returns the mean loss of
 * every epoch, whether it was stopped and the time it took (ms).
 */
export async function trainModel(
  tf: Tf,
  model: LayersModel,
  set: ImageSet,
  opts: TrainOptions,
): Promise<{ epochLosses: number[]; stopped: boolean; ms: number; steps: number }> {
  const session = createTrainSession(tf, model, set, opts);
  try {
    await play(session, {
      yieldEvery: 0, // the session yields between batches itself
      shouldStop: () => session.halted || (opts.shouldStop?.() ?? false),
      onEpoch: ({ epoch, loss }) => {
        if (!session.halted) opts.onEpoch?.(epoch, loss);
      },
    });
    return session.result();
  } finally {
    session.dispose();
  }
}

/** Accuracy (and mean loss) of the model on a set, evaluated in batches. */
export function evaluateModel(tf: Tf, model: LayersModel, set: ImageSet, task: TaskKind, batchSize = 100): { accuracy: number; loss: number } {
  let correct = 0;
  let loss = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, set.count - start) }, (_, k) => start + k);
    const [c, l] = tf.tidy(() => {
      const { x, labels } = batchOf(tf, set, indices);
      const out = model.predict(x) as Tensor;
      const predicted = task.kind === 'softmax' ? Array.from(tf.argMax(out, 1).dataSync()) : Array.from(out.dataSync()).map((p) => (p >= 0.5 ? 1 : 0));
      const batchLoss = lossOf(tf, task, out, labels).dataSync()[0]!;
      return [predicted.filter((p, k) => p === labels[k]).length, batchLoss * indices.length];
    });
    correct += c;
    loss += l;
  }
  return { accuracy: correct / set.count, loss: loss / set.count };
}

// ---------------------------------------------------------------------------------------------
// The honest comparison: both networks on the same data, with the same learning rate and the same
// number of optimisation steps; verdicts only where the test set can tell the difference.
// ---------------------------------------------------------------------------------------------

/**
 * Adam learning rate used for BOTH networks on the new task, picked by the sweep of
 * tests/bench/transfer-sweep.ts (default settings, seeds 1–3, 500 test images, wasm backend). From
 * scratch: 0.001 → 54/51/58 %, 0.003 → 93/96/93 %, 0.01 → 97/96/95 %, 0.03 → 98/98/97 %,
 * 0.05 → 97/50/96 %, 0.1 → 50/50/65 %; transfer: 94–98 % at 0.001, 98–100 % from 0.01 to 0.1.
 * 0.03 is the best rate for the network trained from scratch and as good as any for transfer, so
 * the baseline is not handicapped (the article's 0.001 leaves it under-trained in 5 epochs).
 */
export const TUNED_LR = 0.03;

/**
 * How close to 50 % an accuracy on `testCount` images is indistinguishable from guessing: two
 * standard errors of a coin-flip accuracy, 2·√(0.25 / n) (≈ 4.5 points for 500 images).
 */
export function chanceMargin(testCount: number): number {
  return 2 * Math.sqrt(0.25 / testCount);
}

/**
 * How far apart two accuracies on the same `testCount` images must be before one counts as better:
 * two standard errors of their difference, 2·√((a(1−a) + b(1−b)) / n).
 */
export function gapMargin(a: number, b: number, testCount: number): number {
  return 2 * Math.sqrt((a * (1 - a) + b * (1 - b)) / testCount);
}

/** What a pair of test accuracies allows us to say, as a code the island words; gaps in percentage points. */
export type AccuracyVerdict = { kind: 'chance'; margin: number } | { kind: 'transfer-better' | 'scratch-better' | 'same'; points: number; margin: number };

/**
 * 'chance' when both are within chanceMargin of 50 % (no conclusion); otherwise the better one when
 * the gap exceeds gapMargin, else 'same'.
 */
export function accuracyVerdict(transfer: number, scratch: number, testCount: number): AccuracyVerdict {
  const chance = chanceMargin(testCount);
  if (Math.abs(transfer - 0.5) <= chance && Math.abs(scratch - 0.5) <= chance) return { kind: 'chance', margin: chance * 100 };
  const margin = gapMargin(transfer, scratch, testCount);
  const points = Math.abs(transfer - scratch) * 100;
  const kind = transfer - scratch > margin ? 'transfer-better' : scratch - transfer > margin ? 'scratch-better' : 'same';
  return { kind, points, margin: margin * 100 };
}

/** Transfer counts as faster only when its training took at most this share of the from-scratch time. */
export const FASTER_RATIO = 0.8;

/** Whether transfer trained faster by the stated margin; `ratio` = transfer time / from-scratch time. */
export function speedVerdict(transferMs: number, scratchMs: number): { faster: boolean; ratio: number } {
  const ratio = transferMs / scratchMs;
  return { faster: Number.isFinite(ratio) && ratio <= FASTER_RATIO, ratio };
}

/**
 * Training-set sizes of the "labelled examples" curve: 1/32, 1/8, 1/2 and all of `trainSize`
 * (rounded, at least `min`, no duplicates), smallest first: from a handful of labels to the run's.
 */
export function curveSizes(trainSize: number, min = 8): number[] {
  return sizesOf(trainSize, [32, 8, 2, 1], min);
}

/**
 * Epochs that give a training set of `count` images at least `steps` optimisation steps: every
 * point of the curve gets the same training budget, so it measures data, not compute.
 */
export function epochsForSteps(steps: number, count: number, batchSize: number): number {
  return Math.max(1, Math.ceil(steps / Math.ceil(count / batchSize)));
}

/** The first `count` images of a set (the new-task sets alternate labels, so any prefix is balanced). */
export function subset<T extends ImageSet>(set: T, count: number): ImageSet {
  const n = Math.min(count, set.count);
  const px = set.size * set.size;
  return { images: set.images.subarray(0, n * px), labels: set.labels.slice(0, n), size: set.size, count: n };
}

/** Image side, batch size and test-set size of the in-page miniature. */
export const MINIATURE = { size: 16, batchSize: 32, testCount: 500, pretrainTestPerClass: 30, pretrainLr: 0.01 } as const;

/** Every image set of one run, generated from the seed (each set from its own derived seed). */
export function miniatureData({ seed, pretrainPerClass, trainSize }: { seed: number; pretrainPerClass: number; trainSize: number }) {
  const s = seed >>> 0;
  const { size, testCount, pretrainTestPerClass } = MINIATURE;
  return {
    pretrain: makePretrainSet({ perClass: pretrainPerClass, size, seed: s * 4 + 1 }),
    pretrainTest: makePretrainSet({ perClass: pretrainTestPerClass, size, seed: s * 4 + 2 }),
    train: makeFillTaskSet({ count: trainSize, size, seed: s * 4 + 3 }),
    test: makeFillTaskSet({ count: testCount, size, seed: s * 4 + 4 }),
  };
}

/** A binary model for the new task: the frozen pre-trained `backbone` + a new head, or a fresh backbone (from scratch). */
export function newTaskModel(layers: Layers, kind: 'transfer' | 'scratch', backbone: Sequential, seed: number): Sequential {
  const seeds = layerSeeds(seed, 0);
  if (kind === 'transfer') return buildBinaryModel(layers, backbone, { seeds });
  return buildBinaryModel(layers, buildBackbone(layers, { size: MINIATURE.size, seeds: layerSeeds(seed, 1) }), { seeds });
}

/**
 * Trains a fresh model of `kind` on `train` for `epochs` epochs and returns its test accuracy
 * (the model is disposed; the shared backbone is not). Used by the curve and the sweep.
 */
export async function newTaskAccuracy(
  tf: Tf,
  layers: Layers,
  kind: 'transfer' | 'scratch',
  {
    backbone,
    train,
    test,
    seed,
    ...opts
  }: { backbone: Sequential; train: ImageSet; test: ImageSet; seed: number } & Omit<TrainOptions, 'task' | 'batchSize' | 'seed'>,
): Promise<{ accuracy: number; ms: number; stopped: boolean }> {
  const model = newTaskModel(layers, kind, backbone, seed);
  try {
    const run = await trainModel(tf, model, train, { ...opts, task: { kind: 'binary' }, batchSize: MINIATURE.batchSize, seed: seed + 12 });
    return { accuracy: evaluateModel(tf, model, test, { kind: 'binary' }).accuracy, ms: run.ms, stopped: run.stopped };
  } finally {
    // The transfer model shares the caller's backbone: dispose only its own head.
    if (kind === 'transfer') model.layers.slice(1).forEach((l) => l.dispose());
    else disposeModels(model);
  }
}
