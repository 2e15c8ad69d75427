/**
 * Simple linear regression Y = β0 + β1·X — port P000 of the seed guide, for article 000
 * §4.1–4.5 (MSE/RMSE, least squares, gradient descent, ridge) and §5.2 (the TF 1.x script:
 * GradientDescentOptimizer(0.01), 1000 steps on X = [2,4,6,8], Y = [4,5,7,9]).
 *
 * Conventions (those of article 000):
 *   MSE(β) = (1/n) Σ (yᵢ − β0 − β1·xᵢ)²
 *   ridge objective J(β) = MSE(β) + λ·½·(β0² + β1²)   — the article penalises the intercept too.
 */
import type { Scalar } from '@tensorflow/tfjs-core';
import type { Tf } from './tf-runtime.ts';
import type { TrainControl } from './training-control.ts';
import { play, stepSession, type Session } from './session.ts';

/** Fitted line plus its fit statistics on the training points. */
export interface LinearFit {
  b0: number;
  b1: number;
  /** (1/n) Σ (yᵢ − ŷᵢ)², without any penalty. */
  mse: number;
  rmse: number;
  /** ŷᵢ = b0 + b1·xᵢ for every training xᵢ. */
  predictions: number[];
}

/** Ridge fit: also reports the objective the article minimises (MSE + penalty). */
export interface RidgeFit extends LinearFit {
  lambda: number;
  penalizeIntercept: boolean;
  objective: number;
}

/** One snapshot of a gradient-descent run (plain numbers only). */
export interface LinearEpoch {
  /** 0-based index of the update just applied. */
  epoch: number;
  /** Objective (MSE + ridge penalty) at the parameters *before* this update. */
  loss: number;
  b0: number;
  b1: number;
}

/** Result of a gradient-descent run; the same shape for the plain-JS and the TF.js trainer. */
export interface LinearTrainResult {
  b0: number;
  b1: number;
  /** losses[k] = objective before update k (what `optimizer.minimize(f, true)` returns). */
  losses: number[];
  /** Objective after the last update. */
  finalLoss: number;
  /** Unpenalised MSE after the last update. */
  mse: number;
  predictions: number[];
  epochsRun: number;
  /** True when `shouldStop` ended the run early (the fields above are then partial). */
  stopped: boolean;
}

/** Options shared by the two gradient-descent trainers. */
export interface LinearGdOptions {
  lr: number;
  epochs: number;
  /** λ of the article's ridge objective; 0 (default) = plain least squares. */
  ridgeLambda?: number;
  /** Whether the penalty includes β0 (default true, as written in article 000 §4.5). */
  penalizeIntercept?: boolean;
  /** Starting point (default 0, 0 like the article's `tf.Variable(0.0)`). */
  b0Init?: number;
  b1Init?: number;
}

function checkData(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new RangeError(`x has ${x.length} values, y has ${y.length}`);
  if (x.length < 2) throw new RangeError('need at least 2 points');
}

const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;

/** ŷ = b0 + b1·x for every x (article 000 §4.1). */
export function predictLinear(b0: number, b1: number, x: readonly number[]): number[] {
  return x.map((xi) => b0 + b1 * xi);
}

/** MSE = (1/n) Σ (yᵢ − b0 − b1·xᵢ)² (article 000 §4.1, formula at l.209–211). */
export function linearMse(b0: number, b1: number, x: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (y[i]! - b0 - b1 * x[i]!) ** 2;
  return s / x.length;
}

function fitStats(b0: number, b1: number, x: readonly number[], y: readonly number[]): LinearFit {
  const mse = linearMse(b0, b1, x, y);
  return { b0, b1, mse, rmse: Math.sqrt(mse), predictions: predictLinear(b0, b1, x) };
}

/**
 * Ordinary least squares in closed form (article 000 §4.2–4.4, the corrected version of the
 * hand computation at l.256–306): β1 = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)², β0 = ȳ − β1·x̄.
 * Throws a RangeError if the lengths differ, n < 2 or all x are equal.
 */
