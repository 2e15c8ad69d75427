// The pure parts of search: relevance scoring, where a result lands, excerpts, "did you mean",
// glossary aliases and index records.
import { describe, expect, it } from 'vitest';
import { answers, figures, rankOf } from '../../src/lib/search/relevance.ts';
import {
  arrange,
  bestSection,
  counterpart,
  coverage,
  excerptParts,
  headingMatch,
  mergeHits,
  queryTokens,
  toHit,
  type Hit,
} from '../../src/lib/search/results.ts';
import { editDistance, suggest } from '../../src/lib/search/suggest.ts';
import { missingForms, readings, splitTerm, termForms, uses } from '../../src/lib/search/aliases.ts';
import { erratumRecord, erratumSeries, glossaryRecord } from '../../src/lib/search/records.ts';
import { addPageAliases } from '../../src/markdown/search-aliases.ts';
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
    expect(bestSection(subs, ['linear regression'])?.url).toBe('/a/#sec-4-1');
    expect(bestSection(subs, ['multiple regression'])?.url).toBe('/a/#sec-4-2');
    expect(bestSection(subs, ['regression summary'])?.url).toBe('/a/#sec-9');
    expect(bestSection([sub('Page', '/a/#_top', 20), sub('Other', '/a/#s', 1)], ['other'])?.url).toBe('/a/#s');
    expect(bestSection([sub('Page', '/a/#_top', 20), sub('Other', '/a/#s', 1)], ['page'])?.url).toBe('/a/#_top');
  });
  it('falls back to the highest score, and to the page when there are no sections', () => {
    expect(bestSection([sub('A', '/a/#a', 1), sub('B', '/a/#b', 5)], ['zzz'])?.url).toBe('/a/#b');
    const hit = toHit({ url: '/a/', excerpt: 'x', meta: { title: 'A' }, sub_results: [] }, 'en', [{ text: 'q' }]);
    expect(hit).toEqual({ url: '/a/', title: 'A', section: undefined, excerpt: 'x', kind: 'page', lang: 'en', coverage: 0 });
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
    expect(arrange(hits, [{ text: 'loss function' }]).map((x) => x.url)).toEqual(['/b#2', '/g', '/e', '/a#1']);
    expect(arrange(hits, [{ text: 'LLM' }]).map((x) => x.url)).toEqual(['/g', '/e', '/a#1', '/b#2']);
    const partial = h('/c#3', 'page', 'Loss');
    expect(
      arrange([partial, ...hits], [{ text: 'loss function' }])
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
  it('puts the aliases a page lacks once at its end, as searchable metadata with no text a reader or an excerpt could show', () => {
    const h = (tag: string, text: string) => ({ type: 'element' as const, tagName: tag, properties: {}, children: [{ type: 'text' as const, value: text }] });
    const tree: Root = { type: 'root', children: [h('h2', 'Intro'), h('p', 'AI customer service.'), h('h2', 'Other'), h('p', 'Optimisation algorithms.')] };
    addPageAliases(tree, terms);
    const tags = tree.children.map((n) => (n.type === 'element' ? n.tagName : n.type));
    expect(tags).toEqual(['h2', 'p', 'h2', 'p', 'span']);
    const span = tree.children[4] as { properties: Record<string, string>; children: unknown[] };
    expect(span.properties).toEqual({ dataPagefindMeta: 'aliases[data-search-aliases]', dataSearchAliases: 'optimization algorithm · customer support' });
    expect(span.children).toEqual([]);
    const plain: Root = { type: 'root', children: [h('p', 'Nothing relevant.')] };
    addPageAliases(plain, terms);
    expect(plain.children).toHaveLength(1);
  });
  it('reads a query that uses an alias also with the preferred term, and a query that uses none only as typed', () => {
    const synonyms = [
      ['revenue model', 'make money'],
      ['AI customer service', 'customer support'],
      ['智能客服', '客户服务', '客服'],
      ['optimisation algorithm', 'optimization algorithm'],
    ];
    expect(readings('how to make money', synonyms)).toEqual([{ text: 'how to make money' }, { text: 'how to revenue model', term: 'revenue model' }]);
    expect(readings('Optimization algorithms', synonyms)[1]).toEqual({ text: 'optimisation algorithm', term: 'optimisation algorithm' });
    // The longest alias a query uses is the one replaced.
    expect(readings('客户服务', synonyms)[1]).toEqual({ text: '智能客服', term: '智能客服' });
    expect(readings('AI customer service and customer support', synonyms)).toHaveLength(1);
    expect(readings('moneyless', synonyms)).toEqual([{ text: 'moneyless' }]);
  });
});

describe('landing with readings and words', () => {
  const sub = (title: string, url: string, locations: number[]) => ({
    title,
    url,
    excerpt: title,
    locations,
    weighted_locations: locations.map(() => ({ weight: 1, balanced_score: 1 })),
  });
  it('prefers, among headings that name the query equally, the section whose text has more of its words', () => {
    const words = ['How', 'long', 'to', 'train?', 'Training', 'time', 'depends.', 'Where', 'does', 'training', 'data', 'come', 'from?', 'Training', 'data'];
    const subs = [sub('9.1 How long to train?', '/a/#sec-9-1', [3, 4, 5]), sub('9.3 Where does training data come from?', '/a/#sec-9-3', [9, 13])];
    expect(coverage(subs[0]!, words, ['training time'])).toBe(1);
    expect(coverage(subs[1]!, words, ['training time'])).toBe(0.5);
    expect(bestSection(subs, ['training time'], words)?.url).toBe('/a/#sec-9-1');
  });
  it('lands a query that uses an alias on the section its preferred term names, even when no word of the section matched', () => {
    const raw = 'Intro text about customers. AI customer service Chatbots answer questions all day.';
    const data = {
      url: '/en/a/',
      excerpt: 'Intro',
      meta: { title: 'Products' },
      raw_content: raw,
      sub_results: [sub('Products', '/en/a/#_top', [3])],
      anchors: [{ element: 'h2', id: 'sec-6-2', text: 'AI customer service', location: 4 }],
    };
    const hit = toHit(data, 'en', readings('customer support', [['AI customer service', 'customer support']]));
    expect(hit.url).toBe('/en/a/#sec-6-2');
    expect(hit.section).toBe('AI customer service');
    expect(hit.excerpt).toBe('AI customer service Chatbots answer questions all day.');
  });
  it('does not single out a section by a term the page title already contains', () => {
    const h = (url: string, kind: string, title: string, section?: string): Hit => ({ url, title, section, excerpt: '', kind, lang: 'en' });
    const hits = [h('/en/a/#s', 'page', 'Large-Model Startups', 'What a large model is'), h('/en/g/#term-large-model', 'glossary', 'large model')];
    expect(arrange(hits, readings('LLM', [['large model', 'LLM']])).map((x) => x.url)).toEqual(['/en/g/#term-large-model', '/en/a/#s']);
    const other = [h('/en/b/#s', 'page', 'Products', 'AI customer service'), h('/en/g/#term-x', 'glossary', 'AI customer service')];
    expect(arrange(other, readings('customer support', [['AI customer service', 'customer support']]))[0]!.url).toBe('/en/b/#s');
  });
});

describe('index records', () => {
  const entry = {
    id: 'lasso',
    term: { 'zh-CN': 'LASSO', en: 'LASSO <x>' },
    definition: { 'zh-CN': '定义', en: 'A & B' },
    aliases: { 'zh-CN': [], en: ['l1 penalty'] },
  };
  it('gives each glossary entry its own result on its row, escaped, its aliases searchable but not text', () => {
    const record = glossaryRecord(entry, 'en');
    expect(record.url).toBe('/en/guide/glossary/#term-lasso');
    expect(record.html).toContain('LASSO &lt;x&gt;');
    expect(record.html).toContain('A &amp; B');
    expect(record.html).toContain('<span data-pagefind-meta="aliases[data-aliases]" data-aliases="l1 penalty"></span>');
    expect(record.html.replace(/<[^>]*>/g, '')).not.toContain('l1 penalty');
    expect(glossaryRecord(entry, 'zh-CN').url).toBe('/guide/glossary/#term-lasso');
  });
  it('gives each erratum its own result on its row of the errata page, without the words of its article title', () => {
    const record = erratumRecord(
      { id: 'E001-02', article: 'a', problem: { 'zh-CN': '问题', en: 'Problem' }, correction: { 'zh-CN': '更正', en: 'Fix' } },
      'zh-CN',
    );
    expect(record.url).toBe('/guide/errata/#erratum-E001-02');
    expect(record.html).toMatch(/<html lang="zh-CN">.*E001-02.*问题.*更正/);
    expect(erratumSeries('E001-02')).toBe('E001');
  });
});
