/**
 * The fit chart of the linear-regression example (article 000 §4–5) as an element tree: data points
 * the reader can drag or move with the arrow keys, the closed-form line (dashed), the least-squares
 * line when ridge is on (dotted), the gradient-descent line once trained (wide, solid), residuals,
 * direct labels at the lines' ends, legend and data table. Pure, like plot.ts; the island
 * (regression-playground.ts) patches it into the page and maps pointer positions back to data.
 */
import { axes, dataTable, frameOf, heightFor, legend, legendItems, type Frame, type Point, type Series, type TableText } from '../plot.ts';
import { h, type VNode } from './element.ts';
import { leastSquares, ridge, type LinearFit } from './linear-regression.ts';

export interface XY {
  x: readonly number[];
  y: readonly number[];
}
export interface Domains {
  x: [number, number];
  y: [number, number];
}

/** Fixed axes for a data set, one whole unit beyond its points: they stay put while a point is dragged. */
export function dragDomains(data: XY): Domains {
  const around = (v: readonly number[]): [number, number] => [Math.floor(Math.min(...v)) - 1, Math.ceil(Math.max(...v)) + 1];
  return { x: around(data.x), y: around(data.y) };
}

/** The plotting frame of the chart at a width (shared by the drawing and the pointer mapping). */
export function regressionFrame(width: number, domains: Domains): Frame {
  return frameOf(width, heightFor(width), domains.x, domains.y);
}

/** The data coordinates of a position in the drawing (SVG units), kept inside the domains. */
export function toData(f: Frame, px: number, py: number): Point {
  const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
  const { left, right, top, bottom } = f.margin;
  const x = f.xDomain[0] + ((px - left) / (f.width - left - right)) * (f.xDomain[1] - f.xDomain[0]);
  const y = f.yDomain[0] + ((f.height - bottom - py) / (f.height - top - bottom)) * (f.yDomain[1] - f.yDomain[0]);
  return { x: clamp(x, f.xDomain), y: clamp(y, f.yDomain) };
}

/** The data with point i at (x, y), kept inside the domains and rounded to 2 decimals (what the labels show). */
export function movePoint(data: XY, i: number, to: Point, domains: Domains): { x: number[]; y: number[] } {
  const put = (v: readonly number[], value: number, [lo, hi]: [number, number]) =>
    v.map((old, j) => (j === i ? Math.round(Math.min(hi, Math.max(lo, value)) * 100) / 100 : old));
  return { x: put(data.x, to.x, domains.x), y: put(data.y, to.y, domains.y) };
}

/** How far an arrow key moves a point: 0.1, or 1 with Shift; undefined for other keys. */
export function keyStep(key: string, large: boolean): Point | undefined {
  const s = large ? 1 : 0.1;
  return { ArrowLeft: { x: -s, y: 0 }, ArrowRight: { x: s, y: 0 }, ArrowUp: { x: 0, y: s }, ArrowDown: { x: 0, y: -s } }[key];
}

/** The closed forms for the data: least squares (undefined when all X are equal) and ridge when λ > 0. */
export function closedForms(data: XY, lambda: number, penalizeIntercept: boolean): { leastSquares?: LinearFit; ridge?: LinearFit } {
  let ls: LinearFit | undefined;
  try {
    ls = leastSquares(data.x, data.y);
  } catch {
    ls = undefined; // all X equal: no single least-squares line
  }
  return { leastSquares: ls, ridge: lambda > 0 ? ridge(data.x, data.y, lambda, { penalizeIntercept }) : undefined };
}

/** The part of the line y = b0 + b1·x inside the domains: its two ends, or none. */
export function clipLine(b0: number, b1: number, d: Domains): Point[] {
  let [x0, x1] = d.x;
  if (b1 !== 0) {
    const xAt = (y: number) => (y - b0) / b1;
    const [a, b] = [xAt(d.y[0]), xAt(d.y[1])].sort((p, q) => p - q) as [number, number];
    x0 = Math.max(x0, a);
    x1 = Math.min(x1, b);
  } else if (b0 < d.y[0] || b0 > d.y[1]) return [];
  if (!(x0 < x1)) return [];
  return [
    { x: x0, y: b0 + b1 * x0 },
    { x: x1, y: b0 + b1 * x1 },
  ];
}

/** A line of the chart: its parameters, name and style. */
export interface ChartLine {
  b0: number;
  b1: number;
  label: string;
}

export interface RegressionView {
  data: XY;
  domains: Domains;
  /** What gradient descent minimises (ridge when λ > 0, else least squares); residuals are measured from it. */
  target?: ChartLine;
  /** Least squares beside ridge (only when ridge is the target). */
  leastSquares?: ChartLine;
  gradientDescent?: ChartLine;
  text: {
    title: string;
    xLabel: string;
    yLabel: string;
    data: string;
    residuals: string;
    /** The accessible name of point i (1-based) at (x, y). */
    point: (i: number, x: number, y: number) => string;
    table: TableText;
  };
}

