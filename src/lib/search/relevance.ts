// Relevance figures of a search test set: where the answer to each query lands in the ranked
// result links, and top-1 / top-3 hit rates and mean reciprocal rank over a set. Pure: the
// benchmark and the e2e floor test feed it the links the search dialog showed.

/** One test query: what a reader types and the targets that answer it (any of them counts). */
export interface RelevanceQuery {
  q: string;
  /** What the query tests: a term as written, a spelling variant, a synonym, a misspelling, a question. */
  kind: 'term' | 'variant' | 'synonym' | 'misspelling' | 'question' | 'reference';
  /** Site paths, with `#anchor` where the section matters ("/en/articles/x/#sec-2-4"). */
  expect: string[];
}

export interface RelevanceFigures {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
}

/** The path and hash of a link, without origin, `index.html` or query. */
export function normaliseLink(link: string): string {
  const url = new URL(link, 'http://site.invalid');
  return url.pathname.replace(/index\.html$/, '') + url.hash;
}

/** Whether a result link answers an expected target; a target without `#` accepts any section of its page. */
export function answers(link: string, target: string): boolean {
  const got = normaliseLink(link);
  const want = normaliseLink(target);
  return want.includes('#') ? got === want : got.split('#')[0] === want;
}

/** The 1-based rank of the first link that answers the query, or null when none does. */
export function rankOf(links: readonly string[], expect: readonly string[]): number | null {
  const index = links.findIndex((link) => expect.some((target) => answers(link, target)));
  return index < 0 ? null : index + 1;
}

/** Top-1 and top-3 hit rates and mean reciprocal rank (a miss counts 0) over the ranks of a set. */
export function figures(ranks: readonly (number | null)[]): RelevanceFigures {
  const n = ranks.length;
  const share = (ok: (rank: number) => boolean) => (n ? ranks.filter((r) => r !== null && ok(r)).length / n : 0);
  const mrr = n ? ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n : 0;
  return { queries: n, top1: share((r) => r === 1), top3: share((r) => r <= 3), mrr };
}
