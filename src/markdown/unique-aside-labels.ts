/**
 * Starlight labels each aside (`:::note[编者注]`) with its title, and asides are landmarks:
 * several "Editor's note" asides on one page are indistinguishable to a screen-reader user
 * (axe: landmark-unique). Repeated labels get a running number: "Editor's note 2", "… 3".
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const rehypeUniqueAsideLabels: Plugin<[], Root> = () => (tree) => {
  const seen = new Map<string, number>();
  visit(tree, 'element', (node) => {
    const label = node.properties.ariaLabel;
    if (node.tagName !== 'aside' || typeof label !== 'string') return;
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    if (count > 1) node.properties.ariaLabel = `${label} ${count}`;
  });
};
