// Which glossary aliases a piece of text should be findable by: when a section uses a term
// (in any of its forms), the forms it does not use are added to the index invisibly, so
// "optimization" finds a section written "optimisation" and "customer support" one written
// "AI customer service". Pure: the rehype plugin and the index builder call it.
import type { Lang } from '../../schemas/bilingual.ts';

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

/** Whether `text` uses `form`: Chinese as a substring, Latin words whole (a plural -s allowed). */
export function uses(text: string, form: string): boolean {
  if (!/[a-z0-9]/i.test(form)) return text.includes(form);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(form)}s?(?=$|[^\\p{L}\\p{N}])`, 'iu').test(text);
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
