/**
 * The arithmetic of the growth benchmark (tests/bench/growth.ts): what `astro build`'s log says
 * each step took, per-page costs, and how each scale compares with 1×. Pure.
 */

/** An Astro duration: `997ms`, `7.88s` or `2m 46s`. */
const DURATION = String.raw`\d+m \d+s|[\d.]+m?s`;

/** Milliseconds of an Astro duration such as `997ms`, `7.88s` or `2m 46s`. */
export function parseDuration(text: string): number {
  const m = /^(?:(\d+)m (\d+)s|([\d.]+)(ms|s))$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  if (m[1]) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  return Number(m[3]) * (m[4] === 's' ? 1000 : 1);
}

export interface BuildLog {
  /** Milliseconds of each step Astro reports, in the order it reports them. */
  steps: Record<string, number>;
  /** Milliseconds each route took to render. */
  routes: Record<string, number>;
}

const strip = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

/** The steps and route times of an `astro build` log (ANSI colours allowed). */
export function parseBuildLog(raw: string): BuildLog {
  const log = strip(raw);
  const steps: Record<string, number> = {};
  const step = (name: string, re: RegExp, unit = '') => {
    const m = re.exec(log);
    if (m?.[1]) steps[name] = parseDuration(m[1] + unit);
  };
  step('content sync and types', new RegExp(`\\[types\\] Generated (${DURATION})`));
  step('collecting build info', new RegExp(`Collecting build info\\.\\.\\.\\s*\\n.*?✓ Completed in (${DURATION})`));
  [...log.matchAll(new RegExp(`\\[vite\\] ✓ built in (${DURATION})`, 'g'))].forEach(
    (m, i) => (steps[i === 0 ? 'vite: server bundle' : `vite: bundle ${i + 1}`] = parseDuration(m[1]!)),
  );
  step('rendering pages', new RegExp(`generating static routes[\\s\\S]*?\\n\\S*\\s*✓ Completed in (${DURATION})`));
  step('search index', /indexed in (\d+) ms/, 'ms');
  const routes: Record<string, number> = {};
  for (const m of log.matchAll(new RegExp(`├─ (\\/\\S*?)(?=\\d\\d:\\d\\d:\\d\\d|\\s)[\\s\\S]*?\\(\\+(${DURATION})\\)`, 'g')))
    routes[m[1]!] = parseDuration(m[2]!);
  return { steps, routes };
}

/** An article page's route (either language). */
export const isArticleRoute = (route: string) => /^\/(en\/)?articles\/[^/]+\/index\.html$/.test(route);

export interface ScaleFigures {
  scale: number;
  pages: number;
  articlePages: number;
  buildSeconds: number;
  /** User + system CPU seconds of the build and its children (less sensitive than wall time to a busy machine). */
  cpuSeconds: number;
  peakMemoryMB: number;
  distBytes: number;
  pagefindBytes: number;
  recordsBytes: number;
  /** Median typing → first result, per language. */
  searchMs: Record<string, number>;
  /** Search index bytes fetched per query, per language (absent in runs before it was measured). */
  searchBytesPerQuery?: Record<string, number>;
  /** Mean render time of an article page, from the build log. */
  articleRenderMs: number;
  steps: Record<string, number>;
  /** The slowest routes to render, with their milliseconds. */
  slowestRoutes: Record<string, number>;
  /** 1-minute load average before and after the build. */
  load: [number, number];
}

export type LogFigures = Pick<ScaleFigures, 'pages' | 'articlePages' | 'articleRenderMs' | 'steps' | 'slowestRoutes'>;

/** What a scale's build log tells: pages built, the mean article render time, each step, the slowest routes. */
export function logFigures(log: string): LogFigures {
  const { steps, routes } = parseBuildLog(log);
  const html = Object.keys(routes).filter((r) => r.endsWith('.html'));
  const articles = html.filter(isArticleRoute);
  return {
    pages: html.length,
    articlePages: articles.length,
    articleRenderMs: articles.reduce((s, r) => s + routes[r]!, 0) / articles.length,
    steps,
    slowestRoutes: Object.fromEntries(
      Object.entries(routes)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8),
    ),
  };
}

export interface PerPage {
  buildMs: number;
  cpuMs: number;
  distBytes: number;
  pagefindBytes: number;
}

export const perPage = (f: ScaleFigures): PerPage => ({
  buildMs: (f.buildSeconds * 1000) / f.pages,
  cpuMs: (f.cpuSeconds * 1000) / f.pages,
  distBytes: f.distBytes / f.pages,
  pagefindBytes: f.pagefindBytes / f.pages,
});

