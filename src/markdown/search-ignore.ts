/**
 * Keeps formula markup (KaTeX's MathML and glyph spans) out of the Pagefind index: indexed,
 * it turns search excerpts into "M S E = 1 n ∑ …". The surrounding prose stays searchable.
 * (Diagram SVGs mark themselves; their text version is indexed.)
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
      if (names.includes('katex') || names.includes('katex-display')) {
        node.properties = { ...node.properties, dataPagefindIgnore: '' };
        return;
      }
    }
    node.children?.forEach(walk);
  };
  return walk;
}
