import katex from 'katex';

/**
 * Renders a short text from data (errata, examples, assessment) to HTML: `$…$` goes
 * through KaTeX at build time, `` `…` `` becomes <code>, everything else is escaped.
 * A `\$` stays a literal dollar sign. On a page whose language is not Chinese, every run
 * of Chinese (a quoted original, a Chinese term) is marked `lang="zh-CN"`. A formula and the
 * punctuation right after it (or an opening bracket right before it) stay together (glueMarks, the rule articles share), so "。" never starts a line alone.
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
      const [opening, closing] = glued.get(index) ?? ['', ''];
      const glue = glueMarks(part, opening, closing);
      if (glue.hold === 'end') return `<span class="kb-glue">${glue.before}${holdLastTerm(math)}${glue.after}</span>`;
      return glue.hold === 'whole' ? `<span class="kb-nowrap">${glue.before}${math}${glue.after}</span>` : math;
    })
    .join('');
}

/** Longest formula (TeX source characters) held whole to its punctuation; longer ones may wrap inside. */
export const GLUE_MAX_TEX = 24;

/**
 * How an inline formula is held to the punctuation right before and after it (`before`, `after`), so
 * "。" never starts a line alone: the one rule for articles (math-punctuation.ts) and data texts.
 * - `whole`: a short formula and its marks share a <span class="kb-nowrap"> and never break.
 * - `end`: a long formula must still wrap inside on a phone (held whole, one overflowed a 322 px
 *   card), so it and its marks share a <span class="kb-glue"> (site.css: breaks only inside the
 *   formula). Chromium takes the break after KaTeX's last term from that term's parent and, for
 *   "；" or "：", from the line-breaking class of the mark, so the last term is wrapped in a
 *   `kb-nowrap` and word joiners (U+2060) stand between formula and marks: measured at 390 px,
 *   either one alone still lets a mark start a line.
 * - `none`: no marks around the formula.
 */
export function glueMarks(tex: string, opening: string, closing: string): { hold: 'none' | 'whole' | 'end'; before: string; after: string } {
  if (!opening && !closing) return { hold: 'none', before: '', after: '' };
  if (tex.length <= GLUE_MAX_TEX) return { hold: 'whole', before: opening, after: closing };
  return { hold: 'end', before: opening && opening + WORD_JOINER, after: closing && WORD_JOINER + closing };
}

const WORD_JOINER = '\u2060';

/** KaTeX's HTML with its last term (the last `.base`) in a <span class="kb-nowrap">. */
export function holdLastTerm(katexHtml: string): string {
  const last = katexHtml.lastIndexOf('<span class="base">');
  // renderToString ends with the closing tags of .katex-html and .katex.
  if (last < 0 || !katexHtml.endsWith('</span></span>')) throw new Error('Unexpected KaTeX markup');
  return `${katexHtml.slice(0, last)}<span class="kb-nowrap">${katexHtml.slice(last, -14)}</span></span></span>`;
}

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