/** Cost of each page added between two scales: what the fixed part of a build cannot hide. */
export function marginal(from: ScaleFigures, to: ScaleFigures): PerPage {
  const added = to.pages - from.pages;
  if (added <= 0) throw new Error('the larger scale must have more pages');
  return {
    buildMs: ((to.buildSeconds - from.buildSeconds) * 1000) / added,
    cpuMs: ((to.cpuSeconds - from.cpuSeconds) * 1000) / added,
    distBytes: (to.distBytes - from.distBytes) / added,
    pagefindBytes: (to.pagefindBytes - from.pagefindBytes) / added,
  };
}

/** `value / base`, for comparing a scale with 1×. */
export const ratio = (value: number, base: number) => (base === 0 ? NaN : value / base);

export interface Targets {
  /** Per-page build time (wall and CPU) at the largest scale over 1×; target ≤ 1.2. */
  buildPerPage: { wall: number; cpu: number };
  /** Median first search result at the largest scale over 1×, per language; target ≤ 1.5. */
  search: Record<string, number>;
}

/** The largest scale against the smallest, on the two targets of the growth benchmark. */
export function targets(figures: ScaleFigures[]): Targets {
  const sorted = [...figures].sort((a, b) => a.scale - b.scale);
  const base = sorted[0]!;
  const top = sorted.at(-1)!;
  return {
    buildPerPage: { wall: ratio(perPage(top).buildMs, perPage(base).buildMs), cpu: ratio(perPage(top).cpuMs, perPage(base).cpuMs) },
    search: Object.fromEntries(Object.keys(base.searchMs).map((lang) => [lang, ratio(top.searchMs[lang] ?? NaN, base.searchMs[lang]!)])),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The growth section of the bench report, in markdown. */
export function growthReport(figures: ScaleFigures[]): string[] {
  const sorted = [...figures].sort((a, b) => a.scale - b.scale);
  const langs = Object.keys(sorted[0]?.searchMs ?? {});
  const lines = [
    '## Growth',
    '',
    `| scale | pages (articles) | build | CPU | peak memory | dist/ | Pagefind index (+ records) | ${langs.map((l) => `search ${l}`).join(' | ')} | index bytes per query (${langs.join(' / ')}) | article render | build / page | CPU / page | bytes / page | load before → after |`,
    `|---|---|---|---|---|---|---|${langs.map(() => '---|').join('')}---|---|---|---|---|---|`,
  ];
  for (const f of sorted) {
    const p = perPage(f);
    const bytesPerQuery = f.searchBytesPerQuery ? langs.map((l) => kb(f.searchBytesPerQuery![l] ?? NaN)).join(' / ') : '—';
    const cells = [
      `${f.scale}×`,
      `${f.pages} (${f.articlePages})`,
      `${f.buildSeconds.toFixed(0)} s`,
      `${f.cpuSeconds.toFixed(0)} s`,
      `${f.peakMemoryMB.toFixed(0)} MB`,
      mb(f.distBytes),
      `${mb(f.pagefindBytes)} (+ ${kb(f.recordsBytes)})`,
      ...langs.map((l) => `${f.searchMs[l]} ms`),
      bytesPerQuery,
      `${f.articleRenderMs.toFixed(0)} ms`,
      `${p.buildMs.toFixed(0)} ms`,
      `${p.cpuMs.toFixed(0)} ms`,
      kb(p.distBytes),
      `${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const m = marginal(sorted[i - 1]!, sorted[i]!);
    lines.push(
      '',
      `Each page added from ${sorted[i - 1]!.scale}× to ${sorted[i]!.scale}×: ${m.buildMs.toFixed(0)} ms build, ${m.cpuMs.toFixed(0)} ms CPU, ${kb(m.distBytes)} of dist/, ${kb(m.pagefindBytes)} of index.`,
    );
  }
  if (sorted.length > 1) {
    const t = targets(sorted);
    const x = (v: number) => `${v.toFixed(2)}×`;
    lines.push(
      '',
      `${sorted.at(-1)!.scale}× against ${sorted[0]!.scale}×: build per page ${x(t.buildPerPage.wall)} (CPU ${x(t.buildPerPage.cpu)}; target ≤ 1.2×); first search result ${Object.entries(
        t.search,
      )
        .map(([l, v]) => `${l} ${x(v)}`)
        .join(', ')} (target ≤ 1.5×).`,
      '',
      '| step | ' + sorted.map((f) => `${f.scale}×`).join(' | ') + ' |',
      '|---|' + sorted.map(() => '---|').join(''),
    );
    const steps = [...new Set(sorted.flatMap((f) => Object.keys(f.steps)))];
    for (const s of steps) lines.push(`| ${s} | ${sorted.map((f) => (f.steps[s] === undefined ? '—' : `${(f.steps[s] / 1000).toFixed(1)} s`)).join(' | ')} |`);
  }
  return lines;
}
