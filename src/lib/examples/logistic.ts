/**
 * A single sigmoid neuron (logistic regression) — port P003a of the seed guide for article 003
 * §4.3 "例子：逻辑回归" (l.170–220): ŷ = σ(θ·x + b), binary cross-entropy, the analytic gradient
 * ∂L/∂θ = (ŷ − y)·x, ∂L/∂b = ŷ − y, one update, and full-batch training on seeded 2-D clusters.
 */
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';
import { sigmoid } from './activations.ts';
import { createRng } from './random.ts';
import type { Tf } from './tf-runtime.ts';
import type { TrainControl } from './training-control.ts';
import { play, stepSession, type Session } from './session.ts';

/** A labelled 2-D data set: points[i] = [x1, x2], labels[i] ∈ {0, 1} (inputs x = (x1, x2) of article 003 §4.3). */
export interface LabelledPoints {
  points: [number, number][];
  labels: number[];
}

/** Forward pass z = θ·x + b, ŷ = σ(z) (article 003 l.174–192). */
export function logisticForward(theta: readonly number[], b: number, x: readonly number[]): { z: number; yHat: number } {
  if (theta.length !== x.length) throw new RangeError(`theta has ${theta.length} weights, x has ${x.length} features`);
  let z = b;
  for (let i = 0; i < x.length; i++) z += theta[i]! * x[i]!;
  return { z, yHat: sigmoid(z) };
}

/**
 * Binary cross-entropy of one sample, L = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)], computed from the logit z
 * so it stays finite: L = softplus(z) − y·z. (The article's l.198–200 writes y for both the label
 * and the output.)
 */
export function bceFromLogit(z: number, y: number): number {
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - y * z;
}

/** Loss and analytic gradient of one sample: ∂L/∂θᵢ = (ŷ − y)·xᵢ, ∂L/∂b = ŷ − y (article 003 §4.3, corrected). */
export interface LogisticGradient {
  z: number;
  yHat: number;
  loss: number;
  dTheta: number[];
  dB: number;
}

/**
 * The back-propagation of article 003 l.194–214, corrected: with σ′ = σ(1 − σ) and
 * ∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ), the chain rule gives ∂L/∂z = ŷ − y, so ∂L/∂θᵢ = (ŷ − y)·xᵢ.
 */
export function logisticGradient(theta: readonly number[], b: number, x: readonly number[], y: number): LogisticGradient {
  const { z, yHat } = logisticForward(theta, b, x);
  const dz = yHat - y;
  return { z, yHat, loss: bceFromLogit(z, y), dTheta: x.map((xi) => dz * xi), dB: dz };
}

/** One gradient step on one sample: θ ← θ − α·(ŷ − y)·x, b ← b − α·(ŷ − y) (article 003 l.218–220, corrected). */
export function logisticUpdate(
  theta: readonly number[],
  b: number,
  x: readonly number[],
  y: number,
  lr: number,
): { theta: number[]; b: number; gradient: LogisticGradient } {
  const gradient = logisticGradient(theta, b, x, y);
  return { theta: theta.map((t, i) => t - lr * gradient.dTheta[i]!), b: b - lr * gradient.dB, gradient };
}

/**
 * The article's update exactly as written (article 003 l.212–220), for an "as written vs correct"
 * comparison: θ1 ← θ1 − α·(1 − ŷ)·σ′(θ1 + b) with ŷ = σ(θ1 + b) (x = (1, 0), the label never
 * enters). Returns the step's factor and the new θ1.
 */
export function articleLogisticUpdateAsWritten(theta1: number, b: number, lr: number): { factor: number; theta1: number } {
  const yHat = sigmoid(theta1 + b);
  const factor = (1 - yHat) * yHat * (1 - yHat);
  return { factor, theta1: theta1 - lr * factor };
}

/**
 * The same single-sample loss and gradient through TF.js autodiff: `tf.grads` of
 * `tf.losses.sigmoidCrossEntropy(y, θ·x + b)` (seed guide P003a). Disposes every tensor.
 */
export function logisticGradientTf(
  tf: Tf,
  theta: readonly number[],
  b: number,
  x: readonly number[],
  y: number,
): { loss: number; dTheta: number[]; dB: number } {
  return tf.tidy(() => {
    const X = tf.tensor1d(x as number[]);
    const Y = tf.scalar(y);
    const f = (th: Tensor, bias: Tensor) => tf.losses.sigmoidCrossEntropy(Y, tf.add(tf.sum(tf.mul(th, X)), bias));
    const { value, grads } = tf.valueAndGrads(f as (...args: Tensor[]) => Scalar)([tf.tensor1d(theta as number[]), tf.scalar(b)]);
    return {
      loss: value.dataSync()[0]!,
      dTheta: Array.from(grads[0]!.dataSync()),
      dB: grads[1]!.dataSync()[0]!,
    };
  });
}

