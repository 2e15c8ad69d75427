/**
 * Seeded randomness shared by every in-browser example (seed guide §4: "data must be generated in
 * the page (seeded PRNG, so runs are reproducible)"). Nothing here touches `Math.random`.
 */

/**
 * mulberry32: a 32-bit PRNG (Tommy Ettinger's public-domain generator). Returns a function that
 * yields floats in [0, 1) with 2^-32 resolution. The seed is reduced to an unsigned 32-bit integer,
 * so 0 is a valid seed (unlike TF.js initializers, where seed 0 means "unseeded").
 * Used by: all examples (data sets, initial weights, shuffling).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source with the few distributions the examples need. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Normal sample (Box–Muller, both values of each pair are used). */
  normal(mean?: number, sd?: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fisher–Yates shuffle of a copy of `items`. */
  shuffled<T>(items: readonly T[]): T[];
}

/**
 * Creates the seeded random source used by every example (data generators in
 * `gradient-descent.ts`, `logistic.ts`, `mlp.ts`). Same seed → same sequence, on every platform.
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare: number | undefined;
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal(mean = 0, sd = 1) {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const u1 = 1 - next();
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return mean + sd * r * Math.cos(2 * Math.PI * u2);
    },
    int: (n) => Math.floor(next() * n),
    shuffled(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
  return rng;
}

/**
 * `n` normal samples from a fresh generator seeded with `seed` (convenience for tests and widgets).
 */
export function normalSamples(seed: number, n: number, mean = 0, sd = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.normal(mean, sd));
}
