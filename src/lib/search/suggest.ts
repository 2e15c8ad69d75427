// "Did you mean": the glossary term or title closest to a query by edit distance, when the
// query is not itself one of them. Pure.

/** What the index builder writes per language for the dialog: "did you mean" words and the glossary's forms of each term (preferred first). */
export interface Vocabulary {
  /** Glossary terms and article titles that are not among the synonyms. */
  words: string[];
  synonyms: string[][];
  /** The title of the article each series of errata ("E001") corrects, per language. */
  errataArticles: Record<string, Record<'zh-CN' | 'en', string>>;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

/** Case, spaces, hyphens and a plural -s do not make a different word. */
export const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\-‐–_]+/g, '')
    .replace(/s$/, '');

/** Typos allowed: one in up to 7 characters (3 for Chinese), two in longer queries. */
function allowed(query: string): number {
  const n = [...query].length;
  const short = /[\u3400-\u9fff]/.test(query) ? 3 : 4;
  return n < short ? 0 : n <= 7 ? 1 : 2;
}

/** The closest vocabulary entry within the allowed typos, or null (also when the query is an entry). */
export function suggest(query: string, vocabulary: readonly string[]): string | null {
  const q = normalise(query.trim());
  if (!q) return null;
  let best: { entry: string; distance: number } | null = null;
  for (const entry of vocabulary) {
    const distance = editDistance(q, normalise(entry));
    if (distance === 0) return null;
    if (distance <= allowed(q) && (!best || distance < best.distance)) best = { entry, distance };
  }
  return best?.entry ?? null;
}
