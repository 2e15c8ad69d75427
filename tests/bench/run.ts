/**
 * Benchmark: prints figures, passes or fails nothing (targets are judged by people; the examples'
 * targets are printed beside their figures with "met" / "missed").
 *   npm run bench            build, then measure
 *   npm run bench -- --no-build
 *   npm run bench -- --no-build --examples-only   only the in-browser examples and their targets
 * Writes bench-report.json and bench-report.md (git-ignored) and prints the markdown.
 *
 * Measures: build time; Pagefind index size beside plain Pagefind's over the same pages; per page type, the JS loaded before any
 * interaction (bytes and gzip bytes) and all bytes transferred, and the heaviest of all built
 * pages; search relevance (top-1, top-3, MRR over tests/search/queries.*.json) and latency; per
 * example, the JS it loads when started, time to first result and to the end of its run
 * (cpu backend, headless Chromium); Lighthouse scores of an article, an example page and
 * the assessment in both languages, next to a bare Starlight page built in the same run
 * from the same versions (tests/bench/bare/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { chromium, type Page } from '@playwright/test';
import { benchSearch, searchReport } from '../search/bench.ts';
import { indexSize, indexSizeLine, indexTimeLine } from '../search/index-size.ts';
import { trainingFlops } from '../../src/lib/examples/digits-model.ts';
import { decodeSettings, digitsSchema } from '../../src/lib/examples/url-state.ts';

const origin = 'http://127.0.0.1:4391';
const bareOrigin = 'http://127.0.0.1:4392';
const BARE = 'tests/bench/bare';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function dirSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const report: Record<string, unknown> = { date: new Date().toISOString() };
const examplesOnly = process.argv.includes('--examples-only');

let buildLog = '';
/** Seconds `astro build` takes for the site at `root` (its output kept in `buildLog`). */
function build(root: string): number {
  const start = performance.now();
  const run = spawnSync('npx', ['astro', 'build', '--root', root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`astro build --root ${root} failed`);
  if (root === '.') buildLog = run.stdout;
  return Number(((performance.now() - start) / 1000).toFixed(1));
}

if (!process.argv.includes('--no-build')) report.buildSeconds = build('.');
if (!examplesOnly) report.bareBuildSeconds = build(BARE);
// The page index and the glossary/errata records bundle (src/integrations/search-index.ts), beside a plain Pagefind index.
const searchIndexSize = await indexSize();
report.pagefindIndexBytes = searchIndexSize.bytes;
report.pagefindBaselineIndexBytes = searchIndexSize.baselineBytes;
report.siteBytes = dirSize('dist');

/** `astro preview` of the site at `root`, stopped when the benchmark exits. */
async function serve(root: string, url: string) {
  const server = spawn('npx', ['astro', 'preview', '--root', root, '--host', '127.0.0.1', '--port', new URL(url).port], { stdio: 'ignore', detached: true });
  process.on('exit', () => {
    try {
      process.kill(-server.pid!);
    } catch {
      // Already gone.
    }
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
await Promise.all([serve('.', origin), ...(examplesOnly ? [] : [serve(BARE, bareOrigin)])]);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

interface Transfer {
  jsBytes: number;
  jsGzipBytes: number;
  totalBytes: number;
  requests: number;
}

/** Records every response from now on; `read()` sums them. */
function record(page: Page) {
  const bodies: Promise<{ type: string; size: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    bodies.push(
      response
        .body()
        .then((body) => ({ type: response.request().resourceType(), size: body.length, gzip: gzipSync(body).length }))
        .catch(() => ({ type: 'other', size: 0, gzip: 0 })),
    );
  });
  return async (): Promise<Transfer> => {
    const all = await Promise.all(bodies);
    const js = all.filter((b) => b.type === 'script');
    return {
      jsBytes: js.reduce((s, b) => s + b.size, 0),
      jsGzipBytes: js.reduce((s, b) => s + b.gzip, 0),
      totalBytes: all.reduce((s, b) => s + b.size, 0),
      requests: all.length,
    };
  };
}

const pageTypes: Record<string, string> = {
  'bare Starlight page (reference)': `${bareOrigin}/`,
  'home (zh)': '/',
  'home (en)': '/en/',
  'article without example (zh)': '/articles/future-advantages/',
  'article without example (en)': '/en/articles/future-advantages/',
  'article with example (zh)': '/articles/hype-to-rationality/',
  'article with example (en)': '/en/articles/hype-to-rationality/',
  'glossary (en)': '/en/guide/glossary/',
};
if (existsSync('dist/assessment/index.html')) {
  pageTypes['assessment (zh)'] = '/assessment/';
  pageTypes['assessment (en)'] = '/en/assessment/';
}
const pages: Record<string, Transfer> = {};
for (const [name, path] of Object.entries(examplesOnly ? {} : pageTypes)) {
  const page = await browser.newPage();
  const read = record(page);
  await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
  pages[name] = await read();
  await page.close();
}
report.pages = pages;

// The budget "no page over 1 MB before interaction" covers every page, not just one per type.
const everyPage: Record<string, number> = {};
for (const file of examplesOnly ? [] : readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'))) {
  const path = `/${file.replace(/index\.html$/, '')}`;
  const page = await browser.newPage();
  const read = record(page);
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  everyPage[path] = (await read()).totalBytes;
  await page.close();
}
const heaviest = Object.entries(everyPage).sort((a, b) => b[1] - a[1]);
report.everyPageBytes = everyPage;

// Search: relevance over the founder query sets and typing → first result, per language.
const searchBench = examplesOnly ? undefined : await benchSearch(browser, origin);
report.search = searchBench;

// Examples: each one started on its article page, timed through the runtime's marks, on the
// WebAssembly backend (the default) and on plain JavaScript (`?backend=cpu`), side by side.
const BACKENDS = ['wasm', 'cpu'] as const;
/** Settings the targets are stated for, spelled out so a changed default does not move them. */
const BENCH_QUERY: Record<string, string> = {
  'tiny-transformer': 'tt.steps=250',
  'digit-classifier': 'digits.epochs=5&digits.batchSize=32&digits.trainSize=9000',
};
/** Targets of issue 15 (ms): run to the end, and every example's first visible result after Run. */
const DONE_TARGET_MS: Record<string, number> = { 'digit-classifier': 10_000, 'tiny-transformer': 10_000, 'transfer-learning': 5_000 };
const FIRST_RESULT_TARGET_MS = 1_000;
report.loadBeforeExamples = loadavg();
const examples: Record<string, Record<string, unknown>> = {};
for (const file of readdirSync('content/examples').filter((f) => f.endsWith('.yaml'))) {
  for (const entry of yaml.load(readFileSync(join('content/examples', file), 'utf8')) as { id: string; article: string }[]) {
    examples[entry.id] = {};
    for (const backend of BACKENDS) examples[entry.id]![backend] = await benchExample(entry, backend);
  }
}
report.loadAfterExamples = loadavg();

/**
 * GFLOP/s of a large matrix product (1024 × 1024 × 1024, best of 3) on the backend the page's
 * examples loaded: the ceiling the examples' own arithmetic can be set against. The TF.js module is
 * the page's own chunk, imported again (the same instance, so the same backend).
 */
async function peakMatmul(page: Page, tfUrl: string): Promise<{ gflops: number; backend: string }> {
  return page.evaluate(async (url) => {
    const mod: Record<string, unknown> = await import(url);
    const tf = Object.values(mod).find((v) => typeof (v as { matMul?: unknown })?.matMul === 'function') as typeof import('@tensorflow/tfjs-core');
    const n = 1024;
    const a = tf.randomNormal([n, n]);
    const b = tf.randomNormal([n, n]);
    tf.matMul(a, b).dispose(); // warm-up
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const c = tf.matMul(a, b);
      c.dataSync();
      best = Math.min(best, performance.now() - t0);
      c.dispose();
    }
    tf.dispose([a, b]);
    return { gflops: (2 * n ** 3) / best / 1e6, backend: tf.getBackend() };
  }, tfUrl);
}

async function benchExample(entry: { id: string; article: string }, backend: (typeof BACKENDS)[number]): Promise<Record<string, unknown>> {
  const page = await browser.newPage();
  const query = [backend === 'cpu' ? 'backend=cpu' : '', BENCH_QUERY[entry.id] ?? ''].filter(Boolean).join('&');
  await page.goto(`${origin}/en/articles/${entry.article}/${query ? `?${query}` : ''}`, { waitUntil: 'networkidle' });
  const read = record(page);
  const tfUrls: string[] = [];
  page.on('request', (r) => /tf-runtime[^/]*\.js$/.test(r.url()) && tfUrls.push(r.url()));
  const section = page.locator(`[data-example="${entry.id}"]`).first();
  // As a reader does: scroll to the example (it starts near the viewport, island.ts), then press Run.
  await section.scrollIntoViewIfNeeded();
  const started = Date.now();
  await section.locator('[data-run]').click();
  await page.waitForFunction((id) => /done|error|stopped/.test(document.querySelector(`[data-example="${id}"]`)?.getAttribute('data-state') ?? ''), entry.id, {
    timeout: 600_000,
  });
  const wall = Date.now() - started;
  const marks = await page.evaluate((id) => {
    const at = (name: string) => performance.getEntriesByName(`kb-example:${id}:${name}`).at(-1)?.startTime;
    const start = at('start');
    return {
      firstResultMs: start !== undefined && at('first-result') !== undefined ? at('first-result')! - start : null,
      doneMs: start !== undefined && at('done') !== undefined ? at('done')! - start : null,
    };
  }, entry.id);
  const result: Record<string, unknown> = {
    backend: await section.getAttribute('data-backend'),
    state: await section.getAttribute('data-state'),
    status: (await section.locator('[data-status]').textContent())?.trim(),
    ...marks,
    wallMs: wall,
    loadedOnStart: await read(),
  };
  if (entry.id === 'digit-classifier') {
    // Training time as the page's log states it (seconds since training began, after the download).
    result.trainingSeconds = Number(await section.locator('[data-log] tbody tr:last-child td:last-child').textContent());
    result.heldOutAccuracy = Number(await section.locator('strong[data-value="test-accuracy"]').getAttribute('data-raw'));
    if (tfUrls[0]) result.peak = await peakMatmul(page, tfUrls[0]);
  }
  await page.close();
  return result;
}
report.examples = examples;
// The examples list shows these run times (default settings, the default WebAssembly backend).
writeFileSync(
  'src/lib/examples/measured-durations.json',
  `${JSON.stringify(
    {
      date: new Date().toISOString().slice(0, 10),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? '?', loadAverage: Math.round(loadavg()[0]! * 10) / 10 },
      backend: 'wasm',
      durationsMs: Object.fromEntries(
        Object.entries(examples).flatMap(([id, runs]) => {
          const ms = (runs.wasm as { doneMs: number | null }).doneMs;
          return ms === null ? [] : [[id, Math.round(ms)]];
        }),
      ),
    },
    null,
    2,
  )}\n`,
);
await browser.close();

/** Lighthouse scores (0–100) and bytes of one URL, in Debian's Chromium: one run. */
function lighthouseRun(url: string): Record<string, number> | { error: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'kb-lh-')), 'report.json');
  const run = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
    ],
    { env: { ...process.env, CHROME_PATH: executablePath ?? '' }, stdio: 'ignore', timeout: 240_000 },
  );
  if (run.status !== 0 || !existsSync(out)) return { error: `lighthouse exited with ${run.status}` };
  const result = JSON.parse(readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(Object.entries(result.categories as Record<string, { score: number }>).map(([k, v]) => [k, Math.round(v.score * 100)]));
  return { ...scores, totalBytes: result.audits['total-byte-weight']?.numericValue as number };
}

