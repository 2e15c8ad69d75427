import { describe, expect, it } from 'vitest';
import { shareCardPath, shareCardSvg } from '../../src/lib/share-card.ts';
import { textWidthEm, wrapText } from '../../src/lib/text-width.ts';

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
