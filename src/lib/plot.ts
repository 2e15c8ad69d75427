/**
 * The charts of every example, as element trees (src/lib/examples/element.ts): pure functions of
 * numbers and labels, tested directly; the islands patch them into the page (chart-view.ts).
 *
 * Readable without hovering: a chart is drawn at the width it is shown at (one SVG unit = one CSS
 * pixel, so the 12 px text of site.css stays 12 px on a phone), with a visible title, a legend whose
 * swatches use the series' own line styles, labelled axes, and the numbers as a table.
 */
import { h, type VNode } from './examples/element.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  /** Points in data coordinates; non-finite ones are skipped. */
  points: readonly Point[];
  kind: 'line' | 'dots';
  /** CSS class that styles the series (colour, width, dashes; see src/styles/site.css). */
  className: string;
  /** Name in the legend and the data table. Series sharing a name share one legend entry. */
  label: string;
  /** Leave out of the legend (e.g. the many pieces of a contour; one of them carries the name). */
  legend?: boolean;
  /** Leave out of the data table (e.g. contours, reference lines already named in the legend). */
  table?: boolean;
}

export interface ChartOptions {
  /** Width and height in CSS pixels, as shown (default 480 × a height that suits the width). */
  width?: number;
  height?: number;
  /** Axis titles, with units where there are any. */
  xLabel: string;
  yLabel: string;
  /** Visible title of the chart. */
  title: string;
  /** Force the domain (else fitted to the data, padded by 5 %). */
  xDomain?: [number, number];
  yDomain?: [number, number];
}

export function extent(values: number[], pad = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * pad;
  return [lo - margin, hi + margin];
}

export function scale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** "Nice" round tick values covering the domain (about `count` of them). */
export function ticks([lo, hi]: [number, number], count = 5): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A tick or table number: 3 significant digits, exponent notation for very large or small values. */
export const fmt = (v: number) =>
  Number.isNaN(v)
    ? 'NaN'
    : !Number.isFinite(v)
      ? v > 0
        ? '∞'
        : '−∞'
      : Math.abs(v) >= 1e4 || (Math.abs(v) < 0.01 && v !== 0)
        ? v.toExponential(1)
        : String(Number(v.toPrecision(3)));

/** Height that suits a width: wide charts stay short, phone charts keep room for the plot. */
export function heightFor(width: number): number {
  return Math.round(Math.min(300, Math.max(220, width * 0.62)));
}

export interface Frame {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
  sx: (v: number) => number;
  sy: (v: number) => number;
  xDomain: [number, number];
  yDomain: [number, number];
}

/** The plotting area of a chart of the given size and domains. */
export function frameOf(width: number, height: number, xDomain: [number, number], yDomain: [number, number]): Frame {
  const margin = { left: 62, right: 14, top: 10, bottom: 44 };
  return {
    width,
    height,
    margin,
    xDomain,
    yDomain,
    sx: scale(xDomain, [margin.left, width - margin.right]),
    sy: scale(yDomain, [height - margin.bottom, margin.top]),
  };
}

/** Axes, ticks (as many as fit the size) and axis titles. */
export function axes(f: Frame, xLabel: string, yLabel: string): VNode {
  const { margin, width, height, sx, sy } = f;
  const bottom = height - margin.bottom;
  const xTicks = ticks(f.xDomain, Math.max(2, Math.floor((width - margin.left - margin.right) / 60)));
  const yTicks = ticks(f.yDomain, Math.max(2, Math.floor((bottom - margin.top) / 36)));
  const r = (v: number) => Number(v.toFixed(1));
  return h(
    'g',
    { class: 'axes' },
    h('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: bottom, y2: bottom }),
    h('line', { class: 'axis', x1: margin.left, x2: margin.left, y1: margin.top, y2: bottom }),
    xTicks.map((v) =>
      h(
        'g',
        { class: 'tick' },
        h('line', { x1: r(sx(v)), x2: r(sx(v)), y1: bottom, y2: bottom + 4 }),
        h('text', { x: r(sx(v)), y: bottom + 17, 'text-anchor': 'middle' }, fmt(v)),
      ),
    ),
    yTicks.map((v) =>
      h(
        'g',
        { class: 'tick' },
        h('line', { x1: margin.left - 4, x2: margin.left, y1: r(sy(v)), y2: r(sy(v)) }),
        h('text', { x: margin.left - 7, y: r(sy(v)) + 4, 'text-anchor': 'end' }, fmt(v)),
      ),
    ),
    h('text', { class: 'axis-label', x: (margin.left + width - margin.right) / 2, y: height - 7, 'text-anchor': 'middle' }, xLabel),
    h('text', { class: 'axis-label', transform: `translate(15 ${(margin.top + bottom) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, yLabel),
  );
}

const finite = (p: Point) => Number.isFinite(p.x) && Number.isFinite(p.y);

function seriesNode(s: Series, f: Frame): VNode {
  const pts = s.points.filter(finite);
  if (s.kind === 'line') {
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${f.sx(p.x).toFixed(1)},${f.sy(p.y).toFixed(1)}`).join('');
    return h('path', { class: s.className, d, fill: 'none' });
  }
  return h(
    'g',
    { class: s.className },
    pts.map((p) => h('circle', { cx: f.sx(p.x).toFixed(1), cy: f.sy(p.y).toFixed(1), r: 4 })),
  );
}

/** The SVG of a line/scatter chart; series are drawn in order (put a dashed reference after a solid line it may cover). */
export function chart(series: readonly Series[], options: ChartOptions): VNode {
  const width = options.width ?? 480;
  const height = options.height ?? heightFor(width);
  const all = series.flatMap((s) => s.points).filter(finite);
  const f = frameOf(width, height, options.xDomain ?? extent(all.map((p) => p.x)), options.yDomain ?? extent(all.map((p) => p.y)));
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, class: 'kb-chart', 'aria-hidden': 'true', focusable: 'false' },
    axes(f, options.xLabel, options.yLabel),
    series.map((s) => seriesNode(s, f)),
  );
}

