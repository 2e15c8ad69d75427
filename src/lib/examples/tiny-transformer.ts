/**
 * A tiny character-level Transformer language model, written with TF.js core ops — the "基于变换器的
 * 语言模型" that article 003 §5.2 announces but whose PyTorch code never builds (errata E003-11,
 * E003-13: images instead of token ids, `nn.Embedding(d_model)`, `nn.Transformer(x)` without a
 * target). What a language model needs, per E003-11's correction, is all here: integer token ids,
 * token embeddings plus (learned) position embeddings, causal self-attention, and a cross-entropy
 * loss on the next token.
 *
 * Architecture (pre-LayerNorm decoder blocks, as in GPT-2):
 *   x⁰ = E[tokens] + P[positions]
 *   for each block:  x ← x + Attn(LN₁(x));  x ← x + FFN(LN₂(x))
 *   logits = LN_f(x)·W_out + b_out
 * Attn: per head h, Q = X·W_q, K = X·W_k, V = X·W_v (split into heads by reshape/transpose),
 * A = softmax(Q·Kᵀ/√d_head + M) with M = −1e9 above the diagonal (causal mask: exp underflows, so
 * the weight on a future position is exactly 0), output = concat_h(A·V)·W_o.
 * FFN: ReLU(X·W₁ + b₁)·W₂ + b₂.
 * Only reshape/transpose/matMul/softmax/gather (no tf.einsum, which has no gradient in TF.js).
 *
 * Parameters are tf.variables initialised from a seeded mulberry32 stream (not TF.js's
 * initialisers), so a seed gives the same model on every platform. Every function here disposes
 * its intermediate tensors; `disposeParams` frees the model.
 */
