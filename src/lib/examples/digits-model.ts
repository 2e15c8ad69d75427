/**
 * Article 004 §5.2's MNIST model, ported to TensorFlow.js layers exactly:
 *
 *   model = tf.keras.Sequential([
 *       layers.Flatten(input_shape=(28, 28)),
 *       layers.Dense(128, activation='relu'),
 *       layers.Dense(10, activation='softmax')])
 *   model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
 *   model.fit(x_train, y_train, epochs=5)          # batch size 32, Keras' default
 *   model.evaluate(x_test, y_test)
 *
 * Differences, all for reproducibility: the kernels use seeded Glorot-uniform initialisers (the
 * Keras default initialiser, with a seed), and the data are shuffled before every epoch by a
 * seeded permutation (`epochOrders`) instead of fit's Math.random shuffle. The `np.newaxis` lines
 * are left out (erratum E004-11). TF.js is passed in; this module never imports it.
 */
import type { Tensor, Tensor1D, Tensor3D } from '@tensorflow/tfjs-core';
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

/** One line of the training log (what Keras prints after each epoch), plus the held-out result. */
export interface DigitsEpoch {
  /** 1-based, as Keras prints "Epoch 1/5". */
  epoch: number;
  /** Mean training loss over the epoch's batches (computed before each batch's update). */
  loss: number;
  /** Mean training accuracy over the epoch's batches. */
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
  const train = setToTensors(tf, data.train, options.trainCount);
  const test = setToTensors(tf, data.test);
  const n = train.y.shape[0];
  const orders = epochOrders(n, seed);
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const log: DigitsEpoch[] = [];
  let trainingMs = 0;
  let stopped = false;
  let modelTaken = false;
  let released = false;

  /** After a batch (or at a yield): progress, Stop, and a paint every `yieldMs`. */
  const control = (epoch: number, lastYield: { at: number }) => async (batch: number) => {
    options.onProgress?.((epoch * batchesPerEpoch + batch + 1) / (epochs * batchesPerEpoch));
    if (options.shouldStop?.()) {
      stopped = true;
      model.stopTraining = true;
    }
    if (now() - lastYield.at >= yieldMs) {
      await yieldFn();
      lastYield.at = now();
    }
  };

  const runEpoch = async (epoch: number): Promise<DigitsEpoch> => {
    const start = now();
    const order = tf.tensor1d(orders.next(), 'int32');
    const x = tf.gather(train.x, order);
    const y = tf.gather(train.y, order);
    order.dispose();
    const afterBatch = control(epoch, { at: start });
    let history;
    try {
      history = await model.fit(x, y, {
        epochs: 1,
        batchSize,
        shuffle: false,
        verbose: 0,
        yieldEvery: 'never',
        callbacks: {
          onBatchEnd: async (batch: number, logs?: Record<string, number>) => {
            if (options.onBatch) {
              const step = epoch * batchesPerEpoch + batch + 1;
              options.onBatch({ epoch: epoch + 1, step, loss: logs?.loss ?? NaN, accuracy: logs?.acc ?? logs?.accuracy ?? NaN });
            }
            await afterBatch(batch);
          },
        },
      });
    } finally {
      tf.dispose([x, y]);
    }
    const evaluation = await evaluateModel(tf, model, test.x, test.y);
    trainingMs += now() - start;
    return {
      epoch: epoch + 1,
      loss: history.history.loss![0] as number,
      accuracy: (history.history.acc ?? history.history.accuracy)![0] as number,
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
      tf.dispose([train.x, train.y, test.x, test.y]);
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
