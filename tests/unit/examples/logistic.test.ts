import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleLogisticUpdateAsWritten,
  bceFromLogit,
  decisionBoundary,
  logisticForward,
  logisticGradient,
  logisticGradientTf,
  logisticUpdate,
  makeTwoClusters,
  trainLogisticPlain,
  trainLogisticTf,
} from '../../../src/lib/examples/logistic.ts';
import { createRng } from '../../../src/lib/examples/random.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { centralDiff, expectAllClose, expectNoLeak } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

// Article 003 §4.3: θ1 = 1, b = 0.5, x = (1, 0). θ2 is not given; it is irrelevant because x2 = 0.
const THETA = [1, 0];
const B = 0.5;
const X0 = [1, 0];

describe('the article 003 §4.3 example', () => {
  it('forward: ŷ = σ(1.5) = 0.8176 (the article says 0.77)', () => {
    // computed with numpy: 1/(1+np.exp(-1.5)) = 0.8175744761936437
    const { z, yHat } = logisticForward(THETA, B, X0);
    expect(z).toBe(1.5);
    expect(yHat).toBeCloseTo(0.8175744761936437, 15);
  });

  it('loss, gradient and one update with α = 0.1 for y = 1 and y = 0', () => {
    // computed with numpy (yh = σ(1.5)): L = -(y·log(yh) + (1-y)·log(1-yh)), g = (yh - y)·x1
    //   y=1: L = 0.2014132779827524, g = -0.18242552380635635, θ1 → 1.0182425523806355, b → 0.5182425523806357
    //   y=0: L = 1.7014132779827524, g =  0.8175744761936437,  θ1 → 0.9182425523806357, b → 0.4182425523806356
    const u1 = logisticUpdate(THETA, B, X0, 1, 0.1);
    expect(u1.gradient.loss).toBeCloseTo(0.2014132779827524, 14);
    expect(u1.gradient.dTheta[0]).toBeCloseTo(-0.18242552380635635, 14);
    expect(u1.gradient.dTheta[1]).toBeCloseTo(0, 15); // x2 = 0 (the value is −0)
    expect(u1.gradient.dB).toBeCloseTo(-0.18242552380635635, 14);
    expect(u1.theta[0]).toBeCloseTo(1.0182425523806355, 14);
    expect(u1.b).toBeCloseTo(0.5182425523806357, 14);
    const u0 = logisticUpdate(THETA, B, X0, 0, 0.1);
    expect(u0.gradient.loss).toBeCloseTo(1.7014132779827524, 14);
    expect(u0.gradient.dTheta[0]).toBeCloseTo(0.8175744761936437, 14);
    expect(u0.theta[0]).toBeCloseTo(0.9182425523806357, 14);
    expect(u0.b).toBeCloseTo(0.4182425523806356, 14);
  });

  it('the article update as written gives θ1 = 0.99728 whatever the label', () => {
    // computed with numpy: (1-yh)*yh*(1-yh) = 0.027208119642790095; 1 - 0.1*that = 0.997279188035721
    const a = articleLogisticUpdateAsWritten(1, 0.5, 0.1);
    expect(a.factor).toBeCloseTo(0.027208119642790095, 15);
    expect(a.theta1).toBeCloseTo(0.997279188035721, 15);
  });

  it('the analytic gradient matches tf.valueAndGrads of sigmoidCrossEntropy, without leaks', async () => {
    for (const y of [0, 1]) {
      const ours = logisticGradient(THETA, B, X0, y);
      const viaTf = await expectNoLeak(tf, () => logisticGradientTf(tf, THETA, B, X0, y));
      expect(Math.abs(viaTf.loss - ours.loss)).toBeLessThan(1e-6);
      expectAllClose(viaTf.dTheta, ours.dTheta, 1e-6);
      expect(Math.abs(viaTf.dB - ours.dB)).toBeLessThan(1e-6);
    }
  });
});

describe('logisticGradient', () => {
  it('matches finite differences and tf at random points', () => {
    const rng = createRng(3);
    for (let k = 0; k < 20; k++) {
      const theta = [rng.normal(0, 2), rng.normal(0, 2)];
      const b = rng.normal();
      const x = [rng.normal(0, 2), rng.normal(0, 2)];
      const y = k % 2;
      const g = logisticGradient(theta, b, x, y);
      const L = (t: number[], bb: number) => bceFromLogit(logisticForward(t, bb, x).z, y);
      expect(g.dTheta[0]).toBeCloseTo(
        centralDiff((v) => L([v, theta[1]!], b), theta[0]!),
        7,
      );
      expect(g.dTheta[1]).toBeCloseTo(
        centralDiff((v) => L([theta[0]!, v], b), theta[1]!),
        7,
      );
      expect(g.dB).toBeCloseTo(
        centralDiff((v) => L(theta, v), b),
        7,
      );
      const viaTf = logisticGradientTf(tf, theta, b, x, y);
      expectAllClose([...viaTf.dTheta, viaTf.dB], [...g.dTheta, g.dB], 1e-5);
    }
  });

  it('bceFromLogit equals the textbook formula and stays finite', () => {
    for (const z of [-5, -0.3, 0, 0.7, 4]) {
      const p = 1 / (1 + Math.exp(-z));
      expect(bceFromLogit(z, 1)).toBeCloseTo(-Math.log(p), 12);
      expect(bceFromLogit(z, 0)).toBeCloseTo(-Math.log(1 - p), 12);
    }
    expect(bceFromLogit(100, 0)).toBeCloseTo(100, 10);
    expect(bceFromLogit(-100, 1)).toBeCloseTo(100, 10);
    expect(bceFromLogit(100, 1)).toBeGreaterThanOrEqual(0);
  });
});

