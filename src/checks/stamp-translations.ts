/**
 * Records in an English page which revision of its Chinese page it translates. Run it after
 * translating or reviewing a page: `npm run translations:stamp -- articles/x.mdx` (a page below
 * content/docs/, or the path of either language's file); `--all` stamps every page.
 */
import { writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { DOCS, isTranslated, pagePairs, read } from './content-files.ts';
import { outline, splitFrontmatter } from '../lib/mdx-outline.ts';
import { stamp, type TranslationStamp } from '../lib/translation.ts';

/** Replaces (or adds) the `translation:` block at the end of the frontmatter. */
export function writeStamp(source: string, value: TranslationStamp): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error('no frontmatter');
  const kept = (match[1] ?? '').replace(/^translation:\n(?:[ \t]+.*\n?)*/m, '').trimEnd();
  // Quoted: an all-digit (or digits-e-digits) hash would otherwise be read back as a number.
  const block = ['translation:', `  source: '${value.source}'`, '  sections:']
    .concat(Object.entries(value.sections).map(([id, pair]) => `    ${id}: ${pair}`))
    .join('\n');
  return `---\n${kept}\n${block}\n---${source.slice(match[0].length)}`;
}

/**
 * The page below content/docs/ that an argument names: `articles/x.mdx`, or a file of either
 * language given from the repository root (`content/docs/en/articles/x.mdx`) or from `cwd`.
 */
export function pageOf(argument: string, root: string, cwd = root): string {
  const docs = resolve(root, DOCS);
  for (const base of [cwd, root]) {
    const inDocs = relative(docs, resolve(base, argument));
    if (inDocs.startsWith('..') || inDocs === '') continue;
    return inDocs.split(sep).join('/').replace(/^en\//, '');
  }
  return argument.replace(/^en\//, '');
}

export interface StampResult {
  /** The English files stamped, with the Chinese revision each now records. */
  stamped: { file: string; source: string }[];
  problems: string[];
}

/** Stamps the named pages (or every page with `all`), each only when both languages exist. */
export async function stampPages(root: string, pages: string[], all = false): Promise<StampResult> {
  const pairs = await pagePairs(root);
  const wanted = all ? pairs.map((p) => p.page) : pages;
  const result: StampResult = { stamped: [], problems: [] };
  for (const page of wanted) {
    const pair = pairs.find((p) => p.page === page);
    if (!pair) {
      result.problems.push(`${page}: no such page in ${DOCS}/`);
      continue;
    }
    if (!isTranslated(pair)) {
      result.problems.push(`${page}: needs both ${DOCS}/${page} and ${DOCS}/en/${page}`);
      continue;
    }
    const zhSource = await read(pair.zh);
    const enSource = await read(pair.en);
    const value = stamp(splitFrontmatter(zhSource).body, outline(zhSource), outline(enSource));
    await writeFile(pair.en, writeStamp(enSource, value));
    result.stamped.push({ file: relative(root, pair.en), source: value.source });
  }
  return result;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const root = resolve(import.meta.dirname, '../..');
  const pages = args.filter((a) => a !== '--all').map((a) => pageOf(a, root, process.env.INIT_CWD ?? process.cwd()));
  if (!all && !pages.length) {
    console.log('usage: npm run translations:stamp -- <page>… (e.g. articles/x.mdx), or -- --all for every page');
    process.exit(2);
  }
  const { stamped, problems } = await stampPages(root, pages, all);
  for (const { file, source } of stamped) console.log(`stamped ${file} (matches Chinese revision ${source})`);
  for (const problem of problems) console.error(problem);
  if (!stamped.length && !problems.length) console.log('nothing to stamp');
  process.exitCode = problems.length ? 1 : 0;
}
