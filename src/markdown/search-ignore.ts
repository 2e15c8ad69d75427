/**
 * Keeps formula markup (KaTeX's MathML and glyph spans) out of the Pagefind index: indexed,
 * it turns search excerpts into "M S E = 1 n ∑ …". The surrounding prose stays searchable.
 * (Diagram SVGs mark themselves; their text version is indexed.)
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export const rehypeSearchIgnore: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    const names = node.properties.className ?? [];
    if (!names.includes('katex') && !names.includes('katex-display')) return;
    node.properties.dataPagefindIgnore = '';
    return SKIP;
  });
};
