// The "try this" prompts (content/try-this/): every example has 2–3 in both languages, every link
// applies settings the example accepts, and every cited section exists in both languages' articles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { tryThis, type TryThis } from '../../src/schemas/try-this.ts';
import { exampleSettingsSchemas } from '../../src/lib/examples/settings-schemas.ts';
import { promptQuery } from '../../src/lib/examples/try-this.ts';
import { decodeSettings, linearRegressionSchema } from '../../src/lib/examples/url-state.ts';
import { outline } from '../../src/lib/mdx-outline.ts';

const yamlList = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => yaml.load(readFileSync(join(dir, f), 'utf8')) as unknown[]);
const examples = yamlList('content/examples') as { id: string }[];
const entries: TryThis[] = yamlList('content/try-this').map((e) => tryThis.parse(e));
const anchorCache = new Map<string, Set<string>>();
/** Heading anchors of an article file (each file parsed once). */
function anchors(path: string): Set<string> {
  if (!anchorCache.has(path)) anchorCache.set(path, new Set(outline(readFileSync(path, 'utf8')).headings.map((h) => h.id)));
  return anchorCache.get(path)!;
}

describe('try-this prompts', () => {
  it('every example has 2–3 prompts, and every prompt belongs to an example', () => {
    expect(entries.map((e) => e.id).sort()).toEqual(examples.map((e) => e.id).sort());
    for (const e of entries) expect(e.prompts.length, e.id).toBeGreaterThanOrEqual(2);
  });

  it('the schema rejects a prompt missing a language and an example with one prompt', () => {
    const prompt = { text: { 'zh-CN': '试试', en: 'Try' }, settings: {}, cites: { article: 'product-innovation', section: 'sec-9-1' } };
    expect(tryThis.safeParse({ id: 'x', prompts: [prompt, prompt] }).success).toBe(true);
    expect(tryThis.safeParse({ id: 'x', prompts: [prompt] }).success).toBe(false);
    expect(tryThis.safeParse({ id: 'x', prompts: [prompt, { ...prompt, text: { en: 'Try' } }] }).success).toBe(false);
  });

  it("every prompt's link applies exactly its settings, accepted by the example's schema", () => {
    for (const e of entries) {
      const schema = exampleSettingsSchemas[e.id];
      expect(schema, `no settings schema for ${e.id}`).toBeDefined();
      for (const p of e.prompts) {
        const { query, problems } = promptQuery(schema!, p.settings);
        expect(problems, `${e.id}: ${p.text.en}`).toEqual([]);
        const { settings, issues } = decodeSettings(schema!, query);
        expect(issues).toEqual([]);
        for (const [key, value] of Object.entries(p.settings)) expect(String((settings as Record<string, unknown>)[key])).toBe(String(value));
      }
    }
  });

  it('reports settings an example would reject or not know', () => {
    expect(promptQuery(linearRegressionSchema, { lr: 5, colour: 'red', epochs: 50 }).problems).toEqual([
      { field: 'colour', reason: 'unknown-key' },
      { field: 'lr', reason: 'rejected' },
    ]);
  });

  it('every cited section exists in both languages', () => {
    for (const p of entries.flatMap((e) => e.prompts)) {
      const { article, section } = p.cites;
      expect(anchors(`content/docs/articles/${article}.mdx`).has(section), `${article}#${section} (zh-CN)`).toBe(true);
      expect(anchors(`content/docs/en/articles/${article}.mdx`).has(section), `${article}#${section} (en)`).toBe(true);
    }
  });
});
