/**
 * Puts the chart trees of src/lib/plot.ts into the page: drawn at the figure's width (so text keeps
 * its CSS size on every screen), patched in place on every update (only what moved changes), and
 * redrawn when the figure's width changes.
 */
import { patch, type Node_ } from '../../lib/examples/element.ts';
import { chartFigure, type ChartOptions, type Series } from '../../lib/plot.ts';
import { messagesOf } from './messages.ts';

interface View {
  build: (width: number) => readonly Node_[];
  width: number;
}
const views = new WeakMap<HTMLElement, View>();
const resized =
  typeof ResizeObserver === 'undefined'
    ? undefined
    : new ResizeObserver((entries) => entries.forEach((e) => redraw(e.target as HTMLElement, e.contentRect.width)));

/** The width to draw at: the figure's own, or a sensible one while it is hidden. */
const usable = (width: number) => (width > 0 ? Math.max(240, Math.floor(width)) : 480);

/** The width the resize observer last reported for any figure (figures share the column). */
let lastWidth = usable(0);

function redraw(figure: HTMLElement, width: number): void {
  const view = views.get(figure);
  if (width > 0) lastWidth = usable(width);
  if (!view || usable(width) === view.width) return;
  view.width = usable(width);
  patch(figure, view.build(view.width));
}

/**
 * Fills `figure` with what `build` returns for its width, and again whenever the width changes.
 * The first drawing uses the width another figure last reported (or a default), and the resize
 * observer's first report, which arrives after the browser's own layout and before the paint,
 * corrects it. Reading `clientWidth` here instead would force a layout of the whole (long) page
 * while it loads, the largest blocking task of an article with an example; and a figure in a
 * block the browser has not laid out yet (content-visibility) is still drawn, so its controls exist.
 */
export function drawFigure(figure: HTMLElement, build: (width: number) => readonly Node_[]): void {
  let view = views.get(figure);
  if (view) view.build = build;
  else {
    view = { build, width: resized ? lastWidth : usable(figure.clientWidth) };
    views.set(figure, view);
    resized?.observe(figure);
  }
  patch(figure, build(view.width));
}

/** Draws a line/scatter chart (title, drawing, legend, data table) into `figure`. */
export function drawChart(figure: HTMLElement, series: readonly Series[], options: Omit<ChartOptions, 'width'>): void {
  const msg = messagesOf(figure);
  const text = { summary: msg('examples.common.chart.table'), series: msg('examples.common.chart.series') };
  drawFigure(figure, (width) => chartFigure(series, { ...options, width }, text));
}
