/**
 * Growth benchmark: how build time, memory, output size and search latency grow with content.
 *   npm run bench:growth                      scales 1, 10 and 40
 *   npm run bench:growth -- --scale 1,10      the scales to build (N× today's articles)
 *   npm run bench:growth -- --keep            keep the temporary copies (paths printed)
 *   npm run bench:growth -- --merge           add to the scales already in the report (runs split in two)
 *   npm run bench:growth -- --report          only rewrite the markdown from bench-report.growth.json
 *   npm run bench:growth -- --search 10=DIR   re-time search on a scale's kept build (DIR/dist) into the report
 * For each scale it copies the tracked project into a temporary directory, adds N−1 varied copies
 * of every article in both languages with their errata (tests/bench/grow.ts), builds it under
 * /usr/bin/time, serves dist/ statically and times the search dialog like `npm run bench`.
 * Writes bench-report.growth.json and .md, and each scale's build log as bench-report.growth-<N>x.log
 * (all git-ignored), and prints the markdown. Passes or fails
 * nothing. Port: E2E_PORT, else 4393.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { chromium } from '@playwright/test';
import { copyArticle, copyErrata, copySlug, erratumIdMap, prng, quoteStampHash, vocabulary, type ErratumData } from './grow.ts';
import { growthReport, logFigures, type ScaleFigures } from './growth-report.ts';
import { measureLatency, median, type SearchLang } from '../search/bench.ts';
import { outline, splitFrontmatter } from '../../src/lib/mdx-outline.ts';
import { stamp } from '../../src/lib/translation.ts';
import { writeStamp } from '../../src/checks/stamp-translations.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const LANGS = { 'zh-CN': 'content/docs/articles', en: 'content/docs/en/articles' } as const;
const port = Number(process.env.E2E_PORT ?? 4393);
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const scales = (process.argv.includes('--scale') ? arg('--scale')! : '1,10,40').split(',').map(Number);
if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--scale takes whole numbers ≥ 1, e.g. --scale 1,10,40');
const keep = process.argv.includes('--keep');
const REPORT = join(ROOT, 'bench-report.growth.json');
const logPath = (scale: number) => join(ROOT, `bench-report.growth-${scale}x.log`);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/**
 * The tracked files in a new directory, with node_modules hard-linked (Vite resolves symlinks to
 * their real paths, which puts them outside the copy) minus Astro's and Vite's caches, so every
 * scale builds from a cold cache as a fresh clone does.
 */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-growth-'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
  return dir;
}

/** Adds copies 1 … scale−1 of every article (both languages) and its errata to the project at `dir`. */
function grow(dir: string, scale: number): void {
  const slugs = readdirSync(join(dir, LANGS.en))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
  const read = (lang: keyof typeof LANGS, slug: string) => readFileSync(join(dir, LANGS[lang], `${slug}.mdx`), 'utf8');
  const pools = Object.fromEntries(
    (Object.keys(LANGS) as (keyof typeof LANGS)[]).map((lang) => [lang, vocabulary(slugs.map((s) => splitFrontmatter(read(lang, s)).body))]),
  );
  const errata = Object.fromEntries(slugs.map((s) => [s, yaml.load(readFileSync(join(dir, 'content/errata', `${s}.yaml`), 'utf8')) as ErratumData[]]));
  const allIds = Object.values(errata).flatMap((list) => list.map((e) => e.id));
  for (let copy = 1; copy < scale; copy++) {
    const ids = erratumIdMap(allIds, copy);
    slugs.forEach((slug, i) => {
      const random = prng(copy * 1000 + i);
      const next = copySlug(slug, copy);
      const zh = copyArticle({ source: read('zh-CN', slug), copy, pool: pools['zh-CN']!, ids, random });
      const en = copyArticle({ source: read('en', slug), copy, pool: pools.en!, ids, random });
      writeFileSync(join(dir, LANGS['zh-CN'], `${next}.mdx`), zh);
      writeFileSync(join(dir, LANGS.en, `${next}.mdx`), quoteStampHash(writeStamp(en, stamp(splitFrontmatter(zh).body, outline(zh), outline(en)))));
      writeFileSync(join(dir, 'content/errata', `${next}.yaml`), yaml.dump(copyErrata(errata[slug]!, next, ids, pools, random), { lineWidth: -1 }));
    });
  }
  // Starlight dates pages by their last commit: the copy gets a history of one commit.
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'growth benchmark');
}

interface TimedBuild {
  wallSeconds: number;
  cpuSeconds: number;
  peakMemoryMB: number;
  log: string;
}

