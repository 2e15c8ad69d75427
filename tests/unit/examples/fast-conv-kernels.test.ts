import { beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import { conv2dFilterGradNHWC, useFastConvFilterGrad } from '../../../src/lib/examples/fast-conv-kernels.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { createRng } from '../../../src/lib/examples/random.ts';
import { expectAllClose, expectNoLeak } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number;
  pad: 'same' | 'valid';
}
const CASES: Case[] = [
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 4], strides: 1, pad: 'same' },
  { x: [3, 8, 8, 2], filter: [3, 3, 2, 5], strides: 2, pad: 'valid' },
  { x: [1, 9, 7, 1], filter: [5, 5, 1, 2], strides: 2, pad: 'same' },
  { x: [2, 6, 6, 4], filter: [2, 2, 4, 3], strides: 1, pad: 'same' },
];

const random = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** The filter gradient through the engine's current kernel. */
function kernelGrad(x: Tensor, dy: Tensor, c: Case): number[] {
  return tf.tidy(() =>
    Array.from(
      (
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter }) as Tensor
      ).dataSync(),
    ),
  );
}

describe('useFastConvFilterGrad', () => {
  it('gives the same filter gradients as TF.js’s own kernel (and its conv2d autodiff)', async () => {
    const inputs = CASES.map((c, k) => {
      const x = tf.tensor4d(random(10 + k, size(c.x)), c.x);
      const outShape = tf.tidy(() => tf.conv2d(x, tf.zeros(c.filter) as Tensor4D, c.strides, c.pad).shape);
      const dy = tf.tensor(random(20 + k, size(outShape)), outShape);
      return { c, x, dy };
    });
    const before = inputs.map(({ c, x, dy }) => kernelGrad(x, dy, c));
    const { original } = useFastConvFilterGrad(tf);
    expect(typeof original).toBe('function');
    // Idempotent: a second call keeps the same original.
    expect(useFastConvFilterGrad(tf).original).toBe(original);
    await expectNoLeak(tf, () => {
      inputs.forEach(({ c, x, dy }, k) => {
        const after = kernelGrad(x, dy, c);
        expectAllClose(after, before[k]!, 1e-4);
        // The same through autodiff of Σ conv2d(x, W)·dy with respect to W.
        const viaGrad = tf.tidy(() =>
          Array.from(
            tf
              .grad((w: Tensor) => tf.sum(tf.mul(tf.conv2d(x as Tensor4D, w as Tensor4D, c.strides, c.pad), dy)))(tf.zeros(c.filter))
              .dataSync(),
          ),
        );
        expectAllClose(viaGrad, before[k]!, 1e-4);
      });
    });
    tf.dispose(inputs.flatMap(({ x, dy }) => [x, dy]));
  });
});

describe('conv2dFilterGradNHWC', () => {
  it('matches the definition written as a direct sum', () => {
    const g = {
      batch: 2,
      inHeight: 5,
      inWidth: 4,
      inChannels: 2,
      outHeight: 5,
      outWidth: 4,
      outChannels: 3,
      filterHeight: 3,
      filterWidth: 3,
      strideHeight: 1,
      strideWidth: 1,
      padTop: 1,
      padLeft: 1,
    };
    const x = random(1, 2 * 5 * 4 * 2);
    const dy = random(2, 2 * 5 * 4 * 3);
    const out = conv2dFilterGradNHWC(x, dy, g);
    const at = (b: number, r: number, c: number, i: number) => (r < 0 || r >= 5 || c < 0 || c >= 4 ? 0 : x[((b * 5 + r) * 4 + c) * 2 + i]!);
    const ref: number[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++)
        for (let i = 0; i < 2; i++)
          for (let o = 0; o < 3; o++) {
            let s = 0;
            for (let b = 0; b < 2; b++)
              for (let y = 0; y < 5; y++) for (let xx = 0; xx < 4; xx++) s += at(b, y + r - 1, xx + c - 1, i) * dy[((b * 5 + y) * 4 + xx) * 3 + o]!;
            ref.push(s);
          }
    expectAllClose(Array.from(out), ref, 1e-5);
  });
});
