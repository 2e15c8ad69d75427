// Starlight builds a page's table of contents from its Markdown headings only. Pages whose
// headings come from data (the errata index: one per article; the glossary: one per letter) get
// them added here.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { errataGroups } from './components/errata-index.ts';
import { glossaryLetters } from './components/glossary-index.ts';
import { pageLang } from './lib/lang.ts';
import type { Lang } from './schemas/bilingual.ts';

type Heading = { slug: string; text: string };

const dataHeadings: Record<string, (lang: Lang) => Promise<Heading[]>> = {
  'guide/errata': async (lang) => (await errataGroups(lang)).map((g) => ({ slug: g.anchor, text: g.title })),
  'guide/glossary': async (lang) => (await glossaryLetters(lang)).map((g) => ({ slug: g.anchor, text: g.letter })),
};

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const headings = dataHeadings[route.id.replace(/^en\//, '')];
  if (!headings || !route.toc) return;
  for (const h of await headings(pageLang(route.lang))) route.toc.items.push({ depth: 2, slug: h.slug, text: h.text, children: [] });
});
