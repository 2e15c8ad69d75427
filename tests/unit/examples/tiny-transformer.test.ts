import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyMs } from '../../../src/lib/examples/session.ts';
import {
  causalMaskValues,
  createTransformerSession,
  disposeParams,
  embeddingLookup,
  evaluateLoss,
  evenlySpacedWindows,
  forward,
  generate,
  generateAsync,
  initParams,
  layerNorm,
  layerNormOps,
  lastLayerAttention,
  lossFn,
  meanOfLast,
  paramList,
  parameterCount,
  pickToken,
  sampleBatch,
  softmaxCrossEntropy,
  train,
  trainStep,
  transformerConfig,
  validateConfig,
  type TinyTransformerConfig,
  type TinyTransformerParams,
} from '../../../src/lib/examples/tiny-transformer.ts';
import { createRng } from '../../../src/lib/examples/random.ts';
import { play } from '../../../src/lib/examples/session.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { expectNoLeak } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const config: TinyTransformerConfig = { vocabSize: 11, contextLength: 8, dModel: 8, nHeads: 2, nLayers: 2, ffnHidden: 16 };
const ids2d = (rows: number[][]) => tf.tensor2d(rows, undefined, 'int32') as Tensor2D;
const tokens = [
  [1, 2, 3, 4, 5, 6, 7],
  [7, 6, 5, 4, 3, 2, 1],
  [0, 10, 0, 10, 0, 10, 0],
];

function withModel<T>(fn: (p: TinyTransformerParams) => T, seed = 3, cfg = config): T {
  const p = initParams(tf, cfg, seed);
  try {
    return fn(p);
  } finally {
    disposeParams(p);
  }
}

describe('configuration and parameters', () => {
  it('rejects a model width not divisible by the heads, and non-positive sizes', () => {
    expect(() => validateConfig({ ...config, dModel: 9 })).toThrow(/divisible/);
    expect(() => validateConfig({ ...config, nLayers: 0 })).toThrow(/nLayers/);
  });

  it('counts parameters: embeddings, per block 4d² + 2·d·f + f + d + 4d, final norm, output', () => {
    const { vocabSize: V, contextLength: T, dModel: d, ffnHidden: f, nLayers: L } = config;
    const expected = V * d + T * d + L * (4 * d * d + 2 * d * f + f + d + 4 * d) + 2 * d + d * V + V;
    withModel((p) => {
      expect(parameterCount(p)).toBe(expected);
      expect(paramList(p)).toHaveLength(2 + 12 * L + 4);
    });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const values = (seed: number) => withModel((p) => paramList(p).map((v) => Array.from(v.dataSync())), seed);
    expect(values(5)).toEqual(values(5));
    expect(values(6)).not.toEqual(values(5));
  });
});

