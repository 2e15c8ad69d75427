// The pure parts of search: relevance scoring, where a result lands, excerpts, "did you mean",
// glossary aliases and index records.
import { describe, expect, it } from 'vitest';
import { answers, figures, rankOf } from '../../src/lib/search/relevance.ts';
import { arrange, bestSection, counterpart, excerptParts, headingMatch, mergeHits, queryTokens, toHit, type Hit } from '../../src/lib/search/results.ts';
import { editDistance, suggest } from '../../src/lib/search/suggest.ts';
import { missingForms, splitTerm, termForms, uses } from '../../src/lib/search/aliases.ts';
import { erratumRecord, glossaryRecord } from '../../src/lib/search/records.ts';
import { addSectionAliases } from '../../src/markdown/search-aliases.ts';
import type { Root } from 'hast';

describe('relevance figures', () => {
  it('matches a section exactly and a bare page at any section', () => {
    expect(answers('http://x/en/a/#sec-2', '/en/a/#sec-2')).toBe(true);
    expect(answers('/en/a/#sec-3', '/en/a/#sec-2')).toBe(false);
    expect(answers('/en/a/#sec-3', '/en/a/')).toBe(true);
    expect(answers('/en/b/', '/en/a/')).toBe(false);
  });
  it('ranks the first answering link, or none', () => {
    expect(rankOf(['/a/', '/b/#s', '/c/'], ['/c/', '/b/#s'])).toBe(2);
    expect(rankOf(['/a/'], ['/b/'])).toBeNull();
  });
  it('computes top-1, top-3 and mean reciprocal rank, a miss counting zero', () => {
    expect(figures([1, 2, 4, null])).toEqual({ queries: 4, top1: 0.25, top3: 0.5, mrr: (1 + 0.5 + 0.25) / 4 });
    expect(figures([])).toEqual({ queries: 0, top1: 0, top3: 0, mrr: 0 });
  });
});

describe('where a result lands', () => {
  const sub = (title: string, url: string, score: number) => ({ title, url, excerpt: title, weighted_locations: [{ weight: 1, balanced_score: score }] });
  it('prefers the section whose heading names the query over a longer section that only mentions it', () => {
    const subs = [sub('Multiple linear regression', '/a/#sec-4-2', 9), sub('Linear regression', '/a/#sec-4-1', 3), sub('Summary', '/a/#sec-9', 12)];
    expect(bestSection(subs, 'linear regression')?.url).toBe('/a/#sec-4-1');
    expect(bestSection(subs, 'multiple regression')?.url).toBe('/a/#sec-4-2');
    expect(bestSection(subs, 'regression summary')?.url).toBe('/a/#sec-9');
    expect(bestSection([sub('Page', '/a/#_top', 20), sub('Other', '/a/#s', 1)], 'other')?.url).toBe('/a/#s');
    expect(bestSection([sub('Page', '/a/#_top', 20), sub('Other', '/a/#s', 1)], 'page')?.url).toBe('/a/#_top');
  });
  it('falls back to the highest score, and to the page when there are no sections', () => {
    expect(bestSection([sub('A', '/a/#a', 1), sub('B', '/a/#b', 5)], 'zzz')?.url).toBe('/a/#b');
    const hit = toHit({ url: '/a/', excerpt: 'x', meta: { title: 'A' }, sub_results: [] }, 'en', 'q');
    expect(hit).toEqual({ url: '/a/', title: 'A', section: undefined, excerpt: 'x', kind: 'page', lang: 'en' });
  });
  it('tokenises English words by stem and Chinese by character pairs', () => {
    expect(queryTokens('How to choose the models')).toEqual(['choos', 'model']);
    expect(queryTokens('风险管理')).toEqual(['风险', '险管', '管理']);
    expect(headingMatch('10.5 如何进行有效的风险管理？', queryTokens('风险管理'))).toBe(1);
    expect(headingMatch('3.3 Backpropagation', queryTokens('back propagation'), 'back propagation')).toBe(1);
    expect(headingMatch('4.3 Non-linear regression', queryTokens('nonlinear regression'), 'nonlinear regression')).toBe(1);
  });
  it('puts pages whose section names the query first, then glossary entries and errata, then other pages', () => {
    const h = (url: string, kind: string, section?: string): Hit => ({ url, title: 'Article', section, excerpt: '', kind, lang: 'en' });
    const hits = [h('/g', 'glossary'), h('/a#1', 'page', 'Summary'), h('/e', 'erratum'), h('/b#2', 'page', 'Loss function')];
    expect(arrange(hits, 'loss function').map((x) => x.url)).toEqual(['/b#2', '/g', '/e', '/a#1']);
    expect(arrange(hits, 'LLM').map((x) => x.url)).toEqual(['/g', '/e', '/a#1', '/b#2']);
    const partial = h('/c#3', 'page', 'Loss');
    expect(
      arrange([partial, ...hits], 'loss function')
        .map((x) => x.url)
        .slice(0, 2),
    ).toEqual(['/b#2', '/c#3']);
  });
  it('merges hits without repeating a landing place', () => {
    const h = (url: string): Hit => ({ url, title: url, excerpt: '', kind: 'page', lang: 'en' });
    expect(mergeHits([h('/a'), h('/b')], [h('/b'), h('/c')]).map((x) => x.url)).toEqual(['/a', '/b', '/c']);
  });
  it('links the same section in the other language', () => {
    expect(counterpart('/articles/x/#sec-3-3')).toBe('/en/articles/x/#sec-3-3');
    expect(counterpart('/en/guide/glossary/#term-lasso')).toBe('/guide/glossary/#term-lasso');
  });
  it('turns excerpts into text parts without parsing HTML', () => {
    expect(excerptParts('a &lt;b&gt; <mark>loss</mark> &amp; c')).toEqual([
      { text: 'a <b> ', mark: false },
      { text: 'loss', mark: true },
      { text: ' & c', mark: false },
    ]);
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('transfromer', 'transformer')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('反相传播', '反向传播')).toBe(1);
  });
  const words = ['Transformer', 'backpropagation', 'gradient descent', '反向传播', 'large model'];
  it('suggests the closest term for a misspelling, in the page language', () => {
    expect(suggest('transfromer', words)).toBe('Transformer');
    expect(suggest('backpropogation', words)).toBe('backpropagation');
    expect(suggest('gradeint descent', words)).toBe('gradient descent');
    expect(suggest('反相传播', words)).toBe('反向传播');
  });
  it('suggests nothing for a known term, a spelling that only differs in spaces or case, or a distant word', () => {
    expect(suggest('Back Propagation', words)).toBeNull();
    expect(suggest('large models', words)).toBeNull();
    expect(suggest('marketing', words)).toBeNull();
    expect(suggest('ab', words)).toBeNull();
  });
});

