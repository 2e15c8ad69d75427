// From Pagefind's result data to what the search dialog shows: each result lands on the section
// that matches best (not the top of the page), shows that section's title and excerpt, and is
// labelled with its language. Pure: tested directly, rendered by the dialog.

/** The parts of Pagefind's `result.data()` the dialog uses. */
export interface PagefindSub {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number }[];
  locations?: number[];
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSub[];
  language?: string;
}

export interface Hit {
  /** Where the result link goes: the best-matching section. */
  url: string;
  title: string;
  /** Title of the section it lands on, when that is not the page itself. */
  section?: string;
  excerpt: string;
  /** 'glossary', 'erratum' or 'page'. */
  kind: string;
  /** Language of the page, 'zh-CN' or 'en'. */
  lang: string;
}

const score = (sub: PagefindSub) => sub.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? sub.locations?.length ?? 0;

const STOP = new Set(['and', 'the', 'for', 'how', 'what', 'does', 'with', 'from', 'where', 'why', 'which', 'can', 'you', 'are']);

/** What a heading is matched on: English words (by their first five letters, a crude stem) and Chinese character pairs. */
export function queryTokens(query: string): string[] {
  const q = query.toLowerCase();
  const words = (q.match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 5));
  const pairs = (q.match(/[\u3400-\u9fff]+/g) ?? []).flatMap((run) =>
    run.length < 2 ? [run] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2)),
  );
  return [...new Set([...words, ...pairs])];
}

/** Letters and digits only: "Back-propagation", "back propagation" and "backpropagation" are one word. */
const squeeze = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Share of the query's tokens that the heading contains; all of them when it contains the whole query. */
export function headingMatch(title: string, tokens: readonly string[], query = ''): number {
  if (query && squeeze(query).length > 2 && squeeze(title).includes(squeeze(query))) return 1;
  if (!tokens.length) return 0;
  const text = title.toLowerCase();
  const words = text.match(/[a-z0-9]+/g) ?? [];
  return tokens.filter((t) => (/^[a-z0-9]/.test(t) ? words.some((w) => w.startsWith(t)) : text.includes(t))).length / tokens.length;
}

/** The page itself (text before its first heading), as opposed to one of its sections. */
const isPageTop = (sub: PagefindSub) => !/#(?!_top$)./.test(sub.url);

/** Share of the heading's own tokens that are in the query: "Linear regression" fits "linear regression" better than "Multiple linear regression". */
function headingPrecision(title: string, tokens: readonly string[], query: string): number {
  if (squeeze(query).length > 2 && squeeze(title.replace(/^[\d.\s]+/, '')) === squeeze(query)) return 1;
  const own = queryTokens(title.replace(/^[\d.\s]+/, ''));
  return own.length ? own.filter((t) => tokens.includes(t)).length / own.length : 0;
}

/**
 * The section a result lands on: the one whose heading names most of the query (and least else),
 * then the one with the highest match score; the page top only when no section does better.
 */
export function bestSection(subs: readonly PagefindSub[], query: string): PagefindSub | undefined {
  const tokens = queryTokens(query);
  const key = (sub: PagefindSub) =>
    isPageTop(sub) ? [0, 0, score(sub)] : [headingMatch(sub.title, tokens, query), headingPrecision(sub.title, tokens, query), score(sub)];
  const better = (a: number[], b: number[]) => a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! > b[2]!)));
  return subs.reduce<PagefindSub | undefined>((best, sub) => (!best || better(key(sub), key(best)) ? sub : best), undefined);
}

export function toHit(data: PagefindData, lang: string, query: string): Hit {
  const title = data.meta.title ?? data.url;
  const best = bestSection(data.sub_results ?? [], query);
  const section = best && best.title !== title && !isPageTop(best) ? best.title : undefined;
  return { url: best?.url ?? data.url, title, section, excerpt: best?.excerpt ?? data.excerpt, kind: data.meta.kind ?? 'page', lang };
}

/**
 * Articles first: pages whose landing section names at least half of the query (the fullest
 * match first), then glossary entries and errata (which answer what no heading names, such as
 * "LLM" or an error message), then the other pages. Otherwise Pagefind's order stands.
 */
export function arrange(hits: readonly Hit[], query: string): Hit[] {
  const tokens = queryTokens(query);
  const match = (hit: Hit) => headingMatch(hit.section ?? hit.title, tokens, query);
  const pages = hits.filter((h) => h.kind === 'page');
  const strong = pages.filter((h) => match(h) >= 0.5).sort((a, b) => match(b) - match(a));
  return [...strong, ...hits.filter((h) => h.kind !== 'page'), ...pages.filter((h) => !strong.includes(h))];
}

/** Hits of `first`, then those of `second` that land elsewhere. */
export function mergeHits(first: readonly Hit[], second: readonly Hit[]): Hit[] {
  const seen = new Set(first.map((h) => h.url));
  return [...first, ...second.filter((h) => !seen.has(h.url))];
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name]!);

/** Pagefind's excerpt ("escaped text with <mark>…</mark>") as text parts, for building DOM text nodes. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('<mark>') ? { text: decode(part.slice(6, -7)), mark: true } : { text: decode(part.replace(/<[^>]*>/g, '')), mark: false }));
}

/** The same page and section in the other language (both editions share paths and anchors). */
export function counterpart(url: string): string {
  const target = new URL(url, 'http://site.invalid');
  target.pathname = target.pathname.startsWith('/en/') ? target.pathname.slice(3) : `/en${target.pathname}`;
  return target.pathname + target.hash;
}
