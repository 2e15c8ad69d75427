// The built site in dist/: links, anchors and assets resolve; formulas are rendered.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, checkMath, parsePage, urlOfFile } from '../../src/checks/built-site.ts';

const dist = 'dist';
if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` before `npm run check:content`.');

const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dist, join(e.parentPath, e.name)));
const urls = new Set(files.map(urlOfFile));
const pages = await Promise.all(files.filter((f) => f.endsWith('.html')).map(async (f) => parsePage(urlOfFile(f), await readFile(join(dist, f), 'utf8'))));

describe('built site', () => {
  it('has pages in both languages', () => {
    expect(pages.some((p) => p.url.startsWith('/en/'))).toBe(true);
    expect(pages.some((p) => !p.url.startsWith('/en/') && p.url !== '/404.html')).toBe(true);
  });

  it('every internal link, anchor and asset resolves', () => {
    expect(checkLinks(pages, urls)).toEqual([]);
  });

  it('no formula is left unrendered', () => {
    expect(checkMath(pages)).toEqual([]);
  });
});
