import { describe, expect, it } from 'vitest';
import { labelLines, radarChart, radarPoint } from '../../src/lib/radar.ts';

const axes = (values: number[]) => values.map((value, i) => ({ label: `D${i + 1}`, value }));

describe('radar chart', () => {
  it('places axis 0 straight up and goes clockwise', () => {
    expect(radarPoint(0, 4, 10, 0, 0)).toEqual({ x: 0, y: -10 });
    expect(radarPoint(1, 4, 10, 0, 0)).toEqual({ x: 10, y: 0 });
    expect(radarPoint(2, 4, 10, 0, 0)).toEqual({ x: 0, y: 10 });
  });

  it('is an accessible image with one label and one dot per axis', () => {
    const svg = radarChart(axes([10, 20, 30, 40, 50]), { title: 'Scores' });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Scores"/);
    expect(svg.match(/<text /g)).toHaveLength(5);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg.match(/class="kb-radar__ring"/g)).toHaveLength(4);
  });

  it('scales values to the radius and clamps them to 0…max', () => {
    // size 320 → radius 160, centre (150 + 160, 72 + 160) = (310, 232).
    const svg = radarChart(axes([100, 0, -5, 250]), { title: 't', rings: [] });
    const points = /class="kb-radar__value" points="([^"]+)"/.exec(svg)?.[1]?.split(' ');
    expect(points).toEqual(['310,72', '310,232', '310,232', '150,232']);
  });

  it('treats non-finite values as 0', () => {
    const svg = radarChart(axes([NaN, Infinity, 50]), { title: 't' });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('draws the uncertainty range only when some axis has one', () => {
    expect(radarChart(axes([10, 20, 30]), { title: 't' })).not.toContain('kb-radar__range');
    const svg = radarChart(
      [
        { label: 'a', value: 10, high: 60 },
        { label: 'b', value: 20 },
        { label: 'c', value: 30 },
      ],
      { title: 't' },
    );
    expect(svg).toContain('kb-radar__range');
  });

  it('escapes labels and the title', () => {
    const svg = radarChart(
      [
        { label: '<b>&', value: 1 },
        { label: '"x"', value: 2 },
        { label: "y'", value: 3 },
      ],
      { title: '<script>' },
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&#60;b&#62;&#38;');
  });

  it('breaks long labels into lines that grow away from the chart', () => {
    expect(labelLines('Team collaboration')).toEqual(['Team', 'collaboration']);
    expect(labelLines('Risk management')).toEqual(['Risk', 'management']);
    expect(labelLines('Data in use')).toEqual(['Data in use']);
    expect(labelLines('风险管理')).toEqual(['风险管理']);
    const svg = radarChart(
      [
        { label: 'Technical strength', value: 1 },
        { label: 'b', value: 2 },
        { label: 'c', value: 3 },
      ],
      { title: 't' },
    );
    const top = /<text [^>]*>(.*?)<\/text>/.exec(svg)![1];
    expect(top).toBe('<tspan x="310" dy="-1.5em">Technical</tspan><tspan x="310" dy="1.2em">strength</tspan>');
  });

  it('needs three axes', () => {
    expect(() => radarChart(axes([1, 2]), { title: 't' })).toThrow(/three axes/);
  });
});
