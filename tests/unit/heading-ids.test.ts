import { describe, expect, it } from 'vitest';
import { headingId } from '../../src/markdown/heading-ids.ts';

describe('headingId', () => {
  it('gives numbered headings the same anchor in both languages', () => {
    expect(headingId('4.3 梯度下降').id).toBe('sec-4-3');
    expect(headingId('4.3 Gradient descent').id).toBe('sec-4-3');
    expect(headingId('1. 背景介绍').id).toBe('sec-1');
    expect(headingId('A.2 常见问题').id).toBe('sec-a-2');
  });

  it('takes an explicit anchor and strips it from the text', () => {
    expect(headingId('参考文献 {#references}')).toEqual({ text: '参考文献', id: 'references' });
  });

  it('leaves other headings to the default slug', () => {
    expect(headingId('摘要').id).toBeUndefined();
    expect(headingId('2024 outlook').id).toBeUndefined();
    expect(headingId('GPT-3 的规模').id).toBeUndefined();
  });
});
