/**
 * Growth benchmark: how build time, memory, output size and search latency grow with content.
 *   npm run bench:growth                      scales 1, 10 and 40
 *   npm run bench:growth -- --scale 1,10      the scales to build (N× today's articles)
 *   npm run bench:growth -- --keep            keep the temporary copies (paths printed)
 *   npm run bench:growth -- --merge           add to the scales already in the report (runs split in two)
 *   npm run bench:growth -- --report          only rewrite the markdown from bench-report.growth.json
 * For each scale it copies the tracked project into a temporary directory, adds N−1 varied copies
 * of every article in both languages with their errata (tests/bench/grow.ts), builds it under
 * /usr/bin/time, serves it with `astro preview` and times the search dialog like `npm run bench`.
 * Writes bench-report.growth.json and .md, and each scale's build log as bench-report.growth-<N>x.log
 * (all git-ignored), and prints the markdown. Passes or fails
 * nothing. Port: E2E_PORT, else 4393.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { chromium } from '@playwright/test';
import { copyArticle, copyErrata, copySlug, erratumIdMap, prng, vocabulary, type ErratumData } from './grow.ts';
import { growthReport, isArticleRoute, parseBuildLog, type ScaleFigures } from './growth-report.ts';
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
      writeFileSync(join(dir, LANGS.en, `${next}.mdx`), writeStamp(en, stamp(splitFrontmatter(zh).body, outline(zh), outline(en))));
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
function build(dir: string): TimedBuild {
  const timeFile = join(dir, 'build.time');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'node', 'node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, BASE_PATH: '', FORCE_COLOR: '0' },
  });
  const log = `${run.stdout}\n${run.stderr}`;
  writeFileSync(join(dir, 'build.log'), log);
  if (run.status !== 0) throw new Error(`astro build failed in ${dir} (log: ${join(dir, 'build.log')})`);
  const [wall, user, sys, rssKB] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallSeconds: wall!, cpuSeconds: user! + sys!, peakMemoryMB: rssKB! / 1024, log };
}

/** Median typing → first result per language, against `astro preview` of the built copy. */
async function searchLatency(dir: string): Promise<Record<string, number>> {
  const server = spawn('node', ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    stdio: 'ignore',
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 150; i++) {
      const up = await fetch(origin).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const result: Record<string, number> = {};
    for (const lang of ['zh-CN', 'en'] as SearchLang[]) {
      const { page, times } = await measureLatency(browser, origin, lang);
      result[lang] = median(Object.values(times));
      await page.close();
    }
    await browser.close();
    return result;
  } finally {
    process.kill(-server.pid!);
  }
}

async function measure(scale: number): Promise<ScaleFigures> {
  const dir = copyProject();
  try {
    grow(dir, scale);
    const before = loadavg()[0]!;
    console.error(`${scale}×: building in ${dir} (load ${before.toFixed(1)})`);
    const timed = build(dir);
    writeFileSync(join(ROOT, `bench-report.growth-${scale}x.log`), timed.log);
    const after = loadavg()[0]!;
    const { steps, routes } = parseBuildLog(timed.log);
    const html = Object.keys(routes).filter((r) => r.endsWith('.html'));
    const articles = html.filter(isArticleRoute);
    const figures: ScaleFigures = {
      scale,
      pages: html.length,
      articlePages: articles.length,
      buildSeconds: timed.wallSeconds,
      cpuSeconds: timed.cpuSeconds,
      peakMemoryMB: timed.peakMemoryMB,
      distBytes: dirSize(join(dir, 'dist')),
      pagefindBytes: dirSize(join(dir, 'dist/pagefind')),
      recordsBytes: dirSize(join(dir, 'dist/pagefind-records')),
      searchMs: await searchLatency(dir),
      articleRenderMs: articles.reduce((s, r) => s + routes[r]!, 0) / articles.length,
      steps,
      slowestRoutes: Object.fromEntries(
        Object.entries(routes)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8),
      ),
      load: [before, after],
    };
    console.error(`${scale}×: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    if (keep) console.error(`${scale}×: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const readReport = () => (existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')) as { figures: ScaleFigures[] }).figures : []);
const measured: ScaleFigures[] = [];
if (!process.argv.includes('--report')) for (const scale of scales) measured.push(await measure(scale));
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
