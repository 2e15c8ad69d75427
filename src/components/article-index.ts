import { getCollection } from 'astro:content';
import type { Lang } from '../schemas/bilingual.ts';
import { readingMinutes } from '../lib/reading-time.ts';

/** What the home page and the articles index show of one article. */
export interface ArticleSummary {
  slug: string;
  href: string;
  title: string;
  takeaway: string;
  minutes: number;
  errata: number;
}

/** Every article page of the language, in sidebar order, from the docs collection (build time). */
export async function articleSummaries(lang: Lang): Promise<ArticleSummary[]> {
  const prefix = lang === 'en' ? 'en/articles/' : 'articles/';
  const pages = await getCollection('docs', (entry) => entry.id.startsWith(prefix));
  const errata = await getCollection('errata');
  return pages
    .sort((a, b) => (a.data.sidebar.order ?? 0) - (b.data.sidebar.order ?? 0))
    .map((entry) => {
      const slug = entry.id.slice(prefix.length);
      if (!entry.data.takeaway) throw new Error(`${entry.id}: the frontmatter needs a takeaway (src/schemas/article.ts)`);
      return {
        slug,
        href: `/${entry.id}/`,
        title: entry.data.title,
        takeaway: entry.data.takeaway,
        minutes: readingMinutes(entry.body ?? '', lang),
        errata: errata.filter((e) => e.data.article === slug).length,
      };
    });
}
