/** The one element builder of the assessment views: strings become text nodes, never HTML. */
export type Child = Node | string | null | undefined | false;

export function el(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A table with a caption, column headers and a row header in the first cell of each row. */
export function table(caption: string, head: string[], rows: Child[][], className = ''): HTMLElement {
  return el(
    'div',
    { class: 'kb-assess__table' },
    el(
      'table',
      { class: className },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
    ),
  );
}
