import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  buildVocabulary,
  decode,
  encode,
  mdxToPlainText,
  prepareCorpus,
  truncateCorpus,
  UNK_CHAR,
  UNK_ID,
  unigramEntropy,
} from '../../../src/lib/examples/char-corpus.ts';
import { splitFrontmatter } from '../../../src/lib/mdx-outline.ts';

describe('mdxToPlainText', () => {
  const sample = [
    "import Erratum from '~/components/Erratum.astro';",
    "import TinyTransformer from '~/components/examples/TinyTransformer.astro';",
    '',
    '## 摘要 \\{#abstract\\}',
    '',
    '本文讨论**大模型**和 *Transformer*，公式 $y = \\sigma(z)$ 不算正文。见 [论文](https://example.org/x)。',
    '',
    '$$',
    'L = -y \\ln(\\hat{y})',
    '$$',
    '',
    '<Erratum id="E003-05" />',
    '',
    ':::note[编者注]',
    '这是注释，代码 `nn.Embedding` 被去掉。',
    ':::',
    '',
    '```python',
    'import torch',
    'x = torch.zeros(3)',
    '```',
    '',
    '- 第一项',
    '1. 第二项',
    '> 引文',
    '',
    '| 列一 | 列二 |',
    '| --- | --- |',
    '| 甲 | 乙 |',
    '',
    '<TinyTransformer />',
  ].join('\n');
  const text = mdxToPlainText(sample);

  it('keeps the prose and drops code, math, components and markup', () => {
    expect(text).toBe(
      [
        '摘要',
        '本文讨论大模型和 Transformer，公式 不算正文。见 论文。',
        '编者注',
        '这是注释，代码 被去掉。',
        '第一项',
        '第二项',
        '引文',
        '列一 列二',
        '甲 乙',
      ].join('\n'),
    );
    for (const bad of ['$', '`', '<', '>', 'import', 'torch', '\\', '{#', ':::', '**', '|', 'https']) expect(text).not.toContain(bad);
  });

  it('turns both real article pages into plain prose of about 10–35 thousand characters', async () => {
    for (const path of ['content/docs/articles/technology-market-policy-trends.mdx', 'content/docs/en/articles/technology-market-policy-trends.mdx']) {
      const { body } = splitFrontmatter(await readFile(path, 'utf8'));
      const prose = mdxToPlainText(body);
      const n = Array.from(prose).length;
      expect(n).toBeGreaterThan(10_000);
      expect(n).toBeLessThan(35_000);
      for (const bad of ['$$', '```', '<Erratum', 'import ', '\\frac', ':::', '{#']) expect(prose, `${path} contains ${bad}`).not.toContain(bad);
    }
  });
});

describe('truncateCorpus', () => {
  it('cuts at the last line break before the limit and never splits a surrogate pair', () => {
    expect(truncateCorpus('abc\ndef\nghi', 9)).toBe('abc\ndef');
    expect(truncateCorpus('abc', 10)).toBe('abc');
    expect(truncateCorpus('abcdefgh', 3)).toBe('abc');
    expect(truncateCorpus('😀😀😀', 2)).toBe('😀😀');
  });
});

describe('vocabulary', () => {
  it('keeps the most frequent characters, ties by code point, unknown token first', () => {
    const v = buildVocabulary('bbbaacccc d', 3);
    expect(v.chars).toEqual([UNK_CHAR, 'c', 'b', 'a']);
    expect(v.size).toBe(4);
    expect(encode(v, 'cab d')).toEqual([1, 3, 2, UNK_ID, UNK_ID]);
    expect(decode(v, [1, 3, 2, UNK_ID])).toBe('cab' + UNK_CHAR);
    expect(buildVocabulary('bbbaacccc d', 3)).toEqual(v);
  });

  it('round-trips text made only of vocabulary characters, including CJK', () => {
    const text = '大模型的训练需要大量数据。大模型';
    const v = buildVocabulary(text, 100);
    expect(decode(v, encode(v, text))).toBe(text);
    expect(encode(v, text).includes(UNK_ID)).toBe(false);
    expect(v.chars[1]).toBe('大');
  });

  it('unigram entropy: ln k for k equally frequent symbols, 0 for one symbol', () => {
    expect(unigramEntropy([1, 2, 3, 4, 1, 2, 3, 4])).toBeCloseTo(Math.log(4), 12);
    expect(unigramEntropy([5, 5, 5])).toBe(0);
    // p = (3/4, 1/4): −(0.75 ln 0.75 + 0.25 ln 0.25) = 0.5623351446188083 (numpy)
    expect(unigramEntropy([1, 1, 1, 2])).toBeCloseTo(0.5623351446188083, 12);
  });
});

describe('prepareCorpus', () => {
  it('splits the ids 90 / 10 and reports the share of unknown characters', () => {
    const text = 'aaaaabbbbcccdde'.repeat(4); // 60 characters, e occurs 4 times
    const c = prepareCorpus(text, 4);
    expect(c.ids).toHaveLength(60);
    expect(c.trainIds).toEqual(c.ids.slice(0, 54));
    expect(c.validationIds).toEqual(c.ids.slice(54));
    expect(c.unknownShare).toBeCloseTo(4 / 60, 12);
    expect(c.vocab.chars).toEqual([UNK_CHAR, 'a', 'b', 'c', 'd']);
  });
});
