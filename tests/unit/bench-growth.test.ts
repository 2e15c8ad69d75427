import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import {
  copyArticle,
  copyErrata,
  copySlug,
  erratumIdMap,
  fitLength,
  prng,
  quoteStampHash,
  renameErrata,
  varyBody,
  varyLine,
  vocabulary,
} from '../bench/grow.ts';
import { growthReport, logFigures, marginal, parseBuildLog, parseDuration, perPage, targets, type ScaleFigures } from '../bench/growth-report.ts';
import { headingId } from '../../src/markdown/heading-ids.ts';

const POOL = ['model', 'training', 'gradient', 'startup', 'market', '数据', '模型', '训练', '市场'];
const ALWAYS = { substitute: 1, coin: 0 };

describe('prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, prng(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const x of take(3)) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('varying prose', () => {
  it('replaces words but keeps code, math, link targets, tags and heading numbers and anchors', () => {
    const line = '## 4.3 Gradient descent with `learning_rate` and $\\alpha x$ see [the training](/articles/x/#sec-4) <Erratum id="E000-01" /> \\{#descent\\}';
    const varied = varyLine(line, POOL, prng(1), ALWAYS);
    expect(varied).not.toBe(line);
    for (const kept of ['## 4.3 ', '`learning_rate`', '$\\alpha x$', '](/articles/x/#sec-4)', '<Erratum id="E000-01" />', '\\{#descent\\}'])
      expect(varied).toContain(kept);
    expect(headingId(varied.replace(/^## /, '').replaceAll('\\', '')).id).toBe('descent');
  });

  it('keeps capitals and the script of each word: Chinese stays Chinese, Latin stays Latin', () => {
    const varied = varyLine('Training 模型训练 market', POOL, prng(2), ALWAYS);
    expect(varied).toMatch(/^[A-Z][a-z]+ [\u4e00-\u9fff]{4} [a-z]+$/);
  });

  it('changes nothing at a zero rate, and the same seed gives the same text', () => {
    const line = 'Startups train models on market data.';
    expect(varyLine(line, POOL, prng(3), { substitute: 0, coin: 0 })).toBe(line);
    expect(varyLine(line, POOL, prng(4))).toBe(varyLine(line, POOL, prng(4)));
  });

  it('coins new words, so the vocabulary grows as a real corpus does', () => {
    const words = (text: string) => new Set(text.match(/[a-z]{4,}/gi));
    const varied = varyLine('model training gradient startup market '.repeat(20), POOL, prng(5), { substitute: 0, coin: 1 });
    expect([...words(varied)].some((w) => !POOL.includes(w.toLowerCase()))).toBe(true);
  });

  it('leaves code blocks, display math, diagrams, imports, tags and directive fences byte for byte', () => {
    const body = [
      "import Erratum from '~/components/Erratum.astro';",
      'Training a model needs market data.',
      '```python',
      'model = train(market_data)',
      '```',
      '$$',
      'loss = \\frac{1}{n} \\sum training',
      '$$',
      '```mermaid',
      'graph TD; Market --> Model',
      '```',
      ':::note[Training note]',
      '<Erratum id="E000-01" />',
    ].join('\n');
    const varied = varyBody(body, POOL, prng(6), ALWAYS).split('\n');
    const lines = body.split('\n');
    expect(varied[1]).not.toBe(lines[1]);
    expect(varied.filter((_, i) => i !== 1)).toEqual(lines.filter((_, i) => i !== 1));
  });

  it('draws its vocabulary from prose only', () => {
    const words = vocabulary(['Startups need data.\n```\nsecretcodeword\n```\n$$\nmathword\n$$']);
    expect(words).toContain('Startups');
    expect(words).not.toContain('secretcodeword');
    expect(words).not.toContain('mathword');
  });
});

describe('renaming', () => {
  const ids = ['E000-01', 'E000-02', 'E004-07'];

  it('gives every copy erratum ids of its own, past the real ones, keeping the number within the article', () => {
    const all = [...ids, ...[1, 2, 39].flatMap((copy) => [...erratumIdMap(ids, copy).values()])];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^E\d{3}-\d{2}$/);
    expect(erratumIdMap(ids, 1).get('E004-07')).toMatch(/-07$/);
  });

  it('refuses copies whose ids would need a fourth digit', () => {
    expect(() => erratumIdMap(ids, 600)).toThrow(/999/);
  });

  it('renames erratum references and rejects one that is not a real erratum', () => {
    const map = erratumIdMap(ids, 1);
    expect(renameErrata('<Erratum id="E000-02" />', map)).toBe(`<Erratum id="${map.get('E000-02')}" />`);
    expect(() => renameErrata('<Erratum id="E999-01" />', map)).toThrow(/E999-01/);
  });

  it('copies an article under a new title and order, without the fields of the real one', () => {
    const source = [
      '---',
      'title: "Training models for a startup"',
      'takeaway: Market data matters.',
      'founder:',
      '  - section: sec-1',
      '    point: Training needs data.',
      'source:',
      '  seed: 000_319b3623aea8cde9.txt',
      'sidebar:',
      '  order: 3',
      'translation:',
      '  source: 0123456789ab',
      '---',
      '## 1. Training the model',
      'Gradient descent on market data. <Erratum id="E000-01" />',
      '',
    ].join('\n');
    const map = erratumIdMap(ids, 2);
    const copy = copyArticle({ source, copy: 2, pool: POOL, ids: map, random: prng(9) });
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(copy)!;
    const data = yaml.load(front!) as Record<string, unknown>;
    expect(data.title).toMatch(/\(2\)$/);
    expect(data.source).toBeUndefined();
    expect(data.translation).toBeUndefined();
    expect(data.sidebar).toEqual({ order: 203 });
    expect((data.founder as { section: string }[])[0]!.section).toBe('sec-1');
    expect(body).toContain(`<Erratum id="${map.get('E000-01')}" />`);
    expect(body).toMatch(/^## 1\. /);
    expect(copySlug('future-advantages', 2)).toBe('future-advantages-x02');
  });

  it('keeps a varied takeaway within the length its original met (the schema caps it at 240)', () => {
    expect(fitLength('short', 10)).toBe('short');
    expect(fitLength('market data matters most', 15)).toBe('market data');
    expect(fitLength('模型训练需要大量数据', 4)).toBe('模型训练');
    const long = `---\ntitle: T\ntakeaway: ${'Data matters. '.repeat(17).trim()}\n---\nBody.\n`;
    const varied = (
      yaml.load(/^---\n([\s\S]*?)\n---/.exec(copyArticle({ source: long, copy: 1, pool: ['extraordinarily'], ids: new Map(), random: prng(3) }))![1]!) as {
        takeaway: string;
      }
    ).takeaway;
    expect(varied.length).toBeLessThanOrEqual('Data matters. '.repeat(17).trim().length);
  });

  it('keeps a translation hash a string even when it looks like a number', () => {
    const read = (text: string) => (yaml.load(text) as { translation: { source: unknown } }).translation.source;
    expect(read(quoteStampHash('translation:\n  source: 012345678901\n  sections: {}'))).toBe('012345678901');
    expect(read(quoteStampHash('translation:\n  source: 0123abcd5678\n'))).toBe('0123abcd5678');
  });

  it('moves errata to the copy, renamed, with the original statement kept', () => {
    const map = erratumIdMap(ids, 1);
    const [e] = copyErrata(
      [{ id: 'E000-01', article: 'a', original: '原文', problem: { 'zh-CN': '模型训练', en: 'Training' }, correction: { 'zh-CN': '数据', en: 'Market' } }],
      'a-x01',
      map,
      { 'zh-CN': POOL, en: POOL },
      prng(1),
    );
    expect(e).toMatchObject({ id: map.get('E000-01'), article: 'a-x01', original: '原文' });
  });
});

describe('build log and report arithmetic', () => {
  const log = [
    '14:25:49 [types] Generated 6.35s',
    '14:25:49 [build] Collecting build info...',
    '14:25:49 [build] ✓ Completed in 7.88s.',
    '14:26:00 [vite] ✓ built in 9.97s',
    '14:26:01 [vite] ✓ built in 2m 46s',
    ' generating static routes ',
    '14:26:01   ├─ /404.html14:26:01 [WARN] [content] Entry docs → 404 was not found.',
    ' (+74ms) ',
    '14:26:02   ├─ /articles/future-advantages/index.html (+1.18s) ',
    '14:26:02   ├─ /en/articles/future-advantages/index.html (+640ms) ',
    '14:26:17 ✓ Completed in 16.52s.',
    '14:26:24 [kb-search-index] 27 pages, 236 glossary entries and 127 errata per language indexed in 7046 ms',
  ].join('\n');

  it('reads durations in ms and s', () => {
    expect(parseDuration('997ms')).toBe(997);
    expect(parseDuration('7.88s')).toBe(7880);
    expect(parseDuration('2m 46s')).toBe(166_000);
    expect(() => parseDuration('soon')).toThrow();
  });

  it('reads each step and each route, also when a warning interrupts a route line', () => {
    const { steps, routes } = parseBuildLog(`\x1b[32m${log}\x1b[0m`);
    expect(steps).toEqual({
      'content sync and types': 6350,
      'collecting build info': 7880,
      'vite: server bundle': 9970,
      'vite: bundle 2': 166_000,
      'rendering pages': 16520,
      'search index': 7046,
    });
    expect(routes).toEqual({ '/404.html': 74, '/articles/future-advantages/index.html': 1180, '/en/articles/future-advantages/index.html': 640 });
  });

  it('counts the pages built and averages the article pages’ render time', () => {
    expect(logFigures(log)).toMatchObject({ pages: 3, articlePages: 2, articleRenderMs: 910 });
    expect(Object.keys(logFigures(log).slowestRoutes)[0]).toBe('/articles/future-advantages/index.html');
  });

  const figures = (scale: number, pages: number, buildSeconds: number, searchMs: number): ScaleFigures => ({
    scale,
    pages,
    articlePages: pages - 10,
    buildSeconds,
    cpuSeconds: buildSeconds / 2,
    peakMemoryMB: 1000,
    distBytes: pages * 100_000,
    pagefindBytes: pages * 10_000,
    recordsBytes: 5000,
    searchMs: { en: searchMs, 'zh-CN': searchMs * 2 },
    articleRenderMs: 500,
    steps: { 'rendering pages': buildSeconds * 500 },
    slowestRoutes: {},
    load: [1, 2],
  });

  it('computes per-page and marginal costs and the target ratios against 1×', () => {
    const one = figures(1, 20, 40, 100);
    const forty = figures(40, 410, 410, 180);
    expect(perPage(one).buildMs).toBe(2000);
    expect(perPage(forty).distBytes).toBe(100_000);
    expect(marginal(one, forty).buildMs).toBeCloseTo(((410 - 40) * 1000) / 390);
    expect(() => marginal(forty, one)).toThrow();
    const t = targets([forty, one]);
    expect(t.buildPerPage.wall).toBeCloseTo(1000 / 2000);
    expect(t.search).toEqual({ en: 1.8, 'zh-CN': 1.8 });
  });

  it('prints one row per scale, the marginal cost between scales and the targets', () => {
    const text = growthReport([figures(10, 110, 150, 120), figures(1, 20, 40, 100)]).join('\n');
    expect(text.indexOf('| 1× |')).toBeLessThan(text.indexOf('| 10× |'));
    expect(text).toContain('Each page added from 1× to 10×');
    expect(text).toMatch(/build per page 0\.68× .*target ≤ 1\.2×/);
  });
});
