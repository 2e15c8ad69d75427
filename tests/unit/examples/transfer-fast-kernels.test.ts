/**
 * The wasm backend's convolution gradients of fast-conv-kernels.ts (useFastWasmConvGrads: filter
 * gradient as one BatchMatMul of an im2col matrix built in JS, input gradient as a Conv2D with the
 * filter turned, max-pooling gradient in JS) compute the same sums as the kernels they replace:
 * kernel by kernel, and over whole training runs of the transfer-learning miniature (per-batch
 * losses and every weight), within a float32 tolerance that a learning rate 1 % off exceeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { Sequential } from '@tensorflow/tfjs-layers';
import { layers, loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { useFastConvFilterGrad, useFastWasmConvGrads } from '../../../src/lib/examples/fast-conv-kernels.ts';
import { PRETRAIN_CLASSES } from '../../../src/lib/examples/shapes.ts';
import * as tl from '../../../src/lib/examples/transfer.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
  useFastConvFilterGrad(tf);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Relative tolerance: max |a − b| over max |b| (float32 sums in another order; observed gaps are printed). */
const TOL = 1e-4;
const relGap = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / (m || 1);
};

/** Runs `f` with the replaced kernels ('original') or the fast ones. */
function withKernels<T>(which: 'original' | 'fast', f: () => T): T {
  const restore = useFastWasmConvGrads(tf);
  if (which === 'original') restore();
  try {
    return f();
  } finally {
    useFastWasmConvGrads(tf)();
  }
}

/** Seeded values, about half of them exactly 0 (as after a relu: ties in the pooling windows). */
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    out[i] = u < 0.5 ? 0 : Math.round((u - 0.5) * 64) / 8;
  }
  return out;
}

describe('useFastWasmConvGrads kernels (wasm)', () => {
  it('give the replaced kernels’ filter, input and pooling gradients (conv: ≤ 1e-5 relative; pooling: exactly)', () => {
    const shapes = [
      { x: [4, 8, 8, 3], w: [3, 3, 3, 5], pad: 'same' as const },
      { x: [2, 7, 9, 1], w: [3, 3, 1, 4], pad: 'same' as const },
      { x: [3, 6, 6, 2], w: [3, 3, 2, 3], pad: 'valid' as const }, // input gradient falls back
    ];
    for (const [k, { x: xs, w: ws, pad }] of shapes.entries()) {
      const run = () =>
        tf.tidy(() => {
          const x = tf.tensor4d(
            values(
              xs.reduce((a, b) => a * b),
              11 + k,
            ),
            xs as [number, number, number, number],
          );
          const w = tf.tensor4d(
            values(
              ws.reduce((a, b) => a * b),
              23 + k,
            ),
            ws as [number, number, number, number],
          );
          const f = (xx: Tensor, ww: Tensor) =>
            tf
              .maxPool(tf.relu(tf.conv2d(xx as Tensor4D, ww as Tensor4D, 1, pad)), 2, 2, 'valid')
              .square()
              .sum();
          const [gx, gw] = tf.grads(f)([x, w]);
          // Pooling windows with ties, overlapping windows, and padding (which falls back to the original).
          const pool = ([size, stride, pad]: [number, number, 'valid' | 'same']) =>
            Array.from(
              tf
                .grad((xx: Tensor) => {
                  const y = tf.maxPool(xx as Tensor4D, size, stride, pad);
                  return y.mul(tf.range(1, 1 + y.size).reshape(y.shape)).sum();
                })(tf.tensor4d(values(2 * 8 * 7 * 3, 5 + k), [2, 8, 7, 3]))
                .dataSync(),
            );
          const pooled = (
            [
              [2, 2, 'valid'],
              [3, 1, 'valid'],
              [2, 1, 'valid'],
              [3, 2, 'valid'],
              [2, 2, 'same'],
            ] as const
          ).flatMap((c) => pool([...c]));
          return [gx!.dataSync(), gw!.dataSync(), pooled] as const;
        });
      const [ox, ow, op] = withKernels('original', run);
      const [fx, fw, fp] = withKernels('fast', run);
      expect(relGap(fx, ox)).toBeLessThanOrEqual(1e-5);
      expect(relGap(fw, ow)).toBeLessThanOrEqual(1e-5);
      expect(fp).toEqual(op);
      expect(Math.max(...Array.from(ow, Math.abs))).toBeGreaterThan(0);
    }
  });
});

