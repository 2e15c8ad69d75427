// Route data that Starlight cannot derive itself: table-of-contents entries for headings that
// come from data, and a sidebar whose long article list is cut to a window around the page.
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { errataGroups } from './components/errata-index.ts';
import { glossaryLetters } from './components/glossary-index.ts';
import { format } from './lib/i18n.ts';
import { pageLang } from './lib/lang.ts';
import { windowLinks, type WindowLink } from './lib/sidebar-window.ts';
import type { Lang } from './schemas/bilingual.ts';

type Heading = { slug: string; text: string };

const dataHeadings: Record<string, (lang: Lang) => Promise<Heading[]>> = {
  'guide/errata': async (lang) => (await errataGroups(lang)).map((g) => ({ slug: g.anchor, text: g.title })),
  'guide/glossary': async (lang) => (await glossaryLetters(lang)).map((g) => ({ slug: g.anchor, text: g.letter })),
};

// Starlight builds a page's table of contents from its Markdown headings only. Pages whose
// headings come from data (the errata index: one per article; the glossary: one per letter) get
// them added here.
async function addDataHeadings(route: StarlightRouteData): Promise<void> {
  const headings = dataHeadings[route.id.replace(/^en\//, '')];
  if (!headings || !route.toc) return;
  for (const h of await headings(pageLang(route.lang))) route.toc.items.push({ depth: 2, slug: h.slug, text: h.text, children: [] });
}

/** The articles group (its first link is the articles index) lists a window of articles, not all of them. */
function windowArticles(route: StarlightRouteData, allLabel: (count: number) => string): void {
  for (const group of route.sidebar) {
    if (group.type !== 'group' || !group.entries.every((e) => e.type === 'link')) continue;
    const links = group.entries as (WindowLink & (typeof group.entries)[number])[];
    if (!/\/articles\/$/.test(links[0]?.href ?? '')) continue;
    group.entries = windowLinks(links, (index, total) => ({ ...index, label: allLabel(total), isCurrent: false }));
  }
}

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  await addDataHeadings(route);
  windowArticles(route, (count) => format(context.locals.t('sidebar.allArticles'), { count }));
});
