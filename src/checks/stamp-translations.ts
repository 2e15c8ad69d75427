/**
 * Records in each English page which revision of its Chinese page it translates.
 * Run it after translating: `npm run translations:stamp -- articles/x.mdx` (or no
 * argument for every page).
 */
import { writeFile } from 'node:fs/promises';
import { pagePairs, read } from './content-files.ts';
import { outline, splitFrontmatter } from '../lib/mdx-outline.ts';
import { stamp, type TranslationStamp } from '../lib/translation.ts';

/** Replaces (or adds) the `translation:` block at the end of the frontmatter. */
export function writeStamp(source: string, value: TranslationStamp): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error('no frontmatter');
  const kept = match[1].replace(/^translation:\n(?:[ \t]+.*\n?)*/m, '').trimEnd();
  const block = ['translation:', `  source: ${value.source}`, '  sections:']
    .concat(Object.entries(value.sections).map(([id, pair]) => `    ${id}: ${pair}`))
    .join('\n');
  return `---\n${kept}\n${block}\n---${source.slice(match[0].length)}`;
}

if (import.meta.main) {
  const only = process.argv.slice(2);
  for (const pair of await pagePairs('.')) {
    if (!pair.zh || !pair.en || (only.length && !only.includes(pair.page))) continue;
    const zhSource = await read(pair.zh);
    const enSource = await read(pair.en);
    const value = stamp(splitFrontmatter(zhSource).body, outline(zhSource), outline(enSource));
    await writeFile(pair.en, writeStamp(enSource, value));
    console.log(`stamped ${pair.en} (source ${value.source})`);
  }
}
