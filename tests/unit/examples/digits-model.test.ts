// Article 004 §5.2's model in TF.js layers: architecture and parameter count, seeded and
// reproducible training, metrics that agree with independent computations, no leaked tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackageDigits } from '../../../src/lib/examples/digits-file.ts';
import { buildDigitData, imageAt, PIXELS, toFloats, type DigitData } from '../../../src/lib/examples/digits.ts';
import {
  articleParameterCount,
  buildArticleModel,
  classify,
  createDigitsSession,
  evaluateModel,
  predictedAccuracy,
  predictProbabilities,
  setToTensors,
  trainDigits,
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
