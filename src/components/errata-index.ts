import { getCollection, getEntry, render } from 'astro:content';
import type { Lang } from '../schemas/bilingual.ts';
import type { Erratum } from '../schemas/erratum.ts';
import { articleSummaries } from './article-index.ts';

/** One erratum as the index shows it: with the name of the section it stands in. */
export interface IndexedErratum extends Erratum {
  sectionTitle: string;
}

/** The errata of one article, under a heading of the errata index. */
export interface ErrataGroup {
  /** Anchor of the article's heading on the errata index. */
  anchor: string;
  title: string;
  href: string;
  errata: IndexedErratum[];
}

/** Heading text by anchor of one article page (build time). */
async function sectionTitles(id: string): Promise<Map<string, string>> {
  const entry = await getEntry('docs', id);
  if (!entry) return new Map();
  const { headings } = await render(entry);
  return new Map(headings.map((h) => [h.slug, h.text]));
}

/** Every erratum, grouped by article in reading order, each group in id order (build time). */
export async function errataGroups(lang: Lang): Promise<ErrataGroup[]> {
  const errata = (await getCollection('errata')).map((e) => e.data).sort((a, b) => a.id.localeCompare(b.id));
  return Promise.all(
    (await articleSummaries(lang)).map(async (article) => {
      const titles = await sectionTitles(article.href.slice(1, -1));
      return {
        anchor: `article-${article.slug}`,
        title: article.title,
        href: article.href,
        errata: errata.filter((e) => e.article === article.slug).map((e) => ({ ...e, sectionTitle: titles.get(e.section) ?? '' })),
      };
    }),
  );
}