describe('training on two seeded clusters', () => {
  const data = makeTwoClusters({ nPerClass: 50, seed: 7 });

  it('data are reproducible', () => {
    expect(makeTwoClusters({ nPerClass: 50, seed: 7 })).toEqual(data);
    expect(makeTwoClusters({ nPerClass: 50, seed: 8 })).not.toEqual(data);
    expect(data.labels.filter((l) => l === 1)).toHaveLength(50);
  });

  it('trainLogisticTf gives the plain-JS numbers to 1e-4 and leaks nothing', async () => {
    const opts = { data, lr: 0.5, epochs: 200, seed: 3 };
    const plain = trainLogisticPlain(opts);
    const viaTf = await expectNoLeak(tf, () => trainLogisticTf(tf, opts));
    expectAllClose(viaTf.theta, plain.theta, 1e-4);
    expect(Math.abs(viaTf.b - plain.b)).toBeLessThan(1e-4);
    expectAllClose(viaTf.losses, plain.losses, 1e-4);
    expect(viaTf.accuracy).toBe(plain.accuracy);
    expect(plain.accuracy).toBeGreaterThan(0.9);
    expect(plain.losses.at(-1)!).toBeLessThan(plain.losses[0]!);
  });

  it('is deterministic for a seed', async () => {
    const opts = { data, lr: 0.5, epochs: 30, seed: 3 };
    expect(await trainLogisticTf(tf, opts)).toEqual(await trainLogisticTf(tf, opts));
    expect(trainLogisticPlain({ ...opts, seed: 4 }).theta).not.toEqual(trainLogisticPlain(opts).theta);
  });

  it('honours shouldStop', async () => {
    let n = 0;
    const r = await expectNoLeak(tf, () => trainLogisticTf(tf, { data, lr: 0.5, epochs: 500, seed: 3, onEpoch: () => n++, shouldStop: () => n >= 7 }));
    expect(r.stopped).toBe(true);
    expect(r.epochsRun).toBe(7);
    expect(r.losses).toHaveLength(7);
    const plain = trainLogisticPlain({ data, lr: 0.5, epochs: 7, seed: 3 });
    expectAllClose(r.theta, plain.theta, 1e-5);
  });
});

describe('decisionBoundary', () => {
  const box = { xMin: -3, xMax: 3, yMin: -2, yMax: 2 };
  const onLine = (theta: number[], b: number, p: [number, number]) => theta[0]! * p[0] + theta[1]! * p[1] + b;
  const inBox = ([x, y]: [number, number]) => x >= -3 - 1e-9 && x <= 3 + 1e-9 && y >= -2 - 1e-9 && y <= 2 + 1e-9;

  it('returns two distinct end points on the line and inside the box', () => {
    const rng = createRng(1);
    let drawn = 0;
    for (let k = 0; k < 200; k++) {
      const theta = [rng.normal(), rng.normal()];
      const b = rng.normal(0, 2);
      const seg = decisionBoundary(theta, b, box);
      if (!seg) continue;
      drawn++;
      for (const p of seg) {
        expect(Math.abs(onLine(theta, b, p))).toBeLessThan(1e-9);
        expect(inBox(p)).toBe(true);
      }
      expect(Math.hypot(seg[0][0] - seg[1][0], seg[0][1] - seg[1][1])).toBeGreaterThan(0);
    }
    expect(drawn).toBeGreaterThan(100);
  });

  it('handles vertical, horizontal, corner and missing lines', () => {
    expect(decisionBoundary([1, 0], -1, box)).toEqual([
      [1, -2],
      [1, 2],
    ]); // x = 1
    expect(decisionBoundary([0, 2], -2, box)).toEqual([
      [-3, 1],
      [3, 1],
    ]); // y = 1
    expect(decisionBoundary([1, 1], 0, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 })).toBeNull(); // touches one corner only
    expect(decisionBoundary([1, 0], -10, box)).toBeNull(); // x = 10 misses
    expect(decisionBoundary([0, 0], 1, box)).toBeNull();
    const diag = decisionBoundary([1, -1], 0, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }); // corner to corner
    expect(diag).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});
