/**
 * Root-relative links and images (`[x](/en/articles/y/)`, `![x](/a.png)`, `<LinkCard href="/x/">`)
 * point at the site root; under a base path (BASE_PATH, e.g. /<repo>/ on GitHub Pages) they get
 * the base in front, so contributors write the same links whatever the site is deployed under.
 */
import type { Element, Root, RootContent } from 'hast';
import { prefixBase } from '../lib/base-path.ts';

const URL_PROPERTIES: readonly string[] = ['href', 'src'];
/** MDX components in the tree (hast's node types include them once MDX is in the pipeline). */
type JsxElement = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

export function rehypeBasePath({ base }: { base: string }) {
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'element') prefixElement(node, base);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') prefixJsx(node, base);
    if ('children' in node) node.children.forEach(walk);
  };
  return (tree: Root): void => {
    if (base.replace(/\/+$/, '') === '') return;
    walk(tree);
  };
}

function prefixElement(element: Element, base: string): void {
  for (const name of URL_PROPERTIES) {
    const value = element.properties[name];
    if (typeof value === 'string' && value.startsWith('/')) element.properties[name] = prefixBase(base, value);
  }
}

/** Components written in MDX (`<LinkCard href="/x/">`): their literal href/src attributes. */
function prefixJsx(element: JsxElement, base: string): void {
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !URL_PROPERTIES.includes(attribute.name)) continue;
    if (typeof attribute.value === 'string' && attribute.value.startsWith('/')) attribute.value = prefixBase(base, attribute.value);
  }
}
