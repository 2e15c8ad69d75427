/**
 * Starlight renders the whole sidebar into every page, so a group with n links costs n links on
 * each of n pages: the site's HTML grows with the square of the article count (the growth
 * benchmark's 40× content). A long group is cut to a window around the current page, its first
 * link (the group's index page, e.g. "All articles") always kept, and a last link back to that
 * index saying how many pages the group holds. Short groups — today's five articles — are untouched.
 */

/** The shape of Starlight's sidebar entries that this needs (a structural subset of `SidebarEntry`). */
export interface WindowLink {
  type: 'link';
  href: string;
  isCurrent: boolean;
  label: string;
}

/** How many links a group shows at most (index page included). */
export const SIDEBAR_WINDOW = 12;

/**
 * The links of one group as shown on a page: all of them when they fit, otherwise the group's
 * first link, `size − 2` links centred on the current one (the first ones when the current page
 * is elsewhere) and `more(total)`, a link to the index page naming the total.
 */
export function windowLinks<L extends WindowLink>(links: readonly L[], more: (index: L, total: number) => L, size = SIDEBAR_WINDOW): L[] {
  if (links.length <= size) return [...links];
  const [index, ...rest] = links as [L, ...L[]];
  const span = size - 2;
  const current = rest.findIndex((link) => link.isCurrent);
  const start = current < 0 ? 0 : Math.min(Math.max(current - Math.floor(span / 2), 0), rest.length - span);
  return [index, ...rest.slice(start, start + span), more(index, rest.length)];
}
