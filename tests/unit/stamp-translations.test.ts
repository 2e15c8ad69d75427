// `npm run translations:stamp` stamps exactly the pages it is given, named as a contributor
// would name them, and says what it stamped.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageOf, stampPages } from '../../src/checks/stamp-translations.ts';

const zh = (title: string) => `---\ntitle: ${title}\n---\n\n## 1. 背景\n\n正文。\n`;
const en = (title: string) => `---\ntitle: ${title}\n---\n\n## 1. Background\n\nText.\n`;
let root = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kb-stamp-'));
  await mkdir(join(root, 'content/docs/en/articles'), { recursive: true });
  await mkdir(join(root, 'content/docs/articles'), { recursive: true });
  for (const slug of ['a', 'b']) {
    await writeFile(join(root, `content/docs/articles/${slug}.mdx`), zh(slug));
    await writeFile(join(root, `content/docs/en/articles/${slug}.mdx`), en(slug));
  }
  await writeFile(join(root, 'content/docs/articles/only-chinese.mdx'), zh('c'));
});

const english = (slug: string) => readFile(join(root, `content/docs/en/articles/${slug}.mdx`), 'utf8');

describe('translations:stamp', () => {
  it('stamps only the page it is given and reports it', async () => {
    const result = await stampPages(root, ['articles/a.mdx']);
    expect(result.stamped.map((s) => s.file)).toEqual(['content/docs/en/articles/a.mdx']);
    expect(result.problems).toEqual([]);
    expect(await english('a')).toMatch(/\ntranslation:\n {2}source: '[0-9a-f]{12}'\n {2}sections:\n {4}_intro: /);
    expect(await english('b')).toBe(en('b'));
  });

  it('stamps every translated page with --all and names the page that has no English version', async () => {
    const result = await stampPages(root, [], true);
    expect(result.stamped.map((s) => s.file).sort()).toEqual(['content/docs/en/articles/a.mdx', 'content/docs/en/articles/b.mdx']);
    expect(result.problems).toEqual([
      'articles/only-chinese.mdx: needs both content/docs/articles/only-chinese.mdx and content/docs/en/articles/only-chinese.mdx',
    ]);
  });

  it('reports a page that does not exist instead of stamping something else', async () => {
    const result = await stampPages(root, ['articles/nope.mdx']);
    expect(result).toEqual({ stamped: [], problems: ['articles/nope.mdx: no such page in content/docs/'] });
  });

  it('understands repository-relative paths of either language and paths from a subfolder', () => {
    expect(pageOf('articles/a.mdx', root)).toBe('articles/a.mdx');
    expect(pageOf('content/docs/articles/a.mdx', root)).toBe('articles/a.mdx');
    expect(pageOf('content/docs/en/articles/a.mdx', root)).toBe('articles/a.mdx');
    expect(pageOf('en/articles/a.mdx', root)).toBe('articles/a.mdx');
    expect(pageOf('a.mdx', root, join(root, 'content/docs/en/articles'))).toBe('articles/a.mdx');
  });
});
