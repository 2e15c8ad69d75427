/**
 * Links the first use of a glossary term in an article's prose to its glossary entry
 * (#term-<id>), in the page's language, at build time — only where the link helps:
 * - terms of the reader's own trade (the glossary's `business` group: 创业公司, 商业模式, …) and
 *   a few plain words (流程图, 人工智能, …) are not linked; the machine-learning and privacy
 *   terms are the ones a founder looks up;
 * - at most one link per term per article, and at most one link per paragraph, list item or
 *   table cell, so a dense paragraph does not turn into a row of links (a term crowded out
 *   links at its next use);
 * - headings, links, code, formulas and components are left alone.
 * Longer terms win over the shorter ones inside them (卷积神经网络 before 神经网络), whether
 * linked or not (云计算资源 is not a use of 计算资源).
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Lang } from '../schemas/bilingual.ts';

export interface GlossaryLinkTerm {
  id: string;
  group: string;
  term: Record<Lang, string>;
}

/** Everyday words to the site's readers, founders: their whole glossary group, and a few plain words among the others. */
const EVERYDAY_GROUPS = new Set(['business']);
const EVERYDAY_TERMS = new Set(['artificial-intelligence', 'flowchart', 'data-collection', 'data-storage', 'energy-consumption']);
const isEveryday = (term: GlossaryLinkTerm) => EVERYDAY_GROUPS.has(term.group) || EVERYDAY_TERMS.has(term.id);

/** Blocks that get at most one term link each. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'blockquote', 'figcaption']);

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style', 'svg', 'summary', 'dfn']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern that finds any of the terms, longest first; English terms only as whole words. */
export function termPattern(terms: readonly GlossaryLinkTerm[], lang: Lang): RegExp {
  const words = terms.map((t) => t.term[lang]).filter((w) => w.length >= (lang === 'en' ? 3 : 2));
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).map(escape);
  return lang === 'en' ? new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}-])`, 'giu') : new RegExp(alternatives.join('|'), 'gu');
}

function isSkipped(node: Element): boolean {
  const names = node.properties?.className;
  const list = Array.isArray(names) ? names.map(String) : [];
  return SKIP.has(node.tagName) || list.some((name) => name.startsWith('katex') || name.startsWith('kb-'));
}

/** Links first occurrences in the tree; `href` gives an entry's address. */
export function linkTerms(tree: Root, terms: readonly GlossaryLinkTerm[], lang: Lang, href: (id: string) => string): void {
  const byWord = new Map(terms.map((t) => [t.term[lang].toLowerCase(), t]));
  const pattern = termPattern(terms, lang);
  const linked = new Set<string>();
  let block = { linked: false };
  const split = (text: Text): ElementContent[] | undefined => {
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(pattern)) {
      const term = byWord.get(match[0].toLowerCase());
      if (!term || block.linked || linked.has(term.id) || isEveryday(term)) continue;
      const id = term.id;
      linked.add(id);
      block.linked = true;
      if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
      parts.push({ type: 'element', tagName: 'a', properties: { href: href(id), className: ['kb-term-link'] }, children: [{ type: 'text', value: match[0] }] });
      last = match.index + match[0].length;
    }
    if (!parts.length) return undefined;
    if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
    return parts;
  };
  const walk = (node: Root | Element) => {
    const outer = block;
    if (node.type === 'element' && BLOCKS.has(node.tagName)) block = { linked: false };
    const children: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      if (child.type === 'text') children.push(...(split(child) ?? [child]));
      else {
        if (child.type === 'element' && !isSkipped(child)) walk(child);
        children.push(child);
      }
    }
    node.children = children as typeof node.children;
    block = outer;
  };
  walk(tree);
}

/** The rehype plugin: article pages only (content/docs/[en/]articles/…), terms from content/glossary.yaml. */
export function rehypeGlossaryLinks(options: { glossary?: string } = {}) {
  const terms = yaml.load(readFileSync(options.glossary ?? 'content/glossary.yaml', 'utf8')) as GlossaryLinkTerm[];
  return (tree: Root, file: { path?: string }) => {
    const path = (file.path ?? '').replaceAll('\\', '/');
    const article = /content\/docs\/(en\/)?articles\//.exec(path);
    if (!article) return;
    const lang: Lang = article[1] ? 'en' : 'zh-CN';
    linkTerms(tree, terms, lang, (id) => `${lang === 'en' ? '/en' : ''}/guide/glossary/#term-${id}`);
  };
}
