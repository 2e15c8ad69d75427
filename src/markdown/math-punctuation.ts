/**
 * Keeps punctuation with the inline formula it follows: "$x$。" never breaks between the formula
 * and "。", which would start a line with the full stop alone. The formula and the marks right
 * after it (and an opening bracket right before it) go into one <span class="kb-nowrap">
 * (site.css: no wrap at its edges, while a long formula still breaks inside as KaTeX allows, so
 * it never overflows a phone's column). Runs after rehype-katex.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { CLOSING_MARKS as CLOSING, OPENING_MARKS as OPENING } from '../lib/inline-math.ts';

const isInlineMath = (node: ElementContent | undefined, parent: Element | Root): node is Element =>
  node?.type === 'element' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('katex') &&
  !(parent.type === 'element' && Array.isArray(parent.properties.className) && parent.properties.className.includes('katex-display'));

const text = (value: string): Text => ({ type: 'text', value });

/** Rewrites one parent's children, gluing each inline formula to its neighbouring marks. */
export function glueMathPunctuation(parent: Element | Root): void {
  const out: ElementContent[] = [];
  const children = parent.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (!isInlineMath(child, parent)) {
      out.push(child);
      continue;
    }
    const glued: ElementContent[] = [child];
    const before = out.at(-1);
    const opening = before?.type === 'text' ? OPENING.exec(before.value) : null;
    if (before?.type === 'text' && opening) {
      before.value = before.value.slice(0, opening.index);
      glued.unshift(text(opening[0]));
    }
    const after = children[i + 1];
    const closing = after?.type === 'text' ? CLOSING.exec(after.value) : null;
    if (after?.type === 'text' && closing) {
      glued.push(text(closing[0]));
      after.value = after.value.slice(closing[0].length);
    }
    if (glued.length === 1) out.push(child);
    else out.push({ type: 'element', tagName: 'span', properties: { className: ['kb-nowrap'] }, children: glued });
  }
  parent.children = out.filter((c) => c.type !== 'text' || c.value !== '') as typeof parent.children;
}

export const rehypeMathPunctuation: Plugin<[], Root> = () => (tree) => {
  const parents: (Element | Root)[] = [];
  visit(tree, (node) => {
    if ((node.type === 'element' || node.type === 'root') && node.children.some((c) => c.type === 'element' && isInlineMath(c, node))) parents.push(node);
  });
  parents.forEach(glueMathPunctuation);
};
