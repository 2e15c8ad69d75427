import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleCrossEntropy,
  binaryCrossEntropy,
  mse,
  relu,
  relu6,
  relu6Derivative,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  tanhDerivative,
} from '../../../src/lib/examples/activations.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { centralDiff, expectAllClose } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

// A grid that includes the kinks 0 and 6 and large magnitudes.
const GRID = [-30, -8, -6, -2, -0.5, -1e-3, 0, 1e-3, 0.5, 1.5, 2, 5.9, 6, 6.1, 8, 30];
const SMOOTH = GRID.filter((x) => ![0, 6].includes(x) && Math.abs(x) > 0.01);

/** Values and elementwise gradients of a TF.js op on GRID. */
function tfValuesAndGrads(op: (t: import('@tensorflow/tfjs-core').Tensor) => import('@tensorflow/tfjs-core').Tensor) {
  return tf.tidy(() => {
    const x = tf.tensor1d(GRID);
    const values = Array.from(op(x).dataSync());
    const grads = Array.from(
      tf
        .grad((t) => tf.sum(op(t)))(x)
        .dataSync(),
    );
    return { values, grads };
  });
}

describe('activation values (article 004 §4.2)', () => {
  it('σ(1.5) and σ(2) match numpy', () => {
    // computed with numpy: 1/(1+np.exp(-1.5)) = 0.8175744761936437, 1/(1+np.exp(-2.)) = 0.8807970779778823
    expect(sigmoid(1.5)).toBeCloseTo(0.8175744761936437, 15);
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
  });

  it('the article examples of ReLU / ReLU6', () => {
    expect([relu(-2), relu(2), relu6(-2), relu6(8)]).toEqual([0, 2, 0, 6]);
  });

  it('σ is finite and symmetric far out', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    for (const x of [0.3, 4, 20]) expect(sigmoid(x) + sigmoid(-x)).toBeCloseTo(1, 15);
  });

  it('match tf.sigmoid, tf.relu, tf.relu6 (float32)', () => {
    expectAllClose(GRID.map(sigmoid), tfValuesAndGrads((t) => tf.sigmoid(t)).values, 1e-7);
    expectAllClose(GRID.map(relu), tfValuesAndGrads((t) => tf.relu(t)).values, 1e-6);
    expectAllClose(GRID.map(relu6), tfValuesAndGrads((t) => tf.relu6(t)).values, 1e-6);
  });
});

describe('activation derivatives', () => {
  it('match central finite differences away from the kinks', () => {
    for (const x of SMOOTH) {
      expect(sigmoidDerivative(x)).toBeCloseTo(centralDiff(sigmoid, x), 8);
      expect(tanhDerivative(x)).toBeCloseTo(centralDiff(Math.tanh, x), 8);
      expect(reluDerivative(x)).toBeCloseTo(centralDiff(relu, x), 8);
      expect(relu6Derivative(x)).toBeCloseTo(centralDiff(relu6, x), 8);
    }
  });

  it('match the gradients of tf.sigmoid / tf.tanh / tf.relu / tf.relu6, kinks included', () => {
    expectAllClose(GRID.map(sigmoidDerivative), tfValuesAndGrads((t) => tf.sigmoid(t)).grads, 1e-7);
    expectAllClose(
      GRID.map(tanhDerivative),
      tf.tidy(() =>
        Array.from(
          tf
            .grad((t) => tf.sum(tf.tanh(t)))(tf.tensor1d(GRID))
            .dataSync(),
        ),
      ),
      1e-6,
    );
    expect(GRID.map(reluDerivative)).toEqual(tfValuesAndGrads((t) => tf.relu(t)).grads);
    expect(GRID.map(relu6Derivative)).toEqual(tfValuesAndGrads((t) => tf.relu6(t)).grads);
  });
});

describe('losses (article 004 §4.1)', () => {
  const yTrue = [3, 2, 5, 4, 6];
  const yPred = [3.1, 1.9, 5.2, 4.1, 6.1];

  it('MSE of the article vectors is 0.016, and matches tf.losses.meanSquaredError', () => {
    // computed with numpy: np.mean((y-yh)**2) = 0.015999999999999993 (sum 0.07999999999999996)
    expect(mse(yTrue, yPred)).toBeCloseTo(0.016, 15);
    const tfValue = tf.tidy(() => tf.losses.meanSquaredError(tf.tensor1d(yTrue), tf.tensor1d(yPred)).dataSync()[0]!);
    expect(Math.abs(mse(yTrue, yPred) - tfValue)).toBeLessThan(1e-7);
    expect(() => mse([1], [1, 2])).toThrow(RangeError);
  });

  // Labels of article 004 l.221; the probabilities are the seed guide's example (the article leaves them symbolic).
  const labels = [1, 0, 1, 0, 1];
  const probs = [0.9, 0.2, 0.8, 0.1, 0.7];

  it('BCE (sum and mean) and the article formula match numpy', () => {
    // computed with numpy: bce = -(t*log(q)+(1-t)*log(1-q)); bce.sum() = 1.0136830778828045,
    // bce.mean() = 0.20273661557656092; article form -(t*log(q)).sum() = 0.6851790109107685
    const bce = binaryCrossEntropy(labels, probs);
    expect(bce.sum).toBeCloseTo(1.0136830778828045, 14);
    expect(bce.mean).toBeCloseTo(0.20273661557656092, 14);
    expect(articleCrossEntropy(labels, probs)).toBeCloseTo(0.6851790109107685, 14);
    // The label-0 samples are invisible to the article's form:
    expect(articleCrossEntropy(labels, [0.9, 0.99, 0.8, 0.99, 0.7])).toBe(articleCrossEntropy(labels, probs));
    expect(binaryCrossEntropy(labels, [0.9, 0.99, 0.8, 0.99, 0.7]).sum).toBeGreaterThan(bce.sum + 5);
  });

  it('BCE matches tf.losses.logLoss (mean and SUM) and sigmoidCrossEntropy on logits', () => {
    const ours = binaryCrossEntropy(labels, probs, { epsilon: 1e-7 });
    const [mean, sum, sce] = tf.tidy(() => {
      const t = tf.tensor1d(labels);
      const p = tf.tensor1d(probs);
      const logits = tf.log(tf.div(p, tf.sub(1, p)));
      return [
        tf.losses.logLoss(t, p, undefined, 1e-7).dataSync()[0]!,
        tf.losses.logLoss(t, p, undefined, 1e-7, tf.Reduction.SUM).dataSync()[0]!,
        tf.losses.sigmoidCrossEntropy(t, logits).dataSync()[0]!,
      ];
    });
    expect(Math.abs(ours.mean - mean)).toBeLessThan(1e-6);
    expect(Math.abs(ours.sum - sum)).toBeLessThan(1e-5);
    expect(Math.abs(binaryCrossEntropy(labels, probs).mean - sce)).toBeLessThan(1e-6);
  });

  it('handles certain predictions without NaN', () => {
    expect(binaryCrossEntropy([1, 0], [1, 0]).sum).toBe(0);
    expect(binaryCrossEntropy([0], [1]).sum).toBe(Infinity);
    expect(Number.isFinite(binaryCrossEntropy([0], [1], { epsilon: 1e-7 }).sum)).toBe(true);
  });
});
