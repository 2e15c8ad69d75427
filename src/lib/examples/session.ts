/**
 * The one contract every trained example follows (as TensorFlow Playground's one step function
 * serves Step and Play): a session is created from the example's settings (and TF.js when it
 * needs it), advanced one unit of work (an epoch or an optimiser step) by `step()`, and freed by
 * `dispose()`. `play` drives it for Run; the page's Step button calls `step()` once; both go
 * through the same code, so what a reader steps through is what a run does.
 */
import { macrotask, type TrainControl } from './training-control.ts';

export interface Session<Snap> {
  /** Units of work a full run takes (epochs or optimiser steps). */
  readonly total: number;
  /** Units done so far (0 … total). */
  readonly done: number;
  /** Advances one unit and returns what to show: plain numbers, no tensors (safe to keep). */
  step(): Snap | Promise<Snap>;
  /** Frees what the session holds (tensors, optimiser, model). Safe to call more than once. */
  dispose(): void;
}

/** How a `play` ended: units run in this call, and whether `shouldStop` ended it early. */
export interface PlayResult {
  stepsRun: number;
  stopped: boolean;
}

/**
 * Steps `session` until it is done or `control.shouldStop()` says so (checked before every step),
 * passing every snapshot to `control.onEpoch` and yielding to the page every `yieldEvery` steps
 * (default 25) so that it can paint and take input. Resumes where the session stands.
 */
export async function play<Snap>(session: Session<Snap>, control: TrainControl<Snap> = {}): Promise<PlayResult> {
  const every = control.yieldEvery ?? 25;
  const yieldFn = control.yieldFn ?? macrotask;
  let stepsRun = 0;
  while (session.done < session.total) {
    if (control.shouldStop?.()) return { stepsRun, stopped: true };
    const snap = await session.step();
    stepsRun++;
    control.onEpoch?.(snap);
    if (every > 0 && stepsRun % every === 0 && session.done < session.total) await yieldFn();
  }
  return { stepsRun, stopped: false };
}

/**
 * A session over a synchronous step function, for trainers whose state lives in a closure:
 * `step(k)` gets the 0-based index of the unit it runs; `release` frees the state once.
 */
export function stepSession<Snap>(total: number, step: (k: number) => Snap, release: () => void = () => {}): Session<Snap> {
  let done = 0;
  let released = false;
  return {
    total,
    get done() {
      return done;
    },
    step() {
      if (released) throw new Error('step() after dispose()');
      if (done >= total) throw new Error(`step() past the end of a ${total}-step session`);
      return step(done++);
    },
    dispose() {
      if (released) return;
      released = true;
      release();
    },
  };
}

/**
 * `yieldFn` at most once per `ms` (clock `now`), for loops whose step time varies a hundredfold
 * with the settings (the Transformer's model size): a yield every n steps would either stall the
 * page or slow training down.
 */
export function everyMs(yieldFn: () => Promise<void>, ms: number, now: () => number = () => performance.now()): () => Promise<void> {
  let last = now();
  return async () => {
    if (now() - last < ms) return;
    await yieldFn();
    last = now();
  };
}
