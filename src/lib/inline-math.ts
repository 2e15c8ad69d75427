import katex from 'katex';

/**
 * Renders a short text that may hold inline math (`$…$`) to HTML: text is escaped,
 * math goes through KaTeX at build time. Used for data (errata, glossary) that is
 * not Markdown. A `\$` stays a literal dollar sign.
 */
export function renderInlineMath(text: string): string {
  const parts = text.split(/(?<!\\)\$/);
  if (parts.length % 2 === 0) throw new Error(`Unbalanced $ in: ${text}`);
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? katex.renderToString(part, { throwOnError: true, strict: 'error' })
        : escapeHtml(part.replaceAll('\\$', '$')),
    )
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
