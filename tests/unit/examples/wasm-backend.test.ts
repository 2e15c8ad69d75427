// The browser examples run on TF.js's WebAssembly backend where it starts, on 'cpu' otherwise.
// Both do float32 arithmetic but sum in different orders, so the same seeded training must give the
// same losses within a small tolerance, and the wasm filter gradient (ours) must equal cpu's.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tensor4D } from '@tensorflow/tfjs-core';
import { loadPackageDigits } from '../../../src/lib/examples/digits-file.ts';
import { buildDigitData, type DigitData } from '../../../src/lib/examples/digits.ts';
import { trainDigits } from '../../../src/lib/examples/digits-model.ts';
import { createRng } from '../../../src/lib/examples/random.ts';
import { makePretrainSet } from '../../../src/lib/examples/shapes.ts';
import { layers, loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { disposeParams, initParams, sampleBatch, trainStep } from '../../../src/lib/examples/tiny-transformer.ts';
import { buildBackbone, buildPretrainModel, disposeModels, layerSeeds, trainModel } from '../../../src/lib/examples/transfer.ts';

/** Relative tolerance between the backends' losses: float32 with other summation orders. */
const TOLERANCE = 1e-3;

let tf: Tf;
let digits: DigitData;
beforeAll(async () => {
  tf = await loadTf();
  const perClass = await loadPackageDigits();
  digits = buildDigitData(perClass, { seed: 1, testPerClass: 5, trainPerClass: 20 });
});
afterEach(async () => {
  await tf.setBackend('cpu');
});

/** Runs `work` on each backend and returns its results, cpu first. */
async function onBoth<T>(work: () => Promise<T> | T): Promise<{ cpu: T; wasm: T }> {
  await tf.setBackend('cpu');
  const cpu = await work();
  expect(await tf.setBackend('wasm')).toBe(true);
  const wasm = await work();
  return { cpu, wasm };
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(expected[i]!))));
}

describe('wasm backend', () => {
  it('starts in Node and has every kernel the examples use (the filter gradient is ours)', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('computes the convolution filter gradient like cpu (whose kernel fast-conv-kernels.test.ts checks against the original)', async () => {
    // Strides, padding and filter sizes that move the patches' edges (the wasm kernel gathers them).
    const geometries: { x: [number, number, number, number]; filter: [number, number, number, number]; strides: number; pad: 'same' | 'valid' }[] = [
      { x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: 2, pad: 'same' },
      { x: [3, 8, 8, 2], filter: [3, 3, 2, 5], strides: 2, pad: 'valid' },
      { x: [1, 9, 7, 1], filter: [5, 5, 1, 2], strides: 1, pad: 'same' },
      { x: [2, 6, 5, 4], filter: [2, 2, 4, 3], strides: 1, pad: 'valid' },
    ];
    for (const [k, c] of geometries.entries()) {
      const rng = createRng(5 + k);
      const x = Array.from({ length: c.x.reduce((a, b) => a * b, 1) }, () => rng.next() - 0.5);
      const grads = await onBoth(() =>
        tf.tidy(() => {
          const input = tf.tensor4d(x, c.x);
          const conv = (filter: Tensor4D) => tf.conv2d(input, filter, c.strides, c.pad);
          const upstream = tf.randomNormal(conv(tf.zeros(c.filter)).shape, 0, 1, 'float32', 9 + k);
          const filterGrad = tf.grad((filter) => tf.sum(tf.mul(conv(filter as Tensor4D), upstream)));
          return Array.from(filterGrad(tf.zeros(c.filter)).dataSync());
        }),
      );
      expect(grads.cpu.some((g) => g !== 0)).toBe(true);
      expectClose(grads.wasm, grads.cpu);
    }
  });

  it('multiplies with transposed operands like cpu, batched or not (the wasm kernel transposes them first)', async () => {
    for (const [k, [aShape, bShape, transposeA, transposeB]] of (
      [
        [[5, 3], [5, 4], true, false],
        [[3, 5], [4, 5], false, true],
        [[2, 6, 3], [2, 4, 6], true, true],
        [[3, 2, 5], [3, 4, 5], false, true],
      ] as const
    ).entries()) {
      const rng = createRng(30 + k);
      const values = (shape: readonly number[]) => Array.from({ length: shape.reduce((p, q) => p * q, 1) }, () => rng.next() - 0.5);
      const [a, b] = [values(aShape), values(bShape)];
      const products = await onBoth(() =>
        tf.tidy(() => Array.from(tf.matMul(tf.tensor(a, [...aShape]), tf.tensor(b, [...bShape]), transposeA, transposeB).dataSync())),
      );
      expect(products.cpu.some((v) => v !== 0)).toBe(true);
      expectClose(products.wasm, products.cpu);
    }
  });

  it('trains the digit model (dense layers) to the same losses as cpu', async () => {
    const losses = await onBoth(async () => {
      const { model, log } = await trainDigits(tf, layers, digits, { epochs: 2, batchSize: 32, seed: 7 });
      model.dispose();
      return log.map((e) => e.loss);
    });
    expectClose(losses.wasm, losses.cpu);
  }, 60_000);

  it('pre-trains the transfer-learning backbone (convolutions) to the same losses as cpu', async () => {
    const set = makePretrainSet({ perClass: 6, size: 16, seed: 4 });
    const losses = await onBoth(async () => {
      const seeds = layerSeeds(3, 0);
      const backbone = buildBackbone(layers, { size: 16, seeds });
      const model = buildPretrainModel(layers, backbone, { classes: 10, seeds });
      const { epochLosses } = await trainModel(tf, model, set, { task: { kind: 'softmax', classes: 10 }, epochs: 2, batchSize: 16, lr: 0.01, seed: 1 });
      disposeModels(model);
      return epochLosses;
    });
    expectClose(losses.wasm, losses.cpu);
  }, 60_000);

  it('takes the same tiny-Transformer training steps as cpu', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => (i * 7) % 11);
    const losses = await onBoth(() => {
      const p = initParams(tf, { vocabSize: 11, contextLength: 8, dModel: 8, nHeads: 2, nLayers: 2, ffnHidden: 16 }, 3);
      const optimizer = tf.train.adam(0.05);
      const out = Array.from({ length: 5 }, (_, k) => trainStep(tf, p, optimizer, sampleBatch(ids, 3, 6, createRng(k + 1))));
      optimizer.dispose();
      disposeParams(p);
      return out;
    });
    expectClose(losses.wasm, losses.cpu);
  }, 60_000);
});