import type { GradSaveFunc, Optimizer, Scalar, Tensor, Tensor1D, Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs-core';
import { createRng, type Rng } from './random.ts';
import { everyMs, play, stepSession, type Session } from './session.ts';
import type { Tf } from './tf-runtime.ts';

/** Shape of the model. `dModel` must be divisible by `nHeads`. */
export interface TinyTransformerConfig {
  /** Number of token ids (vocabulary size, unknown token included). */
  vocabSize: number;
  /** Longest sequence the position embedding covers (the context window). */
  contextLength: number;
  dModel: number;
  nHeads: number;
  nLayers: number;
  /** Width of the hidden layer of each feed-forward block. */
  ffnHidden: number;
}

/** One decoder block's parameters. Weight matrices are [in, out] (the input multiplies from the left). */
export interface BlockParams {
  ln1Gain: Variable;
  ln1Bias: Variable;
  wq: Variable;
  wk: Variable;
  wv: Variable;
  wo: Variable;
  ln2Gain: Variable;
  ln2Bias: Variable;
  w1: Variable;
  b1: Variable;
  w2: Variable;
  b2: Variable;
}

/** All parameters of the model. */
export interface TinyTransformerParams {
  config: TinyTransformerConfig;
  /** [vocabSize, dModel] */
  tokenEmbedding: Variable;
  /** [contextLength, dModel] */
  positionEmbedding: Variable;
  blocks: BlockParams[];
  lnfGain: Variable;
  lnfBias: Variable;
  /** [dModel, vocabSize] */
  wOut: Variable;
  bOut: Variable;
}

/** Checks a configuration; throws a RangeError naming the first problem. */
export function validateConfig(c: TinyTransformerConfig): void {
  for (const key of ['vocabSize', 'contextLength', 'dModel', 'nHeads', 'nLayers', 'ffnHidden'] as const) {
    if (!Number.isInteger(c[key]) || c[key] < 1) throw new RangeError(`${key} must be a positive integer, got ${c[key]}`);
  }
  if (c.dModel % c.nHeads !== 0) throw new RangeError(`dModel ${c.dModel} is not divisible by nHeads ${c.nHeads}`);
}

/** The model the page's settings describe (a feed-forward block 4·d_model wide, as in GPT-2). */
export function transformerConfig(settings: { dModel: string; heads: string; layers: string; context: number }, vocabSize: number): TinyTransformerConfig {
  const dModel = Number(settings.dModel);
  return { vocabSize, contextLength: settings.context, dModel, nHeads: Number(settings.heads), nLayers: Number(settings.layers), ffnHidden: 4 * dModel };
}

/** Every trainable variable, in a fixed order (embeddings, blocks, final norm, output). */
export function paramList(p: TinyTransformerParams): Variable[] {
  return [
    p.tokenEmbedding,
    p.positionEmbedding,
    ...p.blocks.flatMap((b) => [b.ln1Gain, b.ln1Bias, b.wq, b.wk, b.wv, b.wo, b.ln2Gain, b.ln2Bias, b.w1, b.b1, b.w2, b.b2]),
    p.lnfGain,
    p.lnfBias,
    p.wOut,
    p.bOut,
  ];
}

/** Number of trainable scalars. */
export function parameterCount(p: TinyTransformerParams): number {
  return paramList(p).reduce((n, v) => n + v.size, 0);
}

/**
 * Seeded initial parameters: token and position embeddings N(0, 0.1²); linear weights
 * N(0, 1/fan_in), with the two projections that write into the residual stream (W_o, W₂) scaled
 * by 1/√(2·nLayers) and the output layer by 0.1 (so the first loss is close to ln vocabSize);
 * LayerNorm gains 1, all biases 0.
 */
export function initParams(tf: Tf, config: TinyTransformerConfig, seed: number): TinyTransformerParams {
  validateConfig(config);
  const { vocabSize: V, contextLength: T, dModel: d, nLayers, ffnHidden: f } = config;
  const rng = createRng(seed);
  const normal = (shape: [number, number], sd: number, name: string) => variable(tf, randomNormal(rng, shape[0] * shape[1], sd), shape, name);
  const constant = (n: number, value: number, name: string) => variable(tf, new Float32Array(n).fill(value), [n], name);
  const residualScale = 1 / Math.sqrt(2 * nLayers);
  const tokenEmbedding = normal([V, d], 0.1, 'tokenEmbedding');
  const positionEmbedding = normal([T, d], 0.1, 'positionEmbedding');
  const blocks: BlockParams[] = [];
  for (let l = 0; l < nLayers; l++) {
    blocks.push({
      ln1Gain: constant(d, 1, `b${l}.ln1Gain`),
      ln1Bias: constant(d, 0, `b${l}.ln1Bias`),
      wq: normal([d, d], 1 / Math.sqrt(d), `b${l}.wq`),
      wk: normal([d, d], 1 / Math.sqrt(d), `b${l}.wk`),
      wv: normal([d, d], 1 / Math.sqrt(d), `b${l}.wv`),
      wo: normal([d, d], residualScale / Math.sqrt(d), `b${l}.wo`),
      ln2Gain: constant(d, 1, `b${l}.ln2Gain`),
      ln2Bias: constant(d, 0, `b${l}.ln2Bias`),
      w1: normal([d, f], 1 / Math.sqrt(d), `b${l}.w1`),
      b1: constant(f, 0, `b${l}.b1`),
      w2: normal([f, d], residualScale / Math.sqrt(f), `b${l}.w2`),
      b2: constant(d, 0, `b${l}.b2`),
    });
  }
  return {
    config: { ...config },
    tokenEmbedding,
    positionEmbedding,
    blocks,
    lnfGain: constant(d, 1, 'lnfGain'),
    lnfBias: constant(d, 0, 'lnfBias'),
    wOut: normal([d, V], 0.1 / Math.sqrt(d), 'wOut'),
    bOut: constant(V, 0, 'bOut'),
  };
}

let variableCounter = 0;
function variable(tf: Tf, values: Float32Array, shape: number[], name: string): Variable {
  const t = tf.tensor(values, shape, 'float32');
  // Variable names must be unique per engine; a counter keeps several models apart.
  const v = tf.variable(t, true, `tinyTransformer.${name}.${variableCounter++}`);
  t.dispose();
  return v;
}

function randomNormal(rng: Rng, n: number, sd: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal(0, sd);
  return out;
}

/** Frees every variable of the model. */
export function disposeParams(p: TinyTransformerParams): void {
  for (const v of paramList(p)) v.dispose();
}

/**
 * LayerNorm over the last axis, y = (x − mean)/√(var + ε)·gain + bias, as TF.js ops (tf.moments).
 * The reference for `layerNorm`; not used by the model.
 */
export function layerNormOps(tf: Tf, x: Tensor, gain: Tensor, bias: Tensor, eps = 1e-5): Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gain), bias);
  });
}