export function leastSquares(x: readonly number[], y: readonly number[]): LinearFit {
  checkData(x, y);
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  if (sxx === 0) throw new RangeError('all x values are equal: the slope is undefined');
  const b1 = sxy / sxx;
  return fitStats(my - b1 * mx, b1, x, y);
}

/**
 * Ridge regression in closed form for the objective of article 000 §4.5 (l.312–314):
 *
 *   J(β0, β1) = (1/n) Σ (yᵢ − β0 − β1xᵢ)² + λ·½·(β0² + β1²)
 *
 * Setting the gradient to zero:
 *   ∂J/∂β0 = −(2/n) Σ rᵢ     + λβ0 = 0,   rᵢ = yᵢ − β0 − β1xᵢ
 *   ∂J/∂β1 = −(2/n) Σ rᵢ·xᵢ  + λβ1 = 0
 * and multiplying by n/2 gives the normal equations
 *   (n + nλ/2)·β0 + (Σx)·β1         = Σy
 *   (Σx)·β0       + (Σx² + nλ/2)·β1 = Σxy
 * i.e. (AᵀA + (nλ/2)·I)β = Aᵀy with A = [1, x]. With `penalizeIntercept: false` the penalty is
 * λ·½·β1² only and the top-left entry stays n. (So λ here equals α·2/n of scikit-learn's
 * `Ridge(alpha)`, which minimises ‖y − Aβ‖² + α‖β‖².) Solved by Cramer's rule.
 */
export function ridge(
  x: readonly number[],
  y: readonly number[],
  lambda: number,
  { penalizeIntercept = true }: { penalizeIntercept?: boolean } = {},
): RidgeFit {
  checkData(x, y);
  if (!(lambda >= 0)) throw new RangeError(`lambda must be ≥ 0, got ${lambda}`);
  const n = x.length;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sxx += x[i]! * x[i]!;
    sy += y[i]!;
    sxy += x[i]! * y[i]!;
  }
  const k = (n * lambda) / 2;
  const a11 = n + (penalizeIntercept ? k : 0);
  const a12 = sx;
  const a22 = sxx + k;
  const det = a11 * a22 - a12 * a12;
  if (det === 0) throw new RangeError('singular normal equations (all x equal and λ = 0?)');
  const b0 = (sy * a22 - a12 * sxy) / det;
  const b1 = (a11 * sxy - a12 * sy) / det;
  const stats = fitStats(b0, b1, x, y);
  const penalty = (lambda / 2) * ((penalizeIntercept ? b0 * b0 : 0) + b1 * b1);
  return { ...stats, lambda, penalizeIntercept, objective: stats.mse + penalty };
}

/**
 * Batch gradient descent on the article's objective in plain JS numbers (article 000 §4.2 and
 * §4.5 update rules, with the gradients written out):
 *   β0 ← β0 − α·(−(2/n) Σ rᵢ + λβ0),   β1 ← β1 − α·(−(2/n) Σ rᵢxᵢ + λβ1).
 * Reference for `trainLinearTf`: same lr/epochs → same numbers up to float32 rounding.
 */
export function gradientDescentPlain(x: readonly number[], y: readonly number[], opts: LinearGdOptions): LinearTrainResult {
  checkData(x, y);
  const { lr, epochs, ridgeLambda = 0, penalizeIntercept = true } = opts;
  const n = x.length;
  const lam0 = penalizeIntercept ? ridgeLambda : 0;
  const objective = (b0: number, b1: number) => linearMse(b0, b1, x, y) + (ridgeLambda / 2) * ((penalizeIntercept ? b0 * b0 : 0) + b1 * b1);
  let b0 = opts.b0Init ?? 0;
  let b1 = opts.b1Init ?? 0;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    losses.push(objective(b0, b1));
    let sr = 0;
    let srx = 0;
    for (let i = 0; i < n; i++) {
      const r = y[i]! - b0 - b1 * x[i]!;
      sr += r;
      srx += r * x[i]!;
    }
    const g0 = (-2 / n) * sr + lam0 * b0;
    const g1 = (-2 / n) * srx + ridgeLambda * b1;
    b0 -= lr * g0;
    b1 -= lr * g1;
  }
  const mse = linearMse(b0, b1, x, y);
  return {
    b0,
    b1,
    losses,
    finalLoss: objective(b0, b1),
    mse,
    predictions: predictLinear(b0, b1, x),
    epochsRun: epochs,
    stopped: false,
  };
}