describe('forward pass', () => {
  it('has logits [B, T, V] and per block attention [B, H, T, T]', async () => {
    await expectNoLeak(tf, () =>
      withModel((p) => {
        const input = ids2d(tokens);
        const { logits, attention } = forward(tf, p, input);
        expect(logits.shape).toEqual([3, 7, 11]);
        expect(attention).toHaveLength(2);
        for (const a of attention) expect(a.shape).toEqual([3, 2, 7, 7]);
        for (const t of [input, logits, ...attention]) t.dispose();
      }),
    );
  });

  it('gives exactly zero weight to future positions, and every attention row sums to 1', () => {
    withModel((p) => {
      const input = ids2d(tokens);
      const { logits, attention } = forward(tf, p, input);
      let future = 0;
      let maxRowError = 0;
      for (const a of attention) {
        const w = a.arraySync() as number[][][][];
        for (const batch of w)
          for (const head of batch)
            head.forEach((row, i) => {
              row.forEach((value, j) => {
                if (j > i) {
                  expect(value).toBe(0);
                  future++;
                } else expect(value).toBeGreaterThan(0);
              });
              maxRowError = Math.max(maxRowError, Math.abs(row.reduce((s, v) => s + v, 0) - 1));
            });
      }
      expect(future).toBe(2 * 3 * 2 * 21); // blocks · batch · heads · (7·6/2)
      expect(maxRowError).toBeLessThan(1e-6);
      for (const t of [input, logits, ...attention]) t.dispose();
    });
  });

  it('is causal: changing a later token leaves the logits at earlier positions unchanged', () => {
    withModel((p) => {
      const a = tf.tidy(() => forward(tf, p, ids2d([[1, 2, 3, 4, 5, 6]])).logits.arraySync() as number[][][]);
      const b = tf.tidy(() => forward(tf, p, ids2d([[1, 2, 3, 9, 9, 9]])).logits.arraySync() as number[][][]);
      for (let t = 0; t < 3; t++) expect(b[0]![t]).toEqual(a[0]![t]);
      expect(b[0]![3]).not.toEqual(a[0]![3]);
    });
  });

  it('the additive mask is −1e9 exactly above the diagonal', () => {
    expect(Array.from(causalMaskValues(3))).toEqual([0, -1e9, -1e9, 0, 0, -1e9, 0, 0, 0].map(Math.fround));
  });

  it('starts close to a uniform guess: the first loss is near ln V', () => {
    withModel((p) => {
      const loss = tf.tidy(() => lossFn(tf, p, ids2d(tokens.map((r) => r.slice(0, 6))), ids2d(tokens.map((r) => r.slice(1)))).dataSync()[0]!);
      expect(Math.abs(loss - Math.log(11))).toBeLessThan(0.1);
    });
  });

  it('rejects sequences longer than the context window', () => {
    withModel((p) => {
      const input = ids2d([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
      expect(() => forward(tf, p, input)).toThrow(/outside/);
      input.dispose();
    });
  });
});

describe('custom-gradient pieces agree with TF.js’s own ops', () => {
  it('softmaxCrossEntropy equals tf.losses.softmaxCrossEntropy, value and gradient', async () => {
    const rng = createRng(9);
    const N = 5;
    const V = 7;
    const logitsValues = Array.from({ length: N }, () => Array.from({ length: V }, () => rng.normal(0, 2)));
    const targets = [0, 6, 3, 3, 1];
    await expectNoLeak(tf, () => {
      const logits = tf.tensor2d(logitsValues);
      const ours = tf.valueAndGrad((x: Tensor) => softmaxCrossEntropy(tf, x as Tensor2D, targets))(logits);
      const ref = tf.valueAndGrad((x: Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(targets, 'int32'), V), x))(logits);
      expect(ours.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 5);
      const g1 = ours.grad.dataSync();
      const g2 = ref.grad.dataSync();
      for (let i = 0; i < g1.length; i++) expect(g1[i]).toBeCloseTo(g2[i]!, 6);
      tf.dispose([logits, ours.value, ours.grad, ref.value, ref.grad]);
    });
  });

  it('layerNorm equals the tf.moments version, value and gradients for x, gain and bias', async () => {
    const rng = createRng(4);
    const xValues = Array.from({ length: 2 * 3 * 5 }, () => rng.normal(0.5, 2));
    const gValues = Array.from({ length: 5 }, () => rng.normal(1, 0.3));
    const bValues = Array.from({ length: 5 }, () => rng.normal(0, 0.3));
    const wValues = Array.from({ length: 2 * 3 * 5 }, () => rng.normal());
    await expectNoLeak(tf, () => {
      const [x, g, bb, w] = [tf.tensor3d(xValues, [2, 3, 5]), tf.tensor1d(gValues), tf.tensor1d(bValues), tf.tensor3d(wValues, [2, 3, 5])];
      const ours = tf.grads((a: Tensor, b: Tensor, c: Tensor) => tf.sum(tf.mul(layerNorm(tf, a, b, c), w)));
      const ref = tf.grads((a: Tensor, b: Tensor, c: Tensor) => tf.sum(tf.mul(layerNormOps(tf, a, b, c), w)));
      const y1 = tf.tidy(() => layerNorm(tf, x, g, bb).dataSync());
      const y2 = tf.tidy(() => layerNormOps(tf, x, g, bb).dataSync());
      for (let i = 0; i < y1.length; i++) expect(y1[i]).toBeCloseTo(y2[i]!, 5);
      const g1 = ours([x, g, bb]);
      const g2 = ref([x, g, bb]);
      for (let k = 0; k < 3; k++) {
        const a = g1[k]!.dataSync();
        const b2 = g2[k]!.dataSync();
        expect(g1[k]!.shape).toEqual(g2[k]!.shape);
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b2[i]!)).toBeLessThan(1e-5);
      }
      tf.dispose([x, g, bb, w, ...g1, ...g2]);
    });
  });

  it('embeddingLookup equals tf.gather, and its scatter-add gradient equals gather’s gradient', async () => {
    const table = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    const ids = tf.tensor1d([2, 0, 2, 3, 2], 'int32');
    const weights = tf.tensor2d([
      [1, -1],
      [2, 0.5],
      [3, 3],
      [-2, 1],
      [0.25, 4],
    ]);
    await expectNoLeak(tf, () => {
      const f = (E: Tensor) => tf.sum(tf.mul(embeddingLookup(tf, E, ids), weights));
      const g = (E: Tensor) => tf.sum(tf.mul(tf.gather(E, ids), weights));
      const ours = tf.valueAndGrad(f)(table);
      const ref = tf.valueAndGrad(g)(table);
      expect(ours.value.dataSync()[0]).toBe(ref.value.dataSync()[0]);
      expect(Array.from(ours.grad.dataSync())).toEqual(Array.from(ref.grad.dataSync()));
      // Row 2 is used three times: its gradient is the sum of three weight rows.
      expect((ours.grad.arraySync() as number[][])[2]).toEqual([4.25, 6]);
      tf.dispose([ours.value, ours.grad, ref.value, ref.grad]);
    });
    tf.dispose([table, ids, weights]);
  });
});

