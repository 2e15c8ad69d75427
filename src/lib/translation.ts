/**
 * Translation parity and freshness between a Chinese page and its English counterpart.
 *
 * Parity: both pages have the same structure (headings per level with the same anchors,
 * formulas, diagrams, code blocks, errata, asides) and the English prose has no Chinese.
 * Freshness: the English frontmatter records, per section, the hash of the Chinese and the
 * English source at the time of translation (`npm run translations:stamp`). A section whose
 * Chinese hash changed since then makes the English page stale; one whose English hash
 * changed makes the Chinese page possibly outdated.
 */
import { hash, type Outline } from './mdx-outline.ts';

export interface TranslationStamp {
  /** Hash of the whole Chinese body at translation time. */
  source: string;
  /** Per section anchor: "<zh hash> <en hash>" at translation time. */
  sections: Record<string, string>;
}

export function parityProblems(zh: Outline, en: Outline): string[] {
  const problems: string[] = [];
  for (const depth of [2, 3, 4, 5, 6]) {
    const a = zh.headings.filter((h) => h.depth === depth).length;
    const b = en.headings.filter((h) => h.depth === depth).length;
    if (a !== b) problems.push(`H${depth} headings: ${a} in Chinese, ${b} in English`);
  }
  const zhIds = zh.headings.map((h) => h.id).join(' ');
  const enIds = en.headings.map((h) => h.id).join(' ');
  if (zhIds !== enIds) {
    const first = zh.headings.findIndex((h, i) => h.id !== en.headings[i]?.id);
    problems.push(`heading anchors differ from heading ${first + 1}: "${zh.headings[first]?.id}" vs "${en.headings[first]?.id}"`);
  }
  for (const [key, a] of Object.entries(zh.counts) as [keyof Outline['counts'], number][]) {
    const b = en.counts[key];
    if (a !== b) problems.push(`${key}: ${a} in Chinese, ${b} in English`);
  }
  if (zh.errata.join(' ') !== en.errata.join(' ')) problems.push(`errata differ: [${zh.errata.join(', ')}] vs [${en.errata.join(', ')}]`);
  if (zh.components.join(' ') !== en.components.join(' ')) problems.push(`components differ: [${zh.components.join(', ')}] vs [${en.components.join(', ')}]`);
  for (const snippet of en.cjkProse) problems.push(`Chinese text in the English page: "${snippet}"`);
  return problems;
}

export function stamp(zhBody: string, zh: Outline, en: Outline): TranslationStamp {
  const sections: Record<string, string> = {};
  for (const id of Object.keys(zh.sections)) sections[id] = `${zh.sections[id]} ${en.sections[id] ?? '00000000'}`;
  return { source: hash(zhBody, 12), sections };
}

export interface Freshness {
  /** Sections whose Chinese text changed since the translation (English is stale). */
  changedInSource: string[];
  /** Sections whose English text changed since the translation (Chinese may be outdated). */
  changedInTarget: string[];
  /** Sections that exist on one side of the stamp only (added or removed). */
  addedOrRemoved: string[];
}

export function freshness(recorded: TranslationStamp | undefined, zh: Outline, en: Outline): Freshness {
  const result: Freshness = { changedInSource: [], changedInTarget: [], addedOrRemoved: [] };
  const sections = recorded?.sections ?? {};
  const ids = new Set([...Object.keys(sections), ...Object.keys(zh.sections)]);
  for (const id of ids) {
    const [zhThen, enThen] = (sections[id] ?? '').split(' ');
    if (!sections[id] || !zh.sections[id]) {
      result.addedOrRemoved.push(id);
      continue;
    }
    if (zh.sections[id] !== zhThen) result.changedInSource.push(id);
    if (en.sections[id] !== enThen) result.changedInTarget.push(id);
  }
  return result;
}

export function isFresh(f: Freshness): boolean {
  return !f.changedInSource.length && !f.changedInTarget.length && !f.addedOrRemoved.length;
}
