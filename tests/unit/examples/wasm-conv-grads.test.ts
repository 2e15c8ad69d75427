// The wasm backend's convolution input gradient and max-pooling gradient are ours
// (wasm-conv-grads.ts): they must give the sums of the kernels they replace, and of cpu's.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { KernelFn } from '../../../src/lib/examples/kernel-swap.ts';
import { createRng } from '../../../src/lib/examples/random.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { maxPoolGradNHWC, turnFilter, useFastWasmConvGrads } from '../../../src/lib/examples/wasm-conv-grads.ts';
import { expectAllClose, expectNoLeak } from './helpers.ts';

type Shape4 = [number, number, number, number];

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});
afterEach(async () => {
  await tf.setBackend('cpu');
});

const values = (seed: number, shape: readonly number[], relu = false) => {
  const rng = createRng(seed);
  // Rounded to halves so that windows hold ties (several equal maxima), and with relu many zeros.
  return Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => {
    const v = Math.round(rng.normal() * 4) / 2;
    return relu ? Math.max(0, v) : v;
  });
};

/** `work` on cpu, then on wasm. */
async function onBoth<T>(work: () => T): Promise<{ cpu: T; wasm: T }> {
  await tf.setBackend('cpu');
  const cpu = work();
  expect(await tf.setBackend('wasm')).toBe(true);
  return { cpu, wasm: work() };
}

/** Convolutions whose input gradient ours computes (stride 1, 'same', odd filters) and some it hands back. */
const CONVS: { x: Shape4; filter: Shape4; strides: number; pad: 'same' | 'valid' }[] = [
  { x: [3, 8, 8, 8], filter: [3, 3, 8, 16], strides: 1, pad: 'same' },
  { x: [2, 7, 5, 3], filter: [5, 3, 3, 4], strides: 1, pad: 'same' },
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 2], strides: 2, pad: 'same' },
  { x: [2, 6, 6, 2], filter: [2, 2, 2, 3], strides: 1, pad: 'same' },
  { x: [2, 6, 6, 2], filter: [3, 3, 2, 3], strides: 1, pad: 'valid' },
];

/** Poolings: the miniature's 2×2/2, overlapping windows (stride < size) and padded ones. */
const POOLS: { x: Shape4; size: number; strides: number; pad: 'same' | 'valid' }[] = [
  { x: [3, 16, 16, 8], size: 2, strides: 2, pad: 'valid' },
  { x: [2, 7, 7, 3], size: 3, strides: 1, pad: 'same' },
  { x: [2, 9, 6, 2], size: 3, strides: 2, pad: 'same' },
];

const inputGradOf = (c: (typeof CONVS)[number], k: number) =>
  tf.tidy(() => {
    const filter = tf.tensor4d(values(40 + k, c.filter), c.filter);
    const conv = (x: Tensor4D) => tf.conv2d(x, filter, c.strides, c.pad);
    const dy = tf.tensor(values(50 + k, conv(tf.zeros(c.x)).shape), conv(tf.zeros(c.x)).shape);
    return Array.from(
      tf
        .grad((x) => tf.sum(tf.mul(conv(x as Tensor4D), dy)))(tf.tensor4d(values(60 + k, c.x), c.x))
        .dataSync(),
    );
  });

const poolGradOf = (p: (typeof POOLS)[number], k: number) =>
  tf.tidy(() => {
    const pool = (x: Tensor4D) => tf.maxPool(x, p.size, p.strides, p.pad);
    // After a relu (many zero ties) and, for the second pooling, with negative values too.
    const x = tf.tensor4d(values(70 + k, p.x, k !== 1), p.x);
    const dy = tf.tensor(values(80 + k, pool(x).shape), pool(x).shape);
    return Array.from(
      tf
        .grad((v) => tf.sum(tf.mul(pool(v as Tensor4D), dy)))(x)
        .dataSync(),
    );
  });

/** A kernel's output on the current backend, called directly (the engine would pick the registered one). */
function direct(kernel: KernelFn, inputs: Record<string, Tensor>, attrs: Record<string, unknown>): number[] {
  const backend = tf.backend() as unknown as { readSync(id: object): ArrayLike<number>; disposeData(id: object): boolean };
  const out = kernel({ inputs, backend, attrs });
  const result = Array.from(backend.readSync(out.dataId));
  backend.disposeData(out.dataId);
  return result;
}

