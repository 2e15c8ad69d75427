// The index records of glossary entries and errata: each one its own search result that lands
// on its row (#term-<id> on the glossary page, #erratum-<id> on the errata page), in place of
// the long tables, which the index skips. Pure: returns HTML documents for Pagefind's addHTMLFile.
import type { Lang } from '../../schemas/bilingual.ts';
import { ALIASES_META, splitTerm } from './aliases.ts';

export interface IndexRecord {
  url: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
export const langPrefix = (lang: Lang) => (lang === 'en' ? '/en' : '');

/** An empty element whose value only Pagefind reads, from an attribute (values may hold commas): searchable, never in an excerpt. */
const meta = (name: string, value: string) => `<span data-pagefind-meta="${name}[data-${name}]" data-${name}="${escapeHtml(value)}"></span>`;

/**
 * One HTML document: the title (a low weight keeps entries below the articles that discuss the
 * term at length), metadata, then the text.
 */
function document(lang: Lang, title: string, metas: string, paragraphs: { text: string }[]): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('');
  return `<html lang="${lang}"><body><main data-pagefind-body><h1 data-pagefind-meta="title" data-pagefind-weight="3">${escapeHtml(title)}</h1>${metas}${body}</main></body></html>`;
}

export interface GlossaryEntry {
  id: string;
  term: Record<Lang, string>;
  definition: Record<Lang, string>;
  aliases: Record<Lang, string[]>;
}

/**
 * The entry's term and definition as the glossary page shows them; its aliases are searchable
 * metadata, so no excerpt shows them. The other language's term stays out (the cross-language
 * switch finds that language's entry), which keeps the index within its size budget.
 */
export function glossaryRecord(entry: GlossaryEntry, lang: Lang): IndexRecord {
  const forms = [...splitTerm(entry.term[lang]).slice(1), ...entry.aliases[lang]];
  return {
    url: `${langPrefix(lang)}/guide/glossary/#term-${entry.id}`,
    html: document(lang, entry.term[lang], forms.length ? meta(ALIASES_META, forms.join(' · ')) : '', [{ text: entry.definition[lang] }]),
  };
}

export interface ErratumEntry {
  id: string;
  article: string;
  problem: Record<Lang, string>;
  correction: Record<Lang, string>;
}

/** "E001-02" → "E001": the errata of one article share it. */
export const erratumSeries = (id: string) => id.split('-')[0]!;

/** The article's title is not in the record (the dialog shows it): its words would make every erratum of the article answer them. */
export function erratumRecord(entry: ErratumEntry, lang: Lang): IndexRecord {
  return {
    url: `${langPrefix(lang)}/guide/errata/#erratum-${entry.id}`,
    html: document(lang, entry.id, '', [{ text: entry.problem[lang] }, { text: entry.correction[lang] }]),
  };
}
