import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cheaperTocSelection } from '../../src/integrations/toc-observe.ts';

// The installed Starlight's table-of-contents module, as the build transforms it.
const original = readFileSync(
  new URL('../../node_modules/@astrojs/starlight/dist/components-internals/TableOfContents/starlight-toc.js', import.meta.url),
  'utf8',
);

describe("Starlight's table of contents, selecting without :has()", () => {
  it('applies to the installed Starlight: the selection is replaced, the rest of the module is untouched', () => {
    const patched = cheaperTocSelection(original);
    expect(patched).not.toContain(':has(');
    expect(patched).toContain('.filter((el) => isHeading(el) || !el.querySelector(this.tocHeadingSelector))');
    const outside = (code: string) => code.replace(/const toObserve = [\s\S]*?;\n/, '');
    expect(outside(patched)).toBe(outside(original));
  });

  it('fails the build, naming the file to review, when Starlight changes that code', () => {
    expect(() => cheaperTocSelection(original.replace('const toObserve', 'const watched'))).toThrow(/toc-observe\.ts/);
  });
});
