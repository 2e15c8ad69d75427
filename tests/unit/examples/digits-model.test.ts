// Article 004 §5.2's model in TF.js layers: architecture and parameter count, seeded and
// reproducible training, metrics that agree with independent computations, no leaked tensors, and
// a hand-written training loop that takes the same steps as `model.fit`.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackageDigits } from '../../../src/lib/examples/digits-file.ts';
import type { Optimizer, Tensor, Tensor1D, Tensor3D } from '@tensorflow/tfjs-core';
import type { Sequential } from '@tensorflow/tfjs-layers';
import { buildDigitData, epochOrders, imageAt, PIXELS, toFloats, type DigitData } from '../../../src/lib/examples/digits.ts';
import {
  articleParameterCount,
  buildArticleModel,
  classify,
  createDigitsSession,
  evaluateModel,
  floatDigits,
  predictedAccuracy,
  predictProbabilities,
  setToTensors,
  trainDigits,
  trainEpoch,
  trainerOf,
  type DigitsTrainer,
} from '../../../src/lib/examples/digits-model.ts';
import { layers, loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';

let tf: Tf;
let data: DigitData;
beforeAll(async () => {
  tf = await loadTf();
  const perClass = await loadPackageDigits();
  data = buildDigitData(perClass, { seed: 1, testPerClass: 10, trainPerClass: 30 });
});

describe('the article model', () => {
  it('is Flatten → Dense(128, relu) → Dense(10, softmax) with 101,770 parameters', () => {
    const model = buildArticleModel(layers, 3);
    expect(articleParameterCount()).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(articleParameterCount()).toBe(101770);
    expect(model.countParams()).toBe(101770);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(model.outputs[0]!.shape).toEqual([null, 10]);
    expect(model.layers.map((l) => (l.getConfig() as { activation?: string }).activation)).toEqual([undefined, 'relu', 'softmax']);
    model.dispose();
  });

  it('starts from seeded Glorot-uniform kernels and zero biases', () => {
    const a = buildArticleModel(layers, 5);
    const b = buildArticleModel(layers, 5);
    const c = buildArticleModel(layers, 6);
    const weights = (m: typeof a) => m.getWeights().map((w) => Array.from(w.dataSync()));
    const [k1, b1, k2, b2] = weights(a);
    expect(weights(b)).toEqual(weights(a));
    expect(weights(c)[0]).not.toEqual(k1);
    expect(Math.max(...k1!.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (784 + 128)));
    expect(Math.max(...k2!.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / (128 + 10)));
    expect([...b1!, ...b2!].every((v) => v === 0)).toBe(true);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('refuses seed 0 (which TF.js treats as unseeded)', () => {
    expect(() => buildArticleModel(layers, 0)).toThrow(/seed/);
  });
});

describe('training', () => {
  const options = { epochs: 2, batchSize: 32, seed: 7 };

  it('is reproducible, lowers the loss and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const first = await trainDigits(tf, layers, data, options);
    first.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const second = await trainDigits(tf, layers, data, options);
    second.model.dispose();
    expect(second.log.map(({ seconds, ...rest }) => rest)).toEqual(first.log.map(({ seconds, ...rest }) => rest));
    expect(first.log).toHaveLength(2);
    expect(first.log.map((e) => e.epoch)).toEqual([1, 2]);
    expect(first.log[1]!.loss).toBeLessThan(first.log[0]!.loss);
    expect(first.trainCount).toBe(300);
    expect(first.stopped).toBe(false);
  }, 60_000);

  it('reports held-out metrics that match an independent computation from predict()', async () => {
    const { model, log } = await trainDigits(tf, layers, data, options);
    const probs = predictProbabilities(tf, model, toFloats(data.test.pixels));
    // Sparse categorical cross-entropy by hand: mean of −ln p[label].
    let ce = 0;
    data.test.labels.forEach((label, i) => (ce -= Math.log(probs[i * 10 + label]!)));
    ce /= data.test.labels.length;
    const { accuracy, predictions } = predictedAccuracy(tf, model, data.test);
    expect(log.at(-1)!.testLoss).toBeCloseTo(ce, 4);
    expect(log.at(-1)!.testAccuracy).toBeCloseTo(accuracy, 6);
    const test = setToTensors(tf, data.test);
    expect(await evaluateModel(tf, model, test.x, test.y)).toEqual({ loss: log.at(-1)!.testLoss, accuracy: log.at(-1)!.testAccuracy });
    tf.dispose([test.x, test.y]);
    const one = classify(tf, model, imageAt(data.test, 3));
    expect(one.digit).toBe(predictions[3]);
    expect(one.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  }, 60_000);

  it('stops when asked, after the current batch, and uses a training subset', async () => {
    const progress: number[] = [];
    const result = await trainDigits(tf, layers, data, {
      ...options,
      epochs: 3,
      trainCount: 64,
      shouldStop: () => progress.length >= 1,
      onProgress: (f) => progress.push(f),
    });
    expect(result.stopped).toBe(true);
    expect(result.log).toHaveLength(1);
    expect(result.trainCount).toBe(64);
    expect(progress).toEqual([1 / 6]);
    result.model.dispose();
  }, 60_000);

  it('as a session, steps one epoch (one log line) at a time and ends where trainDigits ends', async () => {
    const before = tf.memory().numTensors;
    const straight = await trainDigits(tf, layers, data, options);
    straight.model.dispose();
    const session = createDigitsSession(tf, layers, data, options);
    expect([session.done, session.total]).toEqual([0, 2]);
    const first = await session.step();
    expect([first.epoch, first.partial, session.done, session.log.length]).toEqual([1, false, 1, 1]);
    await session.step();
    expect(session.done).toBe(session.total);
    const strip = (log: readonly { seconds: number }[]) => log.map(({ seconds, ...rest }) => rest);
    expect(strip(session.log)).toEqual(strip(straight.log));
    expect(() => session.step()).toThrow(/past the end/);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('as a session, ends with a partial epoch when stopped inside one; a taken model outlives dispose()', async () => {
    const before = tf.memory().numTensors;
    let batches = 0;
    const session = createDigitsSession(tf, layers, data, {
      ...options,
      epochs: 3,
      trainCount: 96,
      onProgress: () => batches++,
      shouldStop: () => batches >= 2,
    });
    const cut = await session.step();
    expect(cut.partial).toBe(true);
    expect(session.stopped).toBe(true);
    expect([session.done, session.total]).toEqual([1, 1]);
    const model = session.takeModel();
    session.dispose();
    expect(classify(tf, model, imageAt(data.test, 0)).probabilities).toHaveLength(10);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('sets are converted like `x / 255.0`', () => {
    const { x, y } = setToTensors(tf, data.train, 2);
    expect(x.shape).toEqual([2, 28, 28]);
    expect(Array.from(x.dataSync().slice(0, PIXELS))).toEqual(Array.from(imageAt(data.train, 0)));
    expect(Array.from(y.dataSync())).toEqual(Array.from(data.train.labels.slice(0, 2)));
    tf.dispose([x, y]);
  });
});

describe('the hand-written training loop', () => {
  /** Relative tolerance against fit, for float32 summed in another order (observed gap: 0 on cpu and on wasm). */
  const TOLERANCE = 1e-4;
  const SEED = 7;
  const COUNT = 200; // 6 batches of 32 and a short one of 8: the epoch means must weight by size
  const EPOCHS = 2;

  interface Run {
    /** Per epoch: [loss, accuracy] as fit's history reports them. */
    epochs: number[][];
    /** Per batch: [loss, accuracy] as fit's onBatchEnd logs report them. */
    batches: number[][];
    weights: Float32Array[];
  }

  /** The model from SEED (each run builds its own), optionally with the last kernel scaled (saturated softmax). */
  function twin(scale = 1): Sequential {
    const model = buildArticleModel(layers, SEED);
    if (scale !== 1) {
      const weights = model.getWeights();
      const scaled = tf.mul(weights[2]!, scale);
      model.setWeights(weights.map((w, i) => (i === 2 ? scaled : w)));
      scaled.dispose();
    }
    return model;
  }

  function finish(model: Sequential, epochs: number[][], batches: number[][]): Run {
    const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
    model.dispose();
    return { epochs, batches, weights };
  }

  async function withFit(model: Sequential, set: { x: Tensor3D; y: Tensor1D }): Promise<Run> {
    const orders = epochOrders(COUNT, SEED);
    const epochs: number[][] = [];
    const batches: number[][] = [];
    for (let e = 0; e < EPOCHS; e++) {
      const { x, y } = tf.tidy(() => {
        const order = tf.tensor1d(orders.next(), 'int32');
        return { x: tf.gather(set.x, order), y: tf.gather(set.y, order) };
      });
      const onBatchEnd = async (_b: number, logs?: Record<string, number>) => void batches.push([logs!.loss!, logs!.acc!]);
      const history = await model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false, verbose: 0, callbacks: { onBatchEnd } });
      tf.dispose([x, y]);
      epochs.push([history.history.loss![0] as number, history.history.acc![0] as number]);
    }
    return finish(model, epochs, batches);
  }

  async function withLoop(model: Sequential, change: Partial<DigitsTrainer> = {}): Promise<Run> {
    const orders = epochOrders(COUNT, SEED);
    const trainer = { ...trainerOf(tf, model), ...change };
    const epochs: number[][] = [];
    const batches: number[][] = [];
    for (let e = 0; e < EPOCHS; e++) {
      const read = async (_b: number, logs: { loss: Tensor; accuracy: Tensor }) => {
        batches.push([(await logs.loss.data())[0]!, (await logs.accuracy.data())[0]!]);
        return false;
      };
      const { loss, accuracy } = await trainEpoch(tf, trainer, floatDigits(data.train, COUNT), orders.next(), 32, read);
      epochs.push([loss, accuracy]);
    }
    return finish(model, epochs, batches);
  }

  /** The largest difference between two runs, relative to the magnitude of what is compared. */
  function gap(a: Run, b: Run): { epochs: number; batches: number; weights: number } {
    const rel = (x: ArrayLike<number>, y: ArrayLike<number>) => {
      const scale = Math.max(...Array.from(y, Math.abs), 1e-3);
      return Math.max(...Array.from(x, (v, i) => Math.abs(v - y[i]!) / scale));
    };
    return {
      epochs: Math.max(...a.epochs.map((e, i) => Math.max(...e.map((v, j) => Math.abs(v - b.epochs[i]![j]!) / Math.max(Math.abs(b.epochs[i]![j]!), 1e-3))))),
      batches: Math.max(
        ...a.batches.map((e, i) => Math.max(...e.map((v, j) => Math.abs(v - b.batches[i]![j]!) / Math.max(Math.abs(b.batches[i]![j]!), 1e-3)))),
      ),
      weights: Math.max(...a.weights.map((w, i) => rel(w, b.weights[i]!))),
    };
  }

  let set: { x: Tensor3D; y: Tensor1D };
  let fit: Run;
  let saturatedFit: Run;
  beforeAll(async () => {
    set = setToTensors(tf, data.train, COUNT);
    fit = await withFit(twin(), set);
    // Softmax outputs of exactly 0 and 1, where the loss's clipping to [ε, 1 − ε] decides the
    // loss and zeroes gradients.
    saturatedFit = await withFit(twin(60), set);
  }, 60_000);

  it('takes the same steps as model.fit: per-batch and per-epoch loss and accuracy, final weights', async () => {
    const before = tf.memory().numTensors;
    const loop = await withLoop(twin());
    expect(tf.memory().numTensors).toBe(before);
    expect(loop.batches).toHaveLength(EPOCHS * 7);
    expect(fit.batches).toHaveLength(EPOCHS * 7);
    const d = gap(loop, fit);
    expect(d.epochs).toBeLessThanOrEqual(TOLERANCE);
    expect(d.batches).toBeLessThanOrEqual(TOLERANCE);
    expect(d.weights).toBeLessThanOrEqual(TOLERANCE);
    expect(fit.epochs[1]![0]).toBeLessThan(fit.epochs[0]![0]!); // it trained
  }, 60_000);

  it('takes the same steps as model.fit where the loss clips saturated probabilities', async () => {
    expect(saturatedFit.epochs[0]![0]).toBeGreaterThan(1); // confidently wrong digits: clipped −log ε terms
    const d = gap(await withLoop(twin(60)), saturatedFit);
    expect(d.epochs).toBeLessThanOrEqual(TOLERANCE);
    expect(d.batches).toBeLessThanOrEqual(TOLERANCE);
    expect(d.weights).toBeLessThanOrEqual(TOLERANCE);
  }, 60_000);

  it('takes the same steps as model.fit on the wasm backend too (what browsers run)', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    try {
      const wasmSet = setToTensors(tf, data.train, COUNT);
      const wasmFit = await withFit(twin(), wasmSet);
      const d = gap(await withLoop(twin()), wasmFit);
      tf.dispose([wasmSet.x, wasmSet.y]);
      expect(d.epochs).toBeLessThanOrEqual(TOLERANCE);
      expect(d.batches).toBeLessThanOrEqual(TOLERANCE);
      expect(d.weights).toBeLessThanOrEqual(TOLERANCE);
    } finally {
      await tf.setBackend('cpu');
    }
  }, 60_000);

  it('tells apart a loop that differs from fit: learning rate 0.0011, Adam ε 1e-8, no clipping', async () => {
    const adam = (lr: number, epsilon: number): Optimizer => tf.train.adam(lr, 0.9, 0.999, epsilon);
    const lr = adam(0.0011, 1e-7);
    const eps = adam(0.001, 1e-8);
    // Observed weight gaps: 0.35 and 0.023 (the loss alone would hardly show ε: 6e-6).
    expect(gap(await withLoop(twin(), { optimizer: lr }), fit).weights).toBeGreaterThan(100 * TOLERANCE);
    expect(gap(await withLoop(twin(), { optimizer: eps }), fit).weights).toBeGreaterThan(10 * TOLERANCE);
    lr.dispose();
    eps.dispose();
    const unclipped = gap(await withLoop(twin(60), { epsilon: 0 }), saturatedFit);
    expect(Number.isNaN(unclipped.epochs) || unclipped.epochs > 100 * TOLERANCE).toBe(true);
  }, 60_000);
});
