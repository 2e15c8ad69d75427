/**
 * Article 004 §5.2's MNIST model in TensorFlow.js: the same model and maths as
 *
 *   model = tf.keras.Sequential([
 *       layers.Flatten(input_shape=(28, 28)),
 *       layers.Dense(128, activation='relu'),
 *       layers.Dense(10, activation='softmax')])
 *   model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
 *   model.fit(x_train, y_train, epochs=5)          # batch size 32, Keras' default
 *   model.evaluate(x_test, y_test)
 *
 * The model is a tfjs-layers `Sequential` compiled as above (predict and evaluate use it), but it is
 * trained by a hand-written loop (`trainEpoch`) instead of `model.fit`, taking the same steps on
 * the same variables: tfjs-layers' sparse categorical cross-entropy (probabilities clipped to
 * [ε, 1 − ε]), its 'accuracy' metric, the Adam optimizer 'adam' compiled to, and epoch means
 * weighted by batch size as fit's BaseLogger reports them (a unit test checks it against fit, on
 * cpu and wasm). Why: a fit batch of 32 cost ≈ 5.0 ms on the wasm backend (Node), of which ≈ 2.0
 * went to the first kernel's gradient (a matMul with a transposed operand, which that backend runs
 * ≈ 10× slower than a plain one) and ≈ 0.7 to gathering the batch; neither can be changed inside
 * fit. The loop uploads batches assembled in JS (0.1 ms), and on wasm the transposed product is made
 * explicit for every matMul (wasm-matmul.ts, 0.2 ms here): ≈ 3.3 ms a batch; 5 epochs of 9,000
 * digits in Node 7.9 → 2.9 s, Run → done in Chromium 11.3 → 6.0 s.
 *
 * Differences, all for reproducibility: the kernels use seeded Glorot-uniform initialisers (the
 * Keras default initialiser, with a seed), and the data are shuffled before every epoch by a
 * seeded permutation (`epochOrders`) instead of fit's Math.random shuffle. The `np.newaxis` lines
 * are left out (erratum E004-11). TF.js is passed in; this module never imports it.
 */
import type { Optimizer, Scalar, Tensor, Tensor1D, Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel, Sequential } from '@tensorflow/tfjs-layers';
import { accuracy, argmaxRows, CLASSES, epochOrders, PIXELS, SIDE, toFloats, type DigitSet } from './digits.ts';
import type { Tf } from './tf-runtime.ts';
import { macrotask } from './training-control.ts';
import { play, stepSession, type Session } from './session.ts';
import { sizesOf } from './data-size.ts';

type Layers = typeof import('@tensorflow/tfjs-layers');

/** Hidden units of the article's Dense layer. */
export const HIDDEN_UNITS = 128;

/** 784·128 + 128 + 128·10 + 10 — the parameter count erratum E004-11 states. */
export function articleParameterCount(hidden = HIDDEN_UNITS): number {
  return PIXELS * hidden + hidden + hidden * CLASSES + CLASSES;
}

/**
 * Flatten(28×28) → Dense(128, relu) → Dense(10, softmax), compiled with 'adam',
 * 'sparseCategoricalCrossentropy' and ['accuracy'] as in the article. `seed` must be ≥ 1
 * (TF.js treats seed 0 as "no seed"); the two kernels use `seed` and `seed + 1`.
 */
