/**
 * Makes article sections findable by the glossary aliases of the terms they use (spelling
 * variants, synonyms, abbreviations; content/glossary.yaml): at the end of each section an empty
 * element carries the missing forms in an attribute that only Pagefind reads
 * (data-pagefind-index-attrs), so readers and screen readers never meet them.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import yaml from 'js-yaml';
import type { VFile } from 'vfile';
import { glossaryTerm } from '../schemas/glossary.ts';
import { missingForms, termForms, type TermForms } from '../lib/search/aliases.ts';

/** A heading, or the wrapper Starlight puts around one. */
const isHeading = (node: RootContent | ElementContent): boolean =>
  node.type === 'element' &&
  (/^h[1-6]$/.test(node.tagName) || (node.tagName === 'div' && node.children.some((child) => child.type === 'element' && /^h[1-6]$/.test(child.tagName))));

function text(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as ElementContent[]).map(text).join(' ') : '';
}

export function aliasElement(forms: string[]): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { dataSearchAliases: forms.join(' · '), dataPagefindIndexAttrs: 'data-search-aliases' },
    children: [],
  };
}

/** Adds the alias element at the end of every section (the text between two headings) that needs one. */
export function addSectionAliases(tree: Root, terms: readonly TermForms[]): void {
  const children: RootContent[] = [];
  let section: RootContent[] = [];
  const close = () => {
    const forms = missingForms(section.map(text).join(' '), terms);
    children.push(...section, ...(forms.length ? [aliasElement(forms)] : []));
    section = [];
  };
  for (const node of tree.children) {
    if (isHeading(node)) close();
    section.push(node);
  }
  close();
  tree.children = children;
}

export function rehypeSearchAliases(options: { glossary?: string } = {}) {
  const entries = (yaml.load(readFileSync(options.glossary ?? 'content/glossary.yaml', 'utf8')) as unknown[]).map((item) => glossaryTerm.parse(item));
  const byLang = { 'zh-CN': termForms(entries, 'zh-CN'), en: termForms(entries, 'en') };
  return (tree: Root, file: VFile) => {
    const path = file.path ?? '';
    if (!/content\/docs\/(en\/)?articles\//.test(path)) return;
    addSectionAliases(tree, byLang[/content\/docs\/en\//.test(path) ? 'en' : 'zh-CN']);
  };
}
