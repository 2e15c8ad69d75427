/**
 * Quick check of MDX files without a full site build: parses the frontmatter,
 * compiles the MDX with the site's math, directive and diagram plugins, renders every
 * formula with KaTeX in strict mode and parses every Mermaid diagram. Usage: npm run check:mdx -- <file.mdx>…
 */
import { readFile } from 'node:fs/promises';
import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import yaml from 'js-yaml';
import { rehypeStrictMath } from '../markdown/strict-math.ts';
import { remarkMermaidDiagrams } from '../markdown/mermaid-diagrams.ts';

export async function checkMdx(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  const problems: string[] = [];
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) problems.push('no frontmatter block (--- … ---) at the top');
  else {
    try {
      yaml.load(match[1]);
    } catch (error) {
      problems.push(`frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  // Blank lines in place of the frontmatter keep reported line numbers those of the file.
  const body = match ? '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length) : text;
  if (/\\\(|\\\[/.test(body.replace(/```[\s\S]*?```/g, ''))) problems.push('raw \\( or \\[ math delimiters: use $…$ and $$…$$');
  try {
    await compile({ value: body, path }, {
      remarkPlugins: [remarkGfm, remarkMath, remarkDirective, remarkMermaidDiagrams],
      rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeStrictMath],
    });
  } catch (error) {
    problems.push(String((error as Error).message ?? error));
  }
  return problems;
}

if (import.meta.main) {
  let failed = 0;
  for (const path of process.argv.slice(2)) {
    const problems = await checkMdx(path);
    if (problems.length) failed++;
    console.log(problems.length ? `✗ ${path}\n  ${problems.join('\n  ')}` : `✓ ${path}`);
  }
  process.exitCode = failed ? 1 : 0;
}
