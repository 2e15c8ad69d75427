// The built site: links, anchors and assets resolve; formulas are rendered; canonical and
// hreflang links name the deployed address, or are absent when none was given. Checked in
// dist/ (built as for the root of a host) and in dist-base/ (built under a base path, as a
// GitHub Pages project site: `npm run build:base`).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_BUILD } from '../../src/checks/build-base.ts';
import { checkHeadLinks, checkLinks, checkMath, parsePage, urlOfFile } from '../../src/checks/built-site.ts';

const builds = [
  { dir: 'dist', base: '/', site: process.env.SITE_URL || undefined, command: 'npm run build' },
  { dir: BASE_BUILD.outDir, base: BASE_BUILD.base, site: BASE_BUILD.site, command: 'npm run build:base' },
];

describe.each(builds)('built site in $dir/ (base $base)', async ({ dir, base, site, command }) => {
  if (!existsSync(dir)) throw new Error(`${dir}/ is missing: run \`${command}\` before \`npm run check:content\`.`);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  const urls = new Set(files.map((f) => urlOfFile(f, base)));
  const pages = await Promise.all(files.filter((f) => f.endsWith('.html')).map(async (f) => parsePage(urlOfFile(f, base), await readFile(join(dir, f), 'utf8'))));

  it('has pages in both languages', () => {
    expect(pages.some((p) => p.url.startsWith(`${base}en/`))).toBe(true);
    expect(pages.some((p) => !p.url.startsWith(`${base}en/`) && p.url !== `${base}404.html`)).toBe(true);
  });

  it('every internal link, anchor and asset resolves', () => {
    expect(checkLinks(pages, urls)).toEqual([]);
  });

  it('canonical and hreflang links name the deployed address, or are absent without one', () => {
    expect(checkHeadLinks(pages, urls, site)).toEqual([]);
  });

  it('no formula is left unrendered', () => {
    expect(checkMath(pages)).toEqual([]);
  });
});