// Performance scores move by several points between runs on a busy machine: report the median
// of LIGHTHOUSE_RUNS runs (default 5: one page's runs spread over up to 10 points, e.g. 83–93,
// and two disturbed runs of 3 already set the median) and the performance range.
const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
function lighthouse(url: string) {
  const runs = Array.from({ length: lighthouseRuns }, () => lighthouseRun(url));
  const ok = runs.filter((r): r is Record<string, number> => !('error' in r));
  if (!ok.length) return runs[0]!;
  const median = (key: string) => ok.map((r) => r[key]!).sort((a, b) => a - b)[Math.floor((ok.length - 1) / 2)]!;
  const performance = ok.map((r) => r.performance!);
  return {
    ...Object.fromEntries(Object.keys(ok[0]!).map((key) => [key, median(key)])),
    performanceRange: `${Math.min(...performance)}–${Math.max(...performance)}`,
    runs: ok.length,
  };
}

const lighthousePages: Record<string, string> = {
  'bare Starlight page (reference)': `${bareOrigin}/`,
  'article (zh)': '/articles/future-advantages/',
  'article (en)': '/en/articles/future-advantages/',
  'example (zh)': '/articles/hype-to-rationality/',
  'example (en)': '/en/articles/hype-to-rationality/',
  'assessment (zh)': '/assessment/',
  'assessment (en)': '/en/assessment/',
};
const lighthouseScores: Record<string, unknown> = {};
for (const [name, path] of Object.entries(examplesOnly ? {} : lighthousePages)) lighthouseScores[name] = lighthouse(new URL(path, origin).href);
report.lighthouse = lighthouseScores;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const lines = ['# Benchmark report', '', `- date: ${report.date}`];
if (report.buildSeconds !== undefined) lines.push(`- full build: ${report.buildSeconds} s`);
if (!examplesOnly) lines.push(`- bare Starlight build (reference): ${report.bareBuildSeconds} s`);
lines.push(
  `- built site: ${kb(report.siteBytes as number)}`,
  `- ${indexSizeLine(searchIndexSize)}`,
  `- ${indexTimeLine(searchIndexSize, buildLog)}`,
  '',
  '## Pages before interaction',
  '',
  '| page | JS | JS gzip | all bytes (uncompressed) | requests | all bytes vs bare |',
  '|---|---|---|---|---|---|',
);
const bare = pages['bare Starlight page (reference)'];
for (const [name, t] of Object.entries(pages))
  lines.push(
    `| ${name} | ${kb(t.jsBytes)} | ${kb(t.jsGzipBytes)} | ${kb(t.totalBytes)} | ${t.requests} | ${bare ? (t.totalBytes / bare.totalBytes).toFixed(1) : '—'}× |`,
  );
