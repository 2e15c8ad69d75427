/**
 * Geometry and step records for the gradient-descent explorer of article 001 §4 (port P001b):
 * the MSE level sets of simple linear regression (exact ellipses, drawn behind the paths of
 * batch / mini-batch / stochastic gradient descent), clipping and thinning of polylines for the
 * charts, and a step-by-step version of the article's §4.1.1 update as printed. Plain numbers,
 * no DOM, no TF.js. The updates themselves live in gradient-descent.ts.
 */
import { effectiveBatchSize, gradientDescentSteps, mseOf, residualMeans, type GdMode, type GdOptions, type GdStep, type XYData } from './gradient-descent.ts';
import { DivergenceWatch } from './run-health.ts';
import { leastSquares } from './linear-regression.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * The full-data MSE as a quadratic form: MSE(β) = mseMin + dᵀHd with d = β − β̂ (β̂ the
 * least-squares solution) and H = [[1, x̄], [x̄, mean(x²)]] (the cross term vanishes at β̂).
 */
export interface MseQuadratic {
  b0: number;
  b1: number;
  mseMin: number;
  meanX: number;
  /** Standard deviation of x (population, 1/n). */
  sdX: number;
}

/** Least-squares solution and the quadratic form of the MSE (throws if all x are equal). */
export function mseQuadratic(data: XYData): MseQuadratic {
  const fit = leastSquares(data.x, data.y);
  const n = data.x.length;
  const meanX = data.x.reduce((s, v) => s + v, 0) / n;
  const varX = data.x.reduce((s, v) => s + (v - meanX) ** 2, 0) / n;
  return { b0: fit.b0, b1: fit.b1, mseMin: mseOf(fit.b0, fit.b1, data), meanX, sdX: Math.sqrt(varX) };
}

/**
 * The closed level set {β : MSE(β) = level} as `segments` + 1 points (first = last), with
 * x = β0 and y = β1. With H = LLᵀ (Cholesky, L = [[1, 0], [x̄, σ]]) the set is
 * β̂ + √(level − mseMin)·L⁻ᵀ·(cos t, sin t). Empty if level < mseMin.
 */
export function mseContour(q: MseQuadratic, level: number, segments = 96): Point[] {
  const s = level - q.mseMin;
  if (!(s >= 0) || !(q.sdX > 0)) return [];
  const r = Math.sqrt(s);
  const out: Point[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = (2 * Math.PI * i) / segments;
    const c = Math.cos(t);
    const sn = Math.sin(t);
    out.push({ x: q.b0 + r * (c - (q.meanX / q.sdX) * sn), y: q.b1 + (r * sn) / q.sdX });
  }
  return out;
}

/**
 * `count` contour levels between the minimum and `top` (usually the MSE at the starting point),
 * spaced geometrically in the excess MSE: mseMin + (top − mseMin)·ratio^k, k = 0 … count − 1.
 */
export function contourLevels(q: MseQuadratic, top: number, count = 7, ratio = 0.4): number[] {
  const excess = top - q.mseMin;
  if (!(excess > 0)) return [];
  return Array.from({ length: count }, (_, k) => q.mseMin + excess * ratio ** k);
}

/** Liang–Barsky: the part of segment a→b inside the box, or null. */
function clipSegment(a: Point, b: Point, box: Box): [Point, Point] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - box.xMin],
    [dx, box.xMax - a.x],
    [-dy, a.y - box.yMin],
    [dy, box.yMax - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  // Unclipped ends are returned as they are (no rounding), so pieces join exactly.
  return [t0 === 0 ? { x: a.x, y: a.y } : { x: a.x + t0 * dx, y: a.y + t0 * dy }, t1 === 1 ? { x: b.x, y: b.y } : { x: a.x + t1 * dx, y: a.y + t1 * dy }];
}

const finite = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

/**
 * Splits a polyline into the pieces that lie inside `box` (each piece a polyline of ≥ 2 points;
 * crossings are cut exactly at the border). Non-finite points break the line.
 */
export function clipPolyline(points: readonly Point[], box: Box): Point[][] {
  const pieces: Point[][] = [];
  let current: Point[] = [];
  const close = () => {
    if (current.length >= 2) pieces.push(current);
    current = [];
  };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (!finite(a) || !finite(b)) {
      close();
      continue;
    }
    const seg = clipSegment(a, b, box);
    if (!seg) {
      close();
      continue;
    }
    const [p, q] = seg;
    const last = current.at(-1);
    if (!last || last.x !== p.x || last.y !== p.y) {
      close();
      current.push(p);
    }
    current.push(q);
    // The segment left the box: the line continues in a new piece.
    if (q.x !== b.x || q.y !== b.y) close();
  }
  close();
  return pieces;
}

/** At most `max` items: the first, the last and evenly spaced ones in between (order kept). */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max || max < 2) return items.slice();
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.round((k * (items.length - 1)) / (max - 1))]!);
  return out;
}

