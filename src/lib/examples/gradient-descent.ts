/**
 * Batch vs mini-batch vs stochastic gradient descent on seeded data y = 1 + 2x + ε — port P001b of
 * the seed guide for article 001 §3.4 / §4.1.1 and article 004 §4.3 ("梯度下降": SGD, BGD, MBGD and
 * the worked update θ ← θ − α∇J). Plain JS numbers, no TF.js.
 *
 * Loss convention: J(β) = (1/2m) Σ (yᵢ − β0 − β1xᵢ)² over the m points of a batch, whose gradient is
 * −(1/m) Σ rᵢ·[1, xᵢ] (rᵢ = yᵢ − ŷᵢ). That makes the corrected article-001 rule
 * βⱼ ← βⱼ + α·(1/m)·Σ rᵢ·xᵢⱼ exactly gradient descent. Reported `mse` values are the usual
 * (1/n) Σ rᵢ² on the full data set.
 */
import { createRng } from './random.ts';

/** A regression data set (article 001 §4 / 004 §4.3 examples, P001b). */
export interface XYData {
  x: number[];
  y: number[];
}

/**
 * Seeded synthetic data y = intercept + slope·x + N(0, noiseSd²), x uniform in [xMin, xMax)
 * (seed guide P001b: "y = 1 + 2x + ε"). Defaults: n 100, x in [0, 2), noise sd 0.5.
 */
export function makeLinearData({
  n = 100,
  seed = 1,
  noiseSd = 0.5,
  xMin = 0,
  xMax = 2,
  intercept = 1,
  slope = 2,
}: {
  n?: number;
  seed?: number;
  noiseSd?: number;
  xMin?: number;
  xMax?: number;
  intercept?: number;
  slope?: number;
} = {}): XYData {
  const rng = createRng(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = rng.uniform(xMin, xMax);
    x.push(xi);
    y.push(intercept + slope * xi + rng.normal(0, noiseSd));
  }
  return { x, y };
}

/**
 * θ ← θ − α·∇θJ(θ), element by element (article 004 §4.3, l.285–301). For the article's example
 * parameterUpdate([1, 2, 3], [0.1, 0.2, 0.3], 0.05) = [0.995, 1.99, 2.985] (not 0.95/1.9/2.7).
 */
export function parameterUpdate(theta: readonly number[], grad: readonly number[], lr: number): number[] {
  if (theta.length !== grad.length) {
    throw new RangeError(`theta has ${theta.length} entries, the gradient ${grad.length}`);
  }
  return theta.map((t, i) => t - lr * grad[i]!);
}

/** Full-data MSE (1/n) Σ (yᵢ − b0 − b1xᵢ)² (article 004 §4.1 formula; the y-axis of the P001b charts). */
export function mseOf(b0: number, b1: number, data: XYData): number {
  let s = 0;
  for (let i = 0; i < data.x.length; i++) s += (data.y[i]! - b0 - b1 * data.x[i]!) ** 2;
  return s / data.x.length;
}

/**
 * Gradient of J = (1/2m) Σ rᵢ² over the points `indices` of `data`: [∂J/∂β0, ∂J/∂β1] — the ∇θJ of
 * article 004 §4.3 and the corrected article 001 §4.1.1 rule.
 */
export function batchGradient(b0: number, b1: number, data: XYData, indices: readonly number[]): [number, number] {
  let g0 = 0;
  let g1 = 0;
  for (const i of indices) {
    const r = data.y[i]! - b0 - b1 * data.x[i]!;
    g0 -= r;
    g1 -= r * data.x[i]!;
  }
  const m = indices.length;
  return [g0 / m, g1 / m];
}

/** The three variants of article 004 §4.3 (BGD, MBGD, SGD). */
export type GdMode = 'batch' | 'mini-batch' | 'stochastic';

/** Settings of a step-by-step run (article 004 §4.3 variants, P001b). */
export interface GdOptions {
  mode: GdMode;
  lr: number;
  epochs: number;
  /** Points per update in 'mini-batch' mode (default 10, the article's example); ignored otherwise. */
  batchSize?: number;
  /** Seed of the per-epoch shuffle ('mini-batch' and 'stochastic'). */
  seed?: number;
  /** Shuffle the order of the points every epoch (default true). */
  shuffle?: boolean;
  b0Init?: number;
  b1Init?: number;
}

/** State after one parameter update (article 004 §4.3, P001b). */
export interface GdStep {
  /** 1-based count of updates so far. */
  update: number;
  /** 0-based epoch the update belongs to. */
  epoch: number;
  /** Indices of the points used by this update. */
  indices: number[];
  /** J on this batch before the update. */
  batchLoss: number;
  gradient: [number, number];
  b0: number;
  b1: number;
  /** Full-data MSE after the update (comparable across modes). */
  mse: number;
}

/** Points per update for a mode: BGD n, MBGD batchSize (article 004's example: 10), SGD 1. */
export function effectiveBatchSize(mode: GdMode, n: number, batchSize = 10): number {
  if (mode === 'batch') return n;
  if (mode === 'stochastic') return 1;
  return Math.max(1, Math.min(n, Math.floor(batchSize)));
}

/**
 * Step-by-step gradient descent (article 001 §3.4 loop, article 004 §4.3 variants): yields the state
 * after every update, so a UI can draw each step. Batch = 1 update per epoch; mini-batch =
 * ⌈n / batchSize⌉ updates (the last batch may be smaller); stochastic = n updates of one point.
 */
