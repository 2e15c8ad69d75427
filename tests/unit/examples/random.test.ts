import { describe, expect, it } from 'vitest';
import { createRng, mulberry32, normalSamples } from '../../../src/lib/examples/random.ts';
import { expectAllClose } from './helpers.ts';

describe('mulberry32', () => {
  it('matches an independent Python implementation', () => {
    // computed with a separate Python port of mulberry32 (unsigned 32-bit arithmetic, masks instead of Math.imul):
    //   seed 1:  0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849
    //   seed 42: 0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423
    //   seed 0:  0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111, 0.46732782293111086
    const take = (seed: number) => {
      const next = mulberry32(seed);
      return Array.from({ length: 5 }, next);
    };
    expect(take(1)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849]);
    expect(take(42)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423]);
    expect(take(0)).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111, 0.46732782293111086]);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const sa = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(sa);
    expect(Array.from({ length: 100 }, c)).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('createRng', () => {
  it('normal samples have mean ≈ 0 and sd ≈ 1, and repeat for the same seed', () => {
    const s = normalSamples(123, 20000);
    const mean = s.reduce((a, v) => a + v, 0) / s.length;
    const sd = Math.sqrt(s.reduce((a, v) => a + (v - mean) ** 2, 0) / (s.length - 1));
    // Standard error of the mean is 1/√20000 ≈ 0.007; of the sd ≈ 0.005.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    expectAllClose(
      normalSamples(123, 50, 2, 3),
      normalSamples(123, 50).map((z) => 2 + 3 * z),
      1e-12,
    );
  });

  it('uniform, int and shuffled stay in range and are reproducible', () => {
    const r = createRng(5);
    for (let i = 0; i < 1000; i++) {
      const u = r.uniform(-2, 3);
      expect(u).toBeGreaterThanOrEqual(-2);
      expect(u).toBeLessThan(3);
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    const items = Array.from({ length: 20 }, (_, i) => i);
    const s1 = createRng(9).shuffled(items);
    expect(createRng(9).shuffled(items)).toEqual(s1);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i)); // input untouched
  });
});
