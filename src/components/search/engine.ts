// Pagefind behind the search dialog: loaded on the reader's first sign of intent, one instance
// for the page's language and, when the reader asks for it, one that also searches the other.
import type { Hit, PagefindData } from '../../lib/search/results.ts';
import { arrange, EXCERPT_WORDS, toHit } from '../../lib/search/results.ts';
import { readings } from '../../lib/search/aliases.ts';
import { erratumSeries } from '../../lib/search/records.ts';
import type { Vocabulary } from '../../lib/search/suggest.ts';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindInstance {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  preload: (term: string) => Promise<void>;
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
}
interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

// Under a base path (BASE_PATH) the bundles and every result URL live below it.
const BASE = import.meta.env.BASE_URL.replace(/\/*$/, '/');
const BUNDLE = `${BASE}pagefind/`;
/** Glossary entries and errata (src/integrations/search-index.ts), weighted below the pages. */
const RECORDS = `${BASE}pagefind-records/`;
const RECORDS_WEIGHT = 0.1;
/** How many results the dialog shows, and how many it reads to put the articles first. */
export const SHOWN = 8;
const READ = 14;
/**
 * Ranking (https://pagefind.app/docs/ranking/): headings and titles weigh more than running text,
 * and a long article is not punished for its length against a short glossary entry.
 */
const RANKING = { termFrequency: 0.6, pageLength: 0.3, termSaturation: 1.2, termSimilarity: 3, metaWeights: { title: 6, aliases: 1 } };

export class SearchEngine {
  private module?: Promise<PagefindModule>;
  private instances = new Map<boolean, Promise<PagefindInstance>>();
  private vocabulary?: Promise<Vocabulary>;

  constructor(
    private readonly lang: 'zh-CN' | 'en',
    private readonly otherLang: 'zh-CN' | 'en',
  ) {}

  private load(): Promise<PagefindModule> {
    return (this.module ??= import(/* @vite-ignore */ `${BUNDLE}pagefind.js`) as Promise<PagefindModule>);
  }

  /** The instance for this language alone, or for both languages. */
  private instance(both: boolean): Promise<PagefindInstance> {
    let instance = this.instances.get(both);
    if (!instance) {
      instance = this.load().then(async (pagefind) => {
        const created = pagefind.createInstance({ basePath: BUNDLE, baseUrl: BASE });
        await created.options({ ranking: RANKING, excerptLength: EXCERPT_WORDS });
        const languages = both ? [this.lang, this.otherLang] : [this.lang];
        const merged = languages.flatMap((lang) => [
          { path: RECORDS, lang, weight: RECORDS_WEIGHT },
          // The page bundle under its full address, so Pagefind agrees to merge its other-language index.
          ...(lang === this.lang ? [] : [{ path: BUNDLE, lang, weight: 1 }]),
        ]);
        await Promise.all(
          merged.map(({ path, lang, weight }) =>
            created.mergeIndex(new URL(path, location.href).href, { baseUrl: BASE, language: lang.toLowerCase(), indexWeight: weight, ranking: RANKING }),
          ),
        );
        await created.init();
        return created;
      });
      this.instances.set(both, instance);
    }
    return instance;
  }

  /** Loads Pagefind, its index metadata and the vocabulary ahead of the first query. */
  warm(both = false): void {
    void this.instance(both);
    void this.words();
  }

  /** Starts fetching the index chunks a query needs while the reader is still typing. */
  async preload(term: string, both: boolean): Promise<void> {
    await (await this.instance(both)).preload(term);
  }

  /** Glossary terms and titles in the page's language, for "did you mean", and the glossary's synonyms. */
  words(): Promise<Vocabulary> {
    const none: Vocabulary = { words: [], synonyms: [], errataArticles: {} };
    return (this.vocabulary ??= fetch(`${BUNDLE}vocabulary.${this.lang.toLowerCase()}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : none))
      .catch(() => none));
  }

  async search(term: string, both: boolean): Promise<Hit[]> {
    const [instance, { synonyms, errataArticles }] = await Promise.all([this.instance(both), this.words()]);
    const read = readings(term, synonyms);
    // A query that uses an alias is also searched with the preferred term: Pagefind's Chinese word
    // splitting does not reach the aliases in the metadata, and the section that names the term is found.
    const responses = await Promise.all(read.map((r) => instance.search(r.text)));
    const results = bestOf(responses.flatMap((r) => r?.results ?? [])).slice(0, READ);
    const data = await Promise.all(results.map((r) => r.data()));
    const hits = data.map((d) => {
      const lang = langOf(d.url);
      return toHit(d, lang, read, d.url.includes('#erratum-') ? errataArticles[erratumSeries(d.meta.title ?? '')]?.[lang] : undefined);
    });
    return arrange(hits, read).slice(0, SHOWN);
  }
}

/** Each result once, at its best score, best first. */
function bestOf(results: PagefindResult[]): PagefindResult[] {
  const best = new Map<string, PagefindResult>();
  for (const r of results) if ((best.get(r.id)?.score ?? -Infinity) < r.score) best.set(r.id, r);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Pages under /en/ are English; all others Chinese. */
export const langOf = (url: string): 'zh-CN' | 'en' => (new URL(url, 'http://site.invalid').pathname.startsWith('/en/') ? 'en' : 'zh-CN');
