import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tensor } from '@tensorflow/tfjs-core';
import { layers, loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { useFastConvFilterGrad } from '../../../src/lib/examples/fast-conv-kernels.ts';
import { makeFillTaskSet, makePretrainSet } from '../../../src/lib/examples/shapes.ts';
import {
  buildBackbone,
  buildBinaryModel,
  buildPretrainModel,
  countParams,
  disposeModels,
  evaluateModel,
  layerSeeds,
  paramCounts,
  trainModel,
  weightFingerprint,
  accuracyVerdict,
  chanceMargin,
  curveSizes,
  epochsForSteps,
  gapMargin,
  MINIATURE,
  miniatureData,
  newTaskAccuracy,
  speedVerdict,
  subset,
  TUNED_LR,
} from '../../../src/lib/examples/transfer.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
  useFastConvFilterGrad(tf);
});

// Parameter counts by hand: conv 3×3×1×8 + 8, conv 3×3×8×16 + 16; head 16×32 + 32, 32×1 + 1.
const BACKBONE = 3 * 3 * 1 * 8 + 8 + (3 * 3 * 8 * 16 + 16);
const HEAD = 16 * 32 + 32 + (32 + 1);

/** FNV-1a of the float32 bytes, written independently of the module. */
function fnv(values: number[]): string {
  const view = new DataView(new Float32Array(values).buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < view.byteLength; i++) h = Math.imul(h ^ view.getUint8(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

describe('layerSeeds', () => {
  it('are non-zero, reproducible and differ between models', () => {
    const a = layerSeeds(1, 0);
    expect(a.every((s) => Number.isInteger(s) && s > 0)).toBe(true);
    expect(layerSeeds(1, 0)).toEqual(a);
    expect(layerSeeds(1, 1)).not.toEqual(a);
    expect(layerSeeds(0, 0).every((s) => s > 0)).toBe(true);
  });
});

describe('weightFingerprint / countParams', () => {
  it('sums, squares and hashes the float32 values', () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const w = tf.variable(tf.tensor2d([[0.5, -1.25]]));
    const fp = weightFingerprint([{ read: () => v }, { read: () => w }]);
    expect(fp).toEqual({ count: 5, sum: 5.25, sumSq: 14 + 0.25 + 1.5625, hash: fnv([1, 2, 3, 0.5, -1.25]) });
    expect(countParams([{ shape: [3] }, { shape: [1, 2] }])).toBe(5);
    v.dispose();
    w.dispose();
  });
});

describe('the transfer-learning miniature (article 001 §5)', () => {
  const size = 16;
  let start = 0;
  beforeAll(() => {
    start = tf.memory().numTensors;
  });
  afterAll(() => {
    // Every model of this block was disposed with disposeModels: no tensor is left.
    expect(tf.memory().numTensors).toBe(start);
  });
  const pre = makePretrainSet({ perClass: 8, size, seed: 4 });
  const task = makeFillTaskSet({ count: 48, size, seed: 5 });

  it('builds the backbone and both models with the expected parameters and output shapes', () => {
    const before = tf.memory().numTensors;
    const seeds = layerSeeds(1, 0);
    const backbone = buildBackbone(layers, { size, seeds });
    expect(countParams(backbone.weights)).toBe(BACKBONE);
    const pm = buildPretrainModel(layers, backbone, { classes: 10, seeds });
    expect(paramCounts(pm)).toEqual({ trainable: BACKBONE + 16 * 10 + 10, frozen: 0 });
    backbone.trainable = false;
    const ft = buildBinaryModel(layers, backbone, { seeds });
    expect(paramCounts(ft)).toEqual({ trainable: HEAD, frozen: BACKBONE });
    const out = tf.tidy(() => (ft.predict(tf.zeros([2, size, size, 1])) as Tensor).shape);
    expect(out).toEqual([2, 1]);
    const feats = tf.tidy(() => (backbone.predict(tf.zeros([3, size, size, 1])) as Tensor).shape);
    expect(feats).toEqual([3, 16]);
    disposeModels(pm, ft);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the same seed gives the same initial weights', () => {
    const fps = [0, 1].map(() => {
      const b = buildBackbone(layers, { size, seeds: layerSeeds(7, 0) });
      const fp = weightFingerprint(b.weights);
      b.dispose();
      return fp;
    });
    expect(fps[0]).toEqual(fps[1]);
  });

  it('pre-training lowers the loss; fine-tuning moves only the head; runs are reproducible; nothing leaks', async () => {
    const run = async () => {
      const seeds = layerSeeds(3, 0);
      const backbone = buildBackbone(layers, { size, seeds });
      const pm = buildPretrainModel(layers, backbone, { classes: 10, seeds });
      const before = tf.memory().numTensors;
      const pt = await trainModel(tf, pm, pre, { task: { kind: 'softmax', classes: 10 }, epochs: 3, batchSize: 16, lr: 0.01, seed: 1 });
      expect(tf.memory().numTensors).toBe(before);
      backbone.trainable = false;
      const ft = buildBinaryModel(layers, backbone, { seeds });
      const frozen0 = weightFingerprint(backbone.weights);
      const head0 = weightFingerprint(ft.trainableWeights);
      const mid = tf.memory().numTensors;
      const progress: number[] = [];
      const r = await trainModel(tf, ft, task, {
        task: { kind: 'binary' },
        epochs: 2,
        batchSize: 16,
        lr: 0.001,
        seed: 2,
        onBatch: (p) => progress.push(p.batch),
        yieldFn: async () => {},
      });
      const acc = evaluateModel(tf, ft, task, { kind: 'binary' });
      expect(tf.memory().numTensors).toBe(mid);
      const result = { pt, r, acc, frozen0, frozen1: weightFingerprint(backbone.weights), head0, head1: weightFingerprint(ft.trainableWeights), progress };
      disposeModels(pm, ft);
      return result;
    };
    const a = await run();
    expect(a.pt.epochLosses).toHaveLength(3);
    expect(a.pt.epochLosses[2]!).toBeLessThan(a.pt.epochLosses[0]!);
    expect(a.frozen1).toEqual(a.frozen0);
    expect(a.head1.hash).not.toBe(a.head0.hash);
    expect(a.r.steps).toBe(2 * Math.ceil(48 / 16));
    expect(a.progress).toEqual([0, 1, 2, 0, 1, 2]);
    expect(a.acc.accuracy).toBeGreaterThanOrEqual(0);
    expect(a.acc.accuracy).toBeLessThanOrEqual(1);
    const b = await run();
    expect(b.frozen1).toEqual(a.frozen1);
    expect(b.head1).toEqual(a.head1);
    expect(b.r.epochLosses).toEqual(a.r.epochLosses);
  });

  it('a trainable backbone does move when trained from scratch, and training can be stopped', async () => {
    const seeds = layerSeeds(2, 1);
    const backbone = buildBackbone(layers, { size, seeds });
    const model = buildBinaryModel(layers, backbone, { seeds });
    const fp0 = weightFingerprint(backbone.weights);
    let batches = 0;
    const r = await trainModel(tf, model, task, {
      task: { kind: 'binary' },
      epochs: 5,
      batchSize: 16,
      lr: 0.001,
      seed: 2,
      onBatch: () => batches++,
      shouldStop: () => batches >= 4,
    });
    expect(r.stopped).toBe(true);
    expect(r.steps).toBe(4);
    expect(r.epochLosses).toHaveLength(1);
    expect(weightFingerprint(backbone.weights).hash).not.toBe(fp0.hash);
    disposeModels(model);
  });

  it('evaluates softmax accuracy by argmax', () => {
    const seeds = layerSeeds(5, 0);
    const pm = buildPretrainModel(layers, buildBackbone(layers, { size, seeds }), { classes: 10, seeds });
    const { accuracy, loss } = evaluateModel(tf, pm, pre, { kind: 'softmax', classes: 10 }, 30);
    const ref = tf.tidy(() => {
      const x = tf.tensor4d(pre.images, [pre.count, size, size, 1]);
      const pred = Array.from(tf.argMax(pm.predict(x) as Tensor, 1).dataSync());
      return pred.filter((p, i) => p === pre.labels[i]).length / pre.count;
    });
    expect(accuracy).toBeCloseTo(ref, 12);
    expect(loss).toBeGreaterThan(0);
    disposeModels(pm);
  });
});

describe('transferSchema (URL settings)', () => {
  it('defaults to the tuned learning rate for both networks, 400 training images, 5 epochs, no curve; rejects out-of-range values', async () => {
    const { decodeSettings, encodeSettings, transferSchema } = await import('../../../src/lib/examples/url-state.ts');
    const d = decodeSettings(transferSchema, '');
    expect(d).toEqual({ settings: { pretrainPerClass: 150, pretrainEpochs: 4, trainSize: 400, epochs: 5, lr: TUNED_LR, seed: 1, curve: false }, issues: [] });
    const bad = decodeSettings(transferSchema, 'tl.epochs=0&tl.trainSize=12.5&tl.lr=1');
    expect(bad.settings.epochs).toBe(5);
    expect(bad.issues.map((i) => i.reason)).toEqual(['not-an-integer', 'out-of-range', 'out-of-range']);
    const round = { ...d.settings, epochs: 12, seed: 9 };
    expect(decodeSettings(transferSchema, encodeSettings(transferSchema, round).toString()).settings).toEqual(round);
  });
});

describe('the honest comparison', () => {
  it('calls accuracies near 50 % chance: two standard errors of a coin flip on the test set', () => {
    expect(chanceMargin(500)).toBeCloseTo(2 * Math.sqrt(0.25 / 500), 12);
    expect(chanceMargin(500)).toBeCloseTo(0.0447, 4);
    // Both within 4.47 points of 50 %: no conclusion, whatever the gap between them.
    expect(accuracyVerdict(0.54, 0.47, 500).kind).toBe('chance');
    // One clearly above chance: then the gap decides.
    expect(accuracyVerdict(0.95, 0.52, 500)).toMatchObject({ kind: 'transfer-better' });
    expect(accuracyVerdict(0.52, 0.95, 500)).toMatchObject({ kind: 'scratch-better' });
  });

  it('calls a gap a difference only beyond two standard errors of the difference', () => {
    // 99 % vs 96.6 % on 500 images: σ = √((0.0099 + 0.032844) / 500) ≈ 0.92 points; the gap is 2.4.
    expect(gapMargin(0.99, 0.966, 500)).toBeCloseTo(2 * Math.sqrt((0.99 * 0.01 + 0.966 * 0.034) / 500), 12);
    const v = accuracyVerdict(0.99, 0.966, 500);
    expect(v.kind).toBe('transfer-better');
    expect('points' in v && v.points).toBeCloseTo(2.4, 9);
    // The same gap on 50 images is noise.
    expect(accuracyVerdict(0.99, 0.966, 50).kind).toBe('same');
    expect(accuracyVerdict(0.9, 0.9, 500)).toMatchObject({ kind: 'same', points: 0 });
  });

  it('says "faster" only with at least 20 % less time', () => {
    expect(speedVerdict(100, 500)).toEqual({ faster: true, ratio: 0.2 });
    expect(speedVerdict(80, 100).faster).toBe(true);
    expect(speedVerdict(81, 100).faster).toBe(false);
    expect(speedVerdict(100, 0).faster).toBe(false);
  });

  it('curve sizes run from a handful of labels to the whole training set; every size gets the same steps', () => {
    expect(curveSizes(400)).toEqual([13, 50, 200, 400]);
    expect(curveSizes(64)).toEqual([8, 32, 64]);
    expect(curveSizes(40)).toEqual([8, 20, 40]);
    // 400 images, batch 32 → 13 batches an epoch; 5 epochs = 65 steps; 50 images (2 batches) need 33 epochs.
    expect(epochsForSteps(65, 400, 32)).toBe(5);
    expect(epochsForSteps(65, 50, 32)).toBe(33);
    expect(epochsForSteps(65, 13, 32)).toBe(65);
    const set = miniatureData({ seed: 1, pretrainPerClass: 20, trainSize: 40 }).train;
    const part = subset(set, 10);
    expect(part.count).toBe(10);
    expect(part.labels).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(part.images)).toEqual(Array.from(set.images.subarray(0, 10 * 16 * 16)));
  });

  it('the page’s data: a 500-image test set, balanced', () => {
    const { test, train } = miniatureData({ seed: 2, pretrainPerClass: 20, trainSize: 40 });
    expect(test.count).toBe(MINIATURE.testCount);
    expect(MINIATURE.testCount).toBeGreaterThanOrEqual(500);
    expect(test.labels.filter((l) => l === 1)).toHaveLength(250);
    expect(train.count).toBe(40);
  });

  it('newTaskAccuracy trains a fresh model and leaves only the shared backbone behind', async () => {
    const seeds = layerSeeds(4, 0);
    const backbone = buildBackbone(layers, { size: 16, seeds });
    backbone.trainable = false;
    const before = tf.memory().numTensors;
    const data = makeFillTaskSet({ count: 32, size: 16, seed: 9 });
    for (const kind of ['transfer', 'scratch'] as const) {
      const r = await newTaskAccuracy(tf, layers, kind, { backbone, train: data, test: data, seed: 4, epochs: 1, lr: TUNED_LR });
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.accuracy).toBeLessThanOrEqual(1);
      expect(tf.memory().numTensors).toBe(before);
    }
    backbone.dispose();
  });
});
