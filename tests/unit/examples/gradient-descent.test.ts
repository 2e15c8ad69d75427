import { describe, expect, it } from 'vitest';
import {
  article001BrokenUpdate,
  article001Comparison,
  article001CorrectedUpdate,
  batchGradient,
  gradientDescentPath,
  gradientDescentSteps,
  makeLinearData,
  mseOf,
  parameterUpdate,
} from '../../../src/lib/examples/gradient-descent.ts';
import { leastSquares } from '../../../src/lib/examples/linear-regression.ts';
import { centralDiff, expectAllClose } from './helpers.ts';

const data = makeLinearData({ n: 100, seed: 1 });
const ols = leastSquares(data.x, data.y);

describe('makeLinearData', () => {
  it('is reproducible and follows y = 1 + 2x + ε', () => {
    expect(makeLinearData({ n: 100, seed: 1 })).toEqual(data);
    expect(makeLinearData({ n: 100, seed: 2 })).not.toEqual(data);
    expect(data.x.every((v) => v >= 0 && v < 2)).toBe(true);
    // With 100 points and noise sd 0.5 the OLS estimates are within a few standard errors (~0.1–0.2).
    expect(Math.abs(ols.b0 - 1)).toBeLessThan(0.35);
    expect(Math.abs(ols.b1 - 2)).toBeLessThan(0.3);
  });
});

describe('parameterUpdate (article 004 §4.3)', () => {
  it('computes [1, 2, 3] − 0.05·[0.1, 0.2, 0.3]', () => {
    // computed with numpy: np.array([1,2,3.]) - 0.05*np.array([.1,.2,.3]) → [0.995, 1.99, 2.985]
    expectAllClose(parameterUpdate([1, 2, 3], [0.1, 0.2, 0.3], 0.05), [0.995, 1.99, 2.985], 1e-15);
  });
  it('rejects mismatched lengths', () => {
    expect(() => parameterUpdate([1, 2], [1], 0.1)).toThrow(RangeError);
  });
});

describe('batchGradient', () => {
  it('is the gradient of J = (1/2m) Σ r² (finite differences)', () => {
    const idx = [3, 7, 11, 42, 99];
    const J = (b0: number, b1: number) => {
      let s = 0;
      for (const i of idx) s += (data.y[i]! - b0 - b1 * data.x[i]!) ** 2;
      return s / (2 * idx.length);
    };
    const [g0, g1] = batchGradient(0.3, -0.7, data, idx);
    expect(g0).toBeCloseTo(
      centralDiff((t) => J(t, -0.7), 0.3),
      7,
    );
    expect(g1).toBeCloseTo(
      centralDiff((t) => J(0.3, t), -0.7),
      7,
    );
  });
});

