import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';
import { rehypeUniqueAsideLabels } from '../../src/markdown/unique-aside-labels.ts';
import type { Element, Root } from 'hast';

const render = (markdown: string) =>
  unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype)
    .use(rehypePlugins)
    .use(rehypeStringify)
    .process({ value: markdown, path: 'content/docs/x.mdx' })
    .then(String);

describe('site Markdown pipeline', () => {
  it('keeps formulas out of the search index but not the prose around them', async () => {
    const html = await render('损失是 $MSE$ 的平均。\n\n$$\nx^2\n$$\n');
    expect(html).toMatch(/<span class="katex" data-pagefind-ignore(="")?>/);
    expect(html).toMatch(/<p>损失是 /);
  });

  it('fails on a formula KaTeX cannot render, naming the file and line', async () => {
    await expect(render('段落\n\n$$\n\\frac{1}{\n$$\n')).rejects.toThrow(/content\/docs\/x\.mdx:3: .*KaTeX/);
    await expect(render('段落\n\n行内 $\\frac{1}{$ 公式\n')).rejects.toThrow(/content\/docs\/x\.mdx:3: .*KaTeX/);
  });

  it('gives numbered headings language-independent anchors and strips explicit ones', async () => {
    const html = await render('## 4.3 梯度下降\n\n## 参考文献 \\{#references\\}\n');
    expect(html).toContain('<h2 id="sec-4-3">4.3 梯度下降</h2>');
    expect(html).toContain('<h2 id="references">参考文献</h2>');
  });

  it('fails on a heading with neither a section number nor an explicit anchor, naming the file and line', async () => {
    await expect(render('## 1. 背景\n\n正文\n\n## 参考文献\n')).rejects.toThrow(/content\/docs\/x\.mdx:5: heading "参考文献"/);
  });
});

describe('rehypeUniqueAsideLabels', () => {
  it('numbers repeated aside labels so every landmark has its own name', async () => {
    const aside = (label: string): Element => ({ type: 'element', tagName: 'aside', properties: { ariaLabel: label }, children: [] });
    const tree: Root = { type: 'root', children: [aside('编者注'), aside('勘误 E1'), aside('编者注'), aside('编者注')] };
    await unified().use(rehypeUniqueAsideLabels).run(tree);
    expect(tree.children.map((a) => a.type === 'element' && a.properties.ariaLabel)).toEqual(['编者注', '勘误 E1', '编者注 2', '编者注 3']);
  });

  it('keeps punctuation (and an opening bracket) with an inline formula, so "。" never starts a line', async () => {
    const html = await render('误差为（$x^2$）。下一句 $y$，再算 $\\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2 + \\lambda \\lVert w \\rVert$。\n\n$$\nz\n$$\n');
    expect(html.match(/<span class="kb-nowrap">（<span class="katex"/g)).toHaveLength(1);
    expect(html).toMatch(/<\/span><\/span>）。<\/span>下一句 /);
    expect(html).toMatch(/<\/span><\/span>，<\/span>再算 /);
    // The long formula may wrap inside; its last term is held to its "。".
    expect(html).toMatch(/再算 <span class="kb-glue"><span class="katex"/);
    expect(html.match(/<span class="kb-nowrap"><span class="base">/g)).toHaveLength(1);
    expect(html).toMatch(/<\/span><\/span><\/span><\/span>\u2060。<\/span><\/p>/);
    expect(html.match(/class="kb-nowrap"/g)).toHaveLength(3);
    expect(html).not.toMatch(/katex-display[^]*kb-nowrap/);
  });
});