export interface LegendItem {
  label: string;
  className: string;
  line: boolean;
  dot: boolean;
}

/** One legend entry per series name, showing a line, a dot or both in the series' styles. */
export function legendItems(series: readonly Series[]): LegendItem[] {
  const items = new Map<string, LegendItem>();
  for (const s of series) {
    if (s.legend === false) continue;
    const item = items.get(s.label) ?? { label: s.label, className: s.className, line: false, dot: false };
    if (s.kind === 'line') item.line = true;
    else item.dot = true;
    items.set(s.label, item);
  }
  return [...items.values()];
}

/** A legend entry's sample, drawn with the series' CSS class so it looks exactly like the series. */
export function swatch(item: Pick<LegendItem, 'className' | 'line' | 'dot'>): VNode {
  return h(
    'svg',
    { class: 'kb-chart kb-chart__swatch', width: 30, height: 12, viewBox: '0 0 30 12', 'aria-hidden': 'true', focusable: 'false' },
    item.line && h('path', { class: item.className, d: 'M1,6L29,6', fill: 'none' }),
    item.dot && h('g', { class: item.className }, h('circle', { cx: 15, cy: 6, r: 4 })),
  );
}

export function legend(items: readonly LegendItem[]): VNode {
  return h(
    'ul',
    { class: 'kb-chart__legend' },
    items.map((item) => h('li', {}, swatch(item), item.label)),
  );
}

/** At most `max` items, evenly spread, always with the first and the last. */
export function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

export interface TableText {
  /** The summary of the collapsed table, e.g. "Data table". */
  summary: string;
  /** Header of the series column. */
  series: string;
}

/** The chart's numbers as a table (a few evenly spread points per series), for screen readers and exact reading. */
export function dataTable(series: readonly Series[], options: Pick<ChartOptions, 'title' | 'xLabel' | 'yLabel'>, text: TableText, rowsPerSeries = 8): VNode {
  const seen = new Set<string>();
  const rows = series.flatMap((s) => {
    if (s.table === false || seen.has(s.label)) return [];
    seen.add(s.label);
    return sample(s.points.filter(finite), rowsPerSeries).map((p) =>
      h('tr', {}, h('th', { scope: 'row' }, s.label), h('td', {}, fmt(p.x)), h('td', {}, fmt(p.y))),
    );
  });
  return h(
    'details',
    { class: 'kb-chart__data' },
    h('summary', {}, text.summary),
    h(
      'table',
      {},
      h('caption', {}, options.title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, text.series), h('th', { scope: 'col' }, options.xLabel), h('th', { scope: 'col' }, options.yLabel))),
      h('tbody', {}, rows),
    ),
  );
}

/**
 * Everything a chart figure holds, in order: its visible title, the drawing (hidden from screen
 * readers, which get the table), the legend and the data table.
 */
export function chartFigure(series: readonly Series[], options: ChartOptions, text: TableText): VNode[] {
  return [h('figcaption', { class: 'kb-chart__title' }, options.title), chart(series, options), legend(legendItems(series)), dataTable(series, options, text)];
}