export function* gradientDescentSteps(data: XYData, opts: GdOptions): Generator<GdStep, void, undefined> {
  const n = data.x.length;
  if (n === 0 || data.y.length !== n) throw new RangeError('x and y must be non-empty and of equal length');
  const size = effectiveBatchSize(opts.mode, n, opts.batchSize);
  const rng = createRng(opts.seed ?? 1);
  const order = Array.from({ length: n }, (_, i) => i);
  const shuffle = (opts.shuffle ?? true) && opts.mode !== 'batch';
  let b0 = opts.b0Init ?? 0;
  let b1 = opts.b1Init ?? 0;
  let update = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const perm = shuffle ? rng.shuffled(order) : order;
    for (let start = 0; start < n; start += size) {
      const indices = perm.slice(start, start + size);
      let batchLoss = 0;
      for (const i of indices) batchLoss += (data.y[i]! - b0 - b1 * data.x[i]!) ** 2;
      batchLoss /= 2 * indices.length;
      const gradient = batchGradient(b0, b1, data, indices);
      [b0, b1] = parameterUpdate([b0, b1], gradient, opts.lr) as [number, number];
      update++;
      yield { update, epoch, indices, batchLoss, gradient, b0, b1, mse: mseOf(b0, b1, data) };
    }
  }
}

/** Runs `gradientDescentSteps` (article 004 §4.3, P001b) to the end and returns every step (for charts and tests). */
export function gradientDescentPath(data: XYData, opts: GdOptions): GdStep[] {
  return [...gradientDescentSteps(data, opts)];
}

/** A point of an article-001 §4.1.1 trajectory (broken or corrected update). */
export interface Article001Point {
  step: number;
  b0: number;
  b1: number;
  mse: number;
}

/**
 * Article 001 §4.1.1 (l.227–233) as written — "broken": the first rule subtracts the *loss*
 * instead of its gradient and the second has the wrong sign (updates applied simultaneously):
 *   β1 ← β1 − α·(1/m)·Σ (yᵢ − (β0 + β1xᵢ))²
 *   β0 ← β0 − α·(1/m)·Σ (yᵢ − (β0 + β1xᵢ))
 */
export function article001BrokenUpdate(b0: number, b1: number, data: XYData, lr: number): [number, number] {
  const { meanResidual, meanSquaredResidual } = residualMeans(b0, b1, data);
  return [b0 - lr * meanResidual, b1 - lr * meanSquaredResidual];
}

/** (1/m) Σ rᵢ and (1/m) Σ rᵢ² with rᵢ = yᵢ − (β0 + β1xᵢ): the two sums article 001's rule uses. */
export function residualMeans(b0: number, b1: number, data: XYData): { meanResidual: number; meanSquaredResidual: number } {
  const m = data.x.length;
  let sr = 0;
  let sr2 = 0;
  for (let i = 0; i < m; i++) {
    const r = data.y[i]! - (b0 + b1 * data.x[i]!);
    sr += r;
    sr2 += r * r;
  }
  return { meanResidual: sr / m, meanSquaredResidual: sr2 / m };
}

/**
 * The corrected article-001 rule: βⱼ ← βⱼ + α·(1/m)·Σ (yᵢ − ŷᵢ)·φⱼ(xᵢ) with φ0 = 1, φ1 = x
 * (full-batch gradient descent on J = (1/2m) Σ rᵢ²).
 */
export function article001CorrectedUpdate(b0: number, b1: number, data: XYData, lr: number): [number, number] {
  const all = Array.from({ length: data.x.length }, (_, i) => i);
  return parameterUpdate([b0, b1], batchGradient(b0, b1, data, all), lr) as [number, number];
}

/**
 * Runs the broken and the corrected article-001 updates side by side from (b0Init, b1Init).
 * The broken run stops at the first non-finite value; `brokenDivergedAt` is that step (or null
 * if it stayed finite for all `steps`). Entry 0 of each trajectory is the starting point.
 */
export function article001Comparison(
  data: XYData,
  { lr = 0.01, steps = 100, b0Init = 0, b1Init = 0 }: { lr?: number; steps?: number; b0Init?: number; b1Init?: number } = {},
): { broken: Article001Point[]; corrected: Article001Point[]; brokenDivergedAt: number | null } {
  const broken: Article001Point[] = [{ step: 0, b0: b0Init, b1: b1Init, mse: mseOf(b0Init, b1Init, data) }];
  const corrected: Article001Point[] = [broken[0]!];
  let brokenDivergedAt: number | null = null;
  let [bb0, bb1] = [b0Init, b1Init];
  let [cb0, cb1] = [b0Init, b1Init];
  for (let step = 1; step <= steps; step++) {
    [cb0, cb1] = article001CorrectedUpdate(cb0, cb1, data, lr);
    corrected.push({ step, b0: cb0, b1: cb1, mse: mseOf(cb0, cb1, data) });
    if (brokenDivergedAt === null) {
      [bb0, bb1] = article001BrokenUpdate(bb0, bb1, data, lr);
      const mse = mseOf(bb0, bb1, data);
      broken.push({ step, b0: bb0, b1: bb1, mse });
      if (![bb0, bb1, mse].every(Number.isFinite)) brokenDivergedAt = step;
    }
  }
  return { broken, corrected, brokenDivergedAt };
}
