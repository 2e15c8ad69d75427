/**
 * Heading anchors that are the same in both languages, so a section link can switch
 * language and land on the same section.
 *
 * - `## 4.3 梯度下降` and `## 4.3 Gradient descent` both get `id="sec-4-3"`.
 * - Any heading may end with an explicit anchor, written `\{#references\}` in MDX
 *   (escaped braces: a bare `{` starts a JavaScript expression in MDX).
 * - Anything else keeps the text slug Astro gives it.
 */

/** Section number at the start of a heading: "4", "4.3", "4.3.1", "A", "A.2" (optional trailing dot); not a year. */
const SECTION_NUMBER = /^((?:\d{1,2}|[A-Z])(?:\.\d{1,2})*)\.?\s+/;
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

export interface HeadingIdResult {
  /** The heading text without an explicit-anchor suffix. */
  text: string;
  /** The anchor, or undefined to let Astro slug the text. */
  id: string | undefined;
}

export function headingId(rawText: string): HeadingIdResult {
  const explicit = EXPLICIT_ID.exec(rawText);
  if (explicit) return { text: rawText.slice(0, explicit.index), id: explicit[1] };
  const numbered = SECTION_NUMBER.exec(rawText);
  if (numbered) return { text: rawText, id: `sec-${numbered[1].replaceAll('.', '-').toLowerCase()}` };
  return { text: rawText, id: undefined };
}

interface MdastNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdastNode[];
  data?: { hProperties?: Record<string, unknown> };
}

function plainText(node: MdastNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

function visitHeadings(node: MdastNode, fn: (heading: MdastNode) => void): void {
  if (node.type === 'heading') fn(node);
  for (const child of node.children ?? []) visitHeadings(child, fn);
}

/** remark plugin: sets `id` on headings per {@link headingId}. */
export function remarkHeadingIds() {
  return (tree: MdastNode) => {
    visitHeadings(tree, (heading) => {
      const { id } = headingId(plainText(heading));
      if (!id) return;
      const last = heading.children?.at(-1);
      if (last?.type === 'text' && last.value) last.value = last.value.replace(EXPLICIT_ID, '');
      heading.data ??= {};
      heading.data.hProperties = { ...heading.data.hProperties, id };
    });
  };
}
