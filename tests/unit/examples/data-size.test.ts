// The training-set sizes of the data-size curves and the arithmetic of the digit model's run.
import { describe, expect, it } from 'vitest';
import { sizesOf } from '../../../src/lib/examples/data-size.ts';
import { articleParameterCount, digitsCurveSizes, trainingFlops } from '../../../src/lib/examples/digits-model.ts';

describe('sizesOf / digitsCurveSizes', () => {
  it('takes fractions of the full set, rounded, clamped and without duplicates', () => {
    expect(sizesOf(400, [32, 8, 2, 1], 8)).toEqual([13, 50, 200, 400]);
    expect(sizesOf(30, [32, 8, 2, 1], 8)).toEqual([8, 15, 30]);
    expect(sizesOf(5, [2, 1], 8)).toEqual([5]);
    expect(digitsCurveSizes(9000)).toEqual([300, 1000, 3000, 9000]);
    expect(digitsCurveSizes(100)).toEqual([20, 33, 100]);
  });
});

describe('trainingFlops (article 004 §5.2 at its settings: 9,000 digits, 5 epochs, batch 32, 1,000 test digits)', () => {
  const f = trainingFlops({ trainCount: 9000, epochs: 5, batchSize: 32, testCount: 1000 });
  it('counts the matrix products by hand', () => {
    // Forward: 2·(784·128 + 128·10) = 203,264 per image; 45,000 images.
    expect(f.forward).toBe(203_264 * 45_000);
    // Backward: the weight gradients (203,264) and the second layer's input gradient (2·128·10).
    expect(f.backward).toBe((203_264 + 2_560) * 45_000);
    // Adam: 12 per parameter per step; 282 steps an epoch (⌈9000 / 32⌉).
    expect(articleParameterCount()).toBe(101_770);
    expect(f.adam).toBe(12 * 101_770 * 282 * 5);
    expect(f.evaluate).toBe(203_264 * 1000 * 5);
    expect(f.total).toBe(f.forward + f.backward + f.adam + f.evaluate);
  });
  it('is about 21 GFLOP, below the 6·N·D rule of thumb (27.5 GFLOP), which also counts the first layer’s input gradient', () => {
    expect(f.sixND).toBe(6 * 101_770 * 45_000);
    expect(f.sixND / 1e9).toBeCloseTo(27.5, 1);
    expect(f.total / 1e9).toBeCloseTo(21.1, 1);
    expect(f.total).toBeLessThan(f.sixND);
  });
});
