/**
 * What the gradient-descent explorer (`<kb-gradient-descent>`, article 001 §4) draws: the (β0, β1)
 * chart over the MSE contours, the tables of one worked update, and the results table.
 */
import { h, type VNode } from '../../lib/examples/element.ts';
import {
  boxAround,
  clipPolyline,
  contourLevels,
  mseContour,
  mseQuadratic,
  type Box,
  type Point,
  type PrintedRuleStep,
} from '../../lib/examples/gd-explorer.ts';
import { mseOf, type GdMode, type GdStep, type XYData } from '../../lib/examples/gradient-descent.ts';
import type { Series } from '../../lib/plot.ts';
import { drawChart } from './chart-view.ts';
import type { Msg } from './messages.ts';

export const MODE_KEYS: Record<GdMode, string> = {
  batch: 'examples.gradient-descent.mode.batch',
  'mini-batch': 'examples.gradient-descent.mode.mini-batch',
  stochastic: 'examples.gradient-descent.mode.stochastic',
};

/** Numbers in the tables: fixed 4 decimals, exponent for huge values, words for non-finite ones. */
export const fmt = (v: number) =>
  Number.isNaN(v) ? 'NaN' : !Number.isFinite(v) ? (v > 0 ? '∞' : '−∞') : Math.abs(v) >= 1e6 ? v.toExponential(4) : v.toFixed(4);

/** The (β0, β1) chart: MSE contours, then the given paths (clipped to the box), the least-squares point on top. */
export function drawPathChart(figure: HTMLElement, data: XYData, paths: { cls: string; label: string; points: Point[] }[], msg: Msg) {
  const q = mseQuadratic(data);
  const start = { x: 0, y: 0 };
  const top = mseOf(0, 0, data);
  // The box: start, optimum and every path point not worse than the start.
  const near = paths.flatMap((p) => p.points.filter((pt) => mseOf(pt.x, pt.y, data) <= top));
  const box: Box = boxAround([start, { x: q.b0, y: q.b1 }, ...near], 0.08);
  const series: Series[] = [];
  const contourName = msg('examples.gradient-descent.contours');
  for (const level of contourLevels(q, top, 7, 0.4)) {
    for (const piece of clipPolyline(mseContour(q, level, 120), box)) {
      series.push({ kind: 'line', className: 'kb-gd-contour', label: contourName, points: piece, table: false });
    }
  }
  for (const p of paths) {
    clipPolyline(p.points, box).forEach((piece, i) => series.push({ kind: 'line', className: p.cls, label: p.label, points: piece, table: i === 0 }));
  }
  series.push({ kind: 'dots', className: 'series-reference', label: msg('examples.gradient-descent.leastSquaresPoint'), points: [{ x: q.b0, y: q.b1 }] });
  series.push({ kind: 'dots', className: 'kb-gd-start', label: msg('examples.gradient-descent.start'), points: [start] });
  drawChart(figure, series, {
    xLabel: 'β₀',
    yLabel: 'β₁',
    title: msg('examples.gradient-descent.pathTitle'),
    xDomain: [box.xMin, box.xMax],
    yDomain: [box.yMin, box.yMax],
  });
}

/** A row of the step table: a name and one value. */
const valueRow = (name: string, cls: string, value: number) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { 'data-value': cls }, fmt(value)));
/** A row of the step table showing the update of one parameter: `old − α·(gradient) = new`. */
const updateRow = (rule: string, old: number, lr: number, gradient: number, param: 'b0' | 'b1', next: number) =>
  h('tr', {}, h('th', { scope: 'row' }, rule), h('td', {}, `${fmt(old)} − ${lr}·(${fmt(gradient)}) = `, h('span', { 'data-value': param }, fmt(next))));
const stepTable = (...rows: VNode[]) => h('table', { class: 'kb-gd__step' }, h('tbody', {}, rows));

/** The arithmetic of one corrected update, from (p0, p1) with learning rate lr. */
export function correctedStepTable(st: GdStep, p0: number, p1: number, lr: number, msg: Msg): VNode {
  return stepTable(
    valueRow(msg('examples.gradient-descent.batchLoss'), 'batch-loss', st.batchLoss),
    valueRow('∂J/∂β₀', 'g0', st.gradient[0]),
    valueRow('∂J/∂β₁', 'g1', st.gradient[1]),
    updateRow('β₀ ← β₀ − α·∂J/∂β₀', p0, lr, st.gradient[0], 'b0', st.b0),
    updateRow('β₁ ← β₁ − α·∂J/∂β₁', p1, lr, st.gradient[1], 'b1', st.b1),
    valueRow(msg('examples.gradient-descent.mseAfter'), 'mse', st.mse),
  );
}

/** The arithmetic of one update of the rule as printed, from (p0, p1). */
export function printedStepTable(st: PrintedRuleStep, p0: number, p1: number, lr: number, msg: Msg): VNode {
  return stepTable(
    valueRow('(1/m)·Σ rᵢ', 'mean-r', st.meanResidual),
    valueRow(msg('examples.gradient-descent.meanSquared'), 'mean-r2', st.meanSquaredResidual),
    updateRow('β₀ ← β₀ − α·(1/m)Σ rᵢ', p0, lr, st.meanResidual, 'b0', st.b0),
    updateRow('β₁ ← β₁ − α·(1/m)Σ rᵢ²', p1, lr, st.meanSquaredResidual, 'b1', st.b1),
    valueRow(msg('examples.gradient-descent.mseAfter'), 'mse', st.mse),
  );
}

/** The results table: one row per method with its number of updates, β₀, β₁ and MSE. */
export function resultsTable(msg: Msg, rows: { cls: string; name: string; updates: number | string; b0: number; b1: number; mse: number }[]): VNode {
  const head = [msg('examples.gradient-descent.method'), msg('examples.gradient-descent.updates'), 'β₀', 'β₁', 'MSE'];
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { class: r.cls },
          h('th', { scope: 'row' }, r.name),
          h('td', { 'data-value': 'updates' }, r.updates),
          h('td', { 'data-value': 'b0' }, fmt(r.b0)),
          h('td', { 'data-value': 'b1' }, fmt(r.b1)),
          h('td', { 'data-value': 'mse' }, fmt(r.mse)),
        ),
      ),
    ),
  );
}
