/**
 * The "about 12 s left" of a long run: estimated from the progress fraction the run reports, at
 * the rate measured since its first report (the first batch), so loading TensorFlow.js or the data
 * does not count. Codes and numbers only; the islands word them in the page's language.
 */

export class RemainingTime {
  private origin: { at: number; fraction: number } | undefined;
  private last = 0;

  /** `minElapsedMs`: how long to measure after the first report before estimating at all. */
  constructor(private readonly minElapsedMs = 500) {}

  /**
   * Feeds the fraction done (0..1) at time `now` (ms) and returns the estimated ms left, or
   * undefined while there is too little to go on. A fraction that goes back (a new phase, e.g.
   * training after a download) starts the measurement again.
   */
  update(now: number, fraction: number): number | undefined {
    if (!this.origin || fraction < this.last) this.origin = { at: now, fraction };
    this.last = fraction;
    const done = fraction - this.origin.fraction;
    const elapsed = now - this.origin.at;
    if (done <= 0 || elapsed < this.minElapsedMs) return undefined;
    return (elapsed * Math.max(0, 1 - fraction)) / done;
  }
}

/** What to show for an estimate: nothing when it is about to end, else rounded seconds or minutes. */
export type RemainingText = { unit: 'seconds' | 'minutes'; n: number } | undefined;

/**
 * Rounds an estimate the way a person would say it: below 1.5 s nothing, whole seconds below
 * 10 s, steps of 5 s below 90 s, whole minutes above.
 */
export function remainingText(ms: number | undefined): RemainingText {
  if (ms === undefined || !Number.isFinite(ms) || ms < 1500) return undefined;
  const s = ms / 1000;
  if (s < 10) return { unit: 'seconds', n: Math.round(s) };
  if (s < 90) return { unit: 'seconds', n: Math.max(10, Math.round(s / 5) * 5) };
  return { unit: 'minutes', n: Math.round(s / 60) };
}
