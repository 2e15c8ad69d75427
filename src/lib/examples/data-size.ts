/**
 * The training-set sizes of a "how much labelled data" curve (the transfer-learning and digit
 * examples): fractions of the full training set, from a handful to all of it.
 */

/** `total / d` for every divisor (rounded, at least `min`, at most `total`, no duplicates), in the divisors' order. */
export function sizesOf(total: number, divisors: readonly number[], min: number): number[] {
  return [...new Set(divisors.map((d) => Math.min(total, Math.max(min, Math.round(total / d)))))];
}
