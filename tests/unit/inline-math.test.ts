import { describe, expect, it } from 'vitest';
import { GLUE_MAX_TEX, glueMarks, holdLastTerm, renderInlineMath } from '../../src/lib/inline-math.ts';

/** KaTeX's last term in a kb-nowrap, closing the formula (the end of a long glued formula). */
const LAST_TERM_HELD = /<span class="kb-nowrap"><span class="base">(?:(?!class="base").)*<\/span><\/span><\/span><\/span>/;

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
  // A long formula stays free to wrap inside on a phone; its last term is held to its mark.
  const long = renderInlineMath('so $\\beta_0 = \\frac14(4+5+7+9) - \\beta_1\\frac14(2+4+6+8)$.');
  expect(long).toMatch(/^so <span class="kb-glue"><span class="katex">/);
  expect(long).toMatch(new RegExp(`${LAST_TERM_HELD.source}\u2060\\.</span>$`));
  expect(long.match(/class="base"/g)!.length).toBeGreaterThan(2);
});

describe('glueMarks', () => {
  const short = 'x'.repeat(GLUE_MAX_TEX);
  const long = 'x'.repeat(GLUE_MAX_TEX + 1);

  it('holds a short formula whole with its marks, a long one only at its end', () => {
    expect(glueMarks(short, '（', '）。')).toEqual({ hold: 'whole', before: '（', after: '）。' });
    expect(glueMarks(long, '（', '。')).toEqual({ hold: 'end', before: '（\u2060', after: '\u2060。' });
    expect(glueMarks(long, '', '.')).toEqual({ hold: 'end', before: '', after: '\u2060.' });
  });

  it('leaves a formula with no marks around it alone', () => {
    expect(glueMarks(long, '', '')).toEqual({ hold: 'none', before: '', after: '' });
  });
});

it('holdLastTerm wraps only the last term of KaTeX markup', () => {
  const html = holdLastTerm('<span class="katex"><span class="katex-html"><span class="base">a=</span><span class="base">b</span></span></span>');
  expect(html).toBe(
    '<span class="katex"><span class="katex-html"><span class="base">a=</span><span class="kb-nowrap"><span class="base">b</span></span></span></span>',
  );
  expect(() => holdLastTerm('<b>x</b>')).toThrow(/KaTeX/);
});
