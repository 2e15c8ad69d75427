import { beforeAll, describe, expect, it } from 'vitest';
import {
  createMlpSession,
  createMlpTrainer,
  flattenLayers,
  initMlp,
  makeTwoMoons,
  mlpBatchGradients,
  mlpEvaluate,
  mlpForward,
  mlpGradientCheckTf,
  predictGrid,
  XOR_DATA,
  type HiddenActivation,
  type MlpData,
  type MlpParams,
  type MlpUpdate,
} from '../../../src/lib/examples/mlp.ts';
import { play } from '../../../src/lib/examples/session.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { expectAllClose, expectNoLeak } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const moons = makeTwoMoons({ n: 200, noise: 0.1, seed: 5 });

/** Gradients by central finite differences of the batch loss, in the order of flattenLayers. */
function finiteDifferenceGradients(params: MlpParams, data: MlpData, hidden: HiddenActivation, h = 1e-6): number[] {
  const out: number[] = [];
  const loss = (p: MlpParams) => mlpBatchGradients(p, data, hidden).loss;
  params.forEach((layer, l) => {
    const bump = (mutate: (p: MlpParams, d: number) => void) => {
      const plus = structuredClone(params);
      const minus = structuredClone(params);
      mutate(plus, h);
      mutate(minus, -h);
      return (loss(plus) - loss(minus)) / (2 * h);
    };
    layer.W.forEach((row, j) => row.forEach((_, k) => out.push(bump((p, d) => (p[l]!.W[j]![k]! += d)))));
    layer.b.forEach((_, j) => out.push(bump((p, d) => (p[l]!.b[j]! += d))));
  });
  return out;
}

describe('mlpForward (article 001 §3.2)', () => {
  it('stores a⁰ = x and matches a hand computation', () => {
    const params: MlpParams = [
      {
        W: [
          [1, -1],
          [0.5, 0.25],
        ],
        b: [0, -0.5],
      },
      { W: [[2, -3]], b: [0.1] },
    ];
    const x = [0.3, 0.8];
    const c = mlpForward(params, x, 'tanh');
    expect(c.activations).toHaveLength(3);
    expect(c.activations[0]).toEqual(x);
    const z1 = [0.3 - 0.8, 0.5 * 0.3 + 0.25 * 0.8 - 0.5];
    const a1 = z1.map(Math.tanh);
    const z2 = 2 * a1[0]! - 3 * a1[1]! + 0.1;
    expectAllClose(c.zs[0]!, z1, 1e-15);
    expectAllClose(c.activations[1]!, a1, 1e-15);
    expect(c.zs[1]![0]).toBeCloseTo(z2, 15);
    expect(c.activations[2]![0]).toBeCloseTo(1 / (1 + Math.exp(-z2)), 15);
  });
});

describe('manual back-propagation (article 001 §3.3)', () => {
  for (const hidden of ['tanh', 'sigmoid'] as const) {
    it(`matches finite differences (${hidden}, XOR and moons)`, () => {
      for (const [data, seed] of [
        [XOR_DATA, 1],
        [moons, 2],
      ] as const) {
        const params = initMlp(seed);
        const manual = flattenLayers(mlpBatchGradients(params, data, hidden).grads);
        const fd = finiteDifferenceGradients(params, data, hidden);
        expect(manual).toHaveLength(2 * 4 + 4 + 4 + 1);
        expectAllClose(manual, fd, 1e-7);
      }
    });

    it(`matches tf.variableGrads (${hidden}) with no leak`, async () => {
      for (const sizes of [
        [2, 4, 1],
        [2, 5, 3, 1],
      ]) {
        const params = initMlp(11, sizes);
        const check = await expectNoLeak(tf, () => mlpGradientCheckTf(tf, params, moons, hidden));
        expect(check.manual).toHaveLength(check.autodiff.length);
        expect(check.maxAbsDiff).toBeLessThan(1e-5);
        expect(Math.abs(check.lossManual - check.lossTf)).toBeLessThan(1e-5);
      }
    });
  }
});

