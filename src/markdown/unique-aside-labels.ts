/**
 * Starlight labels each aside (`:::note[编者注]`) with its title, and asides are landmarks:
 * several "Editor's note" asides on one page are indistinguishable to a screen-reader user
 * (axe: landmark-unique). Repeated labels get a running number: "Editor's note 2", "… 3".
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function rehypeUniqueAsideLabels() {
  return (tree: HastNode) => {
    const seen = new Map<string, number>();
    const walk = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'aside' && typeof node.properties?.ariaLabel === 'string') {
        const label = node.properties.ariaLabel;
        const count = (seen.get(label) ?? 0) + 1;
        seen.set(label, count);
        if (count > 1) node.properties.ariaLabel = `${label} ${count}`;
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