// An independent float64 implementation of the same model in plain JS (loops, no tfjs): the
// reference for the TF.js forward pass, and — through central differences with a tiny step that
// float64 allows — for its gradients. (Finite differences of the float32 TF.js loss itself are
// unreliable here: the ReLU kinks and the LayerNorm after small embeddings need a step so small
// that float32 rounding dominates.)
type Matrix = number[][];
interface RefParams {
  E: Matrix;
  P: Matrix;
  blocks: {
    g1: number[];
    c1: number[];
    wq: Matrix;
    wk: Matrix;
    wv: Matrix;
    wo: Matrix;
    g2: number[];
    c2: number[];
    w1: Matrix;
    b1: number[];
    w2: Matrix;
    b2: number[];
  }[];
  gf: number[];
  cf: number[];
  wOut: Matrix;
  bOut: number[];
}
const matVec = (x: number[], W: Matrix) => W[0]!.map((_, j) => x.reduce((s, xi, i) => s + xi * W[i]![j]!, 0));
const ln = (x: number[], g: number[], c: number[]) => {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * g[i]! + c[i]!);
};
function refForward(p: RefParams, seq: number[], H: number): { logits: Matrix; attention: number[][][] } {
  const d = p.E[0]!.length;
  const dh = d / H;
  let x = seq.map((tok, t) => p.E[tok]!.map((e, i) => e + p.P[t]![i]!));
  let attention: number[][][] = [];
  for (const b of p.blocks) {
    const h = x.map((r) => ln(r, b.g1, b.c1));
    const q = h.map((r) => matVec(r, b.wq));
    const k = h.map((r) => matVec(r, b.wk));
    const v = h.map((r) => matVec(r, b.wv));
    attention = [];
    const context = seq.map(() => new Array<number>(d).fill(0));
    for (let head = 0; head < H; head++) {
      const o = head * dh;
      const weights = seq.map((_, i) => {
        const scores = seq.map((_, j) => (j > i ? -Infinity : q[i]!.slice(o, o + dh).reduce((s, qv, m) => s + qv * k[j]![o + m]!, 0) / Math.sqrt(dh)));
        const max = Math.max(...scores);
        const e = scores.map((sc) => Math.exp(sc - max));
        const z = e.reduce((s, v2) => s + v2, 0);
        return e.map((v2) => v2 / z);
      });
      attention.push(weights);
      weights.forEach((row, i) =>
        row.forEach((w, j) => {
          for (let m = 0; m < dh; m++) context[i]![o + m]! += w * v[j]![o + m]!;
        }),
      );
    }
    x = x.map((r, t) => {
      const a = matVec(context[t]!, b.wo);
      return r.map((val, i) => val + a[i]!);
    });
    x = x.map((r) => {
      const h2 = ln(r, b.g2, b.c2);
      const hidden = matVec(h2, b.w1).map((val, i) => Math.max(0, val + b.b1[i]!));
      const f = matVec(hidden, b.w2);
      return r.map((val, i) => val + f[i]! + b.b2[i]!);
    });
  }
  const logits = x.map((r) => matVec(ln(r, p.gf, p.cf), p.wOut).map((val, i) => val + p.bOut[i]!));
  return { logits, attention };
}
function refLoss(p: RefParams, inputs: number[][], targets: number[][], H: number): number {
  let total = 0;
  let n = 0;
  inputs.forEach((seq, b) => {
    const { logits } = refForward(p, seq, H);
    logits.forEach((row, t) => {
      const max = Math.max(...row);
      total += max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0)) - row[targets[b]![t]!]!;
      n++;
    });
  });
  return total / n;
}
const asMatrix = (v: import('@tensorflow/tfjs-core').Variable) => v.arraySync() as Matrix;
const asVector = (v: import('@tensorflow/tfjs-core').Variable) => v.arraySync() as number[];
function toRef(p: TinyTransformerParams): RefParams {
  return {
    E: asMatrix(p.tokenEmbedding),
    P: asMatrix(p.positionEmbedding),
    blocks: p.blocks.map((b) => ({
      g1: asVector(b.ln1Gain),
      c1: asVector(b.ln1Bias),
      wq: asMatrix(b.wq),
      wk: asMatrix(b.wk),
      wv: asMatrix(b.wv),
      wo: asMatrix(b.wo),
      g2: asVector(b.ln2Gain),
      c2: asVector(b.ln2Bias),
      w1: asMatrix(b.w1),
      b1: asVector(b.b1),
      w2: asMatrix(b.w2),
      b2: asVector(b.b2),
    })),
    gf: asVector(p.lnfGain),
    cf: asVector(p.lnfBias),
    wOut: asMatrix(p.wOut),
    bOut: asVector(p.bOut),
  };
}