export function buildArticleModel(layers: Layers, seed: number): Sequential {
  if (!(Number.isInteger(seed) && seed >= 1)) throw new RangeError(`seed must be a positive integer (got ${seed})`);
  const model = layers.sequential({
    layers: [
      layers.layers.flatten({ inputShape: [SIDE, SIDE] }),
      layers.layers.dense({ units: HIDDEN_UNITS, activation: 'relu', kernelInitializer: layers.initializers.glorotUniform({ seed }) }),
      layers.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: layers.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** A set as tensors: images [n, 28, 28] in [0, 1] (`x / 255.0`) and labels [n]. */
export function setToTensors(tf: Tf, set: DigitSet, count = set.labels.length): { x: Tensor3D; y: Tensor1D } {
  const n = Math.min(count, set.labels.length);
  return tf.tidy(() => ({
    x: tf.tensor3d(toFloats(set.pixels.subarray(0, n * PIXELS)), [n, SIDE, SIDE]),
    y: tf.tensor1d(Array.from(set.labels.subarray(0, n)), 'float32'),
  }));
}

/** Class probabilities [n × 10] (row-major) for images given as floats in [0, 1]. */
export function predictProbabilities(tf: Tf, model: LayersModel, images: Float32Array): Float32Array {
  const n = images.length / PIXELS;
  return tf.tidy(() => (model.predict(tf.tensor3d(images, [n, SIDE, SIDE])) as Tensor).dataSync() as Float32Array);
}

/** Held-out loss and accuracy, as `model.evaluate` reports them. */
export async function evaluateModel(tf: Tf, model: LayersModel, x: Tensor3D, y: Tensor1D, batchSize = 256): Promise<{ loss: number; accuracy: number }> {
  const out = model.evaluate(x, y, { batchSize }) as Tensor[];
  try {
    const [loss, acc] = await Promise.all(out.map((t) => t.data()));
    return { loss: loss![0]!, accuracy: acc![0]! };
  } finally {
    tf.dispose(out);
  }
}

/** Accuracy computed independently of tfjs-layers' metric: argmax of `predict` against the labels. */
export function predictedAccuracy(tf: Tf, model: LayersModel, set: DigitSet, count = set.labels.length): { accuracy: number; predictions: number[] } {
  const n = Math.min(count, set.labels.length);
  const predictions = argmaxRows(predictProbabilities(tf, model, toFloats(set.pixels.subarray(0, n * PIXELS))));
  return { accuracy: accuracy(predictions, set.labels.subarray(0, n)), predictions };
}

/**
 * What `model.fit` trains: the model's trainable variables (kernel and bias of both Dense layers,
 * in fit's order) and the optimizer `compile` made from 'adam' (lr 0.001, β 0.9/0.999, ε 1e-7),
 * which the model owns and disposes.
 */
export interface DigitsTrainer {
  kernel1: Variable;
  bias1: Variable;
  kernel2: Variable;
  bias2: Variable;
  optimizer: Optimizer;
  /** tfjs-layers' `epsilon()`: the backend's float32 epsilon (1e-7), the losses' clipping bound. */
  epsilon: number;
}

export function trainerOf(tf: Tf, model: LayersModel): DigitsTrainer {
  const [kernel1, bias1, kernel2, bias2] = model.trainableWeights.map((w) => w.read() as Variable);
  return { kernel1: kernel1!, bias1: bias1!, kernel2: kernel2!, bias2: bias2!, optimizer: model.optimizer, epsilon: tf.backend().epsilon() };
}

/**
 * The model's forward pass as its Dense layers compute it under fit's gradient tape (where TF.js
 * unfuses matMul + bias + relu): matMul, bias add, relu; then a bias-less matMul, a separate bias
 * add (the wasm kernel adds a fused bias in another order) and softmax. `images` is [n, 784].
 */
function forward(tf: Tf, t: DigitsTrainer, images: Tensor2D): Tensor2D {
  const hidden = tf.relu(tf.add(tf.matMul(images, t.kernel1), t.bias1));
  return tf.softmax(tf.add(tf.fused.matMul({ a: hidden as Tensor2D, b: t.kernel2 as Tensor2D }), t.bias2)) as Tensor2D;
}

/**
 * tfjs-layers' sparseCategoricalCrossentropy on softmax outputs, per image: clip to [ε, 1 − ε],
 * rescale rows to sum 1, clip again, −Σ onehot · log p (losses.ts, in this order).
 */
export function sparseCrossEntropy(tf: Tf, labels: Tensor1D, probs: Tensor2D, epsilon: number): Tensor1D {
  const clipped = tf.clipByValue(probs, epsilon, 1 - epsilon);
  const rescaled = tf.clipByValue(tf.div(clipped, tf.sum(clipped, -1, true)), epsilon, 1 - epsilon);
  // oneHot's default int32 then a cast, as losses.ts does: the wasm backend's OneHot kernel
  // ignores a 'float32' dtype argument (it writes int32 bits into a float32 tensor).
  const target = tf.cast(tf.oneHot(labels, CLASSES), 'float32');
  return tf.neg(tf.sum(tf.mul(target, tf.log(rescaled)), -1)) as Tensor1D;
}

/** tfjs-layers' 'accuracy' for sparse labels: the share of rows whose argmax is the label. */
function batchAccuracy(tf: Tf, labels: Tensor1D, probs: Tensor2D): Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(probs, -1), labels), 'float32'));
}

/**
 * One optimizer step on a batch (images [n, 784], labels int32), as fit's train function takes it: loss and
 * accuracy of the forward pass before the update (scalars the caller disposes).
 */
