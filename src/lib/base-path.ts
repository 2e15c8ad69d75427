/**
 * The site can live under a base path (BASE_PATH, Astro's `base`), e.g. a GitHub Pages project
 * site at /<repo>/. Links written root-relative (`/en/articles/x/`) get the base in front.
 */

/**
 * `path` under `base`: ('/kb/', '/en/x/') → '/kb/en/x/'; ('/kb/', '') → '/kb', so that
 * `${prefixBase(base, '')}/articles/` works as a prefix. Other URLs (relative, `#x`,
 * `//host`, `https:`) are returned unchanged.
 */
export function prefixBase(base: string, path: string): string {
  if (path !== '' && (!path.startsWith('/') || path.startsWith('//'))) return path;
  return base.replace(/\/+$/, '') + path;
}

/** `path` under this build's base (Astro's BASE_URL). */
export function withBase(path: string): string {
  return prefixBase(import.meta.env.BASE_URL, path);
}
