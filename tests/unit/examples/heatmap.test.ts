import { describe, expect, it } from 'vitest';
import { heatmap, labelFor } from '../../../src/lib/examples/heatmap.ts';
import { render } from './dom.ts';

describe('heatmap', () => {
  const weights = [
    [1, 0, 0],
    [0.25, 0.75, 0],
    [0.2, 0.3, 0.5],
  ];
  const svg = render(heatmap(weights, ['a', '<', ' '], ['a', '<', ' '], { title: 'Attention "head" 1', rowAxis: 'query', colAxis: 'key' }));

  it('draws one cell per weight with its indices and exact value', () => {
    const cells = [...svg.querySelectorAll('rect.kb-heatmap__cell')].map((c) => [
      '',
      ...['data-q', 'data-k', 'data-w', 'fill-opacity'].map((a) => c.getAttribute(a)!),
    ]);
    expect(cells).toHaveLength(9);
    for (const [, q, k, w, opacity] of cells) {
      expect(Number(w)).toBe(weights[Number(q)]![Number(k)]);
      expect(Number(opacity)).toBeCloseTo(Number(w), 4);
    }
  });

  it('is an accessible image drawn at its own size, with labels as text and visible stand-ins for whitespace', () => {
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Attention "head" 1');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
    const labels = [...svg.querySelectorAll('text.kb-heatmap__label')].map((t) => t.textContent);
    expect(labels).toEqual(['a', '<', '␣', 'a', '<', '␣']);
    expect(labelFor('\n')).toBe('⏎');
    expect(labelFor('字')).toBe('字');
  });

  it('rejects labels that do not fit the matrix', () => {
    expect(() => heatmap(weights, ['a'], ['a', 'b', 'c'], { title: 't', rowAxis: 'r', colAxis: 'c' })).toThrow(/labels/);
  });
});