lines.push(
  '',
  `All ${heaviest.length} pages: ${heaviest.filter(([, b]) => b > 1024 * 1024).length} over 1 MB before interaction; heaviest: ${heaviest
    .slice(0, 3)
    .map(([p, b]) => `${p} ${kb(b)}`)
    .join(', ')}.`,
);
lines.push(
  '',
  ...(searchBench ? searchReport(searchBench) : []),
  '',
  '## Examples (headless Chromium; WebAssembly backend, and plain JavaScript for comparison)',
  '',
  '| example | state | JS on start (gzip) | all bytes on start (wasm included) | first result | finished (wasm) | finished (cpu) | wasm speed-up | status |',
  '|---|---|---|---|---|---|---|---|---|',
);
type ExampleRun = {
  backend: string | null;
  state: string;
  status: string;
  firstResultMs: number | null;
  doneMs: number | null;
  loadedOnStart: Transfer;
  trainingSeconds?: number;
  heldOutAccuracy?: number;
  peak?: { gflops: number; backend: string };
};

/** The examples' targets beside the figures of both backends, each marked met or missed. */
function exampleTargets(runs: Record<string, Record<(typeof BACKENDS)[number], ExampleRun>>): string[] {
  const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const judge = (ms: number | null | undefined, target: number) => (ms === null || ms === undefined ? 'no figure' : ms <= target ? 'met' : 'missed');
  const row = (what: string, target: number, pick: (r: ExampleRun) => number | null | undefined, id: string) => {
    const { wasm, cpu } = runs[id] ?? {};
    if (!wasm || !cpu) return `| ${what} | ≤ ${s(target)} | — | — | not run |`;
    return `| ${what} | ≤ ${s(target)} | ${s(pick(wasm))} (${judge(pick(wasm), target)}) | ${s(pick(cpu))} (${judge(pick(cpu), target)}) |`;
  };
  const out = [
    `## Example targets (load average before / after the examples: ${(report.loadBeforeExamples as number[]).map((v) => v.toFixed(1)).join(' ')} / ${(report.loadAfterExamples as number[]).map((v) => v.toFixed(1)).join(' ')}, on ${cpus().length} cores)`,
    '',
    '| target | limit | wasm | cpu |',
    '|---|---|---|---|',
    row(
      'digits at the article’s settings (5 epochs, batch 32, 9,000 digits), Run → done',
      DONE_TARGET_MS['digit-classifier']!,
      (r) => r.doneMs,
      'digit-classifier',
    ),
    row('Transformer, 250 steps, Run → done', DONE_TARGET_MS['tiny-transformer']!, (r) => r.doneMs, 'tiny-transformer'),
    row('transfer learning (defaults), Run → done', DONE_TARGET_MS['transfer-learning']!, (r) => r.doneMs, 'transfer-learning'),
    ...Object.keys(runs).map((id) => row(`${id}: first visible result after Run`, FIRST_RESULT_TARGET_MS, (r) => r.firstResultMs, id)),
  ];
  const digits = runs['digit-classifier'];
  if (digits) {
    const d = decodeSettings(digitsSchema, '').settings;
    const f = trainingFlops({ trainCount: 9000, epochs: 5, batchSize: 32, testCount: 1000 });
    const g = (v: number) => (v / 1e9).toFixed(1);
    out.push(
      '',
      `Digits arithmetic at the article’s settings: ${g(f.total)} GFLOP counted (forward ${g(f.forward)}, backward ${g(f.backward)}, Adam ${g(f.adam)}, held-out evaluation ${g(f.evaluate)}); the 6·N·D rule of thumb gives ${g(f.sixND)} GFLOP (it also counts the first layer’s input gradient, which nobody needs). The page’s defaults: ${d.epochs} epochs, batch ${d.batchSize}, ${d.trainSize} digits.`,
      '',
      '| backend | training time (page log) | GFLOP/s reached | large matrix product (1024³) GFLOP/s | share of that peak | held-out accuracy |',
      '|---|---|---|---|---|---|',
      ...BACKENDS.map((b) => {
        const r = digits[b];
        const reached = r.trainingSeconds ? f.total / 1e9 / r.trainingSeconds : NaN;
        const peak = r.peak?.gflops ?? NaN;
        return `| ${b}${r.peak && r.peak.backend !== b ? ` (ran on ${r.peak.backend})` : ''} | ${r.trainingSeconds ?? '—'} s | ${reached.toFixed(2)} | ${peak.toFixed(2)} | ${((100 * reached) / peak).toFixed(0)} % | ${r.heldOutAccuracy === undefined ? '—' : `${(100 * r.heldOutAccuracy).toFixed(1)} %`} |`;
      }),
    );
  }
  return out;
}
for (const [id, runs] of Object.entries(examples) as [string, Record<(typeof BACKENDS)[number], ExampleRun>][]) {
  const ms = (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(2)} s`);
  const { wasm, cpu } = runs;
  const speedup = wasm.doneMs && cpu.doneMs ? `${(cpu.doneMs / wasm.doneMs).toFixed(2)}×` : '—';
  const ran = wasm.backend === 'wasm' ? '' : ` (ran on ${wasm.backend ?? 'no backend'})`;
  lines.push(
    `| ${id} | ${wasm.state} | ${kb(wasm.loadedOnStart.jsGzipBytes)} | ${kb(wasm.loadedOnStart.totalBytes)} | ${ms(wasm.firstResultMs)} | ${ms(wasm.doneMs)}${ran} | ${ms(cpu.doneMs)} | ${speedup} | ${wasm.status} |`,
  );
}
lines.push('', ...exampleTargets(examples as Record<string, Record<(typeof BACKENDS)[number], ExampleRun>>));
lines.push(
  '',
  `## Lighthouse (0–100, median of ${lighthouseRuns} runs)`,
  '',
  '| page | performance (range) | accessibility | best practices | SEO | bytes | bytes vs bare |',
  '|---|---|---|---|---|---|---|',
);
const plainBytes = (lighthouseScores['bare Starlight page (reference)'] as { totalBytes?: number } | undefined)?.totalBytes;
for (const [name, r] of Object.entries(lighthouseScores) as [string, Record<string, number | string>][]) {
  if ('error' in r) lines.push(`| ${name} | ${r.error} | | | | | |`);
  else
    lines.push(
      `| ${name} | ${r.performance} (${r.performanceRange}) | ${r.accessibility} | ${r['best-practices']} | ${r.seo} | ${kb(r.totalBytes as number)} | ${plainBytes ? `${((r.totalBytes as number) / plainBytes).toFixed(1)}×` : '—'} |`,
    );
}
// --examples-only: the header and the examples' sections (the other tables were not measured).
const section = (title: string) => lines.findIndex((l) => l.startsWith(title));
const markdown = (examplesOnly ? [...lines.slice(0, 3), '', ...lines.slice(section('## Examples'), section('## Lighthouse'))] : lines).join('\n');
writeFileSync('bench-report.json', JSON.stringify(report, null, 2));
writeFileSync('bench-report.md', `${markdown}\n`);
console.log(markdown);
process.exit(0);
