/**
 * ```mermaid blocks become build-time SVG figures with a text version (src/lib/diagrams.ts).
 * A diagram Mermaid cannot parse, or one that is not a flowchart, fails the build, naming the
 * file, the line and the problem.
 */
import { checkMermaid, renderDiagram, type DiagramLanguage } from '../lib/diagrams.ts';

interface MdastNode {
  type: string;
  lang?: string | null;
  value?: string;
  children?: MdastNode[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
}

interface VFileLike {
  path?: string;
  history?: string[];
}

/** English pages live under content/docs/en/; everything else is the Chinese root locale. */
export function pageLanguage(path: string): DiagramLanguage {
  return /(^|[\\/])content[\\/]docs[\\/]en[\\/]/.test(path) ? 'en' : 'zh-CN';
}

export function remarkMermaidDiagrams() {
  return async (tree: MdastNode, file: VFileLike) => {
    const path = file.path ?? file.history?.[0] ?? 'Markdown';
    const lang = pageLanguage(path);
    let count = 0;
    const visit = async (node: MdastNode) => {
      for (const [index, child] of (node.children ?? []).entries()) {
        if (child.type === 'code' && child.lang === 'mermaid') {
          const source = child.value ?? '';
          try {
            await checkMermaid(source);
          } catch (error) {
            // Mermaid's parser knows the diagram line (hash.loc); add the fence's line in the file.
            const inDiagram = (error as { hash?: { loc?: { first_line?: number } } }).hash?.loc?.first_line ?? 0;
            const line = child.position ? child.position.start.line + inDiagram : '?';
            const message = (error as Error).message.replace(/^Parse error on line \d+:/, 'Parse error:');
            throw new Error(`${path}:${line}: Mermaid diagram: ${message}`);
          }
          count += 1;
          const figure = renderDiagram(source, lang, `diagram-${count}`);
          // remark-rehype turns a node with hName/hProperties/hChildren into exactly that element.
          node.children![index] = {
            type: 'mermaidDiagram',
            data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children },
          };
        } else {
          await visit(child);
        }
      }
    };
    await visit(tree);
  };
}