/** Updates per epoch of a mode: BGD 1, MBGD ⌈n / batchSize⌉, SGD n. */
export function updatesPerEpoch(mode: GdMode, n: number, batchSize?: number): number {
  return Math.ceil(n / effectiveBatchSize(mode, n, batchSize));
}

/** A box around the given points (non-finite ones ignored), padded by `pad` of its size on every side. */
export function boxAround(points: readonly Point[], pad = 0.08): Box {
  const ok = points.filter(finite);
  if (!ok.length) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  let xMin = Math.min(...ok.map((p) => p.x));
  let xMax = Math.max(...ok.map((p) => p.x));
  let yMin = Math.min(...ok.map((p) => p.y));
  let yMax = Math.max(...ok.map((p) => p.y));
  if (xMax - xMin < 1e-9) [xMin, xMax] = [xMin - 1, xMax + 1];
  if (yMax - yMin < 1e-9) [yMin, yMax] = [yMin - 1, yMax + 1];
  const px = (xMax - xMin) * pad;
  const py = (yMax - yMin) * pad;
  return { xMin: xMin - px, xMax: xMax + px, yMin: yMin - py, yMax: yMax + py };
}

/** One step of article 001 §4.1.1's rule as printed (see `article001BrokenUpdate`). */
export interface PrintedRuleStep {
  update: number;
  /** (1/m) Σ rᵢ before the update (what the printed β0 rule subtracts, times α). */
  meanResidual: number;
  /** (1/m) Σ rᵢ² before the update (what the printed β1 rule subtracts, times α: the loss, not a gradient). */
  meanSquaredResidual: number;
  b0: number;
  b1: number;
  /** Full-data MSE after the update. */
  mse: number;
}

/**
 * Article 001 §4.1.1 as printed, one full-data update per `next()`:
 *   β1 ← β1 − α·(1/m)Σ rᵢ²,  β0 ← β0 − α·(1/m)Σ rᵢ  (rᵢ = yᵢ − β0 − β1xᵢ, both from the old β).
 * Ends after the first non-finite value (or after `maxSteps`).
 */
export function* printedRuleSteps(
  data: XYData,
  { lr, b0Init = 0, b1Init = 0, maxSteps = Infinity }: { lr: number; b0Init?: number; b1Init?: number; maxSteps?: number },
): Generator<PrintedRuleStep, void, undefined> {
  let b0 = b0Init;
  let b1 = b1Init;
  for (let update = 1; update <= maxSteps; update++) {
    const { meanResidual, meanSquaredResidual } = residualMeans(b0, b1, data);
    [b0, b1] = [b0 - lr * meanResidual, b1 - lr * meanSquaredResidual];
    const mse = mseOf(b0, b1, data);
    yield { update, meanResidual, meanSquaredResidual, b0, b1, mse };
    if (![b0, b1, mse].every(Number.isFinite)) return;
  }
}

/** One mode in the Run animation: its last update, its (thinned) path and loss curve, and where it diverged. */
export interface ModeRun {
  mode: GdMode;
  /** Updates per epoch. */
  per: number;
  /** Updates of the whole run. */
  total: number;
  last?: GdStep;
  /** The update at which the full-data MSE became non-finite or grew tenfold (the mode stops there). */
  divergedAt?: number;
  /** (β0, β1) from the start (0, 0), every `stride`-th update and the last. */
  path: Point[];
  /** (epoch, log10 MSE) at the same updates, from epoch 0. */
  loss: Point[];
}

/**
 * The modes of article 001 §4 run side by side on the same data for Run: `advance(f)` takes every
 * mode to the fraction f of its own updates, so that all of them reach their last epoch together
 * (SGD does n updates for each one of batch GD). At most about `maxPoints` points are kept per curve.
 */
export function modeRace(data: XYData, opts: Omit<GdOptions, 'mode'>, modes: readonly GdMode[], maxPoints = 1500) {
  const mse0 = mseOf(0, 0, data);
  const runs = modes.map((mode) => {
    const per = updatesPerEpoch(mode, data.x.length, opts.batchSize);
    const total = per * opts.epochs;
    const run: ModeRun = { mode, per, total, path: [{ x: 0, y: 0 }], loss: [{ x: 0, y: Math.log10(mse0) }] };
    return { run, steps: gradientDescentSteps(data, { ...opts, mode }), watch: new DivergenceWatch(), stride: Math.max(1, Math.ceil(total / maxPoints)) };
  });
  const advance = (fraction: number) => {
    for (const { run, steps, watch, stride } of runs) {
      const target = Math.round(run.total * fraction);
      while (run.divergedAt === undefined && (run.last?.update ?? 0) < target) {
        const next = steps.next();
        if (next.done) break;
        const st = (run.last = next.value);
        if (watch.check(st.mse)) run.divergedAt = st.update;
        if (st.update % stride === 0 || st.update === run.total) {
          run.path.push({ x: st.b0, y: st.b1 });
          run.loss.push({ x: st.update / run.per, y: Math.log10(st.mse) });
        }
      }
    }
  };
  return { runs: runs.map((r) => r.run), advance, allDiverged: () => runs.every((r) => r.run.divergedAt !== undefined) };
}
