/**
 * Checks over the built HTML (dist/): every internal link, anchor and asset resolves,
 * and no formula was left unrendered. Pure functions over { path → html } so that
 * tests can feed them small fixtures.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { prefixBase } from '../lib/base-path.ts';

export interface BuiltPage {
  /** URL path of the page, e.g. `/en/articles/x/`. */
  url: string;
  tree: Root;
}

export function parsePage(url: string, html: string): BuiltPage {
  return { url, tree: fromHtml(html) };
}

/** URL path a file in dist/ is served at: `en/x/index.html` → `/en/x/` (`/kb/en/x/` under base `/kb/`). */
export function urlOfFile(relativePath: string, base = '/'): string {
  const path = prefixBase(base, `/${relativePath.split('\\').join('/')}`);
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function idsOf(page: BuiltPage): Set<string> {
  return new Set(selectAll('[id]', page.tree).map((el) => String(el.properties.id)));
}

/**
 * Internal links (`href`, `src`) must point at a page or file that exists, and a
 * `#fragment` must name an element id on the target page.
 * `files` holds every URL path in dist/ (pages and assets).
 */
export function checkLinks(pages: BuiltPage[], files: Set<string>): string[] {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const idCache = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const page of pages) {
    for (const el of selectAll('a[href], link[href], img[src], script[src], source[src]', page.tree)) {
      const raw = String(el.properties.href ?? el.properties.src);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue; // external or data:/mailto:
      const target = new URL(raw, `http://site${page.url}`);
      const path = decodeURIComponent(target.pathname);
      const exists = files.has(path) || files.has(path.endsWith('/') ? path : `${path}/`);
      if (!exists) {
        problems.push(`${page.url}: link to ${raw} — no such page or file`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (!fragment || el.tagName !== 'a') continue;
      const targetPage = byUrl.get(path) ?? byUrl.get(`${path}/`);
      if (!targetPage) continue;
      if (!idCache.has(targetPage.url)) idCache.set(targetPage.url, idsOf(targetPage));
      if (!idCache.get(targetPage.url)!.has(fragment)) problems.push(`${page.url}: link to ${raw} — no element with id "${fragment}" there`);
    }
  }
  return problems;
}

/**
 * Canonical, hreflang and og:url links name the deployed address. Built without SITE_URL (`site`
 * undefined) there must be none, rather than links to a made-up host; with it, each must be on
 * that host, name an existing page, and a page's canonical link must name the page itself.
 */
export function checkHeadLinks(pages: BuiltPage[], files: Set<string>, site: string | undefined): string[] {
  const problems: string[] = [];
  for (const page of pages) {
    // Starlight gives its 404 page the links of a /404/ page that no host serves; search
    // engines never index a 404 response, so only the absence without SITE_URL matters there.
    if (site && page.url.endsWith('/404.html')) continue;
    const links = [
      ...selectAll('link[rel~="canonical"], link[rel~="alternate"][hreflang]', page.tree).map((el) => ({ el, url: String(el.properties.href) })),
      ...selectAll('meta[property="og:url"]', page.tree).map((el) => ({ el, url: String(el.properties.content) })),
    ];
    for (const { el, url } of links) {
      const kind = String(el.properties.rel ?? el.properties.property);
      if (!site) {
        problems.push(`${page.url}: ${kind} link to ${url} although no SITE_URL was set`);
        continue;
      }
      const target = new URL(url, site);
      if (target.origin !== new URL(site).origin) problems.push(`${page.url}: ${kind} link to ${url} — not on ${site}`);
      else if (!files.has(decodeURIComponent(target.pathname))) problems.push(`${page.url}: ${kind} link to ${url} — no such page`);
      else if (kind === 'canonical' && target.pathname !== page.url) problems.push(`${page.url}: canonical link names another page, ${url}`);
    }
  }
  return problems;
}

const SKIP = new Set(['pre', 'code', 'script', 'style', 'annotation', 'textarea']);

function isSkipped(ancestors: Element[]): boolean {
  return ancestors.some((el) => SKIP.has(el.tagName));
}

/** No `\(`, `\[` or `$$` may survive in visible text, and KaTeX must not have printed an error. */
export function checkMath(pages: BuiltPage[]): string[] {
  const problems: string[] = [];
  for (const page of pages) {
    if (selectAll('.katex-error', page.tree).length) problems.push(`${page.url}: KaTeX could not render a formula`);
    walkText(page.tree, [], (text, ancestors) => {
      if (isSkipped(ancestors)) return;
      const match = /\\\(|\\\[|\$\$/.exec(text);
      if (match) problems.push(`${page.url}: unrendered math "${text.slice(Math.max(0, match.index - 20), match.index + 30).trim()}"`);
    });
  }
  return problems;
}

function walkText(node: Root | Element, ancestors: Element[], fn: (text: string, ancestors: Element[]) => void): void {
  for (const child of node.children) {
    if (child.type === 'text') fn(child.value, ancestors);
    else if (child.type === 'element') walkText(child, [...ancestors, child], fn);
  }
}
