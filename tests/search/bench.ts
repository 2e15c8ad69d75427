// The search part of `npm run bench`: relevance over the founder query sets and the time from
// typing a query to its first result, per language, measured in the real dialog.
import type { Browser, Page } from '@playwright/test';
import { measureRelevance, openSearch, readQueries, type RelevanceRun } from './dialog.ts';

export interface SearchBench {
  relevance: Record<string, RelevanceRun>;
  /** Milliseconds from typing to the first result shown, per query. */
  latencyMs: Record<string, Record<string, number>>;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
export const LATENCY_QUERIES = 12;

const HOMES = { 'zh-CN': '/', en: '/en/' } as const;
export type SearchLang = keyof typeof HOMES;

/**
 * Typing → first result for the first LATENCY_QUERIES queries of a language: a fresh page of its
 * home, the reader points at the search button, opens it and types. Returns the page, dialog open.
 */
export async function measureLatency(
  browser: Pick<Browser, 'newPage'>,
  origin: string,
  lang: SearchLang,
): Promise<{ page: Page; times: Record<string, number> }> {
  const page = await browser.newPage();
  await page.goto(origin + HOMES[lang], { waitUntil: 'networkidle' });
  await page.locator('button[data-open-modal]').hover();
  const input = await openSearch(page);
  const times: Record<string, number> = {};
  for (const { q } of readQueries(lang).slice(0, LATENCY_QUERIES)) {
    await input.fill('');
    const started = Date.now();
    await input.fill(q);
    await page.waitForFunction(
      (q) => {
        const list = document.querySelector('dialog[open] [data-search-results]');
        return list?.getAttribute('data-query') === q && list.querySelector('[data-result-link]');
      },
      q,
      { timeout: 60_000 },
    );
    times[q] = Date.now() - started;
  }
  return { page, times };
}

export async function benchSearch(browser: Browser, origin: string): Promise<SearchBench> {
  const bench: SearchBench = { relevance: {}, latencyMs: {} };
  for (const lang of Object.keys(HOMES) as SearchLang[]) {
    const { page, times } = await measureLatency(browser, origin, lang);
    bench.latencyMs[lang] = times;
    bench.relevance[lang] = await measureRelevance(page, readQueries(lang));
    await page.close();
  }
  return bench;
}

/** The bench report's search section, in markdown. */
export function searchReport(bench: SearchBench): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const lines = [
    '## Search',
    '',
    '| language | queries | top-1 | top-3 | MRR | typing → first result (median of ' + LATENCY_QUERIES + ') |',
    '|---|---|---|---|---|---|',
  ];
  for (const [lang, run] of Object.entries(bench.relevance)) {
    lines.push(
      `| ${lang} | ${run.queries} | ${pct(run.top1)} | ${pct(run.top3)} | ${run.mrr.toFixed(3)} | ${median(Object.values(bench.latencyMs[lang]!))} ms |`,
    );
  }
  const misses = Object.entries(bench.relevance).flatMap(([lang, run]) => run.misses.map((m) => `- ${lang} “${m.q}”: rank ${m.rank ?? 'none'}`));
  if (misses.length) lines.push('', 'Not first:', '', ...misses);
  return lines;
}
