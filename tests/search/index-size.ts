/**
 * The search index's size against a baseline, for `npm run bench` (issue target: grow by no more
 * than 20 %). The baseline is what plain Pagefind (Starlight's default run) makes of the same built
 * pages: every page indexed whole, without our glossary/errata records bundle and without the alias
 * metadata (src/markdown/search-aliases.ts). Both sides count the files the dialog can load (the
 * ready-made UIs Pagefind also writes are pruned from both). Runs on its own too:
 *   node tests/search/index-size.ts      (after `npm run build`)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { RECORDS_BUNDLE, UNUSED } from '../../src/integrations/search-index.ts';
import { ALIASES_META } from '../../src/lib/search/aliases.ts';

export interface IndexSize {
  /** The site's page bundle plus the records bundle. */
  bytes: number;
  /** Plain Pagefind over the same pages, aliases removed. */
  baselineBytes: number;
  /** How long plain Pagefind takes to index and write those pages (ms), to set beside the build's own step. */
  baselineMs: number;
}

function dirSize(dir: string, skip = /^$/): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !skip.test(e.name))
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/** A built page without the alias element (an empty span carrying the aliases as metadata). */
const withoutAliases = (html: string) => html.replace(new RegExp(`<span data-pagefind-meta="${ALIASES_META}\\[[^>]*></span>`, 'g'), '');

export async function indexSize(dist = 'dist'): Promise<IndexSize> {
  const out = mkdtempSync(join(tmpdir(), 'kb-plain-index-'));
  try {
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const page of pages)
      await index.addHTMLFile({ sourcePath: relative(dist, join(dist, page)), content: withoutAliases(readFileSync(join(dist, page), 'utf8')) });
    await index.writeFiles({ outputPath: out });
    const baselineMs = Math.round(performance.now() - started);
    await pagefind.close();
    return { bytes: dirSize(join(dist, 'pagefind')) + dirSize(join(dist, RECORDS_BUNDLE)), baselineBytes: dirSize(out, UNUSED), baselineMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The build's search step (`indexed in N ms`, logged by src/integrations/search-index.ts) beside
 * plain Pagefind's time over the same pages: what the search work adds to the build.
 */
export function indexTimeLine({ baselineMs }: IndexSize, buildLog: string): string {
  const ours = Number(/indexed in (\d+) ms/.exec(buildLog)?.[1] ?? NaN);
  if (Number.isNaN(ours)) return `search indexing: plain Pagefind over the same pages takes ${baselineMs} ms (the build's own step was not logged)`;
  return `search indexing: ${ours} ms in the build vs ${baselineMs} ms for plain Pagefind over the same pages (+${Math.max(ours - baselineMs, 0)} ms)`;
}

/** One line for the bench report. */
export function indexSizeLine({ bytes, baselineBytes }: IndexSize): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const growth = ((bytes / baselineBytes - 1) * 100).toFixed(0);
  return `Pagefind index: ${kb(bytes)} (pages + glossary/errata records) vs ${kb(baselineBytes)} for plain Pagefind over the same pages without aliases or records: ${Number(growth) >= 0 ? '+' : ''}${growth} % (target ≤ +20 %)`;
}

if (import.meta.main) {
  const size = await indexSize();
  console.log(indexSizeLine(size));
  console.log(indexTimeLine(size, ''));
}
