/**
 * What a page is made of, read from its MDX source: frontmatter, headings with their
 * anchors, counts of formulas/diagrams/code/errata/asides, per-section hashes and
 * any Chinese text in running prose. The parity and freshness checks compare two
 * outlines; nothing here touches the DOM or the file system.
 */
import { createHash } from 'node:crypto';
import type { Nodes } from 'mdast';
import GithubSlugger from 'github-slugger';
import yaml from 'js-yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import { headingId } from '../markdown/heading-ids.ts';

export interface OutlineHeading {
  depth: number;
  id: string;
  text: string;
}

export interface Outline {
  frontmatter: Record<string, unknown>;
  headings: OutlineHeading[];
  counts: { displayMath: number; inlineMath: number; mermaid: number; code: number; asides: number };
  /** Ids of `<Erratum id="…" />` in order of appearance. */
  errata: string[];
  /** Other components used in the body (examples, …), in order of appearance. */
  components: string[];
  /** Hash of each section's source (from its heading to the next H2/H3), keyed by anchor; `_intro` before the first. */
  sections: Record<string, string>;
  /** Snippets of prose that contain CJK characters, outside code, math and `lang="zh-CN"` spans. */
  cjkProse: string[];
}

/** An MDX element: `<Erratum id="…" />` on a line of its own (flow) or inside a paragraph (text). */
type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).use(remarkDirective);

export function hash(text: string, length = 8): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, length);
}

export function splitFrontmatter(source: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontmatter: {}, body: source };
  return { frontmatter: (yaml.load(match[1] ?? '') as Record<string, unknown>) ?? {}, body: source.slice(match[0].length) };
}

function plainText(node: Nodes): string {
  if (node.type === 'inlineMath' || node.type === 'inlineCode') return '';
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

function attribute(node: JsxElement, name: string): unknown {
  return node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
}

export function outline(source: string): Outline {
  const { frontmatter, body } = splitFrontmatter(source);
  const tree = parser.parse(body);
  const slugger = new GithubSlugger();
  const result: Outline = {
    frontmatter,
    headings: [],
    counts: { displayMath: 0, inlineMath: 0, mermaid: 0, code: 0, asides: 0 },
    errata: [],
    components: [],
    sections: {},
    cjkProse: [],
  };
  const cuts: { id: string; offset: number }[] = [{ id: '_intro', offset: 0 }];

  const walk = (node: Nodes, inForeignSpan: boolean) => {
    switch (node.type) {
      case 'heading': {
        const raw = plainText(node);
        const { text, id } = headingId(raw);
        const anchor = id ?? slugger.slug(text);
        result.headings.push({ depth: node.depth, id: anchor, text: text.trim() });
        if (node.depth <= 3) cuts.push({ id: anchor, offset: node.position?.start.offset ?? 0 });
        break;
      }
      case 'math':
        result.counts.displayMath++;
        return;
      case 'inlineMath':
        result.counts.inlineMath++;
        return;
      case 'code':
        if (node.lang === 'mermaid') {
          result.counts.mermaid++;
          if (!inForeignSpan && CJK.test(node.value)) result.cjkProse.push(`mermaid: ${node.value.slice(0, 60)}`);
        } else result.counts.code++;
        return;
      case 'inlineCode':
        return;
      case 'containerDirective':
        result.counts.asides++;
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name === 'Erratum') result.errata.push(String(attribute(node, 'id')));
        else if (node.name && /^[A-Z]/.test(node.name)) result.components.push(node.name);
        if (attribute(node, 'lang') === 'zh-CN') inForeignSpan = true;
        break;
      case 'text':
        if (!inForeignSpan && CJK.test(node.value)) result.cjkProse.push(node.value.trim().slice(0, 60));
        return;
    }
    if ('children' in node) for (const child of node.children) walk(child, inForeignSpan);
  };
  walk(tree, false);

  cuts.push({ id: '_end', offset: body.length });
  cuts.forEach((cut, i) => {
    const next = cuts[i + 1];
    if (next) result.sections[cut.id] = hash(body.slice(cut.offset, next.offset));
  });
  return result;
}