/** A few Adam steps, so that norm gains and biases are no longer exactly 1 and 0. */
function moveAwayFromInit(p: TinyTransformerParams) {
  const optimizer = tf.train.adam(0.05);
  for (let k = 0; k < 5; k++) trainStep(tf, p, optimizer, sampleBatch([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 3, 5, 7], 3, 6, createRng(k + 1)));
  optimizer.dispose();
  expect(Math.abs((p.blocks[0]!.b1.arraySync() as number[])[0]!)).toBeGreaterThan(0);
}

describe('against an independent float64 implementation', () => {
  const inputs = tokens.map((r) => r.slice(0, 6));
  const targets = tokens.map((r) => r.slice(1));

  it('the forward pass gives the same logits, attention weights and loss', () => {
    withModel((p) => {
      moveAwayFromInit(p);
      const ref = toRef(p);
      const { logits, attention } = forward(tf, p, ids2d(inputs));
      const tfLogits = logits.arraySync() as number[][][];
      const tfAttention = attention.at(-1)!.arraySync() as number[][][][];
      tf.dispose([logits, ...attention]);
      inputs.forEach((seq, b) => {
        const r = refForward(ref, seq, config.nHeads);
        r.logits.forEach((row, t) => row.forEach((v, i) => expect(Math.abs(tfLogits[b]![t]![i]! - v)).toBeLessThan(1e-5)));
        r.attention.forEach((head, h) => head.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(tfAttention[b]![h]![i]![j]! - v)).toBeLessThan(1e-6))));
      });
      const loss = tf.tidy(() => lossFn(tf, p, ids2d(inputs), ids2d(targets)).dataSync()[0]!);
      expect(Math.abs(loss - refLoss(ref, inputs, targets, config.nHeads))).toBeLessThan(1e-5);
    });
  });

  it('tf gradients of attention, embedding, norm and output parameters match float64 central differences', () => {
    withModel((p) => {
      moveAwayFromInit(p);
      const input = ids2d(inputs);
      const target = ids2d(targets);
      const { value, grads } = tf.variableGrads(() => lossFn(tf, p, input, target), paramList(p));
      value.dispose();
      const ref = toRef(p);
      const H = config.nHeads;
      const h = 1e-6;
      type Entry = { name: string; variable: import('@tensorflow/tfjs-core').Variable; get: (r: RefParams) => number[] | Matrix };
      const checks: Entry[] = [
        { name: 'wq of block 0', variable: p.blocks[0]!.wq, get: (r) => r.blocks[0]!.wq },
        { name: 'wk of block 1', variable: p.blocks[1]!.wk, get: (r) => r.blocks[1]!.wk },
        { name: 'wv of block 1', variable: p.blocks[1]!.wv, get: (r) => r.blocks[1]!.wv },
        { name: 'token embedding', variable: p.tokenEmbedding, get: (r) => r.E },
        { name: 'position embedding', variable: p.positionEmbedding, get: (r) => r.P },
        { name: 'ln1 gain of block 0', variable: p.blocks[0]!.ln1Gain, get: (r) => r.blocks[0]!.g1 },
        { name: 'w1 of block 0', variable: p.blocks[0]!.w1, get: (r) => r.blocks[0]!.w1 },
        { name: 'output weights', variable: p.wOut, get: (r) => r.wOut },
      ];
      for (const { name, variable, get } of checks) {
        const analytic = grads[variable.name]!.dataSync();
        let scale = 0;
        for (const g of analytic) scale = Math.max(scale, Math.abs(g));
        expect(scale, name).toBeGreaterThan(0);
        const cols = variable.shape.length === 2 ? variable.shape[1]! : 1;
        // the six largest entries and two arbitrary ones
        const order = Array.from(analytic.keys()).sort((a, b) => Math.abs(analytic[b]!) - Math.abs(analytic[a]!));
        for (const i of [...order.slice(0, 6), order[Math.floor(order.length / 2)]!, order.at(-1)!]) {
          const nudge = (delta: number) => {
            const target2 = get(ref);
            if (cols === 1 && !Array.isArray(target2[0])) (target2 as number[])[i]! += delta;
            else (target2 as Matrix)[Math.floor(i / cols)]![i % cols]! += delta;
          };
          nudge(h);
          const up = refLoss(ref, inputs, targets, H);
          nudge(-2 * h);
          const down = refLoss(ref, inputs, targets, H);
          nudge(h);
          const numeric = (up - down) / (2 * h);
          expect(Math.abs(numeric - analytic[i]!), `${name}[${i}]: numeric ${numeric}, analytic ${analytic[i]}`).toBeLessThan(1e-3 * scale + 1e-5);
        }
      }
      tf.dispose([input, target, ...Object.values(grads)]);
    });
  });
});

