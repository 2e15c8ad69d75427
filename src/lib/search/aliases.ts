// Glossary aliases in search. A page is findable by the forms of the terms it uses that it does
// not write itself (searchable metadata, stored once per page and never in an excerpt), so
// "optimization" finds a page written "optimisation"; the dialog then reads a query that uses an
// alias also as the preferred term, to land on the section whose heading names it ("customer
// support" on "AI customer service"). Pure: the rehype plugin, the index builder and the dialog call it.
import type { Lang } from '../../schemas/bilingual.ts';

/** The Pagefind metadata field that holds the aliases of a page or a glossary entry. */
export const ALIASES_META = 'aliases';

/** A glossary term as search sees it: the preferred term and its aliases in one language. */
export interface TermForms {
  id: string;
  forms: string[];
}

/** "machine learning (ML)" → ["machine learning", "ML"]; other terms stay whole. */
export function splitTerm(term: string): string[] {
  const match = /^(.*?)\s*[（(]([^)）]+)[)）]\s*$/.exec(term);
  return match ? [match[1]!, match[2]!] : [term];
}

/** The term and its aliases in `lang`, for every term that has aliases (the others add nothing). */
export function termForms(terms: readonly { id: string; term: Record<Lang, string>; aliases: Record<Lang, string[]> }[], lang: Lang): TermForms[] {
  return terms.filter((t) => t.aliases[lang].length > 0).map((t) => ({ id: t.id, forms: [...new Set([...splitTerm(t.term[lang]), ...t.aliases[lang]])] }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A Latin form as a whole word, a plural -s allowed. */
const formPattern = (form: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(form)}s?(?=$|[^\\p{L}\\p{N}])`, 'iu');

/** Whether `text` uses `form`: Chinese as a substring, Latin words whole (a plural -s allowed). */
export function uses(text: string, form: string): boolean {
  if (!/[a-z0-9]/i.test(form)) return text.includes(form);
  return formPattern(form).test(text);
}

/** The forms to add to `text`: every form of every term it uses, minus the forms already there. */
export function missingForms(text: string, terms: readonly TermForms[]): string[] {
  const added: string[] = [];
  for (const { forms } of terms) {
    const present = forms.filter((form) => uses(text, form));
    if (present.length) added.push(...forms.filter((form) => !present.includes(form)));
  }
  return [...new Set(added)];
}

/** One way to read a query: as typed, or with the preferred `term` in place of an alias it uses. */
export interface Reading {
  text: string;
  term?: string;
}

/**
 * The query as written, then read with the preferred term in place of each alias it uses
 * ("how to make money" → "how to revenue model"); a query that uses no alias has no other reading.
 */
export function readings(query: string, synonyms: readonly (readonly string[])[]): Reading[] {
  const found: Reading[] = [{ text: query }];
  for (const forms of synonyms) {
    const [preferred, ...aliases] = forms;
    const alias = aliases.filter((form) => uses(query, form)).sort((a, b) => b.length - a.length)[0];
    if (!alias || uses(query, preferred!)) continue;
    const text = /[a-z0-9]/i.test(alias) ? query.replace(formPattern(alias), (_, before: string) => before + preferred) : query.replace(alias, preferred!);
    found.push({ text, term: preferred! });
  }
  return found;
}
