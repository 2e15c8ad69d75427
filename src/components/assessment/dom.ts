// The assessment views build DOM with the site's one element builder (src/lib/dom.ts).
import { el, type Child } from '../../lib/dom.ts';

export { el, type Child };

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