const r1 = (v: number) => Number(v.toFixed(1));
/** Vertical distance between the baselines of two direct labels (12 px text). */
const LABEL_GAP = 15;

/** Moves labels down (in place) so that baselines are at least `gap` apart and none is above `top`. */
export function spreadApart(labels: { y: number }[], gap: number, top: number): void {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  sorted.forEach((label, i) => (label.y = Math.max(label.y, top, i ? sorted[i - 1]!.y + gap : -Infinity)));
}

/**
 * The figure: title, drawing, legend, data table. The drawing keeps the same elements in the same
 * order whatever is shown (an absent line has an empty path), so a point being dragged stays the
 * same element, keeping its pointer capture and focus.
 */
export function regressionFigure(view: RegressionView, width: number): VNode[] {
  const f = regressionFrame(width, view.domains);
  const { data, text } = view;
  const lineOf = (line: ChartLine | undefined) => (line ? clipLine(line.b0, line.b1, view.domains) : []);
  const path = (pts: Point[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${r1(f.sx(p.x))},${r1(f.sy(p.y))}`).join('');
  // Direct labels at the right ends of the lines: above them for the closed forms, below for gradient
  // descent, then pushed apart so that they never overlap where the lines end close together. They
  // have a halo (site.css) so lines crossing them do not hide them, and lie under the points, which
  // must stay visible and draggable.
  const labelled: [ChartLine | undefined, string, number][] = [
    [view.target, 'kb-lin-label-reference', -8],
    [view.leastSquares, 'kb-lin-label-ls', -8],
    [view.gradientDescent, 'kb-lin-label-model', 18],
  ];
  const placed = labelled.map(([line, cls, dy]) => {
    const end = lineOf(line)[1];
    return { cls, text: end ? line!.label : '', x: end ? r1(f.sx(end.x)) - 4 : 0, y: end ? r1(f.sy(end.y)) + dy : 0 };
  });
  spreadApart(
    placed.filter((l) => l.text !== ''),
    LABEL_GAP,
    f.margin.top + 12,
  );
  const labels = placed.map((l) => h('text', l.text ? { class: l.cls, x: l.x, y: l.y, 'text-anchor': 'end' } : { class: l.cls }, l.text));
  const points = data.x.map((x, i) => ({ x, y: data.y[i]! }));
  const residuals = view.target ? points.map((p) => ({ p, fit: view.target!.b0 + view.target!.b1 * p.x })) : [];
  const drawing = h(
    'svg',
    { viewBox: `0 0 ${width} ${f.height}`, width, height: f.height, class: 'kb-chart kb-lin-chart', role: 'group', 'aria-label': text.title },
    h('g', { 'aria-hidden': 'true' }, axes(f, text.xLabel, text.yLabel)),
    h(
      'g',
      { class: 'kb-lin-residual', 'aria-hidden': 'true' },
      residuals.map(({ p, fit }) => h('line', { x1: r1(f.sx(p.x)), x2: r1(f.sx(p.x)), y1: r1(f.sy(p.y)), y2: r1(f.sy(fit)) })),
    ),
    h('path', { class: 'series-model', d: path(lineOf(view.gradientDescent)), fill: 'none', 'aria-hidden': 'true' }),
    h('path', { class: 'kb-lin-ls', d: path(lineOf(view.leastSquares)), fill: 'none', 'aria-hidden': 'true' }),
    h('path', { class: 'series-reference', d: path(lineOf(view.target)), fill: 'none', 'aria-hidden': 'true' }),
    h('g', { class: 'kb-lin-labels', 'aria-hidden': 'true' }, labels),
    h(
      'g',
      { class: 'series-data kb-lin-points' },
      points.map((p, i) =>
        h('circle', {
          class: 'kb-lin-point',
          cx: r1(f.sx(p.x)),
          cy: r1(f.sy(p.y)),
          r: 8,
          tabindex: 0,
          role: 'button',
          'data-point': i,
          'data-x': p.x,
          'data-y': p.y,
          'aria-label': text.point(i + 1, p.x, p.y),
        }),
      ),
    ),
  );
  const lines: [ChartLine | undefined, string][] = [
    [view.gradientDescent, 'series-model'],
    [view.target, 'series-reference'],
    [view.leastSquares, 'kb-lin-ls'],
  ];
  const series: Series[] = [
    ...lines.flatMap(([line, className]): Series[] => (line ? [{ kind: 'line', className, label: line.label, points: lineOf(line) }] : [])),
    ...(residuals.length ? [{ kind: 'line' as const, className: 'kb-lin-residual', label: text.residuals, points: [], table: false }] : []),
    { kind: 'dots', className: 'series-data', label: text.data, points },
  ];
  return [h('figcaption', { class: 'kb-chart__title' }, text.title), drawing, legend(legendItems(series)), dataTable(series, text, text.table)];
}