export function trainBatch(tf: Tf, t: DigitsTrainer, images: Tensor2D, labels: Tensor1D): { loss: Scalar; accuracy: Scalar } {
  let accuracy!: Scalar;
  const loss = t.optimizer.minimize(
    () => {
      const probs = forward(tf, t, images);
      // Off the loss's path, so the gradient tape ignores it; kept past minimize's scope.
      accuracy = tf.keep(batchAccuracy(tf, labels, probs));
      return tf.mean(sparseCrossEntropy(tf, labels, probs, t.epsilon));
    },
    true,
    [t.kernel1, t.bias1, t.kernel2, t.bias2],
  )!;
  return { loss, accuracy };
}

/** A batch's logs, as tensors: read them (a sync) only to show them. */
export interface BatchLogs {
  loss: Scalar;
  accuracy: Scalar;
}

/** A training set as fit's batches hold it: images `x / 255.0` (count × 784 floats) and labels. */
export interface FloatDigits {
  images: Float32Array;
  labels: ArrayLike<number>;
}

/**
 * The first `count` digits of `set` as floats, converted once: converting each batch's rows took
 * ≈ 15 % of a profiled browser run.
 */
export function floatDigits(set: DigitSet, count = set.labels.length): FloatDigits {
  const n = Math.min(count, set.labels.length);
  return { images: toFloats(set.pixels.subarray(0, n * PIXELS)), labels: set.labels.subarray(0, n) };
}

/** The digits `order[start, end)` of `set`: copies of their rows. */
function batchOf(set: FloatDigits, order: ArrayLike<number>, start: number, end: number): { images: Float32Array; labels: Int32Array } {
  const images = new Float32Array((end - start) * PIXELS);
  const labels = new Int32Array(end - start);
  for (let i = start; i < end; i++) {
    const digit = order[i]!;
    images.set(set.images.subarray(digit * PIXELS, (digit + 1) * PIXELS), (i - start) * PIXELS);
    labels[i - start] = set.labels[digit]!;
  }
  return { images, labels };
}

/**
 * One epoch over the digits of `set` taken in `order`, in batches of `batchSize` (the last one may
 * be short). Each batch is assembled here and uploaded (≈ 0.1 ms; gathering it from a tensor of the
 * set on the wasm backend takes ≈ 0.7 ms, slicing one ≈ 20 ms). `afterBatch` (awaited after every
 * batch) returns true to stop there. The epoch's loss and accuracy are fit's: Σ value · batch size
 * / images seen, summed in tensors as its BaseLogger does, so nothing is read until the epoch ends.
 */
export async function trainEpoch(
  tf: Tf,
  t: DigitsTrainer,
  set: FloatDigits,
  order: ArrayLike<number>,
  batchSize: number,
  afterBatch?: (batch: number, logs: BatchLogs) => Promise<boolean> | boolean,
): Promise<{ loss: number; accuracy: number; batches: number }> {
  let sums: Scalar[] = [];
  let seen = 0;
  let batches = 0;
  try {
    for (let start = 0; start < order.length; start += batchSize) {
      const size = Math.min(batchSize, order.length - start);
      const batch = batchOf(set, order, start, start + size);
      const [loss, accuracy, ...next] = tf.tidy(() => {
        const logs = trainBatch(tf, t, tf.tensor2d(batch.images, [size, PIXELS]), tf.tensor1d(batch.labels, 'int32'));
        const weighted = [logs.loss, logs.accuracy].map((v, i) => (sums[i] ? tf.add(sums[i]!, tf.mul(v, size)) : tf.mul(v, size)) as Scalar);
        return [logs.loss, logs.accuracy, ...weighted];
      });
      tf.dispose(sums);
      sums = next;
      seen += size;
      batches++;
      let stop;
      try {
        stop = await afterBatch?.(batches - 1, { loss: loss!, accuracy: accuracy! });
      } finally {
        tf.dispose([loss!, accuracy!]);
      }
      if (stop) break;
    }
    const means = tf.tidy(() => sums.map((s) => tf.mul(tf.div(1, seen), s)));
    const [loss, accuracy] = await Promise.all(means.map((m) => m.data()));
    tf.dispose(means);
    return { loss: loss![0]!, accuracy: accuracy![0]!, batches };
  } finally {
    tf.dispose(sums);
  }
}