/** Options of `trainLinearTf`: the data, the GD settings and the island's control hooks. */
export interface LinearTfOptions extends LinearGdOptions, TrainControl<LinearEpoch> {
  x: readonly number[];
  y: readonly number[];
}

/** A linear-regression session: one full-batch epoch per `step()`, and the result so far. */
export interface LinearSession extends Session<LinearEpoch> {
  /** The fit as it stands (`stopped` when fewer epochs than asked have run). */
  result(): LinearTrainResult;
}

/**
 * The TF.js port of article 000 §5.2 (P000): `tf.variable` β0, β1, `tf.train.sgd(lr)` and
 * `optimizer.minimize(() => tf.losses.meanSquaredError(Y, β0 + β1·X) [+ λ·½(β0² + β1²)])`
 * once per epoch (full batch), one epoch per `step()`. `dispose()` frees every tensor,
 * variable and the optimizer.
 */
export function createLinearSession(tf: Tf, opts: LinearGdOptions & { x: readonly number[]; y: readonly number[] }): LinearSession {
  const { x, y, lr, epochs, ridgeLambda = 0, penalizeIntercept = true } = opts;
  checkData(x, y);
  const X = tf.tensor1d(x as number[]);
  const Y = tf.tensor1d(y as number[]);
  const makeVar = (v: number) => {
    const init = tf.scalar(v);
    const variable = tf.variable(init, true);
    init.dispose();
    return variable;
  };
  const b0 = makeVar(opts.b0Init ?? 0);
  const b1 = makeVar(opts.b1Init ?? 0);
  const optimizer = tf.train.sgd(lr);
  const losses: number[] = [];
  const lossFn = () => {
    const pred = tf.add(b0, tf.mul(b1, X));
    const mse = tf.losses.meanSquaredError(Y, pred);
    if (ridgeLambda === 0) return mse as Scalar;
    const sq = penalizeIntercept ? tf.add(tf.square(b0), tf.square(b1)) : tf.square(b1);
    return tf.add(mse, tf.mul(ridgeLambda / 2, sq)) as Scalar;
  };
  const session = stepSession<LinearEpoch>(
    epochs,
    (epoch) => {
      const cost = optimizer.minimize(lossFn, true, [b0, b1]);
      const loss = cost!.dataSync()[0]!;
      cost!.dispose();
      losses.push(loss);
      return { epoch, loss, b0: b0.dataSync()[0]!, b1: b1.dataSync()[0]! };
    },
    () => {
      optimizer.dispose();
      b0.dispose();
      b1.dispose();
      X.dispose();
      Y.dispose();
    },
  );
  return Object.assign(session, {
    result(): LinearTrainResult {
      const fb0 = b0.dataSync()[0]!;
      const fb1 = b1.dataSync()[0]!;
      const mse = linearMse(fb0, fb1, x, y);
      const penalty = (ridgeLambda / 2) * ((penalizeIntercept ? fb0 * fb0 : 0) + fb1 * fb1);
      const epochsRun = session.done;
      return {
        b0: fb0,
        b1: fb1,
        losses: [...losses],
        finalLoss: mse + penalty,
        mse,
        predictions: predictLinear(fb0, fb1, x),
        epochsRun,
        stopped: epochsRun < epochs,
      };
    },
  });
}

/** Runs a whole linear-regression session with the control hooks, then frees it (also on error). */
export async function trainLinearTf(tf: Tf, opts: LinearTfOptions): Promise<LinearTrainResult> {
  const session = createLinearSession(tf, opts);
  try {
    await play(session, opts);
    return session.result();
  } finally {
    session.dispose();
  }
}
