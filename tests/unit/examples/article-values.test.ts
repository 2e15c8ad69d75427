/**
 * The numbers the article errata cite, computed by the example code itself (one place to look).
 * Each is also checked against an independent reference in the module's own test file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { articleCrossEntropy, binaryCrossEntropy, mse, sigmoid } from '../../../src/lib/examples/activations.ts';
import { article001Comparison, makeLinearData, parameterUpdate } from '../../../src/lib/examples/gradient-descent.ts';
import { gradientDescentPlain, leastSquares, ridge, trainLinearTf } from '../../../src/lib/examples/linear-regression.ts';
import { articleLogisticUpdateAsWritten, logisticUpdate } from '../../../src/lib/examples/logistic.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const round = (v: number, d = 4) => Number(v.toFixed(d));

describe('values cited by the errata', () => {
  it('article 000 §4.3–4.5: OLS, ridge, and the §5.2 script', async () => {
    const X = [2, 4, 6, 8];
    const Y = [4, 5, 7, 9];
    const ols = leastSquares(X, Y);
    expect([ols.b0, ols.b1, ols.mse, round(ols.rmse)].map((v) => round(v))).toEqual([2, 0.85, 0.075, 0.2739]);
    const r01 = ridge(X, Y, 0.1);
    const r1 = ridge(X, Y, 1);
    expect([r01.b0, r01.b1, r1.b0, r1.b1].map((v) => round(v))).toEqual([1.5738, 0.9195, 0.6325, 1.0602]);
    const gd = gradientDescentPlain(X, Y, { lr: 0.01, epochs: 1000 });
    expect([gd.b0, gd.b1].map((v) => round(v))).toEqual([1.9298, 0.8618]);
    const t = await trainLinearTf(tf, { x: X, y: Y, lr: 0.01, epochs: 1000 });
    expect([t.b0, t.b1].map((v) => round(v))).toEqual([1.9298, 0.8618]);
  });

  it('article 001 §4.1.1: the update as written diverges at α = 0.01', () => {
    const cmp = article001Comparison(makeLinearData({ seed: 1 }), { lr: 0.01, steps: 200 });
    expect(cmp.brokenDivergedAt).not.toBeNull();
  });

  it('article 003 §4.3 and 004 §4: σ, MSE, CE, the update', () => {
    expect(round(sigmoid(1.5))).toBe(0.8176);
    expect(round(sigmoid(2))).toBe(0.8808);
    expect(round(mse([3, 2, 5, 4, 6], [3.1, 1.9, 5.2, 4.1, 6.1]))).toBe(0.016);
    const bce = binaryCrossEntropy([1, 0, 1, 0, 1], [0.9, 0.2, 0.8, 0.1, 0.7]);
    expect([bce.sum, bce.mean].map((v) => round(v))).toEqual([1.0137, 0.2027]);
    expect(round(articleCrossEntropy([1, 0, 1, 0, 1], [0.9, 0.2, 0.8, 0.1, 0.7]))).toBe(0.6852);
    expect(parameterUpdate([1, 2, 3], [0.1, 0.2, 0.3], 0.05).map((v) => round(v, 6))).toEqual([0.995, 1.99, 2.985]);
    const y1 = logisticUpdate([1, 0], 0.5, [1, 0], 1, 0.1);
    const y0 = logisticUpdate([1, 0], 0.5, [1, 0], 0, 0.1);
    expect([y1.gradient.loss, y1.gradient.dTheta[0]!, y1.theta[0]!, y1.b].map((v) => round(v))).toEqual([0.2014, -0.1824, 1.0182, 0.5182]);
    expect([y0.gradient.loss, y0.gradient.dTheta[0]!, y0.theta[0]!, y0.b].map((v) => round(v))).toEqual([1.7014, 0.8176, 0.9182, 0.4182]);
    expect(round(articleLogisticUpdateAsWritten(1, 0.5, 0.1).theta1, 5)).toBe(0.99728);
  });
});