/** One line of the training log (what Keras prints after each epoch), plus the held-out result. */
export interface DigitsEpoch {
  /** 1-based, as Keras prints "Epoch 1/5". */
  epoch: number;
  /** Mean training loss over the epoch's batches weighted by their sizes, as fit reports it (each computed before its batch's update). */
  loss: number;
  /** Mean training accuracy over the epoch's batches, weighted likewise. */
  accuracy: number;
  /** Held-out test loss and accuracy after the epoch (`model.evaluate`). */
  testLoss: number;
  testAccuracy: number;
  /** Seconds of training so far (all steps of the session, not the pauses between them). */
  seconds: number;
  /** True when Stop ended the epoch part-way: its averages cover only the batches that ran. */
  partial: boolean;
}

/** One batch: its loss and accuracy (before that batch's update). `step` counts batches from 1 over the run. */
export interface DigitsBatch {
  epoch: number;
  step: number;
  loss: number;
  accuracy: number;
}

export interface DigitsSessionOptions {
  epochs: number;
  batchSize: number;
  /** Initialiser seed (≥ 1) and shuffle seed. */
  seed: number;
  /** Use only the first `trainCount` training digits (default: all). */
  trainCount?: number;
  /** Called after every batch (reading a batch's logs costs a sync per batch: pass it only to draw them). */
  onBatch?: (b: DigitsBatch) => void;
  /** Called with the fraction of all batches done, after every batch or at every yield. */
  onProgress?: (fraction: number) => void;
  /** Checked after every batch (or at every yield); returning true stops at the end of that batch. */
  shouldStop?: () => boolean;
  /** Lets the host paint; called when `yieldMs` have passed since the last yield (default 50 ms). */
  yieldFn?: () => Promise<void>;
  yieldMs?: number;
  /** Clock in ms (default performance.now). */
  now?: () => number;
}

/**
 * Training the article's model as a session whose step is ONE EPOCH: Keras' unit, the one its
 * training log prints, so a reader who steps sees one more log line and the held-out accuracy
 * after it. Stop inside an epoch ends the session there (`stopped`, the last entry `partial`):
 * the rest of a cut epoch cannot be resumed as the same epoch.
 */
export interface DigitsSession extends Session<DigitsEpoch> {
  /** The model as trained so far; the session disposes it unless `takeModel()` handed it over. */
  readonly model: Sequential;
  readonly log: readonly DigitsEpoch[];
  /** True once Stop ended an epoch part-way. */
  readonly stopped: boolean;
  readonly trainCount: number;
  /** Hands the model to the caller, who disposes it; the session may still train it. */
  takeModel(): Sequential;
}

export interface DigitsTrainOptions extends DigitsSessionOptions {
  onEpoch?: (e: DigitsEpoch) => void;
}

export interface DigitsTrainResult {
  model: Sequential;
  log: DigitsEpoch[];
  stopped: boolean;
  trainCount: number;
}

/**
 * Creates the session of `trainDigits`: the model, the tensors of both sets and the seeded epoch
 * orders. Evaluates on `test` after every epoch.
 */
export function createDigitsSession(tf: Tf, layers: Layers, data: { train: DigitSet; test: DigitSet }, options: DigitsSessionOptions): DigitsSession {
  const { epochs, batchSize, seed, yieldFn = macrotask, yieldMs = 50, now = () => performance.now() } = options;
  const model = buildArticleModel(layers, seed);
  const train = floatDigits(data.train, options.trainCount);
  const n = train.labels.length;
  const test = setToTensors(tf, data.test);
  const orders = epochOrders(n, seed);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const log: DigitsEpoch[] = [];
  let trainingMs = 0;
  let stopped = false;
  let modelTaken = false;
  let released = false;

  const trainer = trainerOf(tf, model);

  /** After a batch: progress, Stop (true ends the epoch there), and a paint every `yieldMs`. */
  const control = (epoch: number, lastYield: { at: number }) => async (batch: number) => {
    options.onProgress?.((epoch * batchesPerEpoch + batch + 1) / (epochs * batchesPerEpoch));
    if (options.shouldStop?.()) stopped = true;
    if (now() - lastYield.at >= yieldMs) {
      await yieldFn();
      lastYield.at = now();
    }
    return stopped;
  };

  /** `onBatch` with the batch's values (reading them is a sync: only when someone draws them). */
  const report = async (epoch: number, batch: number, logs: BatchLogs) => {
    if (!options.onBatch) return;
    const [loss, acc] = await Promise.all([logs.loss.data(), logs.accuracy.data()]);
    options.onBatch({ epoch: epoch + 1, step: epoch * batchesPerEpoch + batch + 1, loss: loss[0]!, accuracy: acc[0]! });
  };

  const runEpoch = async (epoch: number): Promise<DigitsEpoch> => {
    const start = now();
    const afterBatch = control(epoch, { at: start });
    const means = await trainEpoch(tf, trainer, train, orders.next(), batchSize, async (batch, logs) => {
      await report(epoch, batch, logs);
      return afterBatch(batch);
    });
    const evaluation = await evaluateModel(tf, model, test.x, test.y);
    trainingMs += now() - start;
    return {
      epoch: epoch + 1,
      loss: means.loss,
      accuracy: means.accuracy,
      testLoss: evaluation.loss,
      testAccuracy: evaluation.accuracy,
      seconds: trainingMs / 1000,
      partial: stopped,
    };
  };

  const session = stepSession<Promise<DigitsEpoch>>(
    epochs,
    async (epoch) => {
      const entry = await runEpoch(epoch);
      log.push(entry);
      return entry;
    },
    () => {
      released = true;
      if (!modelTaken) model.dispose();
      tf.dispose([test.x, test.y]);
    },
  );
  return {
    // A run cut inside an epoch ends with it.
    get total() {
      return stopped ? log.length : epochs;
    },
    get done() {
      return session.done;
    },
    step: () => session.step() as Promise<DigitsEpoch>,
    dispose: () => session.dispose(),
    model,
    log,
    get stopped() {
      return stopped;
    },
    trainCount: n,
    takeModel() {
      if (released && !modelTaken) throw new Error('takeModel() after dispose()');
      modelTaken = true;
      return model;
    },
  };
}

