// The session contract every trained example follows: Step and Run go through the same step(),
// so a reader who steps, stops and runs on gets exactly the straight run.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { play, stepSession } from '../../../src/lib/examples/session.ts';
import { createLinearSession, trainLinearTf } from '../../../src/lib/examples/linear-regression.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { expectNoLeak } from './helpers.ts';

const X = [2, 4, 6, 8];
const Y = [4, 5, 7, 9];

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

describe('play over a session', () => {
  it('runs every step once, in order, and resumes where a stopped run left off', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 7 }), async (total, stopAt, every) => {
        const seen: number[] = [];
        const session = stepSession(total, (k) => k);
        const first = await play(session, { onEpoch: (k) => seen.push(k), shouldStop: () => seen.length >= stopAt, yieldEvery: every });
        expect(first.stopped).toBe(stopAt < total);
        const rest = await play(session, { onEpoch: (k) => seen.push(k), yieldEvery: every });
        expect(rest.stopped).toBe(false);
        expect(first.stepsRun + rest.stepsRun).toBe(total);
        expect(seen).toEqual(Array.from({ length: total }, (_, k) => k));
      }),
    );
  });

  it('refuses a step past the end or after dispose, and frees its state once', () => {
    let released = 0;
    const session = stepSession(
      1,
      () => 'x',
      () => released++,
    );
    expect(session.step()).toBe('x');
    expect(() => session.step()).toThrow(/past the end/);
    session.dispose();
    session.dispose();
    expect(released).toBe(1);
    expect(() => session.step()).toThrow(/after dispose/);
  });
});

describe('a TF.js session stepped by hand', () => {
  it('gives the same fit as a straight run: 3 Steps, then Run to the end', async () => {
    const straight = await trainLinearTf(tf, { x: X, y: Y, lr: 0.01, epochs: 50 });
    const stepped = await expectNoLeak(tf, async () => {
      const session = createLinearSession(tf, { x: X, y: Y, lr: 0.01, epochs: 50 });
      try {
        for (let k = 0; k < 3; k++) await session.step();
        expect(session.result().epochsRun).toBe(3);
        expect(session.result().stopped).toBe(true);
        await play(session);
        return session.result();
      } finally {
        session.dispose();
      }
    });
    expect(stepped.b0).toBe(straight.b0);
    expect(stepped.b1).toBe(straight.b1);
    expect(stepped.losses).toEqual(straight.losses);
    expect(stepped.stopped).toBe(false);
  });
});
