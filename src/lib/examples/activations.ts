/**
 * Activation functions and losses of article 004 §4.1–4.2 ("损失函数", "激活函数") — the math
 * widgets of port P004c. Plain JS numbers; the tests check them against TF.js ops.
 */

/**
 * σ(x) = 1 / (1 + e^(−x)) (article 004 l.234–236), evaluated without overflow for large |x|.
 * σ(2) = 0.8808 (the article rounds it to 0.86).
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ′(x) = σ(x)·(1 − σ(x)) (article 004 §4.2; also article 003 §4.3's σ′). */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** ReLU(x) = max(0, x) (article 004 l.247–249). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU′(x) = 1 for x > 0, else 0 (at the kink x = 0 the value 0 is used, as TF.js does). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/** ReLU6(x) = min(max(0, x), 6) (article 004 l.260–262). */
export function relu6(x: number): number {
  return Math.min(Math.max(0, x), 6);
}

/**
 * ReLU6′(x) = 1 for 0 < x ≤ 6, else 0. At the kinks this follows TF.js's gradient
 * (`step(x)·(x ≤ 6)`): 0 at x = 0, 1 at x = 6.
 */
export function relu6Derivative(x: number): number {
  return x > 0 && x <= 6 ? 1 : 0;
}

/** tanh and its derivative 1 − tanh², used by the hidden layer of the MLP (article 001 §3). */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

function sameLength(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  if (a.length === 0) throw new RangeError('empty input');
}

/**
 * MSE = (1/n) Σ (yᵢ − ŷᵢ)² (article 004 l.198–208). For the article's vectors
 * y = [3, 2, 5, 4, 6], ŷ = [3.1, 1.9, 5.2, 4.1, 6.1] this is 0.016; the article's "≈ 0.08" is the
 * sum before dividing by n = 5.
 */
export function mse(yTrue: readonly number[], yPred: readonly number[]): number {
  sameLength(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i]! - yPred[i]!) ** 2;
  return s / yTrue.length;
}

/** The ε `tf.losses.logLoss` adds inside its logarithms (its default), so that ln 0 never occurs. */
export const TF_LOG_LOSS_EPSILON = 1e-7;

/**
 * Binary cross-entropy −[y·ln ŷ + (1 − y)·ln(1 − ŷ)] per sample, summed and averaged — the
 * correct loss for article 004's binary example (l.221–223). `epsilon` (default 0) is added
 * inside the logarithms like `tf.losses.logLoss` does (which uses 1e-7); with 0, a probability of
 * exactly 0 or 1 on the wrong side gives Infinity.
 */
export function binaryCrossEntropy(
  yTrue: readonly number[],
  yProb: readonly number[],
  { epsilon = 0 }: { epsilon?: number } = {},
): { sum: number; mean: number; perSample: number[] } {
  sameLength(yTrue, yProb);
  const perSample = yTrue.map((y, i) => {
    const p = yProb[i]!;
    // Skip a 0·log(…) term instead of computing 0·(−Infinity) = NaN.
    const pos = y === 0 ? 0 : y * Math.log(p + epsilon);
    const neg = y === 1 ? 0 : (1 - y) * Math.log(1 - p + epsilon);
    return -(pos + neg);
  });
  const sum = perSample.reduce((s, v) => s + v, 0);
  return { sum, mean: sum / perSample.length, perSample };
}

/**
 * The article's formula CE = −Σ yᵢ·log ŷᵢ (article 004 l.213–223): the categorical form applied
 * to binary labels, so samples with label 0 contribute nothing, whatever their ŷ. Shown next to
 * `binaryCrossEntropy` to make that visible.
 */
export function articleCrossEntropy(yTrue: readonly number[], yProb: readonly number[]): number {
  sameLength(yTrue, yProb);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 0) s -= yTrue[i]! * Math.log(yProb[i]!);
  }
  return s;
}
