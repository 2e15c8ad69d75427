import { describe, expect, it } from 'vitest';
import { shareCardPath, shareCardSvg } from '../../src/lib/share-card.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { balancedLines, textWidthEm, wrapText } from '../../src/lib/text-width.ts';

const texts = (svg: string) => [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!);

describe('share cards', () => {
  it('draws the site, the title and the description, escaped, each line inside the card', () => {
    const svg = shareCardSvg({ site: 'KB', title: 'Errors & <fixes>', description: 'What a founder should know.', lang: 'en' });
    expect(texts(svg)).toEqual(['KB', 'Errors &#38; &#60;fixes&#62;', 'What a founder should know.']);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('wraps a long Chinese title between characters and cuts a long description with "…"', () => {
    const title = '大模型创业：从狂热到理性的心理转变与一家创业公司在数据、算力和商业模式上的长期规划';
    const svg = shareCardSvg({ site: '知识库', title, description: '描述'.repeat(200), lang: 'zh-CN' });
    const lines = texts(svg);
    const titleLines = lines.slice(1).filter((l) => title.includes(l.replace(/…$/, '')));
    expect(titleLines.join('')).toBe(title);
    expect(lines.at(-1)).toMatch(/…$/);
    for (const line of titleLines) expect(textWidthEm(line) * 52).toBeLessThanOrEqual(1040); // 52 px: the long title's size
  });

  it('breaks English between words, never before closing punctuation in Chinese', () => {
    expect(wrapText('one two three four', 5)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('一二三四。五', 4).every((line) => !line.startsWith('。'))).toBe(true);
  });

  it('serves each page card under /og/', () => {
    expect(shareCardPath('en/articles/x')).toBe('/og/en/articles/x.png');
    expect(shareCardPath('')).toBe('/og/index.png'); // the Chinese home page
  });
});

describe('balancedLines', () => {
  it('evens out a title instead of leaving one character alone on its last line', () => {
    const title = 'AI 大模型创业：如何利用未来优势？';
    expect(wrapText(title, 16.25).at(-1)).toBe('势？'); // the lone character the cards used to show
    expect(balancedLines(title, 16.25, 3)).toEqual(['AI 大模型创业：', '如何利用未来优势？']); // broken where the title pauses
    const lines = balancedLines('大模型创业者从狂热到理性的心理转变', 16.25, 3);
    expect(lines).toEqual(['大模型创业者从狂热', '到理性的心理转变']); // no pause: evened out
  });

  it('balances English between words and keeps a single line or a cut text as it is', () => {
    expect(wrapText('one two three four five six seven', 14)).toEqual(['one two three four five six', 'seven']);
    expect(balancedLines('one two three four five six seven', 14)).toEqual(['one two three four', 'five six seven']);
    expect(balancedLines('short title', 24)).toEqual(['short title']);
    expect(balancedLines('一二三四五六七八九十'.repeat(3), 8, 2)).toEqual(wrapText('一二三四五六七八九十'.repeat(3), 8, 2));
  });

  // Every page title at the card's title sizes (1040 px wide at 64 and 52 px).
  const titles = readdirSync('content/docs', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .map((f) => /^title:\s*"?(.*?)"?\s*$/m.exec(readFileSync(join('content/docs', f), 'utf8'))![1]!);
  it.each(titles)('"%s" fits and never ends a line with a lone Chinese character', (title) => {
    for (const maxEm of [1040 / 64, 1040 / 52]) {
      const lines = balancedLines(title, maxEm, 3);
      for (const line of lines) expect(textWidthEm(line)).toBeLessThanOrEqual(maxEm);
      if (lines.length > 1) expect(lines.at(-1)).not.toMatch(/^\p{Script=Han}[\p{P}]*$/u);
    }
  });
});
