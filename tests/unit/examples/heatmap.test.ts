import { describe, expect, it } from 'vitest';
import { heatmap, labelFor } from '../../../src/lib/examples/heatmap.ts';

describe('heatmap', () => {
  const weights = [
    [1, 0, 0],
    [0.25, 0.75, 0],
    [0.2, 0.3, 0.5],
  ];
  const svg = heatmap(weights, ['a', '<', ' '], ['a', '<', ' '], { title: 'Attention "head" 1', rowAxis: 'query', colAxis: 'key' });

  it('draws one cell per weight with its indices and exact value', () => {
    const cells = [...svg.matchAll(/<rect class="kb-heatmap__cell" data-q="(\d+)" data-k="(\d+)" data-w="([^"]+)"[^>]*fill-opacity="([^"]+)"/g)];
    expect(cells).toHaveLength(9);
    for (const [, q, k, w, opacity] of cells) {
      expect(Number(w)).toBe(weights[Number(q)]![Number(k)]);
      expect(Number(opacity)).toBeCloseTo(Number(w), 4);
    }
  });

  it('is an accessible image with escaped labels and visible stand-ins for whitespace', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Attention &#34;head&#34; 1"/);
    expect(svg).toContain('>&#60;</text>');
    expect(svg).toContain('>␣</text>');
    expect(svg).not.toContain('><</text>');
    expect(labelFor('\n')).toBe('⏎');
    expect(labelFor('字')).toBe('字');
  });

  it('rejects labels that do not fit the matrix', () => {
    expect(() => heatmap(weights, ['a'], ['a', 'b', 'c'], { title: 't', rowAxis: 'r', colAxis: 'c' })).toThrow(/labels/);
  });
});
