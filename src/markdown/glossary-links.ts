/**
 * Links the first occurrence of each glossary term in an article's prose to its glossary entry
 * (#term-<id>), in the page's language, at build time. Headings, links, code, formulas and
 * components are left alone; longer terms win over the shorter ones inside them
 * (卷积神经网络 before 神经网络).
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Lang } from '../schemas/bilingual.ts';

export interface GlossaryLinkTerm {
  id: string;
  term: Record<Lang, string>;
}

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
  const byWord = new Map(terms.map((t) => [t.term[lang].toLowerCase(), t.id]));
  const pattern = termPattern(terms, lang);
  const linked = new Set<string>();
  const split = (text: Text): ElementContent[] | undefined => {
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of text.value.matchAll(pattern)) {
      const id = byWord.get(match[0].toLowerCase());
      if (!id || linked.has(id)) continue;
      linked.add(id);
      if (match.index > last) parts.push({ type: 'text', value: text.value.slice(last, match.index) });
      parts.push({ type: 'element', tagName: 'a', properties: { href: href(id), className: ['kb-term-link'] }, children: [{ type: 'text', value: match[0] }] });
      last = match.index + match[0].length;
    }
    if (!parts.length) return undefined;
    if (last < text.value.length) parts.push({ type: 'text', value: text.value.slice(last) });
    return parts;
  };
  const walk = (node: Root | Element) => {
    const children: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      if (child.type === 'text') children.push(...(split(child) ?? [child]));
      else {
        if (child.type === 'element' && !isSkipped(child)) walk(child);
        children.push(child);
      }
    }
    node.children = children as typeof node.children;
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
