// The search button and dialog: a typed custom element over SearchEngine. Pagefind loads when the
// reader shows intent (hover, focus, touch) or the browser is idle; results land on sections,
// say which language they are in, and a switch adds the other language's pages.
import { el } from '../../lib/dom.ts';
import { readMessages } from '../../lib/i18n-client.ts';
import { counterpart, excerptParts, mergeHits, type Hit } from '../../lib/search/results.ts';
import { suggest } from '../../lib/search/suggest.ts';
import { SearchEngine } from './engine.ts';

type Lang = 'zh-CN' | 'en';

class SiteSearch extends HTMLElement {
  private readonly t = readMessages('site-search-messages');
  private readonly pageLang: Lang = this.dataset.lang === 'en' ? 'en' : 'zh-CN';
  private readonly engine = new SearchEngine(this.pageLang, this.pageLang === 'en' ? 'zh-CN' : 'en');
  private readonly dialog = this.querySelector('dialog')!;
  private readonly input = this.querySelector<HTMLInputElement>('[data-search-input]')!;
  private readonly crossLang = this.querySelector<HTMLInputElement>('[data-cross-lang]')!;
  private readonly status = this.querySelector<HTMLElement>('[data-search-status]')!;
  private readonly suggestion = this.querySelector<HTMLElement>('[data-search-suggestion]')!;
  private readonly list = this.querySelector<HTMLElement>('[data-search-results]')!;
  private searchId = 0;
  private timer?: ReturnType<typeof setTimeout>;

  connectedCallback() {
    const open = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const warm = () => this.engine.warm();
    for (const event of ['pointerenter', 'focus', 'touchstart']) open.addEventListener(event, warm, { once: true, passive: true });
    ('requestIdleCallback' in window ? requestIdleCallback : setTimeout)(warm, { timeout: 4000 } as never);

    open.addEventListener('click', () => this.open());
    open.disabled = false;
    this.querySelector('button[data-close-modal]')!.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog || (event.target as Element).closest('a')) this.dialog.close();
    });
    this.dialog.addEventListener('close', () => document.body.removeAttribute('data-search-modal-open'));
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') {
        event.preventDefault();
        if (this.dialog.open) this.dialog.close();
        else this.open();
      }
    });
    this.input.addEventListener('input', () => this.schedule());
    // In a search field Chromium spends Escape on clearing it; the reader means "close".
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.dialog.close();
    });
    this.crossLang.addEventListener('change', () => {
      this.engine.warm(this.crossLang.checked);
      this.schedule(0);
    });
    this.suggestion.querySelector('button')!.addEventListener('click', (event) => {
      this.input.value = (event.currentTarget as HTMLElement).textContent ?? '';
      this.input.focus();
      this.schedule(0);
    });
  }

  private open() {
    this.dialog.showModal();
    document.body.setAttribute('data-search-modal-open', '');
    this.input.focus();
  }

  /** Searches shortly after typing pauses; index chunks start loading at once. */
  private schedule(delay = 80) {
    clearTimeout(this.timer);
    const term = this.input.value.trim();
    if (term) void this.engine.preload(term, this.crossLang.checked);
    this.timer = setTimeout(() => void this.run(term), delay);
  }

  private async run(term: string) {
    const id = ++this.searchId;
    const both = this.crossLang.checked;
    this.list.dataset.state = 'searching';
    if (!term) return this.show(id, term, [], null);
    this.status.textContent = this.t('pagefind.searching').replace('[SEARCH_TERM]', term);
    const [hits, { words, synonyms }] = await Promise.all([this.engine.search(term, both), this.engine.words()]);
    const alternative = suggest(term, [...words, ...synonyms.flat()]);
    // A near-miss of a glossary term or title: its results first, the query's own after them.
    const shown = alternative ? mergeHits(await this.engine.search(alternative, both), hits) : hits;
    this.show(id, term, shown, alternative);
  }

  private show(id: number, term: string, hits: Hit[], alternative: string | null) {
    if (id !== this.searchId) return;
    const count = hits.length;
    this.status.textContent = !term
      ? ''
      : count === 0
        ? this.t('pagefind.zero_results').replace('[SEARCH_TERM]', term)
        : this.t(count === 1 ? 'pagefind.one_result' : 'pagefind.many_results')
            .replace('[SEARCH_TERM]', term)
            .replace('[COUNT]', String(count));
    this.suggestion.hidden = !alternative;
    this.suggestion.querySelector('button')!.textContent = alternative ?? '';
    this.list.replaceChildren(...hits.map((hit) => this.item(hit)));
    this.list.dataset.query = term;
    this.list.dataset.state = 'done';
  }

  private item(hit: Hit): HTMLElement {
    const foreign = hit.lang !== this.pageLang;
    const kind = hit.kind === 'glossary' ? this.t('siteSearch.kindGlossary') : hit.kind === 'erratum' ? this.t('siteSearch.kindErratum') : null;
    const excerpt = el('p', { class: 'excerpt' }, ...excerptParts(hit.excerpt).map((part) => (part.mark ? el('mark', {}, part.text) : part.text)));
    return el(
      'li',
      { lang: foreign ? hit.lang : undefined },
      el(
        'a',
        { href: hit.url, 'data-result-link': '' },
        el('span', { class: 'title' }, hit.title),
        hit.section && el('span', { class: 'section' }, hit.section),
      ),
      el(
        'p',
        { class: 'labels', lang: this.pageLang },
        kind && el('span', {}, kind),
        foreign && el('span', { class: 'lang' }, this.t(hit.lang === 'en' ? 'siteSearch.langEn' : 'siteSearch.langZh')),
        foreign && el('a', { href: counterpart(hit.url), 'data-counterpart': '' }, this.t('siteSearch.counterpart')),
      ),
      excerpt,
    );
  }
}

customElements.define('site-search', SiteSearch);