describe('glossary aliases', () => {
  const terms = termForms(
    [
      { id: 'opt', term: { 'zh-CN': '优化算法', en: 'optimisation algorithm' }, aliases: { 'zh-CN': [], en: ['optimization algorithm'] } },
      { id: 'cs', term: { 'zh-CN': '智能客服', en: 'AI customer service' }, aliases: { 'zh-CN': ['客户服务'], en: ['customer support'] } },
      { id: 'ml', term: { 'zh-CN': '机器学习', en: 'machine learning (ML)' }, aliases: { 'zh-CN': [], en: [] } },
    ],
    'en',
  );
  it('splits an abbreviation off a term and skips terms without aliases', () => {
    expect(splitTerm('machine learning (ML)')).toEqual(['machine learning', 'ML']);
    expect(terms.map((t) => t.id)).toEqual(['opt', 'cs']);
  });
  it('matches whole words (plural allowed) in English and substrings in Chinese', () => {
    expect(uses('Two optimisation algorithms compared', 'optimisation algorithm')).toBe(true);
    expect(uses('reoptimisation algorithmics', 'optimisation algorithm')).toBe(false);
    expect(uses('这是智能客服系统', '智能客服')).toBe(true);
  });
  it('adds the forms a text lacks for the terms it uses', () => {
    expect(missingForms('Optimisation algorithms such as Adam', terms)).toEqual(['optimization algorithm']);
    expect(missingForms('AI customer service bots', terms)).toEqual(['customer support']);
    expect(missingForms('nothing relevant', terms)).toEqual([]);
  });
  it('puts the aliases at the end of each section that uses a term, invisible and indexed', () => {
    const h = (tag: string, text: string) => ({ type: 'element' as const, tagName: tag, properties: {}, children: [{ type: 'text' as const, value: text }] });
    const tree: Root = { type: 'root', children: [h('h2', 'Intro'), h('p', 'AI customer service.'), h('h2', 'Other'), h('p', 'Nothing.')] };
    addSectionAliases(tree, terms);
    const tags = tree.children.map((n) => (n.type === 'element' ? n.tagName : n.type));
    expect(tags).toEqual(['h2', 'p', 'span', 'h2', 'p']);
    const span = tree.children[2] as { properties: Record<string, string>; children: unknown[] };
    expect(span.properties).toEqual({ dataSearchAliases: 'customer support', dataPagefindIndexAttrs: 'data-search-aliases' });
    expect(span.children).toEqual([]);
  });
});

describe('index records', () => {
  const entry = {
    id: 'lasso',
    term: { 'zh-CN': 'LASSO', en: 'LASSO <x>' },
    definition: { 'zh-CN': '定义', en: 'A & B' },
    aliases: { 'zh-CN': [], en: ['l1 penalty'] },
  };
  it('gives each glossary entry its own result on its row, escaped, with its aliases', () => {
    const record = glossaryRecord(entry, 'en');
    expect(record.url).toBe('/en/guide/glossary/#term-lasso');
    expect(record.html).toContain('LASSO &lt;x&gt;');
    expect(record.html).toContain('A &amp; B');
    expect(record.html).toContain('l1 penalty');
    expect(record.html).toContain('<p lang="zh-CN">LASSO</p>');
    expect(glossaryRecord(entry, 'zh-CN').url).toBe('/guide/glossary/#term-lasso');
  });
  it('gives each erratum its own result on its row of the errata page', () => {
    const record = erratumRecord(
      { id: 'E001-02', article: 'a', problem: { 'zh-CN': '问题', en: 'Problem' }, correction: { 'zh-CN': '更正', en: 'Fix' } },
      'Title',
      'zh-CN',
    );
    expect(record.url).toBe('/guide/errata/#erratum-E001-02');
    expect(record.html).toMatch(/<html lang="zh-CN">.*E001-02 · Title.*问题.*更正/);
  });
});