/**
 * Trains the article's model on `train`, evaluating on `test` after every epoch: the session of
 * `createDigitsSession` played to the end. The caller owns the returned model (dispose it).
 * Leaves no other tensors behind.
 */
export async function trainDigits(tf: Tf, layers: Layers, data: { train: DigitSet; test: DigitSet }, options: DigitsTrainOptions): Promise<DigitsTrainResult> {
  const session = createDigitsSession(tf, layers, data, options);
  try {
    await play(session, { onEpoch: options.onEpoch, yieldEvery: 1, yieldFn: options.yieldFn });
    return { model: session.takeModel(), log: [...session.log], stopped: session.stopped, trainCount: session.trainCount };
  } finally {
    session.dispose();
  }
}

/** Classifies one 28×28 image (floats in [0, 1]): the predicted digit and all ten probabilities. */
export function classify(tf: Tf, model: LayersModel, image: Float32Array): { digit: number; probabilities: number[] } {
  const probabilities = Array.from(predictProbabilities(tf, model, image));
  return { digit: argmaxRows(probabilities)[0]!, probabilities };
}

/**
 * Floating-point operations of one training run of the article's model (one multiply-add = 2):
 * - `forward`: per image 2·(784·h + h·10) for the two matrix products;
 * - `backward`: the weight gradients (as many as forward) plus the input gradient of the second
 *   layer only (2·h·10): the first layer's input is the data, whose gradient nobody needs;
 * - `adam`: about 12 operations per parameter per step (two moment updates, bias corrections, update);
 * - `evaluate`: a forward pass over the test digits after every epoch.
 * `sixND` is the usual 6 · parameters · training images rule, which counts the input gradient of
 * every layer.
 */
export function trainingFlops({
  trainCount,
  epochs,
  batchSize,
  testCount,
  hidden = HIDDEN_UNITS,
}: {
  trainCount: number;
  epochs: number;
  batchSize: number;
  testCount: number;
  hidden?: number;
}): { forward: number; backward: number; adam: number; evaluate: number; total: number; sixND: number } {
  const forwardPerImage = 2 * (PIXELS * hidden + hidden * CLASSES);
  const backwardPerImage = forwardPerImage + 2 * hidden * CLASSES;
  const images = trainCount * epochs;
  const params = articleParameterCount(hidden);
  const steps = Math.ceil(trainCount / batchSize) * epochs;
  const flops = {
    forward: forwardPerImage * images,
    backward: backwardPerImage * images,
    adam: 12 * params * steps,
    evaluate: forwardPerImage * testCount * epochs,
  };
  return { ...flops, total: flops.forward + flops.backward + flops.adam + flops.evaluate, sixND: 6 * params * images };
}

/**
 * Training-set sizes of the "how many digits" curve: 1/30, 1/9, 1/3 and all of `trainCount`
 * (at least 20 digits), each trained with the run's own epochs and batch size.
 */
export function digitsCurveSizes(trainCount: number): number[] {
  return sizesOf(trainCount, [30, 9, 3, 1], 20);
}