/** `astro build` of the project at `dir` under GNU time (peak memory: the largest process of the build). */
function build(dir: string, scale: number): TimedBuild {
  const timeFile = join(dir, 'build.time');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'node', 'node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, BASE_PATH: '', FORCE_COLOR: '0' },
  });
  const log = `${run.stdout}\n${run.stderr}`;
  const logFile = logPath(scale);
  writeFileSync(logFile, log);
  if (run.status !== 0) throw new Error(`astro build failed in ${dir} (log: ${logFile})`);
  const [wall, user, sys, rssKB] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallSeconds: wall!, cpuSeconds: user! + sys!, peakMemoryMB: rssKB! / 1024, log };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A plain static server of `dist` (what a host does), stopped by the returned function. */
async function serveStatic(dist: string): Promise<() => void> {
  const server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return () => server.close();
}

interface SearchFigures {
  /** Median typing → first result, per language. */
  searchMs: Record<string, number>;
  /** Search index bytes the dialog fetched per query (from opening it to the last query), per language: independent of the machine's load. */
  searchBytesPerQuery: Record<string, number>;
}

/** Typing → first result per language, and the index bytes it took, against a static server of `dist`. */
async function searchFigures(dist: string): Promise<SearchFigures> {
  const stop = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const figures: SearchFigures = { searchMs: {}, searchBytesPerQuery: {} };
    for (const lang of ['zh-CN', 'en'] as SearchLang[]) {
      const context = await browser.newContext();
      const bodies: Promise<number>[] = [];
      context.on('response', (r) => {
        if (/\/pagefind(-records)?\//.test(r.url()))
          bodies.push(
            r.body().then(
              (b) => b.length,
              () => 0,
            ),
          );
      });
      const { times } = await measureLatency(context, `http://127.0.0.1:${port}`, lang);
      figures.searchMs[lang] = median(Object.values(times));
      figures.searchBytesPerQuery[lang] = (await Promise.all(bodies)).reduce((a, b) => a + b, 0) / Object.keys(times).length;
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    stop();
  }
}

async function measure(scale: number): Promise<ScaleFigures> {
  const dir = copyProject();
  try {
    grow(dir, scale);
    const before = loadavg()[0]!;
    console.error(`${scale}×: building in ${dir} (load ${before.toFixed(1)})`);
    const timed = build(dir, scale);
    const after = loadavg()[0]!;
    const figures: ScaleFigures = {
      scale,
      ...logFigures(timed.log),
      buildSeconds: timed.wallSeconds,
      cpuSeconds: timed.cpuSeconds,
      peakMemoryMB: timed.peakMemoryMB,
      distBytes: dirSize(join(dir, 'dist')),
      pagefindBytes: dirSize(join(dir, 'dist/pagefind')),
      recordsBytes: dirSize(join(dir, 'dist/pagefind-records')),
      ...(await searchFigures(join(dir, 'dist'))),
      load: [before, after],
    };
    console.error(`${scale}×: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    if (keep) console.error(`${scale}×: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** The report's figures, those read from a build log re-read from it (the log parser may have learnt since). */
const readReport = () =>
  (existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')) as { figures: ScaleFigures[] }).figures : []).map((f) =>
    existsSync(logPath(f.scale)) ? { ...f, ...logFigures(readFileSync(logPath(f.scale), 'utf8')) } : f,
  );
const measured: ScaleFigures[] = [];
if (process.argv.includes('--search'))
  for (const pair of arg('--search')!.split(',')) {
    const [scale, dir] = pair.split('=');
    const earlier = readReport().find((f) => f.scale === Number(scale));
    if (!earlier || !dir) throw new Error(`--search ${pair}: give scale=dir for a scale already in the report`);
    measured.push({ ...earlier, ...(await searchFigures(join(dir, 'dist'))) });
  }
else if (!process.argv.includes('--report')) for (const scale of scales) measured.push(await measure(scale));
// Read only now: another run may have written its scales while this one was measuring.
const kept =
  process.argv.includes('--merge') || process.argv.includes('--report') ? readReport().filter((f) => !measured.some((m) => m.scale === f.scale)) : [];
const figures = [...kept, ...measured].sort((a, b) => a.scale - b.scale);
const date = new Date().toISOString();
const markdown = [
  '# Growth benchmark',
  '',
  `- date: ${date}`,
  `- scales: ${figures.map((f) => f.scale).join(', ')} × today's articles`,
  '',
  ...growthReport(figures),
].join('\n');
writeFileSync(REPORT, JSON.stringify({ date, figures }, null, 2));
writeFileSync(join(ROOT, 'bench-report.growth.md'), `${markdown}\n`);
console.log(markdown);
