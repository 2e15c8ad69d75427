// Reading time of an article body (MDX source), computed at build time for the home page, the
// articles index and the top of each article. Rates are common averages for screen reading:
// about 400 Chinese characters or 220 English words a minute.
import type { Lang } from '../schemas/bilingual.ts';

const HAN_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 220;

/** The prose a reader reads: no imports, component tags, heading anchors or Markdown syntax. */
export function readableText(body: string): string {
  return body
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[A-Za-z][^>]*\/?>|<\/[A-Za-z][^>]*>/g, ' ')
    .replace(/\\?\{#[\w-]+\\?\}/g, '')
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$/g, ' x ')
    .replace(/[#>*_`|~[\]()-]+/g, ' ');
}

/** Whole minutes, at least one: Chinese characters and Latin words each at their own rate. */
export function readingMinutes(body: string, lang: Lang): number {
  const text = readableText(body);
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
  const minutes = lang === 'en' ? (han + words) / WORDS_PER_MINUTE : han / HAN_PER_MINUTE + words / WORDS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
