import { describe, expect, it } from 'vitest';
import { checkHeadLinks, checkLinks, checkMath, parsePage, urlOfFile } from '../../src/checks/built-site.ts';

const page = (url: string, body: string) => parsePage(url, `<!doctype html><html><body>${body}</body></html>`);

describe('checkLinks', () => {
  const target = page('/articles/a/', '<h2 id="sec-1">1. Intro</h2>');
  const files = new Set(['/articles/a/', '/logo.svg']);

  it('accepts links to existing pages, anchors and assets, and ignores external ones', () => {
    const source = page('/', '<a href="/articles/a/#sec-1">x</a><a href="articles/a/">y</a><img src="/logo.svg"><a href="https://example.org/z">z</a>');
    expect(checkLinks([source, target], files)).toEqual([]);
  });

  it('reports a missing page and a missing anchor, naming the page they are on', () => {
    const source = page('/en/', '<a href="/articles/b/">x</a><a href="/articles/a/#sec-9">y</a>');
    expect(checkLinks([source, target], files)).toEqual([
      '/en/: link to /articles/b/ — no such page or file',
      '/en/: link to /articles/a/#sec-9 — no element with id "sec-9" there',
    ]);
  });
});

describe('checkMath', () => {
  it('reports raw delimiters in prose but not in code or KaTeX annotations', () => {
    const ok = page('/a/', '<pre><code>\\( x \\)</code></pre><annotation>\\[x\\]</annotation><p>fine</p>');
    const bad = page('/b/', '<p>where \\( x \\) is</p><p>$$y$$</p>');
    expect(checkMath([ok])).toEqual([]);
    expect(checkMath([bad])).toHaveLength(2);
  });

  it('reports a KaTeX error', () => {
    expect(checkMath([page('/c/', '<span class="katex-error">\\frac</span>')])).toEqual(['/c/: KaTeX could not render a formula']);
  });
});

it('urlOfFile maps dist files to served URLs', () => {
  expect(urlOfFile('en/articles/x/index.html')).toBe('/en/articles/x/');
  expect(urlOfFile('index.html')).toBe('/');
  expect(urlOfFile('_astro/a.css')).toBe('/_astro/a.css');
});

it('urlOfFile puts files under the base path they are served at', () => {
  expect(urlOfFile('en/articles/x/index.html', '/kb/')).toBe('/kb/en/articles/x/');
  expect(urlOfFile('index.html', '/kb/')).toBe('/kb/');
});

it('checkLinks reports a root-relative link that misses the base path', () => {
  const files = new Set(['/kb/', '/kb/en/']);
  expect(checkLinks([page('/kb/', '<a href="/en/">x</a><a href="/kb/en/">y</a>')], files)).toEqual(['/kb/: link to /en/ — no such page or file']);
});

describe('checkHeadLinks', () => {
  const head = (url: string, links: string) => parsePage(url, `<!doctype html><html><head>${links}</head><body></body></html>`);
  const files = new Set(['/kb/a/', '/kb/en/a/']);
  const good = head(
    '/kb/a/',
    '<link rel="canonical" href="https://kb.example.com/kb/a/"><link rel="alternate" hreflang="en" href="https://kb.example.com/kb/en/a/">',
  );

  it('accepts links to existing pages on the deployed host', () => {
    expect(checkHeadLinks([good], files, 'https://kb.example.com')).toEqual([]);
  });

  it('reports any such link when no address was given', () => {
    expect(checkHeadLinks([good], files, undefined)).toHaveLength(2);
  });

  it('reports another host, a missing page and a canonical link to another page', () => {
    const bad = head(
      '/kb/a/',
      '<link rel="canonical" href="https://kb.example.com/kb/en/a/"><link rel="alternate" hreflang="en" href="https://example.org/kb/en/a/"><meta property="og:url" content="https://kb.example.com/kb/b/">',
    );
    expect(checkHeadLinks([bad], files, 'https://kb.example.com')).toEqual([
      '/kb/a/: canonical link names another page, https://kb.example.com/kb/en/a/',
      '/kb/a/: alternate link to https://example.org/kb/en/a/ — not on https://kb.example.com',
      '/kb/a/: og:url link to https://kb.example.com/kb/b/ — no such page',
    ]);
  });
});
