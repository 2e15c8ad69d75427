/**
 * Build time: the name of every section the questionnaire cites, as "article title — section
 * name" (never a section number the reader cannot find), read from the article pages themselves.
 */
import { getEntry } from 'astro:content';
import { outline } from '../../lib/mdx-outline.ts';
import type { ArticleCitation, Questionnaire } from '../../lib/assessment/index.ts';
import { citationKey } from './labels.ts';

/** "2.4 Core elements …" → "Core elements …". */
export const withoutNumber = (heading: string) => heading.replace(/^\d+(?:\.\d+)*\.?\s+/, '');

export async function citationNames(
  q: Questionnaire,
  lang: 'zh-CN' | 'en',
  name: (article: string, section: string) => string,
): Promise<Record<string, string>> {
  const cited = [
    ...q.dimensions.map((d) => d.citation),
    ...q.groups.flatMap((g) => g.questions.map((x) => x.citation)),
    ...q.rules.map((r) => r.citation),
  ].filter((c): c is ArticleCitation => 'article' in c);
  const headings = new Map<string, { title: string; sections: Map<string, string> }>();
  const names: Record<string, string> = {};
  for (const citation of cited) {
    let page = headings.get(citation.article);
    if (!page) {
      const entry = await getEntry('docs', `${lang === 'en' ? 'en/' : ''}articles/${citation.article}`);
      const sections = new Map(outline(entry?.body ?? '').headings.map((h) => [h.id, withoutNumber(h.text)] as const));
      page = { title: entry?.data.title ?? citation.article, sections };
      headings.set(citation.article, page);
    }
    const section = page.sections.get(citation.section);
    names[citationKey(citation)] = section ? name(page.title, section) : page.title;
  }
  return names;
}
