import { expect } from 'vitest';
import type { Tf } from '../../../src/lib/examples/tf-runtime.ts';

/** Runs `fn` and asserts that it left no tensor (or variable) behind. */
export async function expectNoLeak<T>(tf: Tf, fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** Central finite difference of a scalar function of one variable. */
export function centralDiff(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** Asserts |a[i] − b[i]| ≤ tol for every i. */
export function expectAllClose(a: readonly number[], b: readonly number[], tol: number): void {
  expect(a.length).toBe(b.length);
  const worst = a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
  expect(worst).toBeLessThanOrEqual(tol);
}
