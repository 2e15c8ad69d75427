import katex from 'katex';

/**
 * Renders a short text from data (errata, examples, assessment) to HTML: `$…$` goes
 * through KaTeX at build time, `` `…` `` becomes <code>, everything else is escaped.
 * A `\$` stays a literal dollar sign.
 */
export function renderInlineMath(text: string): string {
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error(`Unbalanced $ in: ${text}`);
  return parts
    .map((part, index) =>
      index % 2 === 1 ? katex.renderToString(part, { throwOnError: true, strict: 'error' }) : renderCode(part.replaceAll('\\$', '$')),
    )
    .join('');
}

function renderCode(text: string): string {
  return text
    .split('`')
    .map((piece, index) => (index % 2 === 1 ? `<code>${escapeHtml(piece)}</code>` : escapeHtml(piece)))
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
