/**
 * On paper an in-browser example is an empty form: after each example of an article the build
 * adds a line, shown only in print (site.css), with the address of the live page at the example's
 * section. The address is absolute when the site's address is known (SITE_URL), else the path on
 * the site (with BASE_PATH); the link itself then points within the page.
 */
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root } from 'hast';
import { format } from '../lib/i18n.ts';
import type { Lang } from '../schemas/bilingual.ts';

/** Components imported from src/components/examples/ in the page's MDX (`import X from '~/components/examples/X.astro'`). */
function exampleComponents(tree: Root): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const m of node.value.matchAll(/import\s+(\w+)\s+from\s+['"][^'"]*components\/examples\//g)) names.add(m[1]!);
  }
  return names;
}

/** The page's address: /articles/x/ or /en/articles/x/, under the base path and on the site's host when known. */
export function pageAddress(filePath: string, env: { SITE_URL?: string; BASE_PATH?: string }): string | undefined {
  const page = /content\/docs\/(.+?)\.mdx?$/.exec(filePath.replaceAll('\\', '/'))?.[1];
  if (!page) return undefined;
  const base = (env.BASE_PATH || '/').replace(/\/?$/, '/');
  const path = `${base}${page.replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/');
  return env.SITE_URL ? new URL(path, env.SITE_URL).href : path;
}

export function rehypeExamplePrintLinks() {
  const messages = Object.fromEntries(
    (['zh-CN', 'en'] as const).map((lang) => [lang, JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>]),
  ) as Record<Lang, Record<string, string>>;
  return (tree: Root, file: { path?: string }) => {
    const address = pageAddress(file.path ?? '', process.env);
    const examples = exampleComponents(tree);
    if (!address || !examples.size) return;
    const lang: Lang = /content\/docs\/en\//.test((file.path ?? '').replaceAll('\\', '/')) ? 'en' : 'zh-CN';
    let section = '';
    const children: typeof tree.children = [];
    for (const node of tree.children) {
      children.push(node);
      if (node.type === 'element' && /^h[2-4]$/.test(node.tagName) && typeof node.properties.id === 'string') section = node.properties.id;
      if (node.type !== 'mdxJsxFlowElement' || !node.name || !examples.has(node.name)) continue;
      const hash = section ? `#${section}` : '';
      // A root-relative href would get the base path a second time (base-path.ts): in-page instead.
      const href = process.env.SITE_URL ? `${address}${hash}` : hash || '#';
      const link: Element = { type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: `${address}${hash}` }] };
      const [before, after = ''] = format(messages[lang]['print.exampleAt']!, { url: '\u0000' }).split('\u0000');
      const line: ElementContent[] = [{ type: 'text', value: before! }, link, { type: 'text', value: after }];
      children.push({ type: 'element', tagName: 'p', properties: { className: ['kb-print-only', 'kb-example-print'] }, children: line });
    }
    tree.children = children;
  };
}
