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

const score = (sub: PagefindSub) =>
  sub.weighted_locations?.reduce((sum, l) => sum + l.balanced_score, 0) ?? sub.locations?.length ?? 0;

/** The sub-result with the highest match score; the first one wins ties (it comes first on the page). */
export function bestSection(subs: readonly PagefindSub[]): PagefindSub | undefined {
  return subs.reduce<PagefindSub | undefined>((best, sub) => (!best || score(sub) > score(best) ? sub : best), undefined);
}

export function toHit(data: PagefindData, lang: string): Hit {
  const title = data.meta.title ?? data.url;
  const best = bestSection(data.sub_results ?? []);
  const section = best && best.title !== title && best.url !== data.url ? best.title : undefined;
  return { url: best?.url ?? data.url, title, section, excerpt: best?.excerpt ?? data.excerpt, kind: data.meta.kind ?? 'page', lang };
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
