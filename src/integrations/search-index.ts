// Builds the Pagefind index after `astro build` (in place of Starlight's own run, turned off in
// astro.config.mjs) so that glossary entries and errata become results of their own, landing on
// their rows, while the long tables they come from stay out of the index. Also writes the
// vocabulary "did you mean" draws on and the glossary's synonyms the dialog reads queries with.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import yaml from 'js-yaml';
import * as pagefind from 'pagefind';
import { glossaryTerm } from '../schemas/glossary.ts';
import { erratum } from '../schemas/erratum.ts';
import type { Lang } from '../schemas/bilingual.ts';
import { splitTerm, termForms } from '../lib/search/aliases.ts';
import { erratumRecord, erratumSeries, glossaryRecord } from '../lib/search/records.ts';
import type { Vocabulary } from '../lib/search/suggest.ts';

const LANGS: Lang[] = ['zh-CN', 'en'];
/** Rows the index skips because each one is indexed as a record of its own. */
const EXCLUDED = ['.kb-term', '.kb-errata-card'];
/**
 * Glossary entries and errata go to a bundle of their own, which the dialog merges with a lower
 * weight: they answer a query when no article section does, but never push the articles down.
 */
export const RECORDS_BUNDLE = 'pagefind-records';
/** Files Pagefind writes that the dialog does not use (its ready-made UIs; in the records bundle also the code). */
export const UNUSED = /^pagefind-(component-|modular-)?ui\.|^pagefind-highlight\./;
// pagefind.js itself too: the dialog loads it once, from the page bundle.
const UNUSED_IN_RECORDS = /^pagefind(?:[.-].*)?\.js$|^wasm\./;

async function prune(dir: URL, unused: RegExp) {
  for (const name of await readdir(dir)) if (unused.test(name)) await rm(new URL(name, dir));
}

async function readGlossary(root: URL) {
  const items = yaml.load(await readFile(new URL('content/glossary.yaml', root), 'utf8')) as unknown[];
  return items.map((item) => glossaryTerm.parse(item));
}

async function readErrata(root: URL) {
  const dir = new URL('content/errata/', root);
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml'));
  const lists = await Promise.all(files.map(async (name) => yaml.load(await readFile(new URL(name, dir), 'utf8')) as unknown[]));
  return lists.flat().map((item) => erratum.parse(item));
}

/** Article titles by slug, from the frontmatter of content/docs/[en/]articles/. */
async function articleTitles(root: URL, lang: Lang): Promise<Record<string, string>> {
  const dir = new URL(`content/docs/${lang === 'en' ? 'en/' : ''}articles/`, root);
  const titles: Record<string, string> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.mdx'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(await readFile(new URL(name, dir), 'utf8'))?.[1] ?? '';
    titles[name.replace(/\.mdx$/, '')] = (yaml.load(front) as { title: string }).title;
  }
  return titles;
}

function check<T extends { errors: string[] }>(response: T): T {
  if (response.errors.length) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
  return response;
}

export function searchIndex(): AstroIntegration {
  let root: URL;
  return {
    name: 'kb-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const [glossary, errata] = await Promise.all([readGlossary(root), readErrata(root)]);
        const { index } = check(await pagefind.createIndex({ excludeSelectors: EXCLUDED }));
        const { index: recordIndex } = check(await pagefind.createIndex({}));
        if (!index || !recordIndex) throw new Error('Pagefind: no index');
        const { page_count } = check(await index.addDirectory({ path: fileURLToPath(dir) }));
        const out = new URL('pagefind/', dir);
        const recordsOut = new URL(`${RECORDS_BUNDLE}/`, dir);
        await mkdir(out, { recursive: true });
        const titles = { 'zh-CN': await articleTitles(root, 'zh-CN'), en: await articleTitles(root, 'en') };
        // The title of each erratum's article, shown beside it (kept out of the records, where its words would match).
        const errataArticles = Object.fromEntries(
          errata.map((e) => [erratumSeries(e.id), { 'zh-CN': titles['zh-CN'][e.article]!, en: titles.en[e.article]! }]),
        );
        for (const lang of LANGS) {
          const records = [...glossary.map((g) => glossaryRecord(g, lang)), ...errata.map((e) => erratumRecord(e, lang))];
          for (const record of records) check(await recordIndex.addHTMLFile({ url: record.url, content: record.html }));
          const synonyms = termForms(glossary, lang).map((t) => t.forms);
          // Forms already among the synonyms are not written twice (the dialog joins both lists for "did you mean").
          const inSynonyms = new Set(synonyms.flat());
          const words = [...new Set([...glossary.flatMap((g) => splitTerm(g.term[lang])), ...Object.values(titles[lang])])].filter((w) => !inSynonyms.has(w));
          const vocabulary: Vocabulary = { words, synonyms, errataArticles };
          await writeFile(new URL(`vocabulary.${lang.toLowerCase()}.json`, out), JSON.stringify(vocabulary));
        }
        check(await index.writeFiles({ outputPath: fileURLToPath(out) }));
        check(await recordIndex.writeFiles({ outputPath: fileURLToPath(recordsOut) }));
        await pagefind.close();
        await prune(out, UNUSED);
        await prune(recordsOut, new RegExp(`${UNUSED.source}|${UNUSED_IN_RECORDS.source}`));
        logger.info(
          `${page_count} pages, ${glossary.length} glossary entries and ${errata.length} errata per language indexed in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