/**
 * LayerNorm over the last axis (same result as `layerNormOps`) as one custom-gradient op computed
 * in plain JS. With x̂ = (x − μ)·r, r = 1/√(σ² + ε), per row:
 *   ∂L/∂gain = Σ_rows dy·x̂,  ∂L/∂bias = Σ_rows dy,
 *   ∂L/∂x = r·(g − mean(g) − x̂·mean(g·x̂))  with g = dy·gain.
 * TF.js's own ops broadcast a [.., 1] mean against [.., d], which the cpu backend does element by
 * element through index arithmetic — several times slower than these loops.
 */
export function layerNorm(tf: Tf, x: Tensor, gain: Tensor, bias: Tensor, eps = 1e-5): Tensor {
  const shape = x.shape;
  const d = shape[shape.length - 1]!;
  const rows = x.size / d;
  const op = tf.customGrad(((xIn: Tensor, gIn: Tensor, bIn: Tensor) => {
    const xv = xIn.dataSync();
    const gv = gIn.dataSync();
    const bv = bIn.dataSync();
    const xHat = new Float32Array(rows * d);
    const rstd = new Float32Array(rows);
    const out = new Float32Array(rows * d);
    for (let n = 0; n < rows; n++) {
      const o = n * d;
      let mean = 0;
      for (let i = 0; i < d; i++) mean += xv[o + i]!;
      mean /= d;
      let variance = 0;
      for (let i = 0; i < d; i++) variance += (xv[o + i]! - mean) ** 2;
      variance /= d;
      const r = 1 / Math.sqrt(variance + eps);
      rstd[n] = r;
      for (let i = 0; i < d; i++) {
        const h = (xv[o + i]! - mean) * r;
        xHat[o + i] = h;
        out[o + i] = h * gv[i]! + bv[i]!;
      }
    }
    return {
      value: tf.tensor(out, shape),
      gradFunc: (dy: Tensor) => {
        const dyv = dy.dataSync();
        const dx = new Float32Array(rows * d);
        const dGain = new Float32Array(d);
        const dBias = new Float32Array(d);
        for (let n = 0; n < rows; n++) {
          const o = n * d;
          let meanG = 0;
          let meanGH = 0;
          for (let i = 0; i < d; i++) {
            const g = dyv[o + i]! * gv[i]!;
            meanG += g;
            meanGH += g * xHat[o + i]!;
            dGain[i]! += dyv[o + i]! * xHat[o + i]!;
            dBias[i]! += dyv[o + i]!;
          }
          meanG /= d;
          meanGH /= d;
          for (let i = 0; i < d; i++) dx[o + i] = rstd[n]! * (dyv[o + i]! * gv[i]! - meanG - xHat[o + i]! * meanGH);
        }
        return [tf.tensor(dx, shape), tf.tensor(dGain, gIn.shape), tf.tensor(dBias, bIn.shape)];
      },
    };
  }) as unknown as Parameters<Tf['customGrad']>[0]);
  return op(x, gain, bias);
}

/**
 * Rows `ids` of `table` (tf.gather), with the gradient written as a scatter-add (tf.scatterND sums
 * rows of repeated ids). TF.js's own gradient of gather is an unsortedSegmentSum, which the cpu
 * backend computes one vocabulary entry at a time over the whole batch — hundreds of times slower
 * here.
 */
export function embeddingLookup(tf: Tf, table: Tensor, ids: Tensor1D): Tensor {
  const lookup = tf.customGrad(((E: Tensor, save: GradSaveFunc) => {
    save([ids]);
    return {
      value: tf.gather(E, ids),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.scatterND(tf.reshape(saved[0]!, [-1, 1]), dy, E.shape),
    };
  }) as unknown as Parameters<Tf['customGrad']>[0]);
  return lookup(table);
}

/** The additive causal mask [T, T]: 0 on and below the diagonal, −1e9 above (future keys). */
export function causalMaskValues(T: number): Float32Array {
  const m = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) m[i * T + j] = -1e9;
  return m;
}

/** Output of `forward`. The caller disposes `logits` and every `attention` tensor (or runs inside tf.tidy). */
export interface ForwardResult {
  /** [batch, T, vocabSize] */
  logits: Tensor3D;
  /** Per block, the attention weights [batch, nHeads, T(query), T(key)]; each row sums to 1. */
  attention: Tensor[];
}

