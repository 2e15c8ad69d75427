// `npm run check:mdx` must reject what the build rejects, naming the file and line: each
// broken page here is written to a temporary folder and checked as a contributor would.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMdx, main, type CheckContext } from '../../src/checks/compile-mdx.ts';

const context: CheckContext = { root: process.cwd(), errataIds: new Set(['E000-01']) };
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-check-mdx-'));
});

/** Writes a page (frontmatter lines, then body lines) and checks it. */
async function check(name: string, frontmatter: string[], body: string[]): Promise<{ file: string; problems: string[] }> {
  const file = join(dir, `${name}.mdx`);
  await writeFile(file, ['---', ...frontmatter, '---', ...body, ''].join('\n'));
  return { file, problems: await checkMdx(file, context) };
}

const ERRATUM_IMPORT = "import Erratum from '~/components/Erratum.astro';";

describe('check:mdx', { timeout: 30_000 }, () => {
  it('accepts a page the build accepts', async () => {
    const { problems } = await check(
      'good',
      ['title: 好的', 'sidebar:', '  order: 2'],
      [ERRATUM_IMPORT, '', '## 1. 节', '', '公式 $x^2$。', '', '<Erratum id="E000-01" />'],
    );
    expect(problems).toEqual([]);
  });

  it('rejects an unknown frontmatter field at its line', async () => {
    const { file, problems } = await check('unknown-field', ['title: 坏的', 'colour: red'], ['## 1. 节']);
    expect(problems).toEqual([`${file}:3: frontmatter: unknown field "colour"`]);
  });

  it('rejects a wrongly typed frontmatter field at its line, naming the field', async () => {
    const { file, problems } = await check('wrong-type', ['title: 坏的', 'sidebar:', '  order: three'], ['## 1. 节']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file}:4: frontmatter field "sidebar.order": .*number`));
  });

  it('rejects frontmatter that is not YAML, and a page without a title', async () => {
    expect((await check('bad-yaml', ['title: 坏的', 'title: 重复的'], ['## 1. 节'])).problems[0]).toMatch(
      /:3: frontmatter is not valid YAML: duplicated mapping key/,
    );
    expect((await check('no-title', ['description: 没有标题'], ['## 1. 节'])).problems[0]).toMatch(/:1: frontmatter field "title": /);
  });

  it('rejects an <Erratum id> that is not in content/errata/', async () => {
    const { file, problems } = await check('erratum', ['title: 坏的'], [ERRATUM_IMPORT, '', '## 1. 节', '', '<Erratum id="E999-99" />']);
    expect(problems).toEqual([`${file}:8: <Erratum id="E999-99" />: no erratum with this id in content/errata/`]);
  });

  it('rejects a component that is not imported, and an import of a file that does not exist', async () => {
    const { file, problems } = await check(
      'component',
      ['title: 坏的'],
      ["import Gone from '~/components/Gone.astro';", '', '## 1. 节', '', '<Mystery />', '', '<Gone />'],
    );
    expect(problems).toEqual([
      `${file}:4: import "~/components/Gone.astro": no such file or package`,
      `${file}:8: unknown component <Mystery>: import it at the top of the page`,
    ]);
  });

  it('rejects a heading with neither a section number nor an explicit anchor', async () => {
    const { file, problems } = await check('heading', ['title: 坏的'], ['', '## 1. 节', '', '## 参考文献 \\{#references\\}', '', '## 致谢']);
    expect(problems).toEqual([`${file}:9: heading "致谢" has no section number; end it with an explicit anchor such as \\{#references\\}`]);
  });

  it('rejects broken display math at the line of the formula', async () => {
    const { file, problems } = await check('display-math', ['title: 坏的'], ['', '## 1. 节', '', '$$', '\\frac{1}{', '$$']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file}:7: Could not render math with KaTeX`));
  });

  it('rejects an MDX syntax error at its line', async () => {
    const { file, problems } = await check('syntax', ['title: 坏的'], ['', '## 1. 节', '', '一个 {未转义的花括号']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file}:7:\\d+: `));
  });

  it('prints usage and exits 2 without arguments; one line and exit 1 for a missing file', async () => {
    const printed: string[] = [];
    expect(await main([], context, (line) => printed.push(line))).toBe(2);
    expect(printed).toEqual(['usage: npm run check:mdx -- <file.mdx>…']);
    printed.length = 0;
    const missing = join(dir, 'missing.mdx');
    expect(await main([missing], context, (line) => printed.push(line))).toBe(1);
    expect(printed).toEqual([`${missing}: no such file`, '1 of 1 file(s) would fail the build']);
  });
});
