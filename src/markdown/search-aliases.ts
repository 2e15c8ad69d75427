/**
 * Makes articles findable by the glossary aliases of the terms they use (spelling variants,
 * synonyms, abbreviations; content/glossary.yaml): one empty element per page carries the forms
 * the page does not write itself as Pagefind metadata, which is searchable but never shown in an
 * excerpt, so readers and screen readers never meet them. The dialog lands on the section
 * (src/lib/search/results.ts reads the query with the preferred term).
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import yaml from 'js-yaml';
import type { VFile } from 'vfile';
import { glossaryTerm } from '../schemas/glossary.ts';
import { ALIASES_META, missingForms, termForms, type TermForms } from '../lib/search/aliases.ts';

function text(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as ElementContent[]).map(text).join(' ') : '';
}

export function aliasElement(forms: string[]): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { dataPagefindMeta: `${ALIASES_META}[data-search-aliases]`, dataSearchAliases: forms.join(' · ') },
    children: [],
  };
}

/** Adds the alias element at the end of a page that uses a term in a form it does not write. */
export function addPageAliases(tree: Root, terms: readonly TermForms[]): void {
  const forms = missingForms(tree.children.map(text).join(' '), terms);
  if (forms.length) tree.children.push(aliasElement(forms));
}

export function rehypeSearchAliases(options: { glossary?: string } = {}) {
  const entries = (yaml.load(readFileSync(options.glossary ?? 'content/glossary.yaml', 'utf8')) as unknown[]).map((item) => glossaryTerm.parse(item));
  const byLang = { 'zh-CN': termForms(entries, 'zh-CN'), en: termForms(entries, 'en') };
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    if (!/content\/docs\/(en\/)?articles\//.test(path)) return;
    addPageAliases(tree, byLang[/content\/docs\/en\//.test(path) ? 'en' : 'zh-CN']);
  };
}
