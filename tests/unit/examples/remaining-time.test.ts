import { describe, expect, it } from 'vitest';
import { RemainingTime, remainingText } from '../../../src/lib/examples/remaining-time.ts';

describe('RemainingTime', () => {
  it('estimates from the rate since the first report, not since the start', () => {
    const eta = new RemainingTime(500);
    // The first batch reports 10 % at t = 3000 ms (after 3 s of loading): no estimate yet.
    expect(eta.update(3000, 0.1)).toBeUndefined();
    // Too soon after it: still nothing.
    expect(eta.update(3200, 0.12)).toBeUndefined();
    // 1 s later 20 % are done: 10 % per second, 80 % left → 8 s.
    expect(eta.update(4000, 0.2)).toBeCloseTo(8000, 6);
    expect(eta.update(8000, 0.6)).toBeCloseTo(4000, 6);
    expect(eta.update(12000, 1)).toBe(0);
  });

  it('starts again when the fraction goes back (a new phase) and waits while nothing moves', () => {
    const eta = new RemainingTime(500);
    eta.update(0, 0.5);
    expect(eta.update(1000, 1)).toBe(0);
    // Download done, training starts at 0: the download rate must not be used.
    expect(eta.update(1100, 0)).toBeUndefined();
    expect(eta.update(2100, 0)).toBeUndefined();
    expect(eta.update(3100, 0.25)).toBeCloseTo(2000 * 3, 6);
  });
});

describe('remainingText', () => {
  it('rounds like a person: nothing near the end, seconds, fives, minutes', () => {
    expect(remainingText(undefined)).toBeUndefined();
    expect(remainingText(1499)).toBeUndefined();
    expect(remainingText(Infinity)).toBeUndefined();
    expect(remainingText(1500)).toEqual({ unit: 'seconds', n: 2 });
    expect(remainingText(9400)).toEqual({ unit: 'seconds', n: 9 });
    expect(remainingText(12_400)).toEqual({ unit: 'seconds', n: 10 });
    expect(remainingText(13_000)).toEqual({ unit: 'seconds', n: 15 });
    expect(remainingText(89_000)).toEqual({ unit: 'seconds', n: 90 });
    expect(remainingText(90_000)).toEqual({ unit: 'minutes', n: 2 });
    expect(remainingText(150_000)).toEqual({ unit: 'minutes', n: 3 });
  });
});
