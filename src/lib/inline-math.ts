import katex from 'katex';

/**
 * Renders a short text from data (errata, examples, assessment) to HTML: `$…$` goes
 * through KaTeX at build time, `` `…` `` becomes <code>, everything else is escaped.
 * A `\$` stays a literal dollar sign. On a page whose language is not Chinese, every run
 * of Chinese (a quoted original, a Chinese term) is marked `lang="zh-CN"`. A formula and the
 * punctuation right after it (or an opening bracket right before it) go into one
 * <span class="kb-nowrap">, so "。" never starts a line alone (as in articles: math-punctuation.ts);
 * only short formulas, since a glued formula cannot break.
 */
export function renderInlineMath(text: string, pageLang = 'zh-CN'): string {
  const markChinese = !pageLang.startsWith('zh');
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error(`Unbalanced $ in: ${text}`);
  const glued = new Map<number, [string, string]>();
  for (let i = 1; i < parts.length; i += 2) {
    const opening = OPENING_MARKS.exec(parts[i - 1]!)?.[0] ?? '';
    const closing = CLOSING_MARKS.exec(parts[i + 1]!)?.[0] ?? '';
    parts[i - 1] = parts[i - 1]!.slice(0, parts[i - 1]!.length - opening.length);
    parts[i + 1] = parts[i + 1]!.slice(closing.length);
    if (opening || closing) glued.set(i, [opening, closing]);
  }
  return parts
    .map((part, index) => {
      if (index % 2 === 0) return renderCode(part.replaceAll('\\$', '$'), markChinese);
      const math = katex.renderToString(part, { throwOnError: true, strict: 'error' });
      const marks = glued.get(index);
      if (!marks) return math;
      // A long formula must still wrap inside on a phone (in a no-wrap span it overflowed a 322 px
      // card by 16 px), so it is held to its marks by word joiners (U+2060) instead.
      if (part.length > GLUE_MAX_TEX) return `${marks[0]}${marks[0] ? '\u2060' : ''}${math}${marks[1] ? '\u2060' : ''}${marks[1]}`;
      return `<span class="kb-nowrap">${marks[0]}${math}${marks[1]}</span>`;
    })
    .join('');
}

/** Longest formula (TeX source characters) glued to its punctuation; longer ones may wrap inside. */
const GLUE_MAX_TEX = 24;

/** Punctuation that must not be parted from the formula it closes, or opens. */
export const CLOSING_MARKS = /^[。，、；：！？）」』”’》〉.,;:!?)\]]+/u;
export const OPENING_MARKS = /[（「『“‘《〈([]+$/u;

function renderCode(text: string, markChinese: boolean): string {
  return text
    .split('`')
    .map((piece, index) => {
      const html = escapeHtml(piece);
      if (index % 2 === 1) return markChinese && HAN.test(piece) ? `<code lang="zh-CN">${html}</code>` : `<code>${html}</code>`;
      return markChinese ? html.replace(HAN_RUNS, '<span lang="zh-CN">$&</span>') : html;
    })
    .join('');
}

// Han characters and CJK punctuation; a run may hold digits and spaces between them (“2048 块”).
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff5e';
const HAN_RUNS = new RegExp(`[${CJK}](?:[${CJK}\\d ]*[${CJK}])?`, 'g');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