/**
 * Forward pass on token ids [batch, T] (int32, T ≤ contextLength). Returns the next-token logits at
 * every position and every block's attention weights.
 */
export function forward(tf: Tf, p: TinyTransformerParams, ids: Tensor2D): ForwardResult {
  const { dModel: d, nHeads: H, vocabSize: V, contextLength } = p.config;
  const [B, T] = ids.shape;
  if (T < 1 || T > contextLength) throw new RangeError(`sequence length ${T} is outside 1…${contextLength}`);
  const dh = d / H;
  const attention: Tensor[] = [];
  const logits = tf.tidy(() => {
    const positions = tf.slice(p.positionEmbedding, [0, 0], [T, d]);
    const tokens = embeddingLookup(tf, p.tokenEmbedding, tf.reshape(ids, [B * T]) as Tensor1D); // [B·T, d]
    let x: Tensor = tf.add(tf.reshape(tokens, [B, T, d]), positions); // [B, T, d]
    // [T, T] (not [1, T, T]): a right-aligned operand of lower rank takes the cpu backend's fast path.
    const mask = tf.tensor2d(causalMaskValues(T), [T, T]);
    // [B·T, d] → [B·H, T, dh]
    const splitHeads = (m: Tensor) => tf.reshape(tf.transpose(tf.reshape(m, [B, T, H, dh]), [0, 2, 1, 3]), [B * H, T, dh]);
    for (const block of p.blocks) {
      const h = tf.reshape(layerNorm(tf, x, block.ln1Gain, block.ln1Bias), [B * T, d]);
      const q = splitHeads(tf.matMul(h, block.wq)) as Tensor3D;
      const k = splitHeads(tf.matMul(h, block.wk)) as Tensor3D;
      const v = splitHeads(tf.matMul(h, block.wv)) as Tensor3D;
      const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), mask); // [B·H, T, T]
      const weights = tf.softmax(scores) as Tensor3D;
      attention.push(tf.keep(tf.reshape(weights, [B, H, T, T])));
      const context = tf.reshape(tf.transpose(tf.reshape(tf.matMul(weights, v), [B, H, T, dh]), [0, 2, 1, 3]), [B * T, d]);
      x = tf.add(x, tf.reshape(tf.matMul(context, block.wo), [B, T, d]));
      const h2 = tf.reshape(layerNorm(tf, x, block.ln2Gain, block.ln2Bias), [B * T, d]);
      const ffn = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(h2, block.w1), block.b1)), block.w2), block.b2);
      x = tf.add(x, tf.reshape(ffn, [B, T, d]));
    }
    const out = tf.reshape(layerNorm(tf, x, p.lnfGain, p.lnfBias), [B * T, d]);
    return tf.reshape(tf.add(tf.matMul(out, p.wOut), p.bOut), [B, T, V]) as Tensor3D;
  });
  return { logits, attention };
}

/**
 * Mean softmax cross-entropy of `logits` [N, V] against integer `targets` (length N), in nats:
 * (1/N)·Σₙ [logsumexp(logitsₙ) − logitsₙ[targetₙ]], with its gradient (softmax(logitsₙ) − onehot(targetₙ))/N.
 * Written as one custom-gradient op computed in plain JS: the equivalent chain of TF.js ops
 * (logSoftmax, oneHot, mul, sum, mean) does the same arithmetic but its broadcasting kernels on the cpu
 * backend cost several times more. Tested against `tf.losses.softmaxCrossEntropy` and its tf.grad.
 */
