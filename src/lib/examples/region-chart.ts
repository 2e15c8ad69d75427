/**
 * Decision regions of a 2-D binary classifier as SVG markup (the MLP example of article 001 §3):
 * a res×res grid of ŷ values (from `predictGrid` in mlp.ts) drawn as cells coloured by ŷ (rounded to
 * 1/levels, one path per colour), the data
 * points on top, and the axes of plot.ts. Pure function of numbers, like plot.ts.
 */
import { axes, frameOf, heightFor } from '../plot.ts';
import { h, type VNode } from './element.ts';

type Rgb = [number, number, number];
const CLASS0: Rgb = [37, 99, 235];
const MIDDLE: Rgb = [236, 236, 236];
const CLASS1: Rgb = [234, 88, 12];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i]! - v) * t)) as Rgb;

/** Colour of a probability: blue at 0 (class 0), light grey at 0.5 (the decision boundary), orange at 1 (class 1). */
export function probabilityColour(p: number): string {
  const q = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
  const [r, g, b] = q < 0.5 ? mix(CLASS0, MIDDLE, q * 2) : mix(MIDDLE, CLASS1, (q - 0.5) * 2);
  return `rgb(${r},${g},${b})`;
}

export interface RegionChartOptions {
  /** grid[r][c] = ŷ at x = xMin + (xMax − xMin)·c/(res − 1), y = yMin + (yMax − yMin)·r/(res − 1). */
  grid: number[][];
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  points: number[][];
  labels: number[];
  xLabel: string;
  yLabel: string;
  /** Width and height in CSS pixels, as shown. */
  width?: number;
  height?: number;
  /** Colour levels between 0 and 1 (default 20: steps of 0.05). */
  levels?: number;
}

/** Cell edges around grid positions lo … hi (midpoints between them, the box at both ends). */
function edges(lo: number, hi: number, res: number): number[] {
  if (res === 1) return [lo, hi];
  const at = (i: number) => lo + ((hi - lo) * i) / (res - 1);
  return Array.from({ length: res + 1 }, (_, i) => (i === 0 ? lo : i === res ? hi : (at(i - 1) + at(i)) / 2));
}

/** Class names of the two point groups (styled in site.css). */
export const REGION_CLASSES = ['kb-region-class0', 'kb-region-class1'] as const;

export function regionChart(o: RegionChartOptions): VNode {
  const { width = 480, box, grid, levels = 20 } = o;
  const height = o.height ?? heightFor(width);
  const f = frameOf(width, height, [box.xMin, box.xMax], [box.yMin, box.yMax]);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const ex = edges(box.xMin, box.xMax, cols).map(f.sx);
  const ey = edges(box.yMin, box.yMax, rows).map(f.sy);
  // One <path> per colour level (probabilities rounded to 1/levels): few DOM nodes, quick to redraw.
  const byColour = new Map<string, string[]>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = ex[c]!;
      const y = ey[r + 1]!;
      const p = grid[r]![c]!;
      const colour = probabilityColour(Number.isFinite(p) ? Math.round(p * levels) / levels : p);
      // Cells overlap by a hair so that no seams show between them.
      const cell = `M${x.toFixed(1)},${y.toFixed(1)}h${(ex[c + 1]! - x + 0.5).toFixed(1)}v${(ey[r]! - y + 0.5).toFixed(1)}h${(x - ex[c + 1]! - 0.5).toFixed(1)}z`;
      const list = byColour.get(colour);
      if (list) list.push(cell);
      else byColour.set(colour, [cell]);
    }
  }
  const group = (cls: 0 | 1) =>
    h(
      'g',
      { class: REGION_CLASSES[cls] },
      o.points.filter((_, i) => o.labels[i] === cls).map((p) => h('circle', { cx: f.sx(p[0]!).toFixed(1), cy: f.sy(p[1]!).toFixed(1), r: 4 })),
    );
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, class: 'kb-chart kb-region', 'aria-hidden': 'true', focusable: 'false' },
    h(
      'g',
      { class: 'kb-region-cells' },
      [...byColour].map(([colour, d]) => h('path', { fill: colour, d: d.join('') })),
    ),
    axes(f, o.xLabel, o.yLabel),
    group(0),
    group(1),
  );
}

/**
 * A small grayscale image (rows of values in [0, 1], 0 = black) as SVG, `pixel` units per pixel,
 * with one path per grey level (values rounded to 1/levels). Used for the data thumbnails of the
 * transfer-learning example.
 */
export function grayImage(rows: number[][], { pixel = 4, levels = 16 }: { pixel?: number; levels?: number } = {}): VNode {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const byLevel = new Map<number, string[]>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const q = Math.round(Math.max(0, Math.min(1, Number.isFinite(v) ? v : 0)) * levels);
      if (q === 0) return;
      const cells = byLevel.get(q);
      const cell = `M${c * pixel},${r * pixel}h${pixel}v${pixel}h${-pixel}z`;
      if (cells) cells.push(cell);
      else byLevel.set(q, [cell]);
    }),
  );
  const grey = (q: number) => Math.round((255 * q) / levels);
  return h(
    'svg',
    {
      viewBox: `0 0 ${width * pixel} ${height * pixel}`,
      width: width * pixel,
      height: height * pixel,
      class: 'kb-thumb',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    h('rect', { width: width * pixel, height: height * pixel, fill: 'rgb(0,0,0)' }),
    [...byLevel].sort((a, b) => a[0] - b[0]).map(([q, d]) => h('path', { fill: `rgb(${grey(q)},${grey(q)},${grey(q)})`, d: d.join('') })),
  );
}
