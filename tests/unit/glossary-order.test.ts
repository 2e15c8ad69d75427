import { describe, expect, it } from 'vitest';
import { groupByInitial, termInitial } from '../../src/lib/glossary-order.ts';

describe('glossary order', () => {
  it('gives Chinese terms their pinyin initial', () => {
    const cases: Record<string, string> = {
      阿: 'A',
      创业者: 'C',
      大模型: 'D',
      梯度下降: 'T',
      损失函数: 'S',
      卷积神经网络: 'J',
      欧洲: 'O',
      人工智能: 'R',
      隐私: 'Y',
      中文: 'Z',
      微调: 'W',
      模型: 'M',
    };
    for (const [term, letter] of Object.entries(cases)) expect(termInitial(term), term).toBe(letter);
  });
  it('gives Latin terms their first letter, in either language', () => {
    expect(termInitial('AI 大模型')).toBe('A');
    expect(termInitial('dropout')).toBe('D');
    expect(termInitial('2 倍')).toBe('#');
  });
  it('groups by letter in dictionary order, terms sorted within', () => {
    const zh = groupByInitial(['梯度下降', '大模型', '创业者', 'AI 大模型', '超参数', '损失函数'], (t) => t, 'zh-CN');
    expect(zh).toEqual([
      { letter: 'A', items: ['AI 大模型'] },
      { letter: 'C', items: ['超参数', '创业者'] },
      { letter: 'D', items: ['大模型'] },
      { letter: 'S', items: ['损失函数'] },
      { letter: 'T', items: ['梯度下降'] },
    ]);
    const en = groupByInitial(['gradient descent', 'Founder', 'feature', 'AUC'], (t) => t, 'en');
    expect(en.map((g) => [g.letter, g.items])).toEqual([
      ['A', ['AUC']],
      ['F', ['feature', 'Founder']],
      ['G', ['gradient descent']],
    ]);
  });
});
