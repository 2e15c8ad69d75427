import { getCollection } from 'astro:content';
import type { Lang } from '../schemas/bilingual.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import { groupByInitial } from '../lib/glossary-order.ts';

/** The glossary under index letters of the language (pinyin initials in Chinese), build time. */
export async function glossaryLetters(lang: Lang): Promise<Array<{ letter: string; anchor: string; items: GlossaryTerm[] }>> {
  const terms = (await getCollection('glossary')).map((entry) => entry.data);
  return groupByInitial(terms, (term) => term.term[lang], lang).map((group) => ({ ...group, anchor: `letter-${group.letter.toLowerCase()}` }));
}