describe('gradientDescentSteps: batch vs mini-batch vs stochastic', () => {
  it('makes 1, ⌈n/B⌉ and n updates per epoch and visits every point once per epoch', () => {
    const count = (mode: 'batch' | 'mini-batch' | 'stochastic', batchSize?: number) =>
      gradientDescentPath(data, { mode, lr: 0.1, epochs: 3, batchSize, seed: 4 });
    expect(count('batch')).toHaveLength(3);
    const mb = count('mini-batch', 32);
    expect(mb).toHaveLength(12);
    expect(mb.slice(0, 4).map((s) => s.indices.length)).toEqual([32, 32, 32, 4]);
    for (let e = 0; e < 3; e++) {
      const seen = mb
        .filter((s) => s.epoch === e)
        .flatMap((s) => s.indices)
        .sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    }
    expect(count('stochastic')).toHaveLength(300);
    expect(mb.map((s) => s.update)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('stochastic = mini-batch of size 1, and mini-batch of size n = batch', () => {
    const sgd = gradientDescentPath(data, { mode: 'stochastic', lr: 0.05, epochs: 2, seed: 9 });
    const mb1 = gradientDescentPath(data, { mode: 'mini-batch', batchSize: 1, lr: 0.05, epochs: 2, seed: 9 });
    expect(mb1).toEqual(sgd);
    const bgd = gradientDescentPath(data, { mode: 'batch', lr: 0.5, epochs: 20 });
    const mbn = gradientDescentPath(data, { mode: 'mini-batch', batchSize: 100, lr: 0.5, epochs: 20, seed: 3 });
    expectAllClose(
      mbn.map((s) => s.b0),
      bgd.map((s) => s.b0),
      1e-12,
    ); // only the summation order differs
    expectAllClose(
      mbn.map((s) => s.b1),
      bgd.map((s) => s.b1),
      1e-12,
    );
  });

  it('each step applies θ ← θ − lr·gradient of the batch', () => {
    const it = gradientDescentSteps(data, { mode: 'mini-batch', batchSize: 10, lr: 0.2, epochs: 1, seed: 5 });
    let prev = { b0: 0, b1: 0 };
    for (const s of it) {
      const g = batchGradient(prev.b0, prev.b1, data, s.indices);
      expect(s.gradient).toEqual(g);
      expect(s.b0).toBeCloseTo(prev.b0 - 0.2 * g[0], 14);
      expect(s.b1).toBeCloseTo(prev.b1 - 0.2 * g[1], 14);
      expect(s.mse).toBeCloseTo(mseOf(s.b0, s.b1, data), 14);
      prev = s;
    }
  });

  it('all three approach the closed-form OLS solution', () => {
    const final = (mode: 'batch' | 'mini-batch' | 'stochastic', lr: number, epochs: number) =>
      gradientDescentPath(data, { mode, lr, epochs, batchSize: 10, seed: 2 }).at(-1)!;
    const b = final('batch', 0.5, 500);
    expect(b.b0).toBeCloseTo(ols.b0, 6);
    expect(b.b1).toBeCloseTo(ols.b1, 6);
    // Constant-step mini-batch/SGD hover around the optimum: compare the MSE instead.
    expect(final('mini-batch', 0.1, 100).mse).toBeLessThan(ols.mse * 1.03);
    expect(final('stochastic', 0.01, 100).mse).toBeLessThan(ols.mse * 1.03);
  });

  it('is deterministic for a seed and depends on it', () => {
    const a = gradientDescentPath(data, { mode: 'stochastic', lr: 0.05, epochs: 1, seed: 11 });
    expect(gradientDescentPath(data, { mode: 'stochastic', lr: 0.05, epochs: 1, seed: 11 })).toEqual(a);
    expect(gradientDescentPath(data, { mode: 'stochastic', lr: 0.05, epochs: 1, seed: 12 })).not.toEqual(a);
  });
});

describe('article 001 §4.1.1: the update as written vs corrected', () => {
  it('hand-checked single steps', () => {
    // x = [1, 2], y = [3, 5], from (0, 0), α = 0.01: residuals 3, 5 → mean r = 4, mean r² = 17, mean r·x = 6.5
    const tiny = { x: [1, 2], y: [3, 5] };
    const [bb0, bb1] = article001BrokenUpdate(0, 0, tiny, 0.01);
    expect(bb0).toBeCloseTo(-0.04, 15); // 0 − 0.01·4
    expect(bb1).toBeCloseTo(-0.17, 15); // 0 − 0.01·17
    const [cb0, cb1] = article001CorrectedUpdate(0, 0, tiny, 0.01);
    expect(cb0).toBeCloseTo(0.04, 15); // 0 + 0.01·4
    expect(cb1).toBeCloseTo(0.065, 15); // 0 + 0.01·6.5
  });

  it('the broken rule diverges; the corrected one converges to OLS', () => {
    const cmp = article001Comparison(data, { lr: 0.01, steps: 5000 });
    expect(cmp.brokenDivergedAt).not.toBeNull();
    expect(cmp.brokenDivergedAt!).toBeLessThanOrEqual(50);
    expect(cmp.broken).toHaveLength(cmp.brokenDivergedAt! + 1);
    const mses = cmp.corrected.map((p) => p.mse);
    expect(mses.every((m, i) => i === 0 || m <= mses[i - 1]! + 1e-12)).toBe(true);
    const last = cmp.corrected.at(-1)!;
    expect(last.b0).toBeCloseTo(ols.b0, 2);
    expect(last.b1).toBeCloseTo(ols.b1, 2);
  });
});
