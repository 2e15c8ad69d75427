import { describe, expect, it } from 'vitest';
import { findAll, h, patch, textOf } from '../../src/lib/examples/element.ts';
import { chart, chartFigure, dataTable, extent, legendItems, sample, scale, ticks, type Series } from '../../src/lib/plot.ts';
import { document, markup, render } from './examples/dom.ts';

describe('plot helpers', () => {
  it('scales data to pixels, flipping nothing it is not asked to', () => {
    const s = scale([0, 10], [100, 200]);
    expect([s(0), s(5), s(10)]).toEqual([100, 150, 200]);
    expect(scale([0, 10], [200, 100])(10)).toBe(100);
  });

  it('pads extents and widens a single value', () => {
    expect(extent([0, 10])).toEqual([-0.5, 10.5]);
    expect(extent([3, 3], 0)).toEqual([2, 4]);
    expect(extent([NaN, Infinity])).toEqual([0, 1]);
  });

  it('picks round ticks inside the domain', () => {
    expect(ticks([0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks([-0.5, 10.5])).toEqual([0, 5, 10]);
    expect(ticks([0.01, 0.07], 3)).toEqual([0.02, 0.04, 0.06]);
  });

  it('samples evenly, keeping the first and the last', () => {
    expect(sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toEqual([1, 4, 7, 10]);
    expect(sample([1, 2], 4)).toEqual([1, 2]);
  });
});

const series: Series[] = [
  {
    kind: 'line',
    className: 'fit',
    label: 'fit',
    points: [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: NaN },
    ],
  },
  { kind: 'dots', className: 'data', label: 'data <points>', points: [{ x: 0.5, y: 0.5 }] },
  {
    kind: 'line',
    className: 'data',
    label: 'data <points>',
    points: [
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
    ],
  },
];
const options = { xLabel: 'X (s)', yLabel: 'Y (m)', title: 'a chart', xDomain: [0, 1] as [number, number], yDomain: [0, 1] as [number, number] };

describe('chart', () => {
  it('draws at the size it is shown: one SVG unit per CSS pixel', () => {
    const svg = render(chart(series, { ...options, width: 320 }));
    expect(svg.getAttribute('width')).toBe('320');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 320 ${svg.getAttribute('height')}`);
  });

  it('draws a line through the finite points and a dot per scatter point, with both axis titles as text', () => {
    const svg = chart(series, { ...options, width: 112, height: 96 });
    const fit = findAll(svg, (n) => n.tag === 'path' && n.attrs.class === 'fit');
    expect(fit).toHaveLength(1);
    expect(fit[0]!.attrs.d).toBe('M62.0,52.0L98.0,10.0');
    expect(findAll(svg, (n) => n.tag === 'circle')).toHaveLength(1);
    const labels = findAll(svg, (n) => n.attrs.class === 'axis-label').map(textOf);
    expect(labels).toEqual(['X (s)', 'Y (m)']);
    expect(markup(svg)).not.toMatch(/NaN|undefined/);
  });

  it('puts more ticks on a wide chart than on a phone-sized one', () => {
    const tickCount = (width: number) => findAll(chart(series, { ...options, width, xDomain: [0, 100] }), (n) => n.attrs.class === 'tick').length;
    expect(tickCount(1000)).toBeGreaterThan(tickCount(300));
  });

  it('has a visible title, one legend entry per name (line and dot together) and the numbers as a table', () => {
    const [caption, , legend, table] = chartFigure(series, { ...options, width: 300 }, { summary: 'Data table', series: 'Series' });
    expect(textOf(caption!)).toBe('a chart');
    expect(legendItems(series)).toEqual([
      { label: 'fit', className: 'fit', line: true, dot: false },
      { label: 'data <points>', className: 'data', line: true, dot: true },
    ]);
    expect(textOf(legend!)).toBe('fitdata <points>');
    const rows = findAll(table!, (n) => n.tag === 'tr').map((r) => r.children.map(textOf));
    expect(rows[0]).toEqual(['Series', 'X (s)', 'Y (m)']);
    // NaN is left out; a name drawn twice is listed once.
    expect(rows.slice(1)).toEqual([
      ['fit', '0', '0'],
      ['fit', '1', '1'],
      ['data <points>', '0.5', '0.5'],
    ]);
  });

  it('leaves series out of the legend and table when asked', () => {
    const hidden: Series[] = [{ ...series[0]!, legend: false, table: false }];
    expect(legendItems(hidden)).toEqual([]);
    expect(findAll(dataTable(hidden, options, { summary: 's', series: 'n' }), (n) => n.tag === 'tr')).toHaveLength(1);
  });

  it('escapes nothing by hand: labels become text nodes', () => {
    const el = render(h('figure', {}, chartFigure(series, { ...options, title: '<b>bold</b>' }, { summary: 's', series: 'n' })));
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('figcaption')!.textContent).toBe('<b>bold</b>');
  });
});

describe('patch', () => {
  it('updates a chart in place: the same elements, new attributes', () => {
    const figure = document.createElement('figure') as unknown as Element;
    patch(figure, chartFigure(series, { ...options, width: 300 }, { summary: 's', series: 'n' }));
    const path = figure.querySelector('path.fit');
    const moved: Series[] = [
      {
        ...series[0]!,
        points: [
          { x: 0, y: 1 },
          { x: 1, y: 0 },
        ],
      },
      series[1]!,
      series[2]!,
    ];
    patch(figure, chartFigure(moved, { ...options, width: 300 }, { summary: 's', series: 'n' }));
    expect(figure.querySelector('path.fit')).toBe(path);
    expect(path!.getAttribute('d')).toMatch(/^M62\.0,10\.0L/);
  });

  it('replaces elements of another tag and removes extra children', () => {
    const el = document.createElement('div') as unknown as Element;
    patch(el, [h('p', { class: 'a' }, 'one'), h('span', {}, 'two'), 'three']);
    const p = el.firstChild;
    patch(el, [h('p', { title: 'x' }, 'uno'), h('em', {}, 'dos')]);
    expect(el.firstChild).toBe(p);
    expect(el.innerHTML).toBe('<p title="x">uno</p><em>dos</em>');
  });
});
