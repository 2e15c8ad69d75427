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

function redraw(figure: HTMLElement, width: number): void {
  const view = views.get(figure);
  if (!view || usable(width) === view.width) return;
  view.width = usable(width);
  patch(figure, view.build(view.width));
}

/**
 * Fills `figure` with what `build` returns for its width, now and whenever the width changes. The
 * width is measured once and then taken from the resize observer: reading it on every frame would
 * force a layout of the whole (long) page each time.
 */
export function drawFigure(figure: HTMLElement, build: (width: number) => readonly Node_[]): void {
  let view = views.get(figure);
  if (view) view.build = build;
  else {
    view = { build, width: usable(figure.clientWidth) };
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
