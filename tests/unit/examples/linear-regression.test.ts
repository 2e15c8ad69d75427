import { beforeAll, describe, expect, it } from 'vitest';
import { gradientDescentPlain, leastSquares, linearMse, ridge, trainLinearTf } from '../../../src/lib/examples/linear-regression.ts';
import { makeLinearData } from '../../../src/lib/examples/gradient-descent.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { centralDiff, expectAllClose, expectNoLeak } from './helpers.ts';

// Article 000 §4.3 data set.
const X = [2, 4, 6, 8];
const Y = [4, 5, 7, 9];

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

describe('leastSquares (article 000 §4.2–4.4)', () => {
  it('matches numpy on the article data', () => {
    // computed with numpy: np.linalg.lstsq(np.c_[np.ones(4), X], Y) → [2.0, 0.85];
    // residual mean square 0.07500000000000008, sqrt 0.2738612787525832, fitted [3.7, 5.4, 7.1, 8.8]
    const fit = leastSquares(X, Y);
    expect(fit.b0).toBeCloseTo(2.0, 12);
    expect(fit.b1).toBeCloseTo(0.85, 12);
    expect(fit.mse).toBeCloseTo(0.075, 12);
    expect(fit.rmse).toBeCloseTo(0.2738612787525832, 12);
    expectAllClose(fit.predictions, [3.7, 5.4, 7.1, 8.8], 1e-12);
  });

  it('agrees with the normal equations solved by Cramer (ridge with λ = 0) on seeded data', () => {
    for (const seed of [1, 2, 3]) {
      const { x, y } = makeLinearData({ n: 37, seed, noiseSd: 1 });
      const a = leastSquares(x, y);
      const b = ridge(x, y, 0);
      expect(a.b0).toBeCloseTo(b.b0, 9);
      expect(a.b1).toBeCloseTo(b.b1, 9);
    }
  });

  it('is a stationary point of the MSE (finite differences)', () => {
    const { b0, b1 } = leastSquares(X, Y);
    expect(Math.abs(centralDiff((t) => linearMse(t, b1, X, Y), b0))).toBeLessThan(1e-8);
    expect(Math.abs(centralDiff((t) => linearMse(b0, t, X, Y), b1))).toBeLessThan(1e-8);
  });

  it('rejects degenerate input', () => {
    expect(() => leastSquares([1, 2], [1])).toThrow(RangeError);
    expect(() => leastSquares([3, 3, 3], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('ridge (article 000 §4.5, objective MSE + λ·½(β0² + β1²))', () => {
  it('matches numpy (augmented least squares, an independent formulation)', () => {
    // computed with numpy: J = (1/n)(‖Y − Aβ‖² + (nλ/2)‖Dβ‖²) is solved as lstsq of A stacked on √(nλ/2)·D:
    //   intercept penalised:     λ=0.1 → [1.57382678, 0.91949638]   λ=1 → [0.63253012, 1.06024096]
    //   intercept not penalised: λ=0.1 → [2.04207921, 0.84158416]   λ=1 → [2.38636364, 0.77272727]
    //   MSE (penalised): λ=0.1 → 0.10534105785149503, λ=1 → 0.3960299027435049
    //   objective (penalised): λ=0.1 → 0.2714612743227776, λ=1 → 1.158132530120482
    const r01 = ridge(X, Y, 0.1);
    expect(r01.b0).toBeCloseTo(1.57382678, 7);
    expect(r01.b1).toBeCloseTo(0.91949638, 7);
    expect(r01.mse).toBeCloseTo(0.10534105785149503, 10);
    expect(r01.objective).toBeCloseTo(0.2714612743227776, 10);
    const r1 = ridge(X, Y, 1);
    expect(r1.b0).toBeCloseTo(0.63253012, 7);
    expect(r1.b1).toBeCloseTo(1.06024096, 7);
    expect(r1.mse).toBeCloseTo(0.3960299027435049, 10);
    expect(r1.objective).toBeCloseTo(1.158132530120482, 10);
    const n01 = ridge(X, Y, 0.1, { penalizeIntercept: false });
    expect(n01.b0).toBeCloseTo(2.04207921, 7);
    expect(n01.b1).toBeCloseTo(0.84158416, 7);
    const n1 = ridge(X, Y, 1, { penalizeIntercept: false });
    expect(n1.b0).toBeCloseTo(2.38636364, 7);
    expect(n1.b1).toBeCloseTo(0.77272727, 7);
  });

  it('zeroes the gradient of the stated objective (finite differences)', () => {
    for (const penalizeIntercept of [true, false]) {
      for (const lambda of [0.1, 1, 5]) {
        const { b0, b1 } = ridge(X, Y, lambda, { penalizeIntercept });
        const J = (c0: number, c1: number) => linearMse(c0, c1, X, Y) + (lambda / 2) * ((penalizeIntercept ? c0 * c0 : 0) + c1 * c1);
        expect(Math.abs(centralDiff((t) => J(t, b1), b0))).toBeLessThan(1e-7);
        expect(Math.abs(centralDiff((t) => J(b0, t), b1))).toBeLessThan(1e-7);
      }
    }
  });
});

describe('gradientDescentPlain (article 000 §4.2 / §5.2 script)', () => {
  it('reproduces the TF 1.x script: 1000 steps, lr 0.01, from (0, 0)', () => {
    // computed with numpy (float64 loop of the same update):
    //   b0 = 1.9298039981891915, b1 = 0.8617629075826199; loss before step 0/100/900 = 42.75 / 0.3592007000959351 /
    //   0.07657274550875307; MSE after step 1000 = 0.07582136769444113
    const r = gradientDescentPlain(X, Y, { lr: 0.01, epochs: 1000 });
    expect(r.b0).toBeCloseTo(1.9298039981891915, 12);
    expect(r.b1).toBeCloseTo(0.8617629075826199, 12);
    expect(r.losses).toHaveLength(1000);
    expect(r.losses[0]).toBeCloseTo(42.75, 12);
    expect(r.losses[100]).toBeCloseTo(0.3592007000959351, 12);
    expect(r.losses[900]).toBeCloseTo(0.07657274550875307, 12);
    expect(r.mse).toBeCloseTo(0.07582136769444113, 12);
    expect(r.finalLoss).toBe(r.mse);
  });

  it('converges to the closed forms (OLS and both ridge variants)', () => {
    const ols = leastSquares(X, Y);
    const gd = gradientDescentPlain(X, Y, { lr: 0.03, epochs: 5000 });
    expect(gd.b0).toBeCloseTo(ols.b0, 6);
    expect(gd.b1).toBeCloseTo(ols.b1, 6);
    for (const penalizeIntercept of [true, false]) {
      const closed = ridge(X, Y, 0.1, { penalizeIntercept });
      const r = gradientDescentPlain(X, Y, { lr: 0.02, epochs: 20000, ridgeLambda: 0.1, penalizeIntercept });
      expect(r.b0).toBeCloseTo(closed.b0, 6);
      expect(r.b1).toBeCloseTo(closed.b1, 6);
      expect(r.finalLoss).toBeCloseTo(closed.objective, 9);
    }
  });

  it('diverges above the stability limit lr = 2/λmax ≈ 0.0324', () => {
    // Hessian of the MSE = (2/n)AᵀA = [[2, 10], [10, 60]], λmax = 31 + √941 ≈ 61.68.
    const r = gradientDescentPlain(X, Y, { lr: 0.035, epochs: 500 });
    expect(r.losses.at(-1)!).toBeGreaterThan(r.losses[0]!);
  });
});

describe('trainLinearTf (P000: tf.variable + tf.train.sgd)', () => {
  it('gives the plain-JS numbers to 1e-4 (same lr/epochs), with and without ridge', async () => {
    for (const opts of [
      { lr: 0.01, epochs: 1000 },
      { lr: 0.01, epochs: 1000, ridgeLambda: 0.1 },
      { lr: 0.01, epochs: 300, ridgeLambda: 1, penalizeIntercept: false },
    ]) {
      const plain = gradientDescentPlain(X, Y, opts);
      const t = await expectNoLeak(tf, () => trainLinearTf(tf, { x: X, y: Y, ...opts }));
      expect(Math.abs(t.b0 - plain.b0)).toBeLessThan(1e-4);
      expect(Math.abs(t.b1 - plain.b1)).toBeLessThan(1e-4);
      expectAllClose(t.losses, plain.losses, 1e-4);
      expect(Math.abs(t.mse - plain.mse)).toBeLessThan(1e-4);
      expect(t.stopped).toBe(false);
      expect(t.epochsRun).toBe(opts.epochs);
    }
  });

  it('reports the P000 values of the seed guide (float32)', async () => {
    // seed guide §4.2 P000 (tfjs 4.22): β0 = 1.9298, β1 = 0.8618, predictions [3.653, 5.377, 7.100, 8.824]
    const t = await trainLinearTf(tf, { x: X, y: Y, lr: 0.01, epochs: 1000 });
    expect(t.b0).toBeCloseTo(1.9298, 4);
    expect(t.b1).toBeCloseTo(0.8618, 4);
    expectAllClose(t.predictions, [3.653, 5.377, 7.1, 8.824], 5e-4);
  });

  it('is deterministic', async () => {
    const a = await trainLinearTf(tf, { x: X, y: Y, lr: 0.01, epochs: 200 });
    const b = await trainLinearTf(tf, { x: X, y: Y, lr: 0.01, epochs: 200 });
    expect(b).toEqual(a);
  });

  it('honours shouldStop with a partial result and leaks nothing', async () => {
    const seen: number[] = [];
    const r = await expectNoLeak(tf, () =>
      trainLinearTf(tf, {
        x: X,
        y: Y,
        lr: 0.01,
        epochs: 1000,
        onEpoch: (s) => seen.push(s.epoch),
        shouldStop: () => seen.length >= 10,
      }),
    );
    expect(r.stopped).toBe(true);
    expect(r.epochsRun).toBe(10);
    expect(r.losses).toHaveLength(10);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const plain = gradientDescentPlain(X, Y, { lr: 0.01, epochs: 10 });
    expect(Math.abs(r.b0 - plain.b0)).toBeLessThan(1e-5);
    expect(Math.abs(r.b1 - plain.b1)).toBeLessThan(1e-5);
  });

  it('yields every `yieldEvery` epochs and can be paused through yieldFn', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let paused = true;
    let epochs = 0;
    let yields = 0;
    const run = trainLinearTf(tf, {
      x: X,
      y: Y,
      lr: 0.01,
      epochs: 100,
      yieldEvery: 10,
      yieldFn: () => {
        yields++;
        return paused ? gate : Promise.resolve();
      },
      onEpoch: () => epochs++,
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(epochs).toBe(10); // paused at the first chunk boundary
    paused = false;
    release();
    const r = await run;
    expect(epochs).toBe(100);
    expect(yields).toBe(9); // after epochs 10, 20, …, 90 (not after the last one)
    expect(r.epochsRun).toBe(100);
  });

  it('disposes everything when a callback throws', async () => {
    const before = tf.memory().numTensors;
    await expect(
      trainLinearTf(tf, {
        x: X,
        y: Y,
        lr: 0.01,
        epochs: 50,
        onEpoch: (s) => {
          if (s.epoch === 3) throw new Error('boom');
        },
      }),
    ).rejects.toThrow('boom');
    expect(tf.memory().numTensors).toBe(before);
  });
});
