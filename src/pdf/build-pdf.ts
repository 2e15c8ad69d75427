/**
 * `npm run build:pdf`: builds the site with its PDF links (BUILD_PDF=1) and prints all articles
 * of each language into one PDF (dist/downloads/articles-<lang>.pdf): a cover, a linked table
 * of contents, then every article in the order of the home page, with its formulas, diagrams,
 * errata expanded and each example as the address of its live page (the site's print styles).
 * Chromium prints the built pages: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
 * `--no-build` prints an existing BUILD_PDF=1 build again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { format } from '../lib/i18n.ts';
import { pageCount, pdfPath } from '../lib/pdf.ts';
import type { Lang } from '../schemas/bilingual.ts';

const DIST = 'dist';
const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** dist/ over HTTP on a free local port (the pages load their styles from the site root). */
function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

interface Book {
  title: string;
  subtitle: string;
  contents: string;
  online: string;
  articles: { href: string; title: string }[];
}

/**
 * Runs in the page of the first article: replaces its content by the cover, the table of contents
 * and every article's title and body (fetched from the site), with each article's anchors
 * prefixed so they stay unique and its in-page links keep working in the PDF.
 */
async function composeBook(book: Book): Promise<void> {
  const make = (tag: string, className: string, text = '') => Object.assign(document.createElement(tag), { className, textContent: text });
  const main = document.querySelector('main')!;
  const cover = make('section', 'kb-book__cover');
  cover.append(make('h1', '', book.title), make('p', 'kb-book__subtitle', book.subtitle), make('p', '', book.online));
  const toc = make('nav', 'kb-book__toc');
  const list = document.createElement('ol');
  toc.append(make('h2', '', book.contents), list);
  const parts: HTMLElement[] = [];
  for (const [n, article] of book.articles.entries()) {
    const html = await (await fetch(article.href)).text();
    const page = new DOMParser().parseFromString(html, 'text/html');
    const body = page.querySelector('.sl-markdown-content')!;
    for (const el of body.querySelectorAll<HTMLElement>('[id]')) el.id = `a${n}-${el.id}`;
    for (const a of body.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) a.setAttribute('href', `#a${n}-${a.getAttribute('href')!.slice(1)}`);
    const part = make('article', 'kb-book__article');
    part.id = `article-${n}`;
    part.append(make('h1', '', article.title), document.importNode(body, true));
    parts.push(part);
    const item = document.createElement('li');
    const link = make('a', '', article.title) as HTMLAnchorElement;
    link.href = `#article-${n}`;
    item.append(link);
    list.append(item);
  }
  main.replaceChildren(cover, toc, ...parts);
  document.documentElement.dataset.layout = 'full'; // lay out every block (site.css lazy layout)
  await document.fonts.ready;
}

const BOOK_CSS = `
  header.header, .sidebar-pane, nav.sidebar, .right-sidebar-container, mobile-starlight-toc, .kb-errata-mode { display: none !important; }
  .main-frame { padding: 0 !important; }
  .kb-book__cover { break-after: page; padding-top: 30vh; text-align: center; }
  .kb-book__cover h1 { font-size: 2.2rem; }
  .kb-book__toc { break-after: page; }
  .kb-book__toc li { margin-block: 0.5rem; font-size: 1.1rem; }
  .kb-book__article { break-before: page; }
  .kb-book__article > h1 { font-size: 1.8rem; margin-bottom: 1rem; }
`;

async function printBooks(): Promise<void> {
  const { server, origin } = await serve();
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (const lang of LANGS) {
      const home = `${origin}${lang === 'en' ? '/en/' : '/'}`;
      const messages = JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>;
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.goto(home);
      const articles = await page
        .locator('.kb-article-list > li > a')
        .evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent!.trim() })));
      if (!articles.length) throw new Error(`no articles listed on ${home}`);
      const title = (await page.locator('.site-title').first().textContent())!.trim();
      const date = new Date().toLocaleDateString(lang, { dateStyle: 'long', timeZone: 'UTC' });
      const site = process.env.SITE_URL ? new URL(lang === 'en' ? 'en/' : '', process.env.SITE_URL).href : home.replace(origin, '');
      const book: Book = {
        title,
        subtitle: format(messages['pdf.subtitle']!, { date }),
        contents: messages['pdf.contents']!,
        online: format(messages['pdf.online']!, { url: site }),
        articles,
      };
      await page.goto(articles[0]!.href);
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await page.evaluate(composeBook, book);
      await page.addStyleTag({ content: BOOK_CSS });
      const footer = `<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer,
      });
      const file = join(DIST, pdfPath(lang));
      mkdirSync(join(DIST, 'downloads'), { recursive: true });
      writeFileSync(file, pdf);
      console.log(`${file}: ${articles.length} articles, ${pageCount(pdf)} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main) {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, BUILD_PDF: '1' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  await printBooks();
}
