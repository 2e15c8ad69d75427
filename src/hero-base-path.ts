// Starlight route middleware: the links of a splash page's hero buttons are written root-relative
// in frontmatter (`link: /assessment/`); under a base path they get the base in front, like the
// links in Markdown (src/markdown/base-path.ts). A copy, so the cached entry is never rewritten twice.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './lib/base-path.ts';

export const onRequest = defineRouteMiddleware(({ locals }) => {
  const { entry } = locals.starlightRoute;
  const hero = entry.data.hero;
  if (!hero?.actions.length) return;
  const actions = hero.actions.map((action) => ({ ...action, link: withBase(action.link) }));
  locals.starlightRoute.entry = { ...entry, data: { ...entry.data, hero: { ...hero, actions } } };
});