describe('useFastWasmConvGrads', () => {
  it('gives the sums of the wasm kernels it replaces (positive values without ties)', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const { inputGrad, poolGrad } = useFastWasmConvGrads(tf);
    const rng = createRng(3);
    const noise = (shape: readonly number[]) =>
      tf.tensor(
        Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()),
        [...shape],
      );
    for (const c of CONVS) {
      const outShape = tf.tidy(() => tf.conv2d(tf.zeros(c.x) as Tensor4D, tf.zeros(c.filter) as Tensor4D, c.strides, c.pad).shape);
      const inputs = { dy: noise(outShape), filter: noise(c.filter) };
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x };
      const ours = tf.tidy(() => Array.from((tf.engine().runKernel('Conv2DBackpropInput', inputs, attrs) as Tensor).dataSync()));
      expectAllClose(ours, direct(inputGrad!, inputs, attrs), 1e-4);
      tf.dispose(Object.values(inputs));
    }
    for (const p of POOLS) {
      // The replaced kernel drops the gradient of a window without a positive value; cpu and ours do not.
      const raw = noise(p.x);
      const input = tf.abs(raw);
      raw.dispose();
      const output = tf.maxPool(input as Tensor4D, p.size, p.strides, p.pad);
      const inputs = { dy: noise(output.shape), input, output };
      const attrs = { filterSize: p.size, strides: p.strides, pad: p.pad };
      const ours = tf.tidy(() => Array.from((tf.engine().runKernel('MaxPoolGrad', inputs, attrs) as Tensor).dataSync()));
      expectAllClose(ours, direct(poolGrad!, inputs, attrs), 1e-6);
      tf.dispose(Object.values(inputs));
    }
  });

  it('computes both gradients like cpu through autodiff, ties included, without leaking tensors', async () => {
    const grads = await onBoth(() => ({ input: CONVS.map(inputGradOf), pool: POOLS.map(poolGradOf) }));
    await expectNoLeak(tf, () => [CONVS.map(inputGradOf), POOLS.map(poolGradOf)]);
    for (const kind of ['input', 'pool'] as const)
      grads.cpu[kind].forEach((cpu, k) => {
        expect(cpu.some((v) => v !== 0)).toBe(true);
        expectAllClose(grads.wasm[kind][k]!, cpu, 1e-4);
      });
  });

  it('is idempotent: a second call keeps the kernels it first replaced', () => {
    const first = useFastWasmConvGrads(tf);
    expect(typeof first.inputGrad).toBe('function');
    expect(typeof first.poolGrad).toBe('function');
    const second = useFastWasmConvGrads(tf);
    expect(second.inputGrad).toBe(first.inputGrad);
    expect(second.poolGrad).toBe(first.poolGrad);
  });
});

describe('maxPoolGradNHWC', () => {
  it('sends each window’s gradient to its first maximum and adds where windows overlap', () => {
    // One 1×4 row, one channel, windows of 1×2 at stride 1: [3, 3], [3, 1], [1, 5].
    const dx = new Float32Array(4);
    const g = {
      batch: 1,
      inHeight: 1,
      inWidth: 4,
      inChannels: 1,
      outChannels: 1,
      outHeight: 1,
      outWidth: 3,
      filterHeight: 1,
      filterWidth: 2,
      strideHeight: 1,
      strideWidth: 1,
      padTop: 0,
      padLeft: 0,
    };
    maxPoolGradNHWC([3, 3, 1, 5], [10, 20, 30], g, dx);
    expect(Array.from(dx)).toEqual([10, 20, 0, 30]);
  });
});

describe('turnFilter', () => {
  it('turns a filter 180° and swaps its channel axes', () => {
    const shape: Shape4 = [2, 3, 2, 4];
    const filter = Array.from({ length: 48 }, (_, i) => i);
    const out = new Float32Array(48);
    turnFilter(filter, shape, out);
    const expected = tf.tidy(() => Array.from(tf.transpose(tf.reverse(tf.tensor4d(filter, shape), [0, 1]), [0, 1, 3, 2]).dataSync()));
    expect(Array.from(out)).toEqual(expected);
  });
});
