import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { linkTerms, type GlossaryLinkTerm } from '../../src/markdown/glossary-links.ts';

const terms: GlossaryLinkTerm[] = [
  { id: 'neural-network', group: 'ml', term: { 'zh-CN': '神经网络', en: 'neural network' } },
  { id: 'cnn', group: 'ml', term: { 'zh-CN': '卷积神经网络', en: 'convolutional neural network' } },
  { id: 'model', group: 'ml', term: { 'zh-CN': '模型', en: 'model' } },
  { id: 'startup', group: 'business', term: { 'zh-CN': '创业公司', en: 'startup' } },
  { id: 'compute', group: 'ml', term: { 'zh-CN': '计算资源', en: 'compute' } },
  { id: 'cloud-compute', group: 'business', term: { 'zh-CN': '云计算资源', en: 'cloud compute' } },
];
const href = (id: string) => `#term-${id}`;
const paragraph = (...texts: string[]): Root => ({
  type: 'root',
  children: texts.map((text) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] })),
});
const links = (tree: Root) => JSON.stringify(tree).match(/"href":"#term-[\w-]+"/g) ?? [];

describe('glossary links', () => {
  it('links a term once per article, longest term first, one link per paragraph', () => {
    const tree = paragraph('卷积神经网络是一种神经网络。', '神经网络和卷积神经网络都是模型。', '模型即神经网络。');
    linkTerms(tree, terms, 'zh-CN', href);
    // Paragraph 2 links 神经网络 (its first term not yet linked); 模型 waits for paragraph 3.
    expect(links(tree)).toEqual(['"href":"#term-cnn"', '"href":"#term-neural-network"', '"href":"#term-model"']);
  });
  it('never links the everyday business vocabulary, nor the shorter term inside it', () => {
    const tree = paragraph('创业公司租用云计算资源。', '计算资源很贵。');
    linkTerms(tree, terms, 'zh-CN', href);
    expect(links(tree)).toEqual(['"href":"#term-compute"']);
    expect(JSON.stringify(tree)).toContain('"value":"计算资源"}]');
  });
  it('matches whole English words, in any case, keeping the text as written', () => {
    const tree = paragraph('Models differ. A Neural network is a thing; remodel it.', 'It is a model.');
    linkTerms(tree, terms, 'en', href);
    expect(links(tree)).toEqual(['"href":"#term-neural-network"', '"href":"#term-model"']);
    expect(JSON.stringify(tree)).toContain('"value":"Neural network"');
  });
  it('leaves headings, links and formulas alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: '模型' }] },
        { type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [{ type: 'text', value: '模型' }] },
        { type: 'element', tagName: 'a', properties: { href: '/x' }, children: [{ type: 'text', value: '模型' }] },
      ],
    };
    linkTerms(tree, terms, 'zh-CN', href);
    expect(links(tree)).toEqual([]);
  });
});
