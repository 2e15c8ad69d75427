// The index records of glossary entries and errata: each one its own search result that lands
// on its row (#term-<id> on the glossary page, #erratum-<id> on the errata page), in place of
// the long tables, which the index skips. Pure: returns HTML documents for Pagefind's addHTMLFile.
import type { Lang } from '../../schemas/bilingual.ts';
import { splitTerm } from './aliases.ts';

export interface IndexRecord {
  url: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const other = (lang: Lang): Lang => (lang === 'en' ? 'zh-CN' : 'en');
export const langPrefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

/**
 * One HTML document: the title (a low weight keeps entries below the articles that discuss the
 * term at length), the kind shown beside the result, then the text.
 */
function document(lang: Lang, title: string, kind: string, paragraphs: { text: string; lang?: Lang }[]): string {
  const body = paragraphs.map((p) => `<p${p.lang ? ` lang="${p.lang}"` : ''}>${escapeHtml(p.text)}</p>`).join('');
  return `<html lang="${lang}"><body><main data-pagefind-body><h1 data-pagefind-meta="title" data-pagefind-weight="3">${escapeHtml(title)}</h1><span data-pagefind-meta="kind:${kind}"></span>${body}</main></body></html>`;
}

export interface GlossaryEntry {
  id: string;
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
  aliases: Record<Lang, string[]>;
}

export function glossaryRecord(entry: GlossaryEntry, lang: Lang): IndexRecord {
  const forms = [...splitTerm(entry.term[lang]).slice(1), ...entry.aliases[lang]];
  return {
    url: `${langPrefix(lang)}/guide/glossary/#term-${entry.id}`,
    html: document(lang, entry.term[lang], 'glossary', [
      { text: entry.term[other(lang)], lang: other(lang) },
      { text: entry.definition[lang] },
      ...(forms.length ? [{ text: forms.join(' · ') }] : []),
    ]),
  };
}

export interface ErratumEntry {
  id: string;
  article: string;
  problem: Record<Lang, string>;
  correction: Record<Lang, string>;
}

export function erratumRecord(entry: ErratumEntry, articleTitle: string, lang: Lang): IndexRecord {
  return {
    url: `${langPrefix(lang)}/guide/errata/#erratum-${entry.id}`,
    html: document(lang, `${entry.id} · ${articleTitle}`, 'erratum', [{ text: entry.problem[lang] }, { text: entry.correction[lang] }]),
  };
}
