/**
 * Decision regions of a 2-D binary classifier as SVG markup (the MLP example of article 001 §3):
 * a res×res grid of ŷ values (from `predictGrid` in mlp.ts) drawn as cells coloured by ŷ (rounded to
 * 1/levels, one path per colour), the data
 * points on top, and axes in the style of plot.ts. Pure function of numbers, like plot.ts.
 */
import { scale, ticks } from '../plot.ts';

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
  title: string;
  xLabel: string;
  yLabel: string;
  /** Accessible names of the two classes' point groups. */
  classNames: [string, string];
  width?: number;
  height?: number;
  /** Colour levels between 0 and 1 (default 20: steps of 0.05). */
  levels?: number;
}

const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** Cell edges around grid positions lo … hi (midpoints between them, the box at both ends). */
function edges(lo: number, hi: number, res: number): number[] {
  if (res === 1) return [lo, hi];
  const at = (i: number) => lo + ((hi - lo) * i) / (res - 1);
  return Array.from({ length: res + 1 }, (_, i) => (i === 0 ? lo : i === res ? hi : (at(i - 1) + at(i)) / 2));
}

export function regionChart(o: RegionChartOptions): string {
  const { width = 480, height = 300, box, grid, levels = 20 } = o;
  const margin = { left: 56, right: 12, top: 12, bottom: 40 };
  const sx = scale([box.xMin, box.xMax], [margin.left, width - margin.right]);
  const sy = scale([box.yMin, box.yMax], [height - margin.bottom, margin.top]);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const ex = edges(box.xMin, box.xMax, cols).map(sx);
  const ey = edges(box.yMin, box.yMax, rows).map(sy);
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
  const cells = [...byColour].map(([colour, d]) => `<path fill="${colour}" d="${d.join('')}"/>`);
  const group = (cls: 0 | 1) =>
    `<g class="kb-region-class${cls}"><title>${escapeText(o.classNames[cls])}</title>${o.points
      .filter((_, i) => o.labels[i] === cls)
      .map((p) => `<circle cx="${sx(p[0]!).toFixed(1)}" cy="${sy(p[1]!).toFixed(1)}" r="3.5"/>`)
      .join('')}</g>`;
  const xTicks = ticks([box.xMin, box.xMax]).map((v) => `<g class="tick"><line x1="${sx(v)}" x2="${sx(v)}" y1="${height - margin.bottom}" y2="${height - margin.bottom + 4}"/><text x="${sx(v)}" y="${height - margin.bottom + 16}" text-anchor="middle">${fmt(v)}</text></g>`);
  const yTicks = ticks([box.yMin, box.yMax]).map((v) => `<g class="tick"><line x1="${margin.left - 4}" x2="${margin.left}" y1="${sy(v)}" y2="${sy(v)}"/><text x="${margin.left - 6}" y="${sy(v) + 4}" text-anchor="end">${fmt(v)}</text></g>`);
  return [
    `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(o.title)}" class="kb-chart kb-region">`,
    `<g class="kb-region-cells">${cells.join('')}</g>`,
    `<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${height - margin.bottom}" y2="${height - margin.bottom}"/>`,
    `<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${height - margin.bottom}"/>`,
    ...xTicks,
    ...yTicks,
    `<text class="axis-label" x="${(margin.left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">${escapeText(o.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeText(o.yLabel)}</text>`,
    group(0),
    group(1),
    `</svg>`,
  ].join('');
}

/**
 * A small grayscale image (rows of values in [0, 1], 0 = black) as SVG, `pixel` units per pixel,
 * with one path per grey level (values rounded to 1/levels). Used for the data thumbnails of the
 * transfer-learning example.
 */
export function grayImageSvg(rows: number[][], { title, pixel = 4, levels = 16 }: { title: string; pixel?: number; levels?: number }): string {
  const h = rows.length;
  const w = rows[0]?.length ?? 0;
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
  return [
    `<svg viewBox="0 0 ${w * pixel} ${h * pixel}" width="${w * pixel}" height="${h * pixel}" role="img" aria-label="${escapeText(title)}" class="kb-thumb">`,
    `<rect width="${w * pixel}" height="${h * pixel}" fill="rgb(0,0,0)"/>`,
    ...[...byLevel].sort((a, b) => a[0] - b[0]).map(([q, d]) => `<path fill="rgb(${grey(q)},${grey(q)},${grey(q)})" d="${d.join('')}"/>`),
    `</svg>`,
  ].join('');
}
