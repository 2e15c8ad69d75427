/**
 * The site's Markdown plugins, in order: astro.config.mjs runs them in the build and
 * `npm run check:mdx` (src/checks/compile-mdx.ts) runs the same ones, so the quick check
 * rejects what the build rejects.
 */
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { remarkHeadingIds } from './heading-ids.ts';
import { remarkMermaidDiagrams } from './mermaid-diagrams.ts';
import { rehypeSearchIgnore } from './search-ignore.ts';
import { rehypeSearchAliases } from './search-aliases.ts';
import { rehypeStrictMath } from './strict-math.ts';
import { rehypeGlossaryLinks } from './glossary-links.ts';
import { rehypeMathPunctuation } from './math-punctuation.ts';
import { rehypeExamplePrintLinks } from './example-print-links.ts';
import { rehypeUniqueAsideLabels } from './unique-aside-labels.ts';

export const remarkPlugins: (RemarkPlugin | [RemarkPlugin, unknown])[] = [remarkMath, remarkHeadingIds, remarkMermaidDiagrams];

/** rehype-katex in strict mode reports what it cannot render; rehypeStrictMath, right after it, fails on it. */
export const rehypePlugins: (RehypePlugin | [RehypePlugin, unknown])[] = [
  [rehypeKatex, { strict: 'error' }],
  rehypeStrictMath,
  rehypeMathPunctuation,
  rehypeGlossaryLinks,
  rehypeExamplePrintLinks,
  rehypeSearchIgnore,
  rehypeSearchAliases,
  rehypeUniqueAsideLabels,
];
