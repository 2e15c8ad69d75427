/**
 * Keeps formula markup (KaTeX's MathML and glyph spans) and Mermaid source out of the
 * Pagefind index: indexed, they turn search excerpts into "M S E = 1 n ∑ …" and
 * "graph TD A --> B". The surrounding prose stays searchable.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function classes(node: HastNode): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
}

export function rehypeSearchIgnore() {
  const walk = (node: HastNode) => {
    if (node.type === 'element') {
      const names = classes(node);
      if (names.includes('katex') || names.includes('katex-display') || names.includes('mermaid')) {
        node.properties = { ...node.properties, dataPagefindIgnore: '' };
        return;
      }
    }
    node.children?.forEach(walk);
  };
  return walk;
}
