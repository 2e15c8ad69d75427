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

let counts: Promise<Map<string, number>> | undefined;

/**
 * How many errata each article has, by article slug: counted once per build, since every article
 * page asks (a filter of the whole collection per page grows with the square of the content).
 */
export function errataCounts(): Promise<Map<string, number>> {
  counts ??= getCollection('errata').then((errata) => {
    const bySlug = new Map<string, number>();
    for (const e of errata) bySlug.set(e.data.article, (bySlug.get(e.data.article) ?? 0) + 1);
    return bySlug;
  });
  return counts;
}

/** Every article page of the language, in sidebar order, from the docs collection (build time). */
export async function articleSummaries(lang: Lang): Promise<ArticleSummary[]> {
  const prefix = lang === 'en' ? 'en/articles/' : 'articles/';
  const pages = await getCollection('docs', (entry) => entry.id.startsWith(prefix));
  const errata = await errataCounts();
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
        errata: errata.get(slug) ?? 0,
      };
    });
}
