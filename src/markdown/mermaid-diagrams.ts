/**
 * ```mermaid blocks become build-time SVG figures with a text version (src/lib/diagrams.ts).
 * A diagram Mermaid cannot parse, or one that is not a flowchart, fails the build, naming the
 * file, the line and the problem.
 */
import type { Code, Data, Node, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { checkMermaid, renderDiagram, type DiagramLanguage } from '../lib/diagrams.ts';

/** The drawn figure in the Markdown tree: remark-rehype turns its data.hName/hProperties/hChildren into exactly that element. */
interface MermaidDiagram extends Node {
  type: 'mermaidDiagram';
  data: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    mermaidDiagram: MermaidDiagram;
  }
}

/** English pages live under content/docs/en/; everything else is the Chinese root locale. */
export function pageLanguage(path: string): DiagramLanguage {
  return /(^|[\\/])content[\\/]docs[\\/]en[\\/]/.test(path) ? 'en' : 'zh-CN';
}

/** Parses one diagram; a parse error becomes `file:line: Mermaid diagram: …` with the line in the file. */
async function checkDiagram(code: Code, path: string): Promise<void> {
  try {
    await checkMermaid(code.value);
  } catch (error) {
    // Mermaid's parser knows the diagram line (hash.loc); add the fence's line in the file.
    const inDiagram = (error as { hash?: { loc?: { first_line?: number } } }).hash?.loc?.first_line ?? 0;
    const line = code.position ? code.position.start.line + inDiagram : '?';
    const message = (error as Error).message.replace(/^Parse error on line \d+:/, 'Parse error:');
    throw new Error(`${path}:${line}: Mermaid diagram: ${message}`, { cause: error });
  }
}

export const remarkMermaidDiagrams: Plugin<[], Root> = () => async (tree, file) => {
  const path = file.path || 'Markdown';
  const lang = pageLanguage(path);
  const blocks: { code: Code; index: number; parent: Parent }[] = [];
  visit(tree, 'code', (code, index, parent) => {
    if (code.lang === 'mermaid' && parent && index !== undefined) blocks.push({ code, index, parent });
  });
  for (const [n, { code, index, parent }] of blocks.entries()) {
    await checkDiagram(code, path);
    const figure = renderDiagram(code.value, lang, `diagram-${n + 1}`);
    parent.children[index] = { type: 'mermaidDiagram', data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children } };
  }
};