/**
 * Seeded two-cluster data: class 0 around c0, class 1 around c1, isotropic normal noise of sd
 * `sd`; points interleaved 0, 1, 0, 1, … Defaults: 50 per class, c0 = (−1, −1), c1 = (1, 1), sd 0.8.
 */
export function makeTwoClusters({
  nPerClass = 50,
  seed = 1,
  sd = 0.8,
  c0 = [-1, -1],
  c1 = [1, 1],
}: { nPerClass?: number; seed?: number; sd?: number; c0?: [number, number]; c1?: [number, number] } = {}): LabelledPoints {
  const rng = createRng(seed);
  const points: [number, number][] = [];
  const labels: number[] = [];
  for (let i = 0; i < nPerClass; i++) {
    for (const [label, c] of [
      [0, c0],
      [1, c1],
    ] as const) {
      points.push([rng.normal(c[0], sd), rng.normal(c[1], sd)]);
      labels.push(label);
    }
  }
  return { points, labels };
}

/** Seeded starting weights θ ~ N(0, 0.1²) and b = 0, shared by the plain and the TF.js trainer (P003a). */
export function initLogisticParams(seed: number, features = 2): { theta: number[]; b: number } {
  const rng = createRng(seed);
  return { theta: Array.from({ length: features }, () => rng.normal(0, 0.1)), b: 0 };
}

/** Mean BCE and accuracy (threshold 0.5) of (θ, b) on a data set (article 003 §4.3 model, P003a). */
export function logisticMetrics(theta: readonly number[], b: number, data: LabelledPoints): { loss: number; accuracy: number } {
  let loss = 0;
  let correct = 0;
  data.points.forEach((p, i) => {
    const { z, yHat } = logisticForward(theta, b, p);
    const y = data.labels[i]!;
    loss += bceFromLogit(z, y);
    if ((yHat >= 0.5 ? 1 : 0) === y) correct++;
  });
  return { loss: loss / data.points.length, accuracy: correct / data.points.length };
}

/** One epoch snapshot of logistic training (P003a). */
export interface LogisticEpoch {
  epoch: number;
  /** Mean BCE before this epoch's update. */
  loss: number;
  theta: number[];
  b: number;
}

/** Result of a logistic training run, plain or TF.js (P003a). */
export interface LogisticTrainResult {
  theta: number[];
  b: number;
  /** losses[k] = mean BCE before update k. */
  losses: number[];
  /** Mean BCE and accuracy after the last update. */
  loss: number;
  accuracy: number;
  epochsRun: number;
  stopped: boolean;
}

/** Settings of a logistic training run (P003a). */
export interface LogisticTrainOptions {
  data: LabelledPoints;
  lr: number;
  epochs: number;
  /** Seed of the initial weights (`initLogisticParams`). */
  seed: number;
}

/**
 * Full-batch gradient descent on the mean BCE in plain JS (reference for `trainLogisticTf`):
 * ∂J/∂θ = (1/n) Σ (ŷᵢ − yᵢ)·xᵢ, ∂J/∂b = (1/n) Σ (ŷᵢ − yᵢ).
 */
export function trainLogisticPlain({ data, lr, epochs, seed }: LogisticTrainOptions): LogisticTrainResult {
  let { theta, b } = initLogisticParams(seed, data.points[0]?.length ?? 2);
  const n = data.points.length;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const dTheta = theta.map(() => 0);
    let dB = 0;
    let loss = 0;
    data.points.forEach((p, i) => {
      const g = logisticGradient(theta, b, p, data.labels[i]!);
      loss += g.loss;
      g.dTheta.forEach((d, j) => (dTheta[j]! += d));
      dB += g.dB;
    });
    losses.push(loss / n);
    theta = theta.map((t, j) => t - (lr * dTheta[j]!) / n);
    b -= (lr * dB) / n;
  }
  return { theta, b, losses, ...logisticMetrics(theta, b, data), epochsRun: epochs, stopped: false };
}

/** A logistic-regression session: one full-batch epoch per `step()`, and the result so far. */
export interface LogisticSession extends Session<LogisticEpoch> {
  result(): LogisticTrainResult;
}

