/**
 * Control hooks shared by the async TF.js training loops (`trainLinearTf` for article 000 §5,
 * `trainLogisticTf` for article 003 §4.3) and the MLP runner (article 001 §3).
 *
 * Pausing: make `yieldFn` return a promise that resolves only when the user resumes; the loop
 * waits at the next chunk boundary. Stopping: return true from `shouldStop`; it is checked before
 * every epoch and the loop returns the partial result with `stopped: true`.
 */
export interface TrainControl<S> {
  /** Called after every epoch with a plain-number snapshot (safe to keep; holds no tensors). */
  onEpoch?: (state: S) => void;
  /** Checked before every epoch; returning true ends training early with a partial result. */
  shouldStop?: () => boolean;
  /** Number of epochs between two yields to the host (default 25; ≤ 0 never yields). */
  yieldEvery?: number;
  /**
   * How to yield (default: a `setTimeout(0)` macrotask). An island passes e.g.
   * `() => new Promise(r => requestAnimationFrame(() => r()))`, or a promise held while paused.
   */
  yieldFn?: () => Promise<void>;
}

/** Default `yieldFn` of the article 000/001/003 trainers: lets the event loop run (rendering, input) between chunks of epochs. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `epochs` calls of `step(epoch)` with the control hooks above and returns how many ran and
 * whether `shouldStop` ended the loop. Used by: linear-regression.ts, logistic.ts, mlp.ts.
 */
export async function runEpochs<S>(epochs: number, step: (epoch: number) => S, control: TrainControl<S>): Promise<{ epochsRun: number; stopped: boolean }> {
  const every = control.yieldEvery ?? 25;
  const yieldFn = control.yieldFn ?? macrotask;
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (control.shouldStop?.()) return { epochsRun: epoch, stopped: true };
    const state = step(epoch);
    control.onEpoch?.(state);
    if (every > 0 && (epoch + 1) % every === 0 && epoch + 1 < epochs) {
      await yieldFn();
    }
  }
  return { epochsRun: epochs, stopped: false };
}
