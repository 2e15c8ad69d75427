import katex from 'katex';

/**
 * Renders a short text from data (errata, examples, assessment) to HTML: `$…$` goes
 * through KaTeX at build time, `` `…` `` becomes <code>, everything else is escaped.
 * A `\$` stays a literal dollar sign. On a page whose language is not Chinese, every run
 * of Chinese (a quoted original, a Chinese term) is marked `lang="zh-CN"`.
 */
export function renderInlineMath(text: string, pageLang = 'zh-CN'): string {
  const markChinese = !pageLang.startsWith('zh');
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error(`Unbalanced $ in: ${text}`);
  return parts
    .map((part, index) =>
      index % 2 === 1 ? katex.renderToString(part, { throwOnError: true, strict: 'error' }) : renderCode(part.replaceAll('\\$', '$'), markChinese),
    )
    .join('');
}

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
