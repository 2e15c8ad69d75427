import { describe, expect, it } from 'vitest';
import { readableText, readingMinutes } from '../../src/lib/reading-time.ts';

describe('reading time', () => {
  it('counts English words at about 220 a minute', () => {
    expect(readingMinutes('word '.repeat(2200), 'en')).toBe(10);
  });
  it('counts Chinese characters at about 400 a minute, plus the Latin words among them', () => {
    expect(readingMinutes('字'.repeat(4000), 'zh-CN')).toBe(10);
    expect(readingMinutes(`${'字'.repeat(4000)} ${'GPU '.repeat(440)}`, 'zh-CN')).toBe(12);
  });
  it('is at least one minute', () => {
    expect(readingMinutes('短', 'zh-CN')).toBe(1);
  });
  it('ignores imports, component tags and heading anchors', () => {
    const text = readableText('import Erratum from \'~/components/Erratum.astro\';\n## Title \\{#sec-1\\}\n<Erratum id="E000-01" />');
    expect(text).not.toMatch(/import|Erratum|sec-1/);
    expect(text).toMatch(/Title/);
  });
});
