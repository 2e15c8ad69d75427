// Order and index letters of glossary terms: English by the alphabet, Chinese by pinyin (what a
// Chinese dictionary does). Pinyin comes from the ICU pinyin collation built into Node and the
// browser, so no dictionary ships with the site: a Han term's initial is the last of the boundary
// characters below that sorts at or before it.
import type { Lang } from '../schemas/bilingual.ts';

/** The first character of each pinyin initial letter in pinyin order (no syllable starts with I, U or V). */
const PINYIN_BOUNDARIES: ReadonlyArray<readonly [string, string]> = [
  ['A', '阿'],
  ['B', '八'],
  ['C', '嚓'],
  ['D', '哒'],
  ['E', '妸'],
  ['F', '发'],
  ['G', '旮'],
  ['H', '哈'],
  ['J', '讥'],
  ['K', '咔'],
  ['L', '垃'],
  ['M', '妈'],
  ['N', '拏'],
  ['O', '噢'],
  ['P', '妑'],
  ['Q', '七'],
  ['R', '呥'],
  ['S', '仨'],
  ['T', '它'],
  ['W', '穵'],
  ['X', '夕'],
  ['Y', '丫'],
  ['Z', '帀'],
];

/** Compares terms as a dictionary of the language does. */
export function termCollator(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN-u-co-pinyin', { sensitivity: 'base', numeric: true });
}

/** The index letter of a term: its first Latin letter, or the pinyin initial of its first Han character. */
export function termInitial(term: string, collator: Intl.Collator = termCollator('zh-CN')): string {
  const first = term.trim().charAt(0);
  if (/\p{Script=Han}/u.test(first)) {
    let letter = PINYIN_BOUNDARIES[0]![0];
    for (const [initial, boundary] of PINYIN_BOUNDARIES) if (collator.compare(boundary, first) <= 0) letter = initial;
    return letter;
  }
  return /[a-z]/i.test(first) ? first.toUpperCase() : '#';
}

/** Terms grouped by index letter, letters and terms each in dictionary order. */
export function groupByInitial<T>(items: readonly T[], term: (item: T) => string, lang: Lang): Array<{ letter: string; items: T[] }> {
  const collator = termCollator(lang);
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => collator.compare(term(a), term(b)))) {
    const letter = termInitial(term(item), collator);
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([letter, grouped]) => ({ letter, items: grouped }));
}
