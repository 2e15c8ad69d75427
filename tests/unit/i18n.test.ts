// The translation files are complete, consistent and used: a key missing in one language, a
// placeholder that one language forgets, a key nothing reads, or code reading a key that does not
// exist each fail here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DYNAMIC_KEY_PREFIXES, format, formatParts, pickMessages, translator } from '../../src/lib/i18n.ts';

const read = (lang: string) => JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>;
const languages = ['zh-CN', 'en'];
const files = Object.fromEntries(languages.map((lang) => [lang, read(lang)]));
/** Keys Starlight, Pagefind and Expressive Code read themselves. */
const builtInPrefixes = ['pagefind', 'expressiveCode', 'search', 'themeSelect', 'languageSelect', 'menuButton', 'sidebarNav', 'tableOfContents'];
builtInPrefixes.push('i18n', 'page', 'aside', 'skipLink', '404', 'fileTree', 'builtWithStarlight', 'heading');
const builtIn = new RegExp(`^(${builtInPrefixes.join('|')})\\.`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}
const source = [...sourceFiles('src'), 'astro.config.mjs'].map((path) => readFileSync(path, 'utf8')).join('\n');

describe('translation files', () => {
  it.each(languages)('%s has every key of the others, none empty', (lang) => {
    const own = files[lang]!;
    for (const other of languages) {
      const missing = Object.keys(files[other]!).filter((key) => !(key in own));
      expect(missing, `keys of ${other}.json missing in ${lang}.json`).toEqual([]);
    }
    expect(Object.entries(own).filter(([, value]) => value.trim() === '')).toEqual([]);
  });

  it('uses the same {placeholders} in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}|\[[A-Z_]+\]/g)].map((m) => m[0]).sort();
    for (const key of Object.keys(files.en!)) {
      expect(placeholders(files['zh-CN']![key] ?? ''), key).toEqual(placeholders(files.en![key]!));
    }
  });

  it('has no key that nothing reads', () => {
    const unused = Object.keys(files.en!).filter(
      (key) => !builtIn.test(key) && !DYNAMIC_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)) && !source.includes(`'${key}'`),
    );
    expect(unused).toEqual([]);
  });

  it('has no inline t(中文, English) string left in the code', () => {
    // Issue 11's check, line by line over every file under src/ as `grep -rnP` does:
    //   grep -rnP "\bt\(\s*['\"\`][^'\"\`]*[\x{4e00}-\x{9fff}]" src
    const inline = /\bt\(\s*['"`][^'"`]*[\u4e00-\u9fff]/;
    const allFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name)) : [join(dir, name)]));
    const hits = allFiles('src').flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (inline.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('has every key the code reads with a literal', () => {
    const read = [...source.matchAll(/\bt\(\s*'([\w-]+(?:\.[\w-]+)+)'/g)].map((m) => m[1]!);
    expect(read.filter((key) => !(key in files.en!))).toEqual([]);
  });
});

describe('i18n helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} of {total}', { n: 3, total: 5 })).toBe('3 of 5');
    expect(format('{n} of {total}', { n: 3 })).toBe('3 of {total}');
  });
  it('fills placeholders with parts that are not text, keeping the text around them', () => {
    const el = { tag: 'span' };
    expect(formatParts('第{n} 次更新，共 {total} 次', { n: el, total: 5 })).toEqual(['第', el, ' 次更新，共 ', '5', ' 次']);
    expect(formatParts('{n}{missing}', { n: el })).toEqual([el, '{missing}']);
  });
  it('picks messages by prefix and translates with a fallback to the key', () => {
    const picked = pickMessages({ 'a.x': 'X', 'b.y': 'Y', 'a.z': 'Z {v}' }, 'a.');
    expect(picked).toEqual({ 'a.x': 'X', 'a.z': 'Z {v}' });
    const t = translator(picked);
    expect(t('a.z', { v: 1 })).toBe('Z 1');
    expect(t('b.y')).toBe('b.y');
  });
});
