import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { prefixBase } from '../../src/lib/base-path.ts';
import type { Root, RootContent } from 'hast';
import { rehypeBasePath } from '../../src/markdown/base-path.ts';

describe('prefixBase', () => {
  it('puts root-relative paths under the base', () => {
    expect(prefixBase('/kb/', '/en/articles/x/#sec-1')).toBe('/kb/en/articles/x/#sec-1');
    expect(prefixBase('/kb', '/data/digits.bin')).toBe('/kb/data/digits.bin');
    expect(prefixBase('/kb/', '')).toBe('/kb');
  });

  it('changes nothing at the root of a host', () => {
    expect(prefixBase('/', '/en/')).toBe('/en/');
    expect(prefixBase('/', '')).toBe('');
  });

  it('leaves relative, fragment, protocol-relative and absolute URLs alone', () => {
    for (const url of ['articles/x/', '#sec-2', '//cdn.example/x.js', 'https://example.com/', 'mailto:a@b.c']) expect(prefixBase('/kb/', url)).toBe(url);
  });
});

describe('rehypeBasePath', () => {
  const render = (markdown: string, base: string) =>
    unified().use(remarkParse).use(remarkRehype).use(rehypeBasePath, { base }).use(rehypeStringify).process(markdown).then(String);

  it('prefixes root-relative Markdown links and images with the base', async () => {
    const html = await render('[a](/en/articles/x/#sec-1) [b](#sec-2) [c](https://example.com/) ![d](/img/d.png)', '/kb/');
    expect(html).toContain('href="/kb/en/articles/x/#sec-1"');
    expect(html).toContain('href="#sec-2"');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('src="/kb/img/d.png"');
  });

  it('leaves links unchanged at the root of a host', async () => {
    expect(await render('[a](/en/)', '/')).toContain('href="/en/"');
  });

  it('prefixes the href of components written in MDX, such as <LinkCard href="/assessment/">', () => {
    const card = {
      type: 'mdxJsxFlowElement',
      name: 'LinkCard',
      attributes: [
        { type: 'mdxJsxAttribute', name: 'title', value: '/not-a-link' },
        { type: 'mdxJsxAttribute', name: 'href', value: '/assessment/' },
      ],
      children: [],
    } as unknown as RootContent;
    const tree: Root = { type: 'root', children: [card] };
    rehypeBasePath({ base: '/kb/' })(tree);
    expect((card as unknown as { attributes: { name: string; value: string }[] }).attributes.map((a) => a.value)).toEqual(['/not-a-link', '/kb/assessment/']);
  });
});
