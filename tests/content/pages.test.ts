// The real content under content/: every page in both languages with the same
// structure, article frontmatter, errata that match their data.
import { readdir, readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { pagePairs, read } from '../../src/checks/content-files.ts';
import { outline } from '../../src/lib/mdx-outline.ts';
import { freshness, isFresh, parityProblems, type TranslationStamp } from '../../src/lib/translation.ts';

const pairs = await pagePairs('.');
const outlines = new Map<string, Awaited<ReturnType<typeof outline>>>();
for (const pair of pairs) for (const path of [pair.zh, pair.en]) if (path) outlines.set(path, outline(await read(path)));

type RecordedErratum = { id: string; article: string; section: string };
const errataFiles = (await readdir('content/errata')).filter((f) => f.endsWith('.yaml'));
const errata = (await Promise.all(errataFiles.map(async (f) => yaml.load(await readFile(`content/errata/${f}`, 'utf8')) as RecordedErratum[]))).flat();

// Stale translations are reported here and shown on the page, not failed: a fix in one
// language may land before its translation.
for (const pair of pairs) {
  if (!pair.zh || !pair.en) continue;
  const state = freshness(outlines.get(pair.en)!.frontmatter.translation as TranslationStamp | undefined, outlines.get(pair.zh)!, outlines.get(pair.en)!);
  if (!isFresh(state)) console.warn(`translation of ${pair.page} may be outdated: ${JSON.stringify(state)}`);
}

describe.each(pairs)('$page', (pair) => {
  it('exists in both languages', () => {
    expect({ zh: Boolean(pair.zh), en: Boolean(pair.en) }).toEqual({ zh: true, en: true });
  });
  if (!pair.zh || !pair.en) return;
  const zh = outlines.get(pair.zh)!;
  const en = outlines.get(pair.en)!;

  it('has the same structure in English as in Chinese, and no Chinese in English prose', () => {
    expect(parityProblems(zh, en)).toEqual([]);
  });

  it('has unique heading anchors', () => {
    const ids = zh.headings.map((h) => h.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  if (pair.page.startsWith('articles/')) {
    const slug = pair.page.replace(/^articles\//, '').replace(/\.mdx?$/, '');
    it('names the same source draft in both languages, or none for an original article', () => {
      expect(en.frontmatter.source).toEqual(zh.frontmatter.source);
    });
    it('states its founder takeaway in both languages', () => {
      expect(zh.frontmatter.takeaway).toMatch(/\p{Script=Han}/u);
      expect(en.frontmatter.takeaway).toMatch(/^[^\p{Script=Han}]+$/u);
    });
    it('links its founder points to sections it has, the same in both languages', () => {
      type Point = { section: string; point: string };
      const sections = (points: unknown) => ((points ?? []) as Point[]).map((p) => p.section);
      expect(sections(zh.frontmatter.founder).length).toBeGreaterThanOrEqual(3);
      expect(sections(en.frontmatter.founder)).toEqual(sections(zh.frontmatter.founder));
      const anchors = new Set(zh.headings.map((h) => h.id));
      expect(sections(zh.frontmatter.founder).filter((id) => !anchors.has(id))).toEqual([]);
    });
    it('shows every erratum recorded for it, under the recorded section', () => {
      const recorded = errata.filter((e) => e.article === slug);
      expect([...zh.errata].sort()).toEqual(recorded.map((e) => e.id).sort());
      const anchors = new Set(zh.headings.map((h) => h.id));
      expect(recorded.filter((e) => !anchors.has(e.section)).map((e) => `${e.id} → ${e.section}`)).toEqual([]);
    });
  }
});

it('every erratum used on a page is recorded in content/errata/', () => {
  const recorded = new Set(errata.map((e) => e.id));
  const used = [...outlines.values()].flatMap((o) => o.errata);
  expect(used.filter((id) => !recorded.has(id))).toEqual([]);
});
