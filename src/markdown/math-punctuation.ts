/**
 * Keeps punctuation with the inline formula it follows: "$x$。" never breaks between the formula
 * and "。", which would start a line with the full stop alone. The marks right after a formula
 * (and an opening bracket right before it) are held to it by the rule data texts use too
 * (glueMarks in src/lib/inline-math.ts): a short formula and its marks never break, a long one
 * still wraps inside on a phone. Runs after rehype-katex.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { CLOSING_MARKS as CLOSING, glueMarks, OPENING_MARKS as OPENING } from '../lib/inline-math.ts';

const isInlineMath = (node: ElementContent | undefined, parent: Element | Root): node is Element =>
  node?.type === 'element' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('katex') &&
  !(parent.type === 'element' && Array.isArray(parent.properties.className) && parent.properties.className.includes('katex-display'));

const text = (value: string): Text => ({ type: 'text', value });

/** The TeX source of a KaTeX formula, from its MathML annotation. */
function texOf(math: Element): string {
  let tex = '';
  visit(math, 'element', (node) => {
    if (node.tagName !== 'annotation') return;
    visit(node, 'text', (t) => {
      tex += t.value;
    });
    return SKIP;
  });
  return tex;
}

const hasClass = (node: ElementContent, name: string): node is Element =>
  node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** Wraps the formula's last term (KaTeX's last `.base`) in a `kb-nowrap` (why: glueMarks). */
function holdLastTerm(math: Element): void {
  const html = math.children.find((c) => hasClass(c, 'katex-html')) as Element | undefined;
  const last = html?.children.findLastIndex((c) => hasClass(c, 'base')) ?? -1;
  if (!html || last < 0) throw new Error('Unexpected KaTeX markup');
  html.children[last] = { type: 'element', tagName: 'span', properties: { className: ['kb-nowrap'] }, children: [html.children[last]!] };
}

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
    const before = out.at(-1);
    const opening = before?.type === 'text' ? (OPENING.exec(before.value)?.[0] ?? '') : '';
    if (before?.type === 'text') before.value = before.value.slice(0, before.value.length - opening.length);
    const after = children[i + 1];
    const closing = after?.type === 'text' ? (CLOSING.exec(after.value)?.[0] ?? '') : '';
    if (after?.type === 'text') after.value = after.value.slice(closing.length);
    const glue = glueMarks(texOf(child), opening, closing);
    if (glue.hold === 'none') {
      out.push(child);
      continue;
    }
    if (glue.hold === 'end') holdLastTerm(child);
    const glued = [text(glue.before), child, text(glue.after)];
    out.push({ type: 'element', tagName: 'span', properties: { className: [glue.hold === 'end' ? 'kb-glue' : 'kb-nowrap'] }, children: glued });
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