export function softmaxCrossEntropy(tf: Tf, logits: Tensor2D, targets: ArrayLike<number>): Scalar {
  const [N, V] = logits.shape;
  if (targets.length !== N) throw new RangeError(`${targets.length} targets for ${N} rows of logits`);
  const op = tf.customGrad(((x: Tensor) => {
    const z = x.dataSync();
    const probs = new Float32Array(N * V);
    let total = 0;
    for (let n = 0; n < N; n++) {
      const row = n * V;
      const target = targets[n]!;
      if (!(target >= 0 && target < V)) throw new RangeError(`target ${target} is outside 0…${V - 1}`);
      let max = -Infinity;
      for (let v = 0; v < V; v++) max = Math.max(max, z[row + v]!);
      let sum = 0;
      for (let v = 0; v < V; v++) {
        const e = Math.exp(z[row + v]! - max);
        probs[row + v] = e;
        sum += e;
      }
      for (let v = 0; v < V; v++) probs[row + v]! /= sum;
      total += max + Math.log(sum) - z[row + target]!;
    }
    return {
      value: tf.scalar(total / N),
      gradFunc: (dy: Tensor) => {
        const scale = dy.dataSync()[0]! / N;
        const grad = new Float32Array(N * V);
        for (let n = 0; n < N; n++) {
          const row = n * V;
          for (let v = 0; v < V; v++) grad[row + v] = probs[row + v]! * scale;
          grad[row + targets[n]!]! -= scale;
        }
        return tf.tensor2d(grad, [N, V]);
      },
    };
  }) as unknown as Parameters<Tf['customGrad']>[0]);
  return op(logits) as Scalar;
}

/**
 * Mean next-token cross-entropy (nats) of the model on `inputs` [batch, T]; `targets` [batch, T]
 * int32 are the inputs shifted by one.
 */
export function lossFn(tf: Tf, p: TinyTransformerParams, inputs: Tensor2D, targets: Tensor2D): Scalar {
  const targetIds = targets.dataSync();
  return tf.tidy(() => {
    const { logits, attention } = forward(tf, p, inputs);
    for (const a of attention) a.dispose();
    return softmaxCrossEntropy(tf, tf.reshape(logits, [-1, p.config.vocabSize]) as Tensor2D, targetIds);
  });
}

/** Loss of a batch given as plain arrays (no update). */
export function evaluateLoss(tf: Tf, p: TinyTransformerParams, batch: Batch): number {
  return tf.tidy(() => {
    const { inputs, targets } = batchTensors(tf, batch);
    return lossFn(tf, p, inputs, targets).dataSync()[0]!;
  });
}

/** A batch of windows: inputs[b] = ids[s..s+T), targets[b] = ids[s+1..s+T+1). */
export interface Batch {
  inputs: number[][];
  targets: number[][];
}

/** Draws `batchSize` windows of length `T` at seeded random offsets from `ids` (needs ids.length > T). */
export function sampleBatch(ids: readonly number[], batchSize: number, T: number, rng: Rng): Batch {
  if (ids.length <= T) throw new RangeError(`corpus of ${ids.length} tokens is too short for windows of ${T}`);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let b = 0; b < batchSize; b++) {
    const s = rng.int(ids.length - T);
    inputs.push(ids.slice(s, s + T) as number[]);
    targets.push(ids.slice(s + 1, s + T + 1) as number[]);
  }
  return { inputs, targets };
}

/**
 * `count` windows of length `T` at evenly spaced offsets of `ids` (no randomness): a fixed batch for
 * measuring a validation loss that is comparable from one step to the next.
 */
export function evenlySpacedWindows(ids: readonly number[], count: number, T: number): Batch {
  if (ids.length <= T) throw new RangeError(`corpus of ${ids.length} tokens is too short for windows of ${T}`);
  const last = ids.length - T - 1;
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let b = 0; b < count; b++) {
    const s = count === 1 ? 0 : Math.round((b * last) / (count - 1));
    inputs.push(ids.slice(s, s + T) as number[]);
    targets.push(ids.slice(s + 1, s + T + 1) as number[]);
  }
  return { inputs, targets };
}

function batchTensors(tf: Tf, batch: Batch): { inputs: Tensor2D; targets: Tensor2D } {
  return { inputs: tf.tensor2d(batch.inputs, undefined, 'int32'), targets: tf.tensor2d(batch.targets, undefined, 'int32') };
}

/** One optimiser step on a batch; returns the loss before the step. */
export function trainStep(tf: Tf, p: TinyTransformerParams, optimizer: Optimizer, batch: Batch): number {
  const { inputs, targets } = batchTensors(tf, batch);
  try {
    const cost = optimizer.minimize(() => lossFn(tf, p, inputs, targets), true, paramList(p))!;
    const value = cost.dataSync()[0]!;
    cost.dispose();
    return value;
  } finally {
    inputs.dispose();
    targets.dispose();
  }
}

/** One step of a training run, as plain numbers. */
export interface TrainProgress {
  /** 0-based index of the step. */
  step: number;
  /** Loss of this step's batch before the update. */
  loss: number;
  /** Time spent training so far (steps and validation, not pauses). */
  elapsedMs: number;
  /** Loss on the validation windows after this step, on the steps where it is measured. */
  validationLoss?: number;
}

