import { describe, expect, it } from 'vitest';
import { renderInlineMath } from '../../src/lib/inline-math.ts';

describe('renderInlineMath', () => {
  it('renders $…$ with KaTeX and escapes the text around it', () => {
    const html = renderInlineMath('a <b> & $\\sigma(2)$ end');
    expect(html).toContain('a &#60;b&#62; &#38; ');
    expect(html).toContain('class="katex"');
    expect(html.endsWith(' end')).toBe(true);
  });

  it('keeps an escaped dollar as text', () => {
    expect(renderInlineMath('costs \\$5')).toBe('costs $5');
  });

  it('rejects unbalanced or invalid math instead of printing it raw', () => {
    expect(() => renderInlineMath('half $x')).toThrow(/Unbalanced/);
    expect(() => renderInlineMath('$\\frac{1}{$')).toThrow();
  });
});

it('renders `code` spans, escaped', () => {
  expect(renderInlineMath('call `a<b>` now')).toBe('call <code>a&#60;b&#62;</code> now');
});

it('marks Chinese runs lang="zh-CN" on non-Chinese pages only', () => {
  expect(renderInlineMath('“后向传播” is not standard; 2048 块 GPU', 'en')).toBe(
    '“<span lang="zh-CN">后向传播</span>” is not standard; 2048 <span lang="zh-CN">块</span> GPU',
  );
  expect(renderInlineMath('“后向传播”不是标准术语')).toBe('“后向传播”不是标准术语');
});

it('keeps the punctuation around a formula with it, so "，" never starts a line alone', () => {
  const html = renderInlineMath('误差（$a$），再算 $b$。');
  expect(html).toMatch(
    /^误差<span class="kb-nowrap">（<span class="katex">.*<\/span>），<\/span>再算 <span class="kb-nowrap"><span class="katex">.*<\/span>。<\/span>$/,
  );
  expect(renderInlineMath('just $x$ here')).not.toContain('kb-nowrap');
  // A long formula stays free to wrap inside on a phone; word joiners hold its punctuation.
  const long = renderInlineMath('so $\\beta_0 = \\frac14(4+5+7+9) - \\beta_1\\frac14(2+4+6+8)$.');
  expect(long).not.toContain('kb-nowrap');
  expect(long).toMatch(/<\/span>\u2060\.$/);
});
