/**
 * Heading anchors that are the same in both languages, so a section link can switch
 * language and land on the same section.
 *
 * - `## 4.3 梯度下降` and `## 4.3 Gradient descent` both get `id="sec-4-3"`.
 * - Any heading may end with an explicit anchor, written `\{#references\}` in MDX
 *   (escaped braces: a bare `{` starts a JavaScript expression in MDX).
 * - A heading with neither fails the build: a text slug would differ between the languages.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Section number at the start of a heading: "4", "4.3", "4.3.1", "A", "A.2" (optional trailing dot); not a year. */
const SECTION_NUMBER = /^((?:\d{1,2}|[A-Z])(?:\.\d{1,2})*)\.?\s+/;
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

export interface HeadingIdResult {
  /** The heading text without an explicit-anchor suffix. */
  text: string;
  /** The anchor, or undefined when the heading has neither a section number nor an explicit anchor. */
  id: string | undefined;
}

export function headingId(rawText: string): HeadingIdResult {
  const explicit = EXPLICIT_ID.exec(rawText);
  if (explicit) return { text: rawText.slice(0, explicit.index), id: explicit[1] };
  const numbered = SECTION_NUMBER.exec(rawText);
  if (numbered?.[1]) return { text: rawText, id: `sec-${numbered[1].replaceAll('.', '-').toLowerCase()}` };
  return { text: rawText, id: undefined };
}

/** remark plugin: sets `id` on headings per {@link headingId}; a heading that gets none fails the build. */
export const remarkHeadingIds: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'heading', (heading) => {
    const { id } = headingId(toString(heading));
    if (!id) {
      const where = `${file.path || 'Markdown'}:${heading.position?.start.line ?? '?'}`;
      throw new Error(`${where}: heading "${toString(heading)}" has no section number; end it with an explicit anchor such as \\{#references\\}`);
    }
    const last = heading.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(EXPLICIT_ID, '');
    heading.data ??= {};
    heading.data.hProperties = { ...heading.data.hProperties, id };
  });
};
