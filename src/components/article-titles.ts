import { getEntry } from 'astro:content';
import { ARTICLES } from '../lib/assessment/vocabulary.ts';
import type { Lang } from '../schemas/bilingual.ts';

/** Title of every article page in the given language, by slug (build time). */
export async function articleTitles(lang: Lang): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  for (const slug of ARTICLES) {
    const entry = await getEntry('docs', `${lang === 'en' ? 'en/' : ''}articles/${slug}`);
    titles[slug] = entry?.data.title ?? slug;
  }
  return titles;
}
