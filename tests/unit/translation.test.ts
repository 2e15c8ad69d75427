import { mkdtemp, mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTranslated, pagePairs } from '../../src/checks/content-files.ts';
import { writeStamp } from '../../src/checks/stamp-translations.ts';
import { outline, splitFrontmatter } from '../../src/lib/mdx-outline.ts';
import { freshness, isFresh, parityProblems, stamp, type TranslationStamp } from '../../src/lib/translation.ts';

const zhPage = `---
title: 示例
---

## 1. 背景介绍

公式 $a$ 与 $$b$$。

## 参考文献 \\{#references\\}

<Erratum id="E000-01" />
`;
const enPage = `---
title: Sample
---

## 1. Background

Formula $a$ and $$b$$.

## References \\{#references\\}

<Erratum id="E000-01" />
`;

describe('parityProblems', () => {
  it('finds nothing wrong with a faithful translation', () => {
    expect(parityProblems(outline(zhPage), outline(enPage))).toEqual([]);
  });

  it('reports a missing heading, a missing formula, a missing erratum and Chinese left in English', () => {
    const broken = enPage.replace('## References \\{#references\\}', 'References').replace(' and $$b$$', ' 以及 b').replace('<Erratum id="E000-01" />', '');
    const problems = parityProblems(outline(zhPage), outline(broken));
    expect(problems).toContain('H2 headings: 2 in Chinese, 1 in English');
    expect(problems).toContain('inlineMath: 2 in Chinese, 1 in English');
    expect(problems).toContain('errata differ: [E000-01] vs []');
    expect(problems.some((p) => p.startsWith('Chinese text in the English page'))).toBe(true);
  });

  it('accepts Chinese inside a lang="zh-CN" span', () => {
    const quoted = enPage.replace('Formula', 'The seed writes <span lang="zh-CN">变压器</span>; formula');
    expect(parityProblems(outline(zhPage), outline(quoted))).toEqual([]);
  });
});

describe('freshness', () => {
  const recorded = stamp(splitFrontmatter(zhPage).body, outline(zhPage), outline(enPage));

  it('is fresh right after stamping', () => {
    expect(isFresh(freshness(recorded, outline(zhPage), outline(enPage)))).toBe(true);
  });

  it('names the Chinese section that changed, and the English one edited first', () => {
    const zhEdited = zhPage.replace('公式', '新的公式');
    expect(freshness(recorded, outline(zhEdited), outline(enPage))).toEqual({ changedInSource: ['sec-1'], changedInTarget: [], addedOrRemoved: [] });
    const enEdited = enPage.replace('References \\{#references\\}\n', 'References \\{#references\\}\n\nA new line.\n');
    expect(freshness(recorded, outline(zhPage), outline(enEdited))).toEqual({ changedInSource: [], changedInTarget: ['references'], addedOrRemoved: [] });
  });

  it('treats a page never stamped as stale', () => {
    expect(isFresh(freshness(undefined, outline(zhPage), outline(enPage)))).toBe(false);
  });
});

it('flags a real page after its Chinese text is edited in a temporary copy', async () => {
  const pairs = (await pagePairs('.')).filter(isTranslated);
  const outlines = await Promise.all(pairs.map(async (p) => [outline(await readFile(p.zh, 'utf8')), outline(await readFile(p.en, 'utf8'))] as const));
  // A page whose translation has full parity, an article where one exists.
  const candidates = pairs.filter((_, i) => outlines[i] && parityProblems(...outlines[i]).length === 0);
  const pair = candidates.find((p) => p.page.startsWith('articles/')) ?? candidates[0];
  if (!pair) throw new Error('no page has full translation parity');
  const dir = await mkdtemp(join(tmpdir(), 'kb-fresh-'));
  await mkdir(join(dir, 'content'), { recursive: true });
  await cp('content/docs', join(dir, 'content/docs'), { recursive: true });
  const zhPath = join(dir, pair.zh);
  const enPath = join(dir, pair.en);
  const zhSource = await readFile(zhPath, 'utf8');
  const enSource = await readFile(enPath, 'utf8');
  await writeFile(enPath, writeStamp(enSource, stamp(splitFrontmatter(zhSource).body, outline(zhSource), outline(enSource))));

  const stamped = outline(await readFile(enPath, 'utf8'));
  expect(isFresh(freshness(stamped.frontmatter.translation as TranslationStamp, outline(zhSource), stamped))).toBe(true);

  const lastHeading = outline(zhSource)
    .headings.filter((h) => h.depth <= 3)
    .at(-1);
  await writeFile(zhPath, `${zhSource.trimEnd()}\n\n补充的一句话。\n`);
  const state = freshness(stamped.frontmatter.translation as TranslationStamp, outline(await readFile(zhPath, 'utf8')), stamped);
  expect(state.changedInSource).toEqual([lastHeading?.id]);
});

it('writeStamp replaces an earlier stamp instead of adding a second one', () => {
  const once = writeStamp(enPage, { source: 'aaaaaaaaaaaa', sections: { 'sec-1': '11111111 22222222' } });
  const twice = writeStamp(once, { source: 'bbbbbbbbbbbb', sections: { 'sec-1': '33333333 44444444' } });
  expect(twice.match(/translation:/g)).toHaveLength(1);
  expect(splitFrontmatter(twice).frontmatter.translation).toEqual({ source: 'bbbbbbbbbbbb', sections: { 'sec-1': '33333333 44444444' } });
  expect(splitFrontmatter(twice).body).toBe(splitFrontmatter(enPage).body);
});

it('writeStamp keeps a hash that looks like a number a string', () => {
  for (const source of ['467061721819', '123e45678901']) {
    const stamped = writeStamp(enPage, { source, sections: {} });
    expect((splitFrontmatter(stamped).frontmatter.translation as { source: unknown }).source).toBe(source);
  }
});
