// What readers see uses the glossary's terms, carries no leftovers of the porting
// (seed, article numbers, repository paths) and marks Chinese on English pages.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parsePage, urlOfFile } from '../../src/checks/built-site.ts';
import { asciiAfterChinese, checkDataTexts, checkProse, type AvoidedTerm, type DataText } from '../../src/checks/prose.ts';

type Bilingual = Record<'zh-CN' | 'en', string>;
interface Term { id: string; term: Bilingual; avoid?: string[]; definition: Bilingual; note?: Bilingual }
interface Erratum { id: string; original: string; problem: Bilingual; correction: Bilingual }

const glossary = yaml.load(await readFile('content/glossary.yaml', 'utf8')) as Term[];
const HAN = /\p{Script=Han}/u;
// The preferred term in the avoided term's language.
const avoided: AvoidedTerm[] = glossary.flatMap((t) => (t.avoid ?? []).map((avoid) => ({ avoid, preferred: HAN.test(avoid) ? t.term['zh-CN'] : t.term.en })));
const errata = (
  await Promise.all((await readdir('content/errata')).filter((f) => f.endsWith('.yaml')).map(async (f) => yaml.load(await readFile(`content/errata/${f}`, 'utf8')) as Erratum[]))
).flat();

// Pages that list avoided terms on purpose; their data is checked below instead.
const LISTS_AVOIDED_TERMS = ['/guide/glossary/', '/en/guide/glossary/', '/guide/errata/', '/en/guide/errata/'];

describe('texts kept as data', () => {
  it('errata use the glossary terms (except where they quote their original) and no porting jargon', () => {
    const texts: DataText[] = errata.flatMap((e) =>
      (['problem', 'correction'] as const).flatMap((field) => (['zh-CN', 'en'] as const).map((lang) => ({ where: `${e.id} ${field} (${lang})`, lang, text: e[field][lang], original: e.original }))),
    );
    expect(checkDataTexts(texts, avoided)).toEqual([]);
  });

  it('glossary definitions and notes use the glossary terms and no porting jargon', () => {
    const texts: DataText[] = glossary.flatMap((t) =>
      [t.definition, t.note].filter((b): b is Bilingual => Boolean(b)).flatMap((b) => (['zh-CN', 'en'] as const).map((lang) => ({ where: `${t.id} (${lang})`, lang, text: b[lang] }))),
    );
    expect(checkDataTexts(texts, avoided)).toEqual([]);
  });

  it('Chinese interface texts take full-width punctuation (？！，：；) after Chinese', async () => {
    const messages = JSON.parse(await readFile('content/i18n/zh-CN.json', 'utf8')) as Record<string, string>;
    const found = Object.entries(messages).flatMap(([key, text]) => {
      const ascii = asciiAfterChinese(text);
      return ascii ? [`${key}: "${ascii}"`] : [];
    });
    expect(found).toEqual([]);
  });
});

const dist = 'dist';
if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` before `npm run check:content`.');
const htmlFiles = (await readdir(dist, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => relative(dist, join(e.parentPath, e.name)));
const pages = await Promise.all(htmlFiles.map(async (f) => parsePage(urlOfFile(f), await readFile(join(dist, f), 'utf8'))));

describe('built pages', () => {
  it('use the glossary terms, no porting jargon, and lang="zh-CN" on Chinese in English pages', () => {
    const problems = pages
      .flatMap((page) => checkProse(page, { avoided, checkTerms: !LISTS_AVOIDED_TERMS.includes(page.url) }));
    expect(problems).toEqual([]);
  });

  it('the check catches each rule on a broken copy of a real English article', async () => {
    const url = '/en/articles/future-advantages/';
    const html = await readFile(join(dist, 'en/articles/future-advantages/index.html'), 'utf8');
    const broken = html.replace(/<main\b[^>]*>/, (open) => `${open}<p>Entrepreneurs read the seed, 000 §2.4, in content/errata/x.yaml; 变压器 and 后向传播 unmarked.</p>`);
    const found = checkProse(parsePage(url, broken), { avoided, checkTerms: true }).join('\n');
    for (const rule of ['"entrepreneur"', 'porting leftover (say "the original"', 'porting leftover (name the article', 'porting leftover (no repository paths', 'without lang="zh-CN"']) {
      expect(found).toContain(rule);
    }
    expect(checkProse(parsePage(url, html), { avoided, checkTerms: true })).toEqual([]);
  });
});