describe('training', () => {
  const corpus = Array.from({ length: 200 }, (_, i) => [1, 2, 3, 4, 5][i % 5]!);

  it('drives the loss on a tiny repeated corpus from about ln V to near 0, leaking nothing', async () => {
    await expectNoLeak(tf, async () => {
      const p = initParams(tf, { ...config, vocabSize: 6 }, 1);
      try {
        const result = await train(tf, p, { ids: corpus, steps: 80, batchSize: 4, seqLength: 8, learningRate: 0.02, seed: 2 });
        expect(result.stepsRun).toBe(80);
        expect(result.losses[0]!).toBeGreaterThan(Math.log(6) - 0.3);
        expect(result.losses.at(-1)!).toBeLessThan(0.1);
        // the trained model continues the pattern, greedily and at low temperature
        expect(generate(tf, p, [1, 2, 3], { length: 7, temperature: 0, seed: 1 })).toEqual([4, 5, 1, 2, 3, 4, 5]);
        expect(generate(tf, p, [3, 4], { length: 5, temperature: 0.2, seed: 4 })).toEqual([5, 1, 2, 3, 4]);
      } finally {
        disposeParams(p);
      }
    });
  });

  it('is deterministic for the seeds (same losses, same parameters)', async () => {
    const run = async (batchSeed: number) => {
      const p = initParams(tf, { ...config, vocabSize: 6 }, 7);
      const { losses } = await train(tf, p, { ids: corpus, steps: 6, batchSize: 3, seqLength: 6, learningRate: 0.01, seed: batchSeed });
      const values = paramList(p).map((v) => Array.from(v.dataSync()));
      disposeParams(p);
      return { losses, values };
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect((await run(2)).losses).not.toEqual(a.losses);
  });

  it('honours shouldStop and yields to the host', async () => {
    const p = initParams(tf, { ...config, vocabSize: 6 }, 1);
    let yields = 0;
    let clock = 0;
    const r = await expectNoLeak(tf, () =>
      train(tf, p, {
        ids: corpus,
        steps: 50,
        batchSize: 2,
        seqLength: 4,
        learningRate: 0.01,
        seed: 1,
        shouldStop: () => clock >= 10,
        now: () => clock++,
        yieldMs: 2,
        yieldFn: async () => void yields++,
      }),
    );
    disposeParams(p);
    expect(r.stopped).toBe(true);
    expect(r.stepsRun).toBeLessThan(50);
    expect(r.losses).toHaveLength(r.stepsRun);
    expect(yields).toBeGreaterThan(0);
  });

  it('as a session: one step is one optimiser step, and stepping then playing on ends where a straight run does', async () => {
    const opts = { ids: corpus, steps: 9, batchSize: 3, seqLength: 6, learningRate: 0.01, seed: 5 };
    const straight = initParams(tf, { ...config, vocabSize: 6 }, 7);
    const { losses } = await train(tf, straight, opts);
    const p = initParams(tf, { ...config, vocabSize: 6 }, 7);
    const validation = evenlySpacedWindows(corpus, 4, 6);
    const before = paramList(p).map((v) => Array.from(v.dataSync()));
    await expectNoLeak(tf, async () => {
      let tick = 0;
      const session = createTransformerSession(tf, p, { ...opts, validation, validateEvery: 4, now: () => tick++ });
      const first = await session.step();
      expect(first).toMatchObject({ step: 0, loss: losses[0] });
      expect(first.validationLoss).toBeUndefined();
      expect(session.done).toBe(1);
      expect(paramList(p).map((v) => Array.from(v.dataSync()))).not.toEqual(before);
      // the model as it stands after a step can be evaluated (and generated from) between steps
      expect(session.validate()).toBeCloseTo(evaluateLoss(tf, p, validation), 12);
      const seen = [first];
      await play(session, { onEpoch: (s) => seen.push(s) });
      expect(seen.map((s) => s.loss)).toEqual(losses);
      // validation after steps 4 and 8 and after the last one (9)
      expect(seen.filter((s) => s.validationLoss !== undefined).map((s) => s.step + 1)).toEqual([4, 8, 9]);
      expect(seen.at(-1)!.validationLoss).toBeCloseTo(evaluateLoss(tf, p, validation), 12);
      expect(session.elapsedMs, 'time spent in the 9 steps (one tick each)').toBe(9);
      session.dispose();
      session.dispose();
    });
    expect(paramList(p).map((v) => Array.from(v.dataSync()))).toEqual(paramList(straight).map((v) => Array.from(v.dataSync())));
    // the session frees its optimiser, not the model: the page generates from it afterwards
    expect(generate(tf, p, [1, 2], { length: 3, temperature: 0, seed: 1 })).toHaveLength(3);
    disposeParams(straight);
    disposeParams(p);
  });

  it('yields at most once per interval, however short the steps', async () => {
    let clock = 0;
    let yields = 0;
    const maybeYield = everyMs(
      async () => void yields++,
      10,
      () => clock,
    );
    for (clock = 1; clock <= 35; clock++) await maybeYield();
    expect(yields).toBe(3);
  });

  it('reads the model shape from the page settings', () => {
    expect(transformerConfig({ dModel: '48', heads: '2', layers: '1', context: 20 }, 90)).toEqual({
      vocabSize: 90,
      contextLength: 20,
      dModel: 48,
      nHeads: 2,
      nLayers: 1,
      ffnHidden: 192,
    });
  });

  it('averages the last n losses (all of them when there are fewer)', () => {
    expect(meanOfLast([5, 1, 2, 3], 3)).toBe(2);
    expect(meanOfLast([4, 2], 10)).toBe(3);
    expect(meanOfLast([], 10)).toBeNaN();
  });

  it('samples windows with targets shifted by one', () => {
    const ids = Array.from({ length: 30 }, (_, i) => i);
    const batch = sampleBatch(ids, 5, 6, createRng(1));
    expect(batch.inputs).toHaveLength(5);
    for (let b = 0; b < 5; b++) {
      expect(batch.inputs[b]).toHaveLength(6);
      expect(batch.targets[b]).toEqual(batch.inputs[b]!.map((v) => v + 1));
      expect(batch.targets[b]!.at(-1)!).toBeLessThan(30);
    }
    expect(() => sampleBatch(ids.slice(0, 6), 1, 6, createRng(1))).toThrow(/too short/);
  });

  it('evenly spaced validation windows cover the corpus from its start to its end', () => {
    const ids = Array.from({ length: 30 }, (_, i) => i);
    const batch = evenlySpacedWindows(ids, 3, 5);
    expect(batch.inputs.map((r) => r[0])).toEqual([0, 12, 24]);
    expect(batch.targets[2]).toEqual([25, 26, 27, 28, 29]);
    expect(evenlySpacedWindows(ids, 3, 5)).toEqual(batch);
  });
});

describe('generation and attention maps', () => {
  it('pickToken: arg-max when greedy, never a banned id, and sampling follows softmax(logits / T)', () => {
    expect(pickToken([0.1, 3, 2], 0, 0.5)).toBe(1);
    expect(pickToken([0.1, 3, 2], 0, 0.5, [1])).toBe(2);
    expect(pickToken([5, 5, 1], 0, 0.9)).toBe(0); // first index on ties
    // softmax([0, ln 3]) = (0.25, 0.75): u < 0.25 → 0, else 1
    const logits = [0, Math.log(3)];
    expect(pickToken(logits, 1, 0.2)).toBe(0);
    expect(pickToken(logits, 1, 0.3)).toBe(1);
    // temperature 0.5 squares the odds: (1/10, 9/10)
    expect(pickToken(logits, 0.5, 0.09)).toBe(0);
    expect(pickToken(logits, 0.5, 0.11)).toBe(1);
    expect(pickToken([10, 0, 0], 1, 0.0, [0])).not.toBe(0);
  });

  it('generate is seeded, respects the banned ids and crops to the context window, without leaks', async () => {
    await expectNoLeak(tf, () =>
      withModel((p) => {
        const prompt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]; // longer than contextLength 8
        const a = generate(tf, p, prompt, { length: 20, temperature: 1, seed: 5, banned: [0] });
        expect(a).toHaveLength(20);
        expect(a).not.toContain(0);
        expect(generate(tf, p, prompt, { length: 20, temperature: 1, seed: 5, banned: [0] })).toEqual(a);
        expect(generate(tf, p, prompt, { length: 20, temperature: 1, seed: 6, banned: [0] })).not.toEqual(a);
        expect(generate(tf, p, prompt, { length: 3, temperature: 0, seed: 1 })).toEqual(generate(tf, p, prompt, { length: 3, temperature: 0, seed: 2 }));
        expect(() => generate(tf, p, [], { length: 1, temperature: 0, seed: 1 })).toThrow(/at least one/);
      }),
    );
  });

  it('generateAsync gives the same tokens as generate, yields, reports tokens and stops on request', async () => {
    const p = initParams(tf, config, 3);
    const opts = { length: 12, temperature: 0.9, seed: 8, banned: [0] };
    const expected = generate(tf, p, [1, 2, 3], opts);
    let yields = 0;
    const seen: number[] = [];
    const got = await expectNoLeak(tf, () =>
      generateAsync(tf, p, [1, 2, 3], { ...opts, yieldEvery: 5, yieldFn: async () => void yields++, onToken: (id) => seen.push(id) }),
    );
    expect(got).toEqual(expected);
    expect(seen).toEqual(expected);
    expect(yields).toBe(2);
    let count = 0;
    const partial = await generateAsync(tf, p, [1, 2, 3], { ...opts, onToken: () => count++, shouldStop: () => count >= 4 });
    expect(partial).toEqual(expected.slice(0, 4));
    disposeParams(p);
  });

  it('lastLayerAttention returns [head][query][key] of the last block for the prompt', async () => {
    await expectNoLeak(tf, () =>
      withModel((p) => {
        const maps = lastLayerAttention(tf, p, [3, 1, 4, 1, 5]);
        expect(maps).toHaveLength(2);
        for (const m of maps) {
          expect(m).toHaveLength(5);
          m.forEach((row, i) => {
            expect(row).toHaveLength(5);
            for (let j = i + 1; j < 5; j++) expect(row[j]).toBe(0);
            expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
          });
          expect(m[0]![0]).toBeCloseTo(1, 6); // the first query can only see itself
        }
        const direct = tf.tidy(() => {
          const { attention } = forward(tf, p, ids2d([[3, 1, 4, 1, 5]]));
          const last = (attention[1]!.arraySync() as number[][][][])[0]!;
          tf.dispose(attention); // forward keeps them out of tidy: the caller frees them
          return last;
        });
        expect(maps).toEqual(direct);
      }),
    );
  });
});
