/** The pages under content/docs/, paired by language: `X.mdx` ↔ `en/X.mdx`. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const DOCS = 'content/docs';

export interface PagePair {
  /** Path below content/docs/ of the Chinese page, e.g. `articles/x.mdx`. */
  page: string;
  zh?: string;
  en?: string;
}

/** A page that exists in both languages. */
export type TranslatedPair = Required<PagePair>;

export const isTranslated = (pair: PagePair): pair is TranslatedPair => Boolean(pair.zh && pair.en);

async function listMdx(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).map((e) => relative(dir, join(e.parentPath, e.name)));
}

export async function pagePairs(root: string): Promise<PagePair[]> {
  const docs = join(root, DOCS);
  const all = await listMdx(docs);
  const pairs = new Map<string, PagePair>();
  for (const path of all) {
    const isEn = path.startsWith('en/');
    const page = isEn ? path.slice(3) : path;
    const pair = pairs.get(page) ?? { page };
    pair[isEn ? 'en' : 'zh'] = join(docs, path);
    pairs.set(page, pair);
  }
  return [...pairs.values()].sort((a, b) => a.page.localeCompare(b.page));
}

export const read = (path: string) => readFile(path, 'utf8');
