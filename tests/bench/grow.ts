/**
 * Synthetic articles for the growth benchmark (tests/bench/growth.ts): copies of the real articles
 * under new slugs, titles and erratum ids, with their prose varied word by word from a seeded
 * PRNG, so a scaled site has the same mix of prose, math, diagrams, code and errata as the real
 * one and a search index whose words are spread the way a bigger corpus spreads them. Pure: no
 * file access, the same seed gives the same text.
 */
import yaml from 'js-yaml';
import { mulberry32 } from '../../src/lib/examples/random.ts';

/** A seeded PRNG: uniform numbers in [0, 1) (the examples' mulberry32). */
export const prng = mulberry32;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** Latin words of four letters or more, and Chinese characters taken two at a time. */
const WORD = /[A-Za-z]{4,}|[\u4e00-\u9fff]{1,2}/g;
/**
 * Parts of a prose line that stay as they are: inline code and math, link targets, tags,
 * explicit heading anchors, a heading's section number, URLs and entities.
 */
const PROTECTED = /`[^`]*`|\$[^$]*\$|\]\([^)]*\)|<[^>]*>|\\\{#[^}]*\\\}|^#+\s+(?:(?:\d{1,2}|[A-Z])(?:\.\d{1,2})*\.?\s+)?|https?:\/\/\S+|&\w+;/g;

/** The words prose is varied with: every word of the given texts' prose, deduplicated, in first-seen order. */
export function vocabulary(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const line of proseLines(text)) for (const w of line.replace(PROTECTED, ' ').match(WORD) ?? []) words.add(w);
  return [...words];
}

export interface VaryOptions {
  /** Share of words replaced by another word of the vocabulary. */
  substitute: number;
  /** Share of words replaced by a new word made of two vocabulary words (the vocabulary of a real corpus grows with it). */
  coin: number;
}
export const DEFAULT_VARY: VaryOptions = { substitute: 0.3, coin: 0.03 };

const isLatin = (w: string) => /^[A-Za-z]/.test(w);

/** Another word of the same script (and, for Chinese, the same length), capitalised like `word`. */
function replacement(word: string, pool: string[], random: () => number, coin: boolean): string {
  const same = (w: string) => isLatin(w) === isLatin(word) && (isLatin(w) || w.length === word.length);
  let next = pick(pool, random);
  for (let tries = 0; tries < 8 && !same(next); tries++) next = pick(pool, random);
  if (!same(next)) return word;
  if (coin) {
    const other = pick(pool, random);
    next = isLatin(word)
      ? next.slice(0, Math.ceil(next.length / 2)) + (isLatin(other) ? other.slice(Math.floor(other.length / 2)) : 'ion')
      : next[0]! + (other.at(-1) ?? '');
    if (!isLatin(word) && next.length !== word.length) next = next.slice(0, word.length);
  }
  if (isLatin(word) && /^[A-Z]/.test(word)) return next[0]!.toUpperCase() + next.slice(1).toLowerCase();
  return isLatin(word) ? next.toLowerCase() : next;
}

/** One prose line with some words replaced; protected parts untouched. */
export function varyLine(line: string, pool: string[], random: () => number, options: VaryOptions = DEFAULT_VARY): string {
  if (!pool.length) return line;
  let out = '';
  let at = 0;
  const varyFree = (text: string) =>
    text.replace(WORD, (word) => {
      const r = random();
      if (r >= options.substitute + options.coin) return word;
      return replacement(word, pool, random, r < options.coin);
    });
  for (const m of line.matchAll(PROTECTED)) {
    out += varyFree(line.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + varyFree(line.slice(at));
}

/** Lines of an MDX body that are prose (not code, display math, imports, tags or directive fences). */
function* proseLines(body: string): Generator<string> {
  for (const { line, prose } of classify(body)) if (prose) yield line;
}

function classify(body: string): { line: string; prose: boolean }[] {
  let fence: string | undefined;
  let math = false;
  return body.split('\n').map((line) => {
    const trimmed = line.trim();
    const opens = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence) {
      if (trimmed.startsWith(fence)) fence = undefined;
      return { line, prose: false };
    }
    if (opens) {
      fence = opens;
      return { line, prose: false };
    }
    if (trimmed === '$$' || (trimmed.startsWith('$$') && !(trimmed.length > 2 && trimmed.endsWith('$$')))) {
      math = !math;
      return { line, prose: false };
    }
    if (math || /^(import|export)\s/.test(trimmed) || /^<|^:::/.test(trimmed) || /^\$\$.*\$\$$/.test(trimmed)) return { line, prose: false };
    return { line, prose: true };
  });
}

/** An MDX body with its prose varied; code, math, diagrams and tags kept byte for byte. */
export function varyBody(body: string, pool: string[], random: () => number, options: VaryOptions = DEFAULT_VARY): string {
  return classify(body)
    .map(({ line, prose }) => (prose ? varyLine(line, pool, random, options) : line))
    .join('\n');
}

/**
 * New erratum ids for copy `copy` (1, 2, …) of the real errata: `E<seed>-<nn>` keeps its
 * number within the article and gets a seed number past every real one, so nothing collides.
 */
export function erratumIdMap(ids: string[], copy: number): Map<string, string> {
  const seeds = [...new Set(ids.map((id) => Number(/^E(\d{3})-\d{2}$/.exec(id)?.[1] ?? NaN)))].sort((a, b) => a - b);
  if (seeds.some(Number.isNaN)) throw new Error('erratum ids must look like E000-01');
  const offset = Math.max(...seeds) + 1;
  const map = new Map<string, string>();
  for (const id of ids) {
    const seed = offset + (copy - 1) * seeds.length + seeds.indexOf(Number(id.slice(1, 4)));
    if (seed > 999) throw new Error(`copy ${copy}: erratum seed numbers run past 999`);
    map.set(id, `E${String(seed).padStart(3, '0')}${id.slice(4)}`);
  }
  return map;
}

/**
 * A translation stamp's revision hash, quoted so YAML reads it as the string it is: written bare (as
 * npm run translations:stamp does) an all-digit hash such as 467061721819 reads as a number and
 * fails the build (about one hash in 280).
 */
export const quoteStampHash = (source: string) => source.replace(/^(translation:\n {2}source: )([0-9a-f]{12})$/m, "$1'$2'");

/** Slug of copy `copy` of an article. */
export const copySlug = (slug: string, copy: number) => `${slug}-x${String(copy).padStart(2, '0')}`;

/** `<Erratum id="…">` references renamed per `ids`. */
export function renameErrata(body: string, ids: Map<string, string>): string {
  return body.replace(/(<Erratum\s+id=")([^"]+)(")/g, (all, open: string, id: string, close: string) => {
    const next = ids.get(id);
    if (!next) throw new Error(`<Erratum id="${id}">: not among the real errata`);
    return open + next + close;
  });
}

interface Frontmatter {
  title: string;
  description?: string;
  takeaway?: string;
  founder?: { section: string; point: string }[];
  sidebar?: { order?: number };
  source?: unknown;
  translation?: unknown;
  [key: string]: unknown;
}

/**
 * `varied` cut to at most `limit` characters at a word boundary (or anywhere in Chinese), so that
 * a varied field stays within the schema limit its original met (e.g. a takeaway's 240).
 */
export function fitLength(varied: string, limit: number): string {
  if (varied.length <= limit) return varied;
  const cut = varied.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).trimEnd();
}

export interface CopyInput {
  source: string;
  copy: number;
  pool: string[];
  ids: Map<string, string>;
  random: () => number;
}

/**
 * One article file (frontmatter and body) as copy `copy`: varied prose and title, its errata
 * renamed, ordered after the real articles, without the fields that belong to the real ones
 * (`source`: not ported from a draft; `translation`: stamped afresh by the caller).
 */
export function copyArticle({ source, copy, pool, ids, random }: CopyInput): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new Error('no frontmatter');
  const front = yaml.load(match[1]!) as Frontmatter;
  const vary = (text: string) => varyLine(text, pool, random);
  const { source: _source, translation: _translation, ...kept } = front;
  const next: Frontmatter = {
    ...kept,
    title: `${vary(front.title)} (${copy})`,
    ...(front.description ? { description: fitLength(vary(front.description), front.description.length) } : {}),
    ...(front.takeaway ? { takeaway: fitLength(vary(front.takeaway), front.takeaway.length) } : {}),
    ...(front.founder ? { founder: front.founder.map((f) => ({ ...f, point: vary(f.point) })) } : {}),
    sidebar: { ...front.sidebar, order: copy * 100 + (front.sidebar?.order ?? 0) },
  };
  const body = renameErrata(varyBody(source.slice(match[0].length), pool, random), ids);
  return `---\n${yaml.dump(next, { lineWidth: -1 })}---\n${body}`;
}

export interface ErratumData {
  id: string;
  article: string;
  problem: Record<string, string>;
  correction: Record<string, string>;
  [key: string]: unknown;
}

/** The errata of one article as copy `copy`'s: renamed, moved to the copy's slug, explanations varied per language. */
export function copyErrata(
  errata: ErratumData[],
  slug: string,
  ids: Map<string, string>,
  pools: Record<string, string[]>,
  random: () => number,
): ErratumData[] {
  const vary = (texts: Record<string, string>) =>
    Object.fromEntries(Object.entries(texts).map(([lang, text]) => [lang, varyLine(text, pools[lang] ?? [], random)]));
  return errata.map((e) => ({ ...e, id: ids.get(e.id) ?? e.id, article: slug, problem: vary(e.problem), correction: vary(e.correction) }));
}
