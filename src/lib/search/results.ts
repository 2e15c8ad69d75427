// From Pagefind's result data to what the search dialog shows: each result lands on the section
// that matches best (not the top of the page), shows that section's title and excerpt, and is
// labelled with its language. Pure: tested directly, rendered by the dialog.
import type { Reading } from './aliases.ts';

/** The parts of Pagefind's `result.data()` the dialog uses. */
export interface PagefindSub {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number }[];
  /** Positions of the matching words in the page's words. */
  locations?: number[];
}
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSub[];
  /** The page's text, its words separated as Pagefind counts them. */
  raw_content?: string;
  /** The page's headings with ids, at the position of their first word. */
  anchors?: { element: string; id: string; text: string; location: number }[];
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
  /** Share of the query's words that the section it lands on contains. */
  coverage?: number;
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

/**
 * The readings (src/lib/search/aliases.ts) that can single out a section of a page: the query as
 * typed, and those whose preferred term the page's title does not contain; a term in the title is
 * what the whole page is about ("LLM" read as "large model" on a site about large models).
 */
export function readingsFor(pageTitle: string, readings: readonly Reading[]): string[] {
  return readings.filter((r) => !r.term || headingMatch(pageTitle, queryTokens(r.term), r.term) < 1).map((r) => r.text);
}

/** How fully a heading names the query in any of its readings. */
export function readingsMatch(title: string, readings: readonly string[]): number {
  return Math.max(0, ...readings.map((q) => headingMatch(title, queryTokens(q), q)));
}

/** Pagefind's words of a page: split at zero-width spaces (Chinese, segmented) or white space. */
export const pageWords = (content: string) => (content.includes('\u200B') ? content.split('\u200B') : content.split(/[^\S\uFEFF]+/));

/** Share of a reading's words among the words a section matched ("training time": both, or only "training"), best reading. */
export function coverage(sub: PagefindSub, words: readonly string[], readings: readonly string[]): number {
  const found = (sub.locations ?? []).map((i) => (words[i] ?? '').toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '')).filter(Boolean);
  const share = (tokens: string[]) =>
    tokens.length
      ? tokens.filter((t) => found.some((w) => (/^[a-z0-9]/.test(t) ? w.startsWith(t) : w.includes(t) || t.includes(w)))).length / tokens.length
      : 0;
  return Math.max(0, ...readings.map((q) => share(queryTokens(q))));
}

/** Share of the heading's own tokens that are in the query: "Linear regression" fits "linear regression" better than "Multiple linear regression". */
function headingPrecision(title: string, query: string): number {
  const tokens = queryTokens(query);
  if (squeeze(query).length > 2 && squeeze(title.replace(/^[\d.\s]+/, '')) === squeeze(query)) return 1;
  const own = queryTokens(title.replace(/^[\d.\s]+/, ''));
  return own.length ? own.filter((t) => tokens.includes(t)).length / own.length : 0;
}

/** Lexicographic comparison of two keys. */
const better = (a: readonly number[], b: readonly number[]) => {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i]! > b[i]!;
};

/**
 * The section a result lands on: the one whose heading (the page's title for the page itself)
 * names most of the query in any reading, then the one whose text has most of its words, then the
 * heading that names least else, then the highest match score.
 */
export function bestSection(subs: readonly PagefindSub[], readings: readonly string[], words: readonly string[] = []): PagefindSub | undefined {
  const key = (sub: PagefindSub) => [
    readingsMatch(sub.title, readings),
    coverage(sub, words, readings),
    isPageTop(sub) ? 0 : Math.max(...readings.map((q) => headingPrecision(sub.title, q))),
    score(sub),
  ];
  let best: { sub: PagefindSub; key: number[] } | undefined;
  for (const sub of subs) {
    const k = key(sub);
    if (!best || better(k, best.key)) best = { sub, key: k };
  }
  return best?.sub;
}

/** Words an excerpt shows, as Pagefind's excerpts (src/components/search/engine.ts). */
export const EXCERPT_WORDS = 24;

/**
 * The sections whose words did not match (a page found by an alias or in another reading):
 * candidates to land on by their heading alone, their excerpt the section's opening words.
 */
function unmatchedSections(data: PagefindData, words: readonly string[]): PagefindSub[] {
  const matched = new Set((data.sub_results ?? []).map((sub) => sub.url.split('#')[1]));
  const joiner = data.raw_content?.includes('\u200B') ? '' : ' ';
  return (data.anchors ?? [])
    .filter((a) => /^h[2-6]$/i.test(a.element) && a.id && !matched.has(a.id))
    .map((a) => ({ title: a.text, url: `${data.url.split('#')[0]}#${a.id}`, excerpt: words.slice(a.location, a.location + EXCERPT_WORDS).join(joiner) }));
}

/** Glossary entries and errata are told apart by where they land (src/lib/search/records.ts). */
const kindOf = (url: string) => (url.includes('#term-') ? 'glossary' : url.includes('#erratum-') ? 'erratum' : 'page');

/** A result as the dialog shows it; `article` is the title of the article an erratum corrects. */
export function toHit(data: PagefindData, lang: string, queryReadings: readonly Reading[], article?: string): Hit {
  const title = [data.meta.title ?? data.url, article].filter(Boolean).join(' · ');
  const words = pageWords(data.raw_content ?? '');
  const readings = readingsFor(title, queryReadings);
  const best = bestSection([...(data.sub_results ?? []), ...unmatchedSections(data, words)], readings, words);
  const section = best && best.title !== data.meta.title && !isPageTop(best) ? best.title : undefined;
  return {
    url: best?.url ?? data.url,
    title,
    section,
    excerpt: best?.excerpt ?? data.excerpt,
    kind: kindOf(data.url),
    lang,
    coverage: best ? coverage(best, words, readings) : 0,
  };
}

/**
 * Articles first: pages whose landing section names at least half of the query in some reading
 * (the fullest match first, then the section that has more of the query's words), then glossary
 * entries and errata (which answer what no heading names, such as "LLM" or an error message),
 * then the other pages. Otherwise Pagefind's order stands.
 */
export function arrange(hits: readonly Hit[], readings: readonly Reading[]): Hit[] {
  const match = (hit: Hit) => readingsMatch(hit.section ?? hit.title, readingsFor(hit.title, readings));
  const pages = hits.filter((h) => h.kind === 'page');
  const strong = pages.filter((h) => match(h) >= 0.5).sort((a, b) => match(b) - match(a) || (b.coverage ?? 0) - (a.coverage ?? 0));
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