describe('training with the fast kernels (wasm)', () => {
  const settings = { seed: 5 };
  const d = tl.miniatureData({ seed: settings.seed, pretrainPerClass: 12, trainSize: 64 });
  /** Pre-training (softmax) then from-scratch (binary) training, 4 batches each; per-batch losses and every weight after. */
  const train = async (kernels: 'original' | 'fast', lr = 0.03) => {
    const s = settings.seed;
    const seeds = tl.layerSeeds(s, 0);
    const backbone = tl.buildBackbone(layers, { size: tl.MINIATURE.size, seeds });
    const pre = tl.buildPretrainModel(layers, backbone, { classes: PRETRAIN_CLASSES.length, seeds });
    const scratch = tl.newTaskModel(layers, 'scratch', backbone, s);
    const restore = useFastWasmConvGrads(tf);
    if (kernels === 'original') restore();
    const losses: number[] = [];
    const onBatch = (p: tl.BatchProgress) => losses.push(p.loss);
    const fastKernels = kernels === 'fast';
    try {
      const base = { batchSize: tl.MINIATURE.batchSize, epochs: 1, onBatch, fastKernels };
      await tl.trainModel(tf, pre, tl.subset(d.pretrain, 4 * 32), {
        ...base,
        task: { kind: 'softmax', classes: PRETRAIN_CLASSES.length },
        lr: 0.01,
        seed: s + 11,
      });
      await tl.trainModel(tf, scratch, tl.subset(d.train, 64), { ...base, epochs: 2, task: { kind: 'binary' }, lr, seed: s + 12 });
      const weights = (m: Sequential) => m.weights.flatMap((w) => Array.from(w.read().dataSync()));
      return { losses, weights: [...weights(pre), ...weights(scratch)] };
    } finally {
      useFastWasmConvGrads(tf)();
      tl.disposeModels(pre);
      tl.disposeModels(scratch);
    }
  };

  it(`takes the same steps as the replaced kernels: per-batch losses and weights within ${TOL} relative; a 1 % different rate does not`, async () => {
    const before = tf.memory().numTensors;
    const original = await train('original');
    const fast = await train('fast');
    const other = await train('fast', 0.0303);
    expect(tf.memory().numTensors).toBe(before);
    expect(original.losses).toHaveLength(8);
    const lossGaps = fast.losses.map((l, i) => Math.abs(l - original.losses[i]!) / Math.abs(original.losses[i]!));
    const weightGap = relGap(fast.weights, original.weights);
    console.info(`fast vs original kernels (wasm): max loss gap ${Math.max(...lossGaps).toExponential(2)}, weight gap ${weightGap.toExponential(2)}`);
    expect(Math.max(...lossGaps)).toBeLessThanOrEqual(TOL);
    expect(weightGap).toBeLessThanOrEqual(TOL);
    // The test can tell: learning rate 0.0303 instead of 0.03 in the from-scratch phase.
    const otherGap = relGap(other.weights, original.weights);
    console.info(`lr 0.0303 vs 0.03: weight gap ${otherGap.toExponential(2)}`);
    expect(otherGap).toBeGreaterThan(10 * TOL);
  });

  it('changes nothing on the cpu backend (the fallback), which takes the same steps as wasm within the tolerance', async () => {
    const wasm = await train('fast');
    await tf.setBackend('cpu');
    try {
      const plain = await train('original');
      const flagged = await train('fast');
      expect(flagged).toEqual(plain);
      const lossGap = Math.max(...wasm.losses.map((l, i) => Math.abs(l - plain.losses[i]!) / Math.abs(plain.losses[i]!)));
      const weightGap = relGap(wasm.weights, plain.weights);
      console.info(`wasm (fast kernels) vs cpu: max loss gap ${lossGap.toExponential(2)}, weight gap ${weightGap.toExponential(2)}`);
      expect(lossGap).toBeLessThanOrEqual(TOL);
      expect(weightGap).toBeLessThanOrEqual(TOL);
    } finally {
      await tf.setBackend('wasm');
    }
  });
});