/** Settings of a training session. */
export interface SessionOptions {
  /** Token ids of the corpus. */
  ids: readonly number[];
  steps: number;
  batchSize: number;
  /** Window length (≤ contextLength). */
  seqLength: number;
  learningRate: number;
  /** Seed of the batch sampler (the parameters have their own seed). */
  seed: number;
  /** Fixed windows whose loss is measured every `validateEvery` steps and after the last one. */
  validation?: Batch;
  validateEvery?: number;
  /** Clock (ms) for elapsed times; defaults to performance.now / Date.now. */
  now?: () => number;
}

/**
 * Training as a session (session.ts): a step is one Adam step on one batch, the unit of the loss
 * curve, so a reader who presses Step sees one more point and can generate from the model as it
 * stands. The session owns the optimiser and the batch sampler but not the model: the page keeps
 * generating from the model after the session ends, and frees it itself.
 */
export interface TransformerSession extends Session<TrainProgress> {
  readonly model: TinyTransformerParams;
  /** Loss of every step so far. */
  readonly losses: readonly number[];
  readonly elapsedMs: number;
  /** Loss of the model as it stands on the validation windows (NaN without them). */
  validate(): number;
}

/** Adam (β₁ 0.9, β₂ 0.999) on seeded random windows of the corpus, one step at a time. */
export function createTransformerSession(tf: Tf, p: TinyTransformerParams, opts: SessionOptions): TransformerSession {
  const now = opts.now ?? clock;
  const optimizer = tf.train.adam(opts.learningRate, 0.9, 0.999, 1e-8);
  const rng = createRng(opts.seed);
  const losses: number[] = [];
  let elapsedMs = 0;
  const validate = () => (opts.validation ? evaluateLoss(tf, p, opts.validation) : NaN);
  const measured = (step: number) => opts.validation && ((step + 1) % (opts.validateEvery ?? 10) === 0 || step + 1 === opts.steps);
  const session = stepSession<TrainProgress>(
    opts.steps,
    (step) => {
      const start = now();
      const loss = trainStep(tf, p, optimizer, sampleBatch(opts.ids, opts.batchSize, opts.seqLength, rng));
      losses.push(loss);
      const validationLoss = measured(step) ? validate() : undefined;
      elapsedMs += now() - start;
      return { step, loss, elapsedMs, ...(validationLoss === undefined ? {} : { validationLoss }) };
    },
    () => optimizer.dispose(),
  );
  return {
    total: session.total,
    get done() {
      return session.done;
    },
    step: () => session.step(),
    dispose: () => session.dispose(),
    model: p,
    losses,
    validate,
    get elapsedMs() {
      return elapsedMs;
    },
  };
}

/** Settings of `train`. */
export interface TrainOptions extends SessionOptions {
  onStep?: (s: TrainProgress) => void;
  shouldStop?: () => boolean;
  /** Called about every `yieldMs` of work so the page stays responsive (default: none). */
  yieldFn?: () => Promise<void>;
  yieldMs?: number;
}

/**
 * A whole training run: `createTransformerSession` played to the end (or until `shouldStop`).
 * Returns the loss of every step; the optimiser's slots are disposed, the model is not.
 */
export async function train(
  tf: Tf,
  p: TinyTransformerParams,
  opts: TrainOptions,
): Promise<{ losses: number[]; stepsRun: number; stopped: boolean; elapsedMs: number }> {
  const session = createTransformerSession(tf, p, opts);
  try {
    const { yieldFn } = opts;
    const { stepsRun, stopped } = await play(session, {
      shouldStop: opts.shouldStop,
      onEpoch: opts.onStep,
      yieldEvery: yieldFn ? 1 : 0,
      yieldFn: yieldFn && everyMs(yieldFn, opts.yieldMs ?? 50, opts.now),
    });
    return { losses: [...session.losses], stepsRun, stopped, elapsedMs: session.elapsedMs };
  } finally {
    session.dispose();
  }
}

