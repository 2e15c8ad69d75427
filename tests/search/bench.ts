// The search part of `npm run bench`: relevance over the founder query sets and the time from
// typing a query to its first result, per language, measured in the real dialog.
import type { Browser } from '@playwright/test';
import { measureRelevance, openSearch, readQueries, type RelevanceRun } from './dialog.ts';

export interface SearchBench {
  relevance: Record<string, RelevanceRun>;
  /** Milliseconds from typing to the first result shown, per query. */
  latencyMs: Record<string, Record<string, number>>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
export const LATENCY_QUERIES = 12;

export async function benchSearch(browser: Browser, origin: string): Promise<SearchBench> {
  const bench: SearchBench = { relevance: {}, latencyMs: {} };
  for (const [lang, home] of [
    ['zh-CN', '/'],
    ['en', '/en/'],
  ] as const) {
    const queries = readQueries(lang);
    // Latency: a fresh page, the reader points at the search button, opens it and types.
    const page = await browser.newPage();
    await page.goto(origin + home, { waitUntil: 'networkidle' });
    await page.locator('button[data-open-modal]').hover();
    const input = await openSearch(page);
    const times: Record<string, number> = {};
    for (const { q } of queries.slice(0, LATENCY_QUERIES)) {
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
    bench.latencyMs[lang] = times;
    bench.relevance[lang] = await measureRelevance(page, queries);
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
