// Bad content must stop the build with a message that names the file and the field.
// Runs `astro sync` (content validation without rendering) on a small temporary copy.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-build-'));
  for (const f of [
    'astro.config.mjs',
    'content.config.ts',
    'package.json',
    'tsconfig.json',
    'src',
    'public',
    'content/glossary.yaml',
    'content/i18n',
    'content/examples',
    'content/try-this',
    'content/assessment',
    'content/docs/index.mdx',
  ]) {
    await cp(f, join(dir, f), { recursive: true });
  }
  await mkdir(join(dir, 'content/errata'), { recursive: true });
  await mkdir(join(dir, 'content/docs/articles'), { recursive: true });
  await symlink(resolve('node_modules'), join(dir, 'node_modules'));
});

async function sync(): Promise<string> {
  try {
    await run(join(dir, 'node_modules/.bin/astro'), ['sync'], { cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}\n${stderr}`;
  }
}

describe('astro sync on broken content', { timeout: 60_000 }, () => {
  it('names the article file, a wrongly typed frontmatter field and an unknown one', async () => {
    await writeFile(
      join(dir, 'content/docs/articles/broken.mdx'),
      '---\ntitle: 坏的\ncolour: red\nsource:\n  seed: not-a-seed\n  lines: 3-10\n  language: zh-CN\n  titleDerived: false\n---\n\n正文\n',
    );
    const output = await sync();
    expect(output).toContain('content/docs/articles/broken.mdx');
    expect(output).toContain('source.seed');
    expect(output).toContain('must name a seed file');
    expect(output).toContain('colour');
  });

  it('names the errata file, the erratum and the missing language', async () => {
    await writeFile(join(dir, 'content/docs/articles/broken.mdx'), '---\ntitle: 好的\n---\n\n正文\n');
    await writeFile(
      join(dir, 'content/errata/broken.yaml'),
      [
        '- id: E000-01',
        '  article: broken',
        '  section: sec-1',
        '  kind: arithmetic',
        '  original: "1+1=3"',
        '  problem: { zh-CN: 算错了 }',
        '  correction: { zh-CN: 等于 2, en: equals 2 }',
        '',
      ].join('\n'),
    );
    const output = await sync();
    expect(output).toContain('E000-01');
    expect(output).toContain('content/errata/broken.yaml');
    expect(output).toContain('problem.en');
  });
});
