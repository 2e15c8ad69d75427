/**
 * Control hooks of `play` (session.ts), shared by the async training loops (`trainLinearTf` for article 000 §5,
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
