import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/checks/built-site.ts';
import { asciiAfterChinese, checkDataTexts, checkProse } from '../../src/checks/prose.ts';

const avoided = [
  { avoid: 'entrepreneur', preferred: 'founder' },
  { avoid: 'data set', preferred: 'dataset' },
  { avoid: '后向传播', preferred: '反向传播' },
];
const page = (url: string, lang: string, body: string) =>
  parsePage(url, `<html lang="${lang}"><body><nav>简体中文 entrepreneurs</nav><main>${body}</main></body></html>`);
const check = (url: string, lang: string, body: string) => checkProse(page(url, lang, body), { avoided, checkTerms: true });

// A clean English page: Chinese marked, quoted originals and erratum boxes, code, random
// seeds, erratum ids and big numbers are all fine.
const CLEAN_EN = `<h1>Founders and datasets</h1>
<p>The original calls it <span lang="zh-CN">变压器</span>. Results use a fixed random seed; see E000-01 and 10,000 images, 0.001 s.</p>
<div data-erratum="E002-03"><span lang="zh-CN" data-original>后向传播</span> The <span lang="zh-CN">后向传播</span> of the entrepreneurs.</div>
<pre><code>seed = 000  # content/x.yaml 中文</code></pre><p><code>seed 000 后向传播</code></p>
<form><label><span>Seed</span></label><output>initialised with the seed</output></form>`;

describe('checkProse', () => {
  it('accepts a clean page and ignores navigation outside <main>', () => {
    expect(check('/en/a/', 'en', CLEAN_EN)).toEqual([]);
    expect(check('/a/', 'zh-CN', '<p>创业者使用数据集和反向传播，随机种子固定。</p>')).toEqual([]);
  });

  it.each([
    ['an avoided English term, in any case and plural', '<p>Entrepreneurs need a data  set.</p>', ['"entrepreneur"', '"data set"']],
    ['an avoided Chinese term, even inside a lang span', '<p><span lang="zh-CN">后向传播</span></p>', ['"后向传播"']],
    ['Chinese without lang="zh-CN"', '<table><tr><td>模型</td></tr></table>', ['Chinese "模型" without lang']],
    ['the word seed', '<p>per the seed</p>', ['say "the original"']],
    ['an internal article number', '<p>as in 000 §2.4</p>', ['name the article by its title']],
    ['a repository path', '<p>see content/errata/x.yaml</p>', ['no repository paths']],
    ['a repository path in inline code', '<p>see <code>content/errata/</code></p>', ['no repository paths']],
  ])('flags %s on a broken copy', (_, broken, expected) => {
    const found = check('/en/a/', 'en', `${CLEAN_EN}${broken}`).join('\n');
    for (const e of expected) expect(found).toContain(e);
  });

  it('flags Chinese jargon and avoided terms on Chinese pages', () => {
    const found = check('/a/', 'zh-CN', '<p>为 002 所用的说法，后向传播。</p>').join('\n');
    expect(found).toContain('name the article by its title');
    expect(found).toContain('"后向传播"');
  });

  it('flags ASCII ?!,:; after Chinese in prose and diagram labels, not in code, formulas or English', () => {
    const clean = '<p>是否具备数据资源？原文：a, b: c</p><p><code>x = 模型;</code></p><math><annotation>模型:</annotation></math>';
    expect(check('/a/', 'zh-CN', clean)).toEqual([]);
    expect(check('/en/a/', 'en', '<p>Data: yes</p>')).toEqual([]);
    const found = check('/a/', 'zh-CN', '<p>原文: x</p><svg><text><tspan>是否具备数据资源?</tspan></text></svg><p>（指纹）; x</p><p>好!</p>').join('\n');
    expect(found).toContain('"文:"; write ：');
    expect(found).toContain('"源?"; write ？');
    expect(found).toContain('"）;"; write ；');
    expect(found).toContain('"好!"; write ！');
  });

  it('leaves avoided terms alone on pages that list them on purpose', () => {
    expect(checkProse(page('/en/g/', 'en', '<p>not used: data set</p>'), { avoided, checkTerms: false })).toEqual([]);
  });
});

describe('checkDataTexts', () => {
  it('lets an erratum quote its original wording but not use it otherwise', () => {
    const quote = { where: 'E1 problem (zh-CN)', lang: 'zh-CN', text: '“后向传播”不是标准术语。', original: '后向传播' };
    expect(checkDataTexts([quote], avoided)).toEqual([]);
    expect(checkDataTexts([{ ...quote, original: '反向传播' }], avoided)).toEqual([
      'E1 problem (zh-CN): "后向传播" is on the glossary\'s avoid list; write "反向传播"',
    ]);
  });

  it('flags jargon in data texts', () => {
    expect(checkDataTexts([{ where: 'g (en)', lang: 'en', text: 'the wording used in article 002' }], avoided)).toHaveLength(1);
  });
});

describe('asciiAfterChinese', () => {
  it('finds an ASCII mark right after Chinese only', () => {
    expect(asciiAfterChinese('{n} 个点: {list}')).toBe('点:');
    expect(asciiAfterChinese('{n} 个点：{list}; see https://x.example/a?b=1')).toBeUndefined();
  });
});
