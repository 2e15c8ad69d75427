import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { parseMermaid } from 'beautiful-mermaid';
import { checkMermaid, diagramOutline, renderDiagram } from '../../src/lib/diagrams.ts';
import { remarkMermaidDiagrams } from '../../src/markdown/mermaid-diagrams.ts';
import { toHtml } from 'hast-util-to-html';

/** Every ```mermaid block of the published articles, with its page's language. */
const articleDiagrams = (['articles', 'en/articles'] as const).flatMap((dir) =>
  readdirSync(`content/docs/${dir}`).flatMap((file) =>
    [...readFileSync(`content/docs/${dir}/${file}`, 'utf8').matchAll(/```mermaid\n(?<source>[\s\S]*?)```/g)].map((m) => ({
      page: `${dir}/${file}`,
      lang: dir === 'articles' ? ('zh-CN' as const) : ('en' as const),
      source: m.groups?.source ?? '',
    })),
  ),
);

const render = (markdown: string, path: string) =>
  unified().use(remarkParse).use(remarkMermaidDiagrams).use(remarkRehype).use(rehypeStringify).process({ value: markdown, path }).then(String);

describe('build-time diagrams', () => {
  it("finds the articles' diagrams in both languages (an article need not have one)", () => {
    expect(new Set(articleDiagrams.map((d) => d.lang))).toEqual(new Set(['zh-CN', 'en']));
  });

  for (const { page, lang, source } of articleDiagrams) {
    it(`draws ${page} as a labelled SVG with every node and a text version, loading nothing`, async () => {
      await checkMermaid(source);
      const html = toHtml(renderDiagram(source, lang, 'diagram-1'));
      const labels = [...parseMermaid(source).nodes.values()].map((n) => n.label);
      expect(labels.length).toBeGreaterThan(3);
      const svgText = [...html.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, ''));
      const outline = diagramOutline(source, lang).join('\n');
      for (const label of labels) {
        expect(svgText).toContain(label);
        expect(outline).toContain(label);
      }
      expect(html).toMatch(lang === 'en' ? /role="img" aria-label="Flowchart/ : /role="img" aria-label="流程图/);
      expect(html).not.toMatch(/<style|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      expect(html).toContain('data-pagefind-ignore');
    });
  }

  it('writes arrows with their labels and the groups in the page language', () => {
    const source = 'graph TD\n subgraph data["数据层"]\n A["采集"] --> B["存储"]\n end\n B -->|是| C["训练"]';
    expect(diagramOutline(source, 'zh-CN')).toEqual(['采集 → 存储', '存储 →（是）训练', '分组 数据层：采集、存储']);
    const english = 'graph TD\n subgraph data["Data"]\n A["Collect"] --> B["Store"]\n end\n B -->|yes| C["Train"]';
    expect(diagramOutline(english, 'en')).toEqual(['Collect → Store', 'Store → (yes) Train', 'Group Data: Collect, Store']);
  });

  it('keeps ids unique when a page has two diagrams', async () => {
    const block = '```mermaid\ngraph TD\n A["一"] --> B["二"]\n```\n';
    const html = await render(`${block}\n文字\n\n${block}`, 'content/docs/articles/x.mdx');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(2); // one arrowhead per diagram
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, target] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(target);
    expect(html.match(/<figure class="kb-diagram">/g)).toHaveLength(2);
  });

  it('labels English pages in English', async () => {
    const html = await render('```mermaid\ngraph TD\n A --> B\n```\n', 'content/docs/en/articles/x.mdx');
    expect(html).toContain('<summary>Flowchart as text</summary>');
  });

  it('fails on a diagram Mermaid cannot parse, naming the file, the line and the problem', async () => {
    const markdown = '# 标题\n\n正文\n\n```mermaid\ngraph TD\n  A["数据" --> B\n```\n';
    // The broken node is on line 7 of the file (the fence is on line 5).
    await expect(render(markdown, 'content/docs/articles/broken.mdx')).rejects.toThrow(
      /content\/docs\/articles\/broken\.mdx:7: Mermaid diagram: Parse error:\n.*A\["数据" --> B/,
    );
    await expect(render('```mermaid\ngrph TD\n A --> B\n```\n', 'a.mdx')).rejects.toThrow(/No diagram type detected/);
    await expect(render('```mermaid\npie title Pets\n "Dogs" : 386\n```\n', 'a.mdx')).rejects.toThrow(
      /a\.mdx:1: .*"pie" diagram; the site draws flowcharts only/,
    );
  });

  it('leaves other code blocks alone', async () => {
    const html = await render('```python\nprint(1)\n```\n', 'content/docs/articles/x.mdx');
    expect(html).toContain('<pre><code class="language-python">');
  });
});
