/**
 * Build time: the "try this" prompts of one example (content/try-this/), ready to render: the text,
 * the link that applies the prompt's settings (labelled with the settings' names in the form), and
 * the cited article section named by title and section name, never by number.
 */
import { getEntry } from 'astro:content';
import type { Lang } from '../../schemas/bilingual.ts';
import type { SettingsSchema } from '../../lib/examples/url-state.ts';
import { promptQuery } from '../../lib/examples/try-this.ts';
import { outline } from '../../lib/mdx-outline.ts';
import { citationHref } from '../assessment/labels.ts';
import { withoutNumber } from '../assessment/citations.ts';

export interface TryThisItem {
  /** The prompt's text (may hold `$…$` math). */
  text: string;
  /** `?query#anchor` of this page with the prompt's settings, or undefined when it changes none. */
  href?: string;
  /** "Label value" of every setting the link applies. */
  applies: string[];
  cite: { href: string; article: string; section: string };
}

/** "Article title" and "section name" of a section, read from the article page itself. */
async function sectionName(article: string, section: string, lang: Lang): Promise<{ article: string; section: string }> {
  const entry = await getEntry('docs', `${lang === 'en' ? 'en/' : ''}articles/${article}`);
  const heading = outline(entry?.body ?? '').headings.find((h) => h.id === section);
  if (!entry || !heading) throw new Error(`content/try-this: no section "${section}" in article "${article}" (${lang})`);
  return { article: entry.data.title, section: withoutNumber(heading.text) };
}

/**
 * The prompts of example `id` in `lang` ([] when it has none). `label(key, value)` names a
 * setting and its value as the form does. Throws when a prompt sets what the schema rejects.
 */
export async function tryThisItems(id: string, lang: Lang, schema: SettingsSchema, label: (key: string, value: unknown) => string): Promise<TryThisItem[]> {
  const entry = await getEntry('tryThis', id);
  if (!entry) return [];
  return Promise.all(
    entry.data.prompts.map(async (prompt) => {
      const { query, problems } = promptQuery(schema, prompt.settings);
      if (problems.length)
        throw new Error(`content/try-this (${id}): settings not accepted by the example: ${problems.map((p) => `${p.field} (${p.reason})`).join(', ')}`);
      const names = await sectionName(prompt.cites.article, prompt.cites.section, lang);
      return {
        text: prompt.text[lang],
        href: query ? `?${query}#example-${id}-title` : undefined,
        applies: Object.entries(prompt.settings).map(([key, value]) => label(key, value)),
        cite: { href: citationHref(prompt.cites, lang), ...names },
      };
    }),
  );
}