describe('createMlpSession (one update per step)', () => {
  const options = { lr: 0.3, batchSize: 50, seed: 4, epochs: 3 };

  it('takes epochs × batches per epoch steps, each one update of the trainer, with metrics at epoch ends', () => {
    const session = createMlpSession({ data: moons, ...options });
    const trainer = createMlpTrainer({ data: moons, ...options });
    expect(session.updatesPerEpoch).toBe(4);
    expect(session.total).toBe(12);
    expect(session.initial).toEqual(trainer.params());
    const first = session.step() as MlpUpdate;
    expect(first.before).toEqual(trainer.params());
    const ref = trainer.step();
    expect(first.indices).toEqual(ref.indices);
    expect(first.params).toEqual(ref.params);
    expect(first.metrics).toBeUndefined();
    for (let k = 2; k <= 4; k++) {
      const u = session.step() as MlpUpdate;
      trainer.step();
      expect(u.metrics !== undefined).toBe(k === 4);
    }
    expect(session.done).toBe(4);
  });

  it('stepped part-way then played to the end equals one straight play', async () => {
    const straight = createMlpSession({ data: moons, ...options });
    await play(straight);
    const stepped = createMlpSession({ data: moons, ...options });
    for (let k = 0; k < 5; k++) stepped.step();
    const { stepsRun } = await play(stepped);
    expect(stepsRun).toBe(7);
    expect(stepped.trainer.params()).toEqual(straight.trainer.params());
    expect(stepped.trainer.evaluate()).toEqual(straight.trainer.evaluate());
  });
});

describe('createMlpTrainer (article 001 §3.4 loop)', () => {
  it('one step applies W ← W − lr·∂W of the first batch', () => {
    const trainer = createMlpTrainer({ data: XOR_DATA, lr: 0.5, seed: 3 });
    const before = trainer.params();
    const { grads } = mlpBatchGradients(before, XOR_DATA, 'tanh');
    const s = trainer.step();
    expect(s.indices).toEqual([0, 1, 2, 3]);
    expect(s.epochEnd).toBe(true);
    expectAllClose(
      flattenLayers(s.params),
      flattenLayers(before).map((p, i) => p - 0.5 * flattenLayers(grads)[i]!),
      1e-15,
    );
  });

  it('learns XOR (2-4-1, tanh, full batch)', () => {
    const trainer = createMlpTrainer({ data: XOR_DATA, lr: 0.5, seed: 1 });
    const start = trainer.evaluate();
    let last = start;
    for (let e = 0; e < 2000; e++) last = trainer.epoch();
    expect(last.accuracy).toBe(1);
    expect(last.loss).toBeLessThan(0.05);
    expect(last.loss).toBeLessThan(start.loss);
    expect(XOR_DATA.points.map((p) => (trainer.predict(p) >= 0.5 ? 1 : 0))).toEqual(XOR_DATA.labels);
  });

  it('steps batch by batch through an epoch of the moons', () => {
    const trainer = createMlpTrainer({ data: moons, lr: 0.3, batchSize: 32, seed: 4 });
    const steps = Array.from({ length: 7 }, () => trainer.step());
    expect(steps.map((s) => s.batch)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(steps.map((s) => s.indices.length)).toEqual([32, 32, 32, 32, 32, 32, 8]);
    expect(steps.map((s) => s.epochEnd)).toEqual([false, false, false, false, false, false, true]);
    expect(steps.flatMap((s) => s.indices).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(trainer.step().epoch).toBe(1);
    // Snapshots are copies.
    steps[0]!.params[0]!.W[0]![0] = 999;
    expect(trainer.params()[0]!.W[0]![0]).not.toBe(999);
  });

  it('separates the moons', () => {
    const trainer = createMlpTrainer({ data: moons, lr: 0.5, batchSize: 20, seed: 4 });
    let last = trainer.evaluate();
    for (let e = 0; e < 300; e++) last = trainer.epoch();
    expect(last.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(mlpEvaluate(trainer.params(), moons).accuracy).toBe(last.accuracy);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => {
      const t = createMlpTrainer({ data: moons, lr: 0.3, batchSize: 16, seed });
      return Array.from({ length: 30 }, () => t.step());
    };
    expect(run(8)).toEqual(run(8));
    expect(run(8)).not.toEqual(run(9));
    expect(makeTwoMoons({ seed: 5 })).toEqual(moons);
  });

  it('predictGrid has the requested shape and probabilities', () => {
    const g = predictGrid(initMlp(1), { xMin: -1, xMax: 2, yMin: -1, yMax: 1.5 }, 7);
    expect(g).toHaveLength(7);
    expect(g.every((row) => row.length === 7 && row.every((p) => p > 0 && p < 1))).toBe(true);
  });
});
