/**
 * Root-relative Markdown links and images (`[x](/en/articles/y/)`, `![x](/a.png)`) point at the
 * site root; under a base path (BASE_PATH, e.g. /<repo>/ on GitHub Pages) they get the base in
 * front, so contributors write the same links whatever the site is deployed under. (JSX in MDX,
 * such as `<LinkCard href>`, is not rewritten; the base-path build's link check catches it.)
 */
import type { Element, Root, RootContent } from 'hast';
import { prefixBase } from '../lib/base-path.ts';

const URL_PROPERTIES = ['href', 'src'] as const;

export function rehypeBasePath({ base }: { base: string }) {
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'element') prefix(node, base);
    if ('children' in node) node.children.forEach(walk);
  };
  return (tree: Root): void => {
    if (base.replace(/\/+$/, '') === '') return;
    walk(tree);
  };
}

function prefix(element: Element, base: string): void {
  for (const name of URL_PROPERTIES) {
    const value = element.properties[name];
    if (typeof value === 'string' && value.startsWith('/')) element.properties[name] = prefixBase(base, value);
  }
}
