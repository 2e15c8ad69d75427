/**
 * Rules for the text a reader sees on a built page (dist/): no term the glossary says to
 * avoid, no leftovers of the porting (the word "seed", the articles' internal numbers,
 * repository paths), and on English pages every Chinese run inside an element with
 * `lang="zh-CN"`; Chinese text, diagram labels included, takes full-width punctuation. Pure functions over hast trees, so tests can feed them broken copies.
 */
import { select } from 'hast-util-select';
import type { Element, Root } from 'hast';
import type { BuiltPage } from './built-site.ts';

/** A term to avoid, with the one the glossary prefers (for the message). */
export interface AvoidedTerm {
  avoid: string;
  preferred: string;
}

export interface ProseOptions {
  avoided: AvoidedTerm[];
  /** Check avoided terms on this page? (The glossary page lists them on purpose.) */
  checkTerms: boolean;
}

/** Text that is not prose: code blocks, formulas, scripts. Inline `code` is checked for paths only. */
const NOT_PROSE = new Set(['pre', 'script', 'style', 'annotation', 'math', 'textarea', 'template']);
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][^\n]{0,12}/;

/** Porting leftovers a reader must never see, each with what to write instead. */
const JARGON: { pattern: RegExp; hint: string; inCode?: boolean }[] = [
  // "random seed" / "fixed seed" is the reproducibility term, not the source files.
  { pattern: /(?<!\brandom |\bfixed |\ba )\bseed(?:s|'s|’s)?\b/i, hint: 'say "the original" (原文)' },
  { pattern: /种子(?:文章|文本|文件|原文)/, hint: 'say "the original" (原文)' },
  // 000–004 as article numbers; erratum ids (E000-01) and 10,000 / 0.001 are not.
  { pattern: /(?<![\p{L}\d.,_-])00[0-4](?![\d.,%_])/u, hint: 'name the article by its title' },
  {
    pattern: /\b(?:content|src|tests|public|dist)\/[\w./-]+|\b[\w-]+\.(?:ya?ml|mdx|tsx?)\b|\b\d{3}_[0-9a-f]{16}\.txt\b/,
    hint: 'no repository paths',
    inCode: true,
  },
];

interface TextRun {
  text: string;
  lang: string;
  /**
   * Inside `data-original` (a verbatim quote of an original article) or an erratum box
   * (`data-erratum`, whose texts are checked as data, where they may quote the original).
   */
  quoted: boolean;
  /** Inside a form or an <output>: an example's controls, where "Seed" is the random seed. */
  ui: boolean;
  /** Inline code: a name or a command, not prose. */
  code: boolean;
  /** Inside an <svg>: a diagram's labels, checked for their punctuation only. */
  drawn: boolean;
}

const UI = new Set(['form', 'output']);

function collectText(node: Root | Element, context: Omit<TextRun, 'text'>, out: TextRun[]): void {
  for (const child of node.children) {
    if (child.type === 'text') out.push({ text: child.value, ...context });
    if (child.type !== 'element' || NOT_PROSE.has(child.tagName)) continue;
    const own = child.properties.lang;
    collectText(
      child,
      {
        lang: typeof own === 'string' && own ? own : context.lang,
        quoted: context.quoted || child.properties.dataOriginal !== undefined || child.properties.dataErratum !== undefined,
        ui: context.ui || UI.has(child.tagName),
        code: context.code || child.tagName === 'code',
        drawn: context.drawn || child.tagName === 'svg',
      },
      out,
    );
  }
}

/** The reader-facing text of a page: its `main` element (navigation and sidebars are UI). */
export function proseRuns(page: BuiltPage): TextRun[] {
  const html = select('html', page.tree);
  const pageLang = String(html?.properties.lang ?? '');
  const main = select('main', page.tree);
  const runs: TextRun[] = [];
  if (main) collectText(main, { lang: pageLang, quoted: false, ui: false, code: false, drawn: false }, runs);
  return runs;
}

const isChinese = (lang: string) => /^zh\b/i.test(lang);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin terms match whole words (plural allowed) in any case; Chinese terms match anywhere. */
function termPattern(term: string): RegExp {
  return HAN.test(term) ? new RegExp(escape(term)) : new RegExp(`\\b${escape(term).replace(/\s+/g, '\\s+')}s?\\b`, 'i');
}

type Term = AvoidedTerm & { re: RegExp; chinese: boolean };
const compile = (avoided: AvoidedTerm[]): Term[] => avoided.map((t) => ({ ...t, re: termPattern(t.avoid), chinese: HAN.test(t.avoid) }));

/** Jargon everywhere; avoided terms unless the text is (or quotes) the original wording. */
function wordingProblems(text: string, lang: string, terms: Term[], original = ''): string[] {
  const problems = JARGON.filter(({ pattern }) => pattern.test(text)).map(({ hint }) => `porting leftover (${hint})`);
  for (const t of terms) {
    if (!t.chinese && isChinese(lang)) continue;
    if (t.re.test(text) && !t.re.test(original)) problems.push(`"${t.avoid}" is on the glossary's avoid list; write "${t.preferred}"`);
  }
  return problems;
}

export function checkProse(page: BuiltPage, options: ProseOptions): string[] {
  const problems: string[] = [];
  const terms = options.checkTerms ? compile(options.avoided) : [];
  const pageIsEnglish = page.url.startsWith('/en/');
  for (const run of proseRuns(page)) {
    const where = `${page.url}: "${run.text.trim().slice(0, 60)}"`;
    const ascii = isChinese(run.lang) && !run.code ? asciiAfterChinese(run.text) : undefined;
    if (ascii) problems.push(`${where} — ASCII punctuation in Chinese "${ascii}"; write ${FULL_WIDTH[ascii.at(-1)!]}`);
    if (run.drawn) continue;
    if (run.code) {
      for (const { pattern, hint, inCode } of JARGON) if (inCode && pattern.test(run.text)) problems.push(`${where} — porting leftover (${hint})`);
      continue;
    }
    if (pageIsEnglish && !isChinese(run.lang)) {
      const han = HAN_RUN.exec(run.text);
      if (han) problems.push(`${where} — Chinese "${han[0]}" without lang="zh-CN"`);
    }
    if (run.ui) continue;
    for (const p of wordingProblems(run.text, run.lang, run.quoted ? [] : terms)) problems.push(`${where} — ${p}`);
  }
  return problems;
}

/** ASCII ? ! , : ; right after a Chinese character or full-width mark: Chinese text takes ？！，：；. */
const ASCII_AFTER_CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e][?!,:;]/;
const FULL_WIDTH: Record<string, string> = { '?': '？', '!': '！', ',': '，', ':': '：', ';': '；' };

/** The first ASCII mark written right after Chinese, with the character before it, if any. */
export function asciiAfterChinese(text: string): string | undefined {
  return ASCII_AFTER_CHINESE.exec(text)?.[0];
}

/** A reader-facing text kept as data (an erratum, a glossary definition). */
export interface DataText {
  /** Where it is, for the message, e.g. `E002-03 problem (en)`. */
  where: string;
  lang: string;
  text: string;
  /** The original wording the text may quote (an erratum's `original`). */
  original?: string;
}

/** The same rules for texts in content/ data: an erratum may quote its original's wording. */
export function checkDataTexts(texts: DataText[], avoided: AvoidedTerm[]): string[] {
  const terms = compile(avoided);
  return texts.flatMap(({ where, lang, text, original }) => wordingProblems(text, lang, terms, original).map((p) => `${where}: ${p}`));
}
