// The draggable fit chart of the linear-regression example: pointer positions map back to the
// data, moved points stay inside the axes, lines are clipped to the axes, and the tree has one
// focusable, named point per datum whose position and name follow the data.
import { describe, expect, it } from 'vitest';
import { findAll, textOf, type VNode } from '../../../src/lib/examples/element.ts';
import { leastSquares, ridge } from '../../../src/lib/examples/linear-regression.ts';
import {
  clipLine,
  closedForms,
  dragDomains,
  keyStep,
  movePoint,
  regressionFigure,
  regressionFrame,
  spreadApart,
  toData,
  type RegressionView,
} from '../../../src/lib/examples/regression-chart.ts';

const data = { x: [2, 4, 6, 8], y: [4, 5, 7, 9] };
const domains = dragDomains(data);

const view = (over: Partial<RegressionView> = {}): RegressionView => ({
  data,
  domains,
  target: { ...leastSquares(data.x, data.y), label: 'closed form' },
  text: {
    title: 'Fit',
    xLabel: 'X',
    yLabel: 'Y',
    data: 'data',
    residuals: 'residuals',
    point: (i, x, y) => `point ${i}: ${x}, ${y}`,
    table: { summary: 'table', series: 'series' },
  },
  ...over,
});

describe('dragDomains / toData', () => {
  it('puts a whole unit of room around the points', () => {
    expect(domains).toEqual({ x: [1, 9], y: [3, 10] });
  });

  it('maps a drawn point back to its data coordinates, and clamps positions outside the axes', () => {
    const f = regressionFrame(400, domains);
    const back = toData(f, f.sx(6.5), f.sy(4.25));
    expect(back.x).toBeCloseTo(6.5, 9);
    expect(back.y).toBeCloseTo(4.25, 9);
    expect(toData(f, -100, 10_000)).toEqual({ x: 1, y: 3 });
  });
});

describe('movePoint / keyStep', () => {
  it('moves one point, rounded to 2 decimals and kept inside the axes, leaving the data untouched', () => {
    const moved = movePoint(data, 1, { x: 4.567, y: 42 }, domains);
    expect(moved).toEqual({ x: [2, 4.57, 6, 8], y: [4, 10, 7, 9] });
    expect(data.y[1]).toBe(5);
  });

  it('steps 0.1 per arrow key, 1 with Shift, and ignores other keys', () => {
    expect(keyStep('ArrowUp', false)).toEqual({ x: 0, y: 0.1 });
    expect(keyStep('ArrowLeft', true)).toEqual({ x: -1, y: 0 });
    expect(keyStep('a', false)).toBeUndefined();
  });
});

describe('closedForms', () => {
  it('gives least squares, and ridge only when λ > 0', () => {
    expect(closedForms(data, 0, true).ridge).toBeUndefined();
    const both = closedForms(data, 0.5, false);
    expect(both.leastSquares!.b1).toBeCloseTo(0.85, 12);
    expect(both.ridge!.b1).toBeCloseTo(ridge(data.x, data.y, 0.5, { penalizeIntercept: false }).b1, 12);
  });

  it('has no least-squares line when every X is equal (a point dragged onto the others)', () => {
    expect(closedForms({ x: [3, 3], y: [1, 2] }, 0, true).leastSquares).toBeUndefined();
  });
});

describe('clipLine', () => {
  it('keeps the part of the line inside both axes', () => {
    // y = 2 + 0.85x enters y ≥ 3 at x = 1/0.85 and leaves the x-axis range at x = 9.
    const [a, b] = clipLine(2, 0.85, domains);
    expect(a!.x).toBeCloseTo(1 / 0.85, 12);
    expect(a!.y).toBeCloseTo(3, 12);
    expect(b).toEqual({ x: 9, y: 2 + 0.85 * 9 });
  });

  it('is empty for a line that misses the plot', () => {
    expect(clipLine(50, 0, domains)).toEqual([]);
    expect(clipLine(-100, 1, domains)).toEqual([]);
  });
});

describe('spreadApart', () => {
  it('pushes labels apart to the gap, keeps their order, and keeps them below the top', () => {
    const labels = [{ y: 40 }, { y: 5 }, { y: 45 }];
    spreadApart(labels, 15, 20);
    expect(labels.map((l) => l.y)).toEqual([40, 20, 55]);
  });
});

describe('regressionFigure', () => {
  it('has one focusable point per datum, named by its coordinates, at the position of the data', () => {
    const [, svg] = regressionFigure(view(), 400);
    const f = regressionFrame(400, domains);
    const points = findAll(svg!, (n) => n.attrs['data-point'] !== undefined);
    expect(points.map((p) => p.attrs['aria-label'])).toEqual(['point 1: 2, 4', 'point 2: 4, 5', 'point 3: 6, 7', 'point 4: 8, 9']);
    expect(points.every((p) => p.attrs.tabindex === 0)).toBe(true);
    expect(Number(points[2]!.attrs.cy)).toBeCloseTo(f.sy(7), 1);
  });

  it('draws a residual from each point to the closed-form line, and labels the lines directly', () => {
    const [, svg] = regressionFigure(view({ gradientDescent: { b0: 1, b1: 1, label: 'gradient descent' } }), 400);
    const f = regressionFrame(400, domains);
    const residuals = findAll(svg!, (n) => n.attrs.class === 'kb-lin-residual')[0]!.children as VNode[];
    expect(residuals).toHaveLength(4);
    expect(Number(residuals[0]!.attrs.y2)).toBeCloseTo(f.sy(2 + 0.85 * 2), 1);
    const labels = findAll(svg!, (n) => n.tag === 'text' && String(n.attrs.class).startsWith('kb-lin-label')).map(textOf);
    expect(labels).toEqual(['closed form', '', 'gradient descent']);
  });

  it('keeps the same elements in the same order whether or not gradient descent is shown', () => {
    const shape = (v: RegressionView) => findAll(regressionFigure(v, 400)[1]!, () => true).map((n) => n.tag);
    expect(shape(view())).toEqual(shape(view({ gradientDescent: { b0: 1, b1: 1, label: 'gd' } })));
  });

  it('moves a point, the closed-form line and the legend follow the new data', () => {
    const moved = movePoint(data, 3, { x: 8, y: 4 }, domains);
    const fit = leastSquares(moved.x, moved.y);
    const [, svg, legend] = regressionFigure(view({ data: moved, target: { ...fit, label: 'closed form' } }), 400);
    const f = regressionFrame(400, domains);
    const line = findAll(svg!, (n) => n.attrs.class === 'series-reference')[0]!;
    const [start] = clipLine(fit.b0, fit.b1, domains);
    expect(String(line.attrs.d)).toMatch(new RegExp(`^M${Number(f.sx(start!.x).toFixed(1))},`));
    expect(textOf(legend!)).toContain('closed form');
  });
});
