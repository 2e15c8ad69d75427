/**
 * An attention heat-map as an SVG element tree (pure function, like src/lib/plot.ts): rows are query
 * positions, columns key positions, both labelled with their characters; a cell's opacity is its
 * weight. Every cell carries its indices and exact weight as data attributes (data-q, data-k,
 * data-w) so tests can read the numbers back. Used by the tiny-Transformer island (article 003 §5.2).
 */
import { h, type VNode } from './element.ts';

export interface HeatmapOptions {
  /** Accessible name of the whole chart. */
  title: string;
  /** Axis titles. */
  rowAxis: string;
  colAxis: string;
  /** Cell size in SVG units (default 18). */
  cell?: number;
}

/** How a character is shown as an axis label: visible stand-ins for space, line break and tab. */
export function labelFor(ch: string): string {
  if (ch === ' ') return '␣';
  if (ch === '\n') return '⏎';
  if (ch === '\t') return '⇥';
  return ch;
}

/** The SVG of a weights matrix [rows][cols] with values in [0, 1], drawn at its own size (one unit = one CSS pixel). */
export function heatmap(weights: readonly (readonly number[])[], rowLabels: readonly string[], colLabels: readonly string[], options: HeatmapOptions): VNode {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  if (rowLabels.length !== rows || colLabels.length !== cols)
    throw new RangeError(`labels ${rowLabels.length}×${colLabels.length} do not fit a ${rows}×${cols} matrix`);
  const cell = options.cell ?? 18;
  const left = 44;
  const top = 44;
  const width = left + cols * cell + 4;
  const height = top + rows * cell + 4;
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': options.title, class: 'kb-heatmap' },
    h('text', { class: 'axis-label', x: left + (cols * cell) / 2, y: 12, 'text-anchor': 'middle' }, options.colAxis),
    h('text', { class: 'axis-label', transform: `translate(12 ${top + (rows * cell) / 2}) rotate(-90)`, 'text-anchor': 'middle' }, options.rowAxis),
    colLabels.map((label, k) =>
      h('text', { class: 'kb-heatmap__label', 'data-col-label': k, x: left + k * cell + cell / 2, y: top - 6, 'text-anchor': 'middle' }, labelFor(label)),
    ),
    rowLabels.map((label, q) =>
      h('text', { class: 'kb-heatmap__label', 'data-row-label': q, x: left - 6, y: top + q * cell + cell * 0.7, 'text-anchor': 'end' }, labelFor(label)),
    ),
    h('rect', { class: 'kb-heatmap__grid', x: left, y: top, width: cols * cell - 1, height: rows * cell - 1 }),
    weights.map((row, q) =>
      row.map((w, k) =>
        h('rect', {
          class: 'kb-heatmap__cell',
          'data-q': q,
          'data-k': k,
          'data-w': w,
          x: left + k * cell,
          y: top + q * cell,
          width: cell - 1,
          height: cell - 1,
          'fill-opacity': Number((Number.isFinite(w) ? Math.max(0, Math.min(1, w)) : 0).toFixed(4)),
        }),
      ),
    ),
  );
}
