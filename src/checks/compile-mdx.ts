/**
 * Quick check of MDX pages without a site build, reporting what the build would reject as
 * `file:line: problem`: frontmatter fields against the page schema, imports and components,
 * `<Erratum id>`s against content/errata/, then the build's own Markdown plugins (heading
 * anchors, every formula, every diagram). Usage: npm run check:mdx -- <file.mdx>…
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { z } from 'astro/zod';
import yaml from 'js-yaml';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypePlugins, remarkPlugins } from '../markdown/pipeline.ts';
import { pageSchema } from '../schemas/article.ts';

export interface CheckContext {
  /** Repository root: `~/` imports resolve to its `src/`. */
  root: string;
  /** Every id recorded in content/errata/. */
  errataIds: ReadonlySet<string>;
}

export async function loadContext(root: string): Promise<CheckContext> {
  const dir = join(root, 'content/errata');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml'));
  const ids = new Set<string>();
  for (const name of files) {
    const items = yaml.load(await readFile(join(dir, name), 'utf8'));
    for (const item of Array.isArray(items) ? items : []) if (typeof item?.id === 'string') ids.add(item.id);
  }
  return { root, errataIds: ids };
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

// Astro turns hero image paths into image objects at build time; here a path is enough.
const schemaContext = { image: () => z.string() } as unknown as Parameters<typeof pageSchema>[0];
const frontmatterSchema = pageSchema(schemaContext);

/** Line in the file of the YAML key at `path` (the frontmatter starts on line 2). */
function fieldLine(yamlText: string, path: readonly PropertyKey[]): number {
  const lines = yamlText.split(/\r?\n/);
  let found = -1;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const pattern = new RegExp(`^\\s*(?:- )?['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`);
    const next = lines.findIndex((line, i) => i > found && pattern.test(line));
    if (next < 0) break;
    found = next;
  }
  return found < 0 ? 1 : found + 2;
}

function frontmatterProblems(yamlText: string): { line: number; message: string }[] {
  let data: unknown;
  try {
    data = yaml.load(yamlText) ?? {};
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    return [{ line: error.mark.line + 2, message: `frontmatter is not valid YAML: ${error.reason}` }];
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) => {
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [];
    if (unknown.length) return unknown.map((path) => ({ line: fieldLine(yamlText, path), message: `frontmatter: unknown field "${path.join('.')}"` }));
    const field = issue.path.map(String).join('.');
    return [{ line: fieldLine(yamlText, issue.path), message: `frontmatter${field ? ` field "${field}"` : ''}: ${issue.message}` }];
  });
}

/** `\(…\)` and `\[…\]` render as plain text on the site (the built-site check rejects them); code is exempt. */
function rawDelimiterLines(body: string): number[] {
  let inFence = false;
  const lines: number[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && /\\\(|\\\[/.test(line.replace(/`[^`]*`/g, ''))) lines.push(i + 1);
  });
  return lines;
}

/** A module an MDX import names that cannot be found, or undefined when it exists. */
function missingImport(source: string, file: string, root: string): string | undefined {
  if (source.startsWith('~/')) return existsSync(join(root, 'src', source.slice(2))) ? undefined : source;
  if (source.startsWith('.')) return existsSync(resolve(dirname(file), source)) ? undefined : source;
  try {
    import.meta.resolve(source);
    return undefined;
  } catch {
    return source;
  }
}

/** remark plugin for the check only: imports that resolve, components that are imported, errata that exist. */
function remarkCheckComponents(context: CheckContext, file: string, problems: string[]): Plugin<[], Root> {
  return () => (tree) => {
    const imported = new Set<string>();
    visit(tree, 'mdxjsEsm', (node) => {
      for (const statement of node.data?.estree?.body ?? []) {
        if (statement.type !== 'ImportDeclaration') continue;
        for (const specifier of statement.specifiers) imported.add(specifier.local.name);
        const missing = missingImport(String(statement.source.value), file, context.root);
        const line = statement.loc?.start.line ?? node.position?.start.line ?? 1;
        if (missing) problems.push(`${file}:${line}: import "${missing}": no such file or package`);
      }
    });
    visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      const where = `${file}:${node.position?.start.line ?? '?'}`;
      if (!/^[A-Z]/.test(name)) return;
      if (!imported.has(name.split('.')[0] ?? name)) problems.push(`${where}: unknown component <${name}>: import it at the top of the page`);
      if (name !== 'Erratum') return;
      const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
      if (typeof id !== 'string') problems.push(`${where}: <Erratum> needs an id, e.g. <Erratum id="E000-01" />`);
      else if (!context.errataIds.has(id)) problems.push(`${where}: <Erratum id="${id}" />: no erratum with this id in content/errata/`);
    });
  };
}

/** What compiling reported: our plugins already say `file:line: …`; MDX syntax errors carry line and column. */
function compileProblem(error: unknown, file: string): string {
  const { line, column, reason, message } = error as { line?: number; column?: number; reason?: string; message?: string };
  const text = reason ?? message ?? String(error);
  if (text.startsWith(`${file}:`)) return text;
  return `${file}:${line ?? 1}${column ? `:${column}` : ''}: ${text}`;
}

export async function checkMdx(file: string, context: CheckContext): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [`${file}: no such file`];
    throw error;
  }
  const problems: string[] = [];
  const match = FRONTMATTER.exec(text);
  if (!match) problems.push(`${file}:1: no frontmatter block (--- … ---) at the top; every page needs at least a title`);
  else for (const { line, message } of frontmatterProblems(match[1] ?? '')) problems.push(`${file}:${line}: ${message}`);
  // Blank lines in place of the frontmatter keep reported line numbers those of the file.
  const body = match ? '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length) : text;
  for (const line of rawDelimiterLines(body)) problems.push(`${file}:${line}: raw \\( or \\[ math delimiters: use $…$ and $$…$$`);
  try {
    await compile(
      { value: body, path: file },
      { remarkPlugins: [remarkGfm, remarkDirective, remarkCheckComponents(context, file, problems), ...remarkPlugins], rehypePlugins },
    );
  } catch (error) {
    problems.push(compileProblem(error, file));
  }
  const lineOf = (problem: string) => Number(problem.slice(file.length).match(/^:(\d+)/)?.[1] ?? 0);
  return problems.sort((a, b) => lineOf(a) - lineOf(b));
}

/** The command line: prints one line per problem (or ✓ per good file) and returns the exit code. */
export async function main(files: string[], context: CheckContext, print = console.log): Promise<number> {
  if (!files.length) {
    print('usage: npm run check:mdx -- <file.mdx>…');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const problems = await checkMdx(file, context);
    if (problems.length) failed++;
    print(problems.length ? problems.join('\n') : `✓ ${file}`);
  }
  if (failed) print(`${failed} of ${files.length} file(s) would fail the build`);
  return failed ? 1 : 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), await loadContext(resolve(import.meta.dirname, '../..')));
}