/** Mean of the last `n` values (all of them when there are fewer; NaN for none): a training loss less noisy than one batch's. */
export function meanOfLast(values: readonly number[], n: number): number {
  const last = values.slice(-n);
  return last.reduce((sum, v) => sum + v, 0) / last.length;
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Attention weights of the last block for `ids` (cropped to the last contextLength tokens): [head][query][key]. */
export function lastLayerAttention(tf: Tf, p: TinyTransformerParams, ids: readonly number[]): number[][][] {
  return tf.tidy(() => {
    const window = ids.slice(-p.config.contextLength);
    const input = tf.tensor2d([window as number[]], undefined, 'int32');
    const { logits, attention } = forward(tf, p, input);
    logits.dispose();
    const last = attention[attention.length - 1]!.arraySync() as number[][][][];
    for (const a of attention) a.dispose();
    return last[0]!;
  });
}

/** Settings of `generate`. */
export interface GenerateOptions {
  /** Number of new tokens. */
  length: number;
  /** 0 = greedy (arg-max); > 0 = sample from softmax(logits / temperature). */
  temperature: number;
  /** Seed of the sampler (unused when greedy). */
  seed: number;
  /** Token ids never produced (e.g. the unknown token). */
  banned?: readonly number[];
}

/**
 * Picks the next token from logits: arg-max when temperature is 0 (first index on ties), else a
 * draw from softmax(logits/temperature) with `u` ∈ [0, 1). Banned ids get probability 0.
 */
export function pickToken(logits: ArrayLike<number>, temperature: number, u: number, banned: readonly number[] = []): number {
  const n = logits.length;
  const allowed = (i: number) => !banned.includes(i);
  if (temperature <= 0) {
    let best = -1;
    for (let i = 0; i < n; i++) if (allowed(i) && (best < 0 || logits[i]! > logits[best]!)) best = i;
    return best;
  }
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (allowed(i)) max = Math.max(max, logits[i]!);
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = allowed(i) ? Math.exp((logits[i]! - max) / temperature) : 0;
    total += weights[i]!;
  }
  let target = u * total;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (weights[i]! === 0) continue;
    last = i;
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return last;
}

/** Next-token logits for the last position of `ids` (cropped to the context window). */
function lastLogits(tf: Tf, p: TinyTransformerParams, ids: readonly number[]): Float32Array {
  const window = ids.slice(-p.config.contextLength) as number[];
  return tf.tidy(() => {
    const { logits, attention } = forward(tf, p, tf.tensor2d([window], undefined, 'int32'));
    tf.dispose(attention);
    return tf.slice(logits, [0, window.length - 1, 0], [1, 1, p.config.vocabSize]).dataSync() as Float32Array;
  });
}

/**
 * Autoregressive generation: feeds the last contextLength tokens, picks the next token, appends it,
 * `length` times. Returns only the new token ids. Deterministic for a seed.
 */
export function generate(tf: Tf, p: TinyTransformerParams, prompt: readonly number[], opts: GenerateOptions): number[] {
  if (prompt.length === 0) throw new RangeError('the prompt must contain at least one token');
  const rng = createRng(opts.seed);
  const ids = [...prompt];
  for (let k = 0; k < opts.length; k++) ids.push(pickToken(lastLogits(tf, p, ids), opts.temperature, rng.next(), opts.banned));
  return ids.slice(prompt.length);
}

/**
 * `generate` for the page: the same tokens for the same seed, but it awaits `yieldFn` every
 * `yieldEvery` tokens so the browser can paint, reports each token, and stops early when
 * `shouldStop` returns true.
 */
export async function generateAsync(
  tf: Tf,
  p: TinyTransformerParams,
  prompt: readonly number[],
  opts: GenerateOptions & { yieldFn?: () => Promise<void>; yieldEvery?: number; onToken?: (id: number, index: number) => void; shouldStop?: () => boolean },
): Promise<number[]> {
  if (prompt.length === 0) throw new RangeError('the prompt must contain at least one token');
  const rng = createRng(opts.seed);
  const ids = [...prompt];
  for (let k = 0; k < opts.length; k++) {
    if (opts.shouldStop?.()) break;
    const next = pickToken(lastLogits(tf, p, ids), opts.temperature, rng.next(), opts.banned);
    ids.push(next);
    opts.onToken?.(next, k);
    if (opts.yieldFn && (k + 1) % (opts.yieldEvery ?? 8) === 0) await opts.yieldFn();
  }
  return ids.slice(prompt.length);
}