/**
 * The TF.js trainer of port P003a: θ and b as `tf.variable`s initialised from `seed`,
 * `tf.train.sgd(lr)` minimising `tf.losses.sigmoidCrossEntropy(labels, X·θ + b)` once per epoch
 * (full batch), one epoch per `step()`; `dispose()` frees everything.
 */
export function createLogisticSession(tf: Tf, opts: LogisticTrainOptions): LogisticSession {
  const { data, lr, epochs, seed } = opts;
  const init = initLogisticParams(seed, data.points[0]?.length ?? 2);
  const X = tf.tensor2d(data.points);
  const Y = tf.tensor2d(data.labels, [data.labels.length, 1]);
  const thetaInit = tf.tensor2d(init.theta, [init.theta.length, 1]);
  const bInit = tf.scalar(init.b);
  const theta = tf.variable(thetaInit, true);
  const b = tf.variable(bInit, true);
  thetaInit.dispose();
  bInit.dispose();
  const optimizer = tf.train.sgd(lr);
  const losses: number[] = [];
  const lossFn = () => tf.losses.sigmoidCrossEntropy(Y, tf.add(tf.matMul(X, theta), b)) as Scalar;
  const session = stepSession<LogisticEpoch>(
    epochs,
    (epoch) => {
      const cost = optimizer.minimize(lossFn, true, [theta, b])!;
      const loss = cost.dataSync()[0]!;
      cost.dispose();
      losses.push(loss);
      return { epoch, loss, theta: Array.from(theta.dataSync()), b: b.dataSync()[0]! };
    },
    () => {
      optimizer.dispose();
      theta.dispose();
      b.dispose();
      X.dispose();
      Y.dispose();
    },
  );
  return Object.assign(session, {
    result(): LogisticTrainResult {
      const th = Array.from(theta.dataSync());
      const bb = b.dataSync()[0]!;
      return { theta: th, b: bb, losses: [...losses], ...logisticMetrics(th, bb, data), epochsRun: session.done, stopped: session.done < epochs };
    },
  });
}

/** Runs a whole logistic-regression session with the control hooks, then frees it (also on error). */
export async function trainLogisticTf(tf: Tf, opts: LogisticTrainOptions & TrainControl<LogisticEpoch>): Promise<LogisticTrainResult> {
  const session = createLogisticSession(tf, opts);
  try {
    await play(session, opts);
    return session.result();
  } finally {
    session.dispose();
  }
}

/** Plot box for `decisionBoundary` (P003a scatter plot). */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * End points of the decision boundary θ1·x1 + θ2·x2 + b = 0 (where ŷ = 0.5) clipped to `box`, for
 * drawing the line over the scatter plot. Returns null when the line misses the box or θ = 0.
 */
export function decisionBoundary(
  theta: readonly number[],
  b: number,
  box: Box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 },
): [[number, number], [number, number]] | null {
  const [t1 = 0, t2 = 0] = theta;
  if (t1 === 0 && t2 === 0) return null;
  const tol = 1e-9 * Math.max(1, Math.abs(box.xMax - box.xMin), Math.abs(box.yMax - box.yMin));
  const candidates: [number, number][] = [];
  if (t2 !== 0) {
    for (const x of [box.xMin, box.xMax]) candidates.push([x, -(t1 * x + b) / t2]);
  }
  if (t1 !== 0) {
    for (const y of [box.yMin, box.yMax]) candidates.push([-(t2 * y + b) / t1, y]);
  }
  const inside = candidates.filter(([x, y]) => x >= box.xMin - tol && x <= box.xMax + tol && y >= box.yMin - tol && y <= box.yMax + tol);
  const unique: [number, number][] = [];
  for (const p of inside) {
    if (!unique.some((q) => Math.abs(q[0] - p[0]) <= tol && Math.abs(q[1] - p[1]) <= tol)) unique.push(p);
  }
  if (unique.length < 2) return null;
  // With a corner counted once, at most two distinct points remain; take the two farthest apart.
  let best: [[number, number], [number, number]] = [unique[0]!, unique[1]!];
  let bestD = -1;
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      const d = (unique[i]![0] - unique[j]![0]) ** 2 + (unique[i]![1] - unique[j]![1]) ** 2;
      if (d > bestD) {
        bestD = d;
        best = [unique[i]!, unique[j]!];
      }
    }
  }
  return best;
}
