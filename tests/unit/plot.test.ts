import { describe, expect, it } from 'vitest';
import { chart, extent, scale, ticks } from '../../src/lib/plot.ts';

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

  it('draws a line through the points and dots for scatter, skipping non-finite values', () => {
    const svg = chart(
      [
        { kind: 'line', className: 'fit', label: 'fit', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: NaN }] },
        { kind: 'dots', className: 'data', label: 'data <points>', points: [{ x: 0.5, y: 0.5 }] },
      ],
      { xLabel: 'X', yLabel: 'Y', title: 'a chart', xDomain: [0, 1], yDomain: [0, 1], width: 112, height: 92 },
    );
    expect(svg).toContain('aria-label="a chart"');
    expect(svg).toMatch(/<path class="fit" d="M56\.0,52\.0L100\.0,12\.0"/);
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).toContain('data &#60;points&#62;');
  });
});
