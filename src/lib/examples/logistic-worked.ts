/**
 * The worked example of article 003 §4.3 (one sigmoid neuron, θ1 = 1, b = 0.5, x = (1, 0)) as the
 * table the logistic island shows: every quantity of the forward pass, the loss, the chain rule and
 * one update, computed three ways — the corrected formulas (plain JS), TF.js autodiff (tf.grads),
 * and the article's formulas exactly as printed (errata E003-05 … E003-10).
 */
import { sigmoid } from './activations.ts';
import { articleLogisticUpdateAsWritten, logisticGradient, logisticGradientTf, logisticUpdate } from './logistic.ts';
import type { Tf } from './tf-runtime.ts';

/** One label's column of the worked example. */
export interface WorkedColumn {
  /** z = θ·x + b */
  z: number;
  /** ŷ = σ(z) */
  yHat: number;
  /** Binary cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)] */
  loss: number;
  /** ∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) (undefined where autodiff does not expose it) */
  dLossDyHat?: number;
  /** σ′(z) = ŷ(1 − ŷ) */
  sigmoidPrime?: number;
  /** ∂L/∂θ1 */
  dTheta1: number;
  /** ∂L/∂b */
  dB: number;
  /** θ1 after one step of size α */
  theta1Next: number;
  /** b after one step of size α */
  bNext: number;
}

/** Corrected formulas (E003-05 … E003-10 corrections), plain JS, for label y and step α. */
export function workedColumn(theta: readonly number[], b: number, x: readonly number[], y: number, alpha: number): WorkedColumn {
  const g = logisticGradient(theta, b, x, y);
  const next = logisticUpdate(theta, b, x, y, alpha);
  return {
    z: g.z,
    yHat: g.yHat,
    loss: g.loss,
    dLossDyHat: -y / g.yHat + (1 - y) / (1 - g.yHat),
    sigmoidPrime: g.yHat * (1 - g.yHat),
    dTheta1: g.dTheta[0]!,
    dB: g.dB,
    theta1Next: next.theta[0]!,
    bNext: next.b,
  };
}

/**
 * The same quantities from TF.js: loss and gradients by `tf.valueAndGrads` of
 * `tf.losses.sigmoidCrossEntropy` (logisticGradientTf), z and ŷ by tf ops, the step from the tf
 * gradients. Disposes every tensor.
 */
export function workedColumnTf(tf: Tf, theta: readonly number[], b: number, x: readonly number[], y: number, alpha: number): WorkedColumn {
  const g = logisticGradientTf(tf, theta, b, x, y);
  const [z, yHat] = tf.tidy(() => {
    const zT = tf.add(tf.sum(tf.mul(tf.tensor1d(theta as number[]), tf.tensor1d(x as number[]))), tf.scalar(b));
    return [zT.dataSync()[0]!, tf.sigmoid(zT).dataSync()[0]!];
  });
  return {
    z: z!,
    yHat: yHat!,
    loss: g.loss,
    dTheta1: g.dTheta[0]!,
    dB: g.dB,
    theta1Next: theta[0]! - alpha * g.dTheta[0]!,
    bNext: b - alpha * g.dB,
  };
}

/**
 * The article's formulas as printed, with its single symbol y read as the prediction ŷ = σ(θ1 + b)
 * (x = (1, 0)); none of them involves the label:
 *   L = −ŷ ln ŷ − (1 − ŷ) ln(1 − ŷ)           (E003-06: the entropy of ŷ)
 *   ∂L/∂y = 1 − ŷ                               (E003-07: the article's stated result)
 *   ∂y/∂θ1 = σ′(θ1 + b)                         (E003-08)
 *   ∂L/∂θ1 = (1 − ŷ)·σ′(θ1 + b)                 (E003-09)
 *   θ1 ← θ1 − α·(1 − ŷ)·σ′(θ1 + b)              (E003-10; b is not updated)
 */
export function articleAsWritten(
  theta1: number,
  b: number,
  alpha: number,
): {
  z: number;
  yHat: number;
  loss: number;
  dLossDy: number;
  sigmoidPrime: number;
  dTheta1: number;
  theta1Next: number;
} {
  const z = theta1 + b;
  const yHat = sigmoid(z);
  const update = articleLogisticUpdateAsWritten(theta1, b, alpha);
  return {
    z,
    yHat,
    loss: -yHat * Math.log(yHat) - (1 - yHat) * Math.log(1 - yHat),
    dLossDy: 1 - yHat,
    sigmoidPrime: yHat * (1 - yHat),
    dTheta1: update.factor,
    theta1Next: update.theta1,
  };
}
