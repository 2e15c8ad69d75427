/**
 * Whether a training run is healthy, as codes the islands word in the page's language: a run whose
 * loss turns non-finite or grows tenfold has diverged and is stopped early; a run that ends far
 * from the known optimum (the closed form) has not converged yet.
 */

/** How much the loss may grow over its lowest value so far before the run counts as diverging. */
export const DIVERGENCE_FACTOR = 10;

export type Divergence = { kind: 'non-finite' } | { kind: 'growing'; factor: number };

/** Watches a loss sequence value by value; reports divergence as soon as it shows. */
export class DivergenceWatch {
  private lowest = Infinity;

  /** Feeds the next loss; returns why the run diverged, or undefined while it is fine. */
  check(loss: number): Divergence | undefined {
    if (!Number.isFinite(loss)) return { kind: 'non-finite' };
    if (loss < this.lowest) this.lowest = loss;
    // A loss of exactly 0 cannot grow "tenfold"; compare against a floor instead.
    const base = Math.max(this.lowest, 1e-12);
    return loss > base * DIVERGENCE_FACTOR ? { kind: 'growing', factor: loss / base } : undefined;
  }
}

/** The first divergence in a whole sequence, with its index. */
export function findDivergence(losses: readonly number[]): (Divergence & { at: number }) | undefined {
  const watch = new DivergenceWatch();
  for (let i = 0; i < losses.length; i++) {
    const d = watch.check(losses[i]!);
    if (d) return { ...d, at: i };
  }
  return undefined;
}

/**
 * How far fitted parameters are from the optimum, relative to the optimum's size (the largest
 * |Δ| over |optimum| + 1, so that parameters near 0 compare absolutely).
 */
export function parameterGap(fit: readonly number[], optimum: readonly number[]): number {
  let gap = 0;
  optimum.forEach((o, i) => {
    const d = Math.abs((fit[i] ?? NaN) - o) / (Math.abs(o) + 1);
    gap = Number.isNaN(d) ? Infinity : Math.max(gap, d);
  });
  return gap;
}

/** Below this relative gap a run counts as having reached the optimum (what a reader sees in 2–3 digits). */
export const CONVERGED_GAP = 0.01;

export const converged = (fit: readonly number[], optimum: readonly number[]) => parameterGap(fit, optimum) < CONVERGED_GAP;
