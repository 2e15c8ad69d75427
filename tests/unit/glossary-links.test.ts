import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { linkTerms, type GlossaryLinkTerm } from '../../src/markdown/glossary-links.ts';

const terms: GlossaryLinkTerm[] = [
  { id: 'neural-network', term: { 'zh-CN': '神经网络', en: 'neural network' } },
  { id: 'cnn', term: { 'zh-CN': '卷积神经网络', en: 'convolutional neural network' } },
  { id: 'model', term: { 'zh-CN': '模型', en: 'model' } },
];
const href = (id: string) => `#term-${id}`;
const paragraph = (text: string): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }],
});
const links = (tree: Root) => JSON.stringify(tree).match(/"href":"#term-[\w-]+"/g) ?? [];

describe('glossary links', () => {
  it('links only the first occurrence, longest term first', () => {
    const tree = paragraph('卷积神经网络是一种神经网络；神经网络和卷积神经网络都是模型。');
    linkTerms(tree, terms, 'zh-CN', href);
    expect(links(tree)).toEqual(['"href":"#term-cnn"', '"href":"#term-neural-network"', '"href":"#term-model"']);
  });
  it('matches whole English words, in any case, keeping the text as written', () => {
    const tree = paragraph('Models differ. A Neural network is a model; remodel it.');
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
