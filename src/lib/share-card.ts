/**
 * The share card of a page (Open Graph / Twitter image, 1200 × 630): the site's name, the page's
 * title and description, drawn at build time as SVG and turned into PNG (src/routes/share-card.ts).
 * No third-party service; the system's fonts (Noto CJK for Chinese) draw the text.
 */
import { balancedLines, textWidthEm, wrapText } from './text-width.ts';

export const CARD = { width: 1200, height: 630 } as const;

// A type, not an interface: Astro's page props need an index signature.
export type CardText = {
  site: string;
  title: string;
  description?: string;
  lang: string;
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Lines of text as <text> with one <tspan> per line. */
function lines(texts: string[], x: number, y: number, size: number, style: string): string {
  const spans = texts.map((line, i) => `<tspan x="${x}" y="${y + i * size * 1.25}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-size="${size}" ${style}>${spans}</text>`;
}

/**
 * The card as an SVG document. The title shrinks from 64 to 52 px when it needs more than two lines;
 * its lines are balanced, so none ends with one character alone.
 */
export function shareCardSvg({ site, title, description = '', lang }: CardText): string {
  const margin = 80;
  const width = CARD.width - 2 * margin;
  const titleSize = textWidthEm(title) * 64 > 2 * width ? 52 : 64;
  const titleLines = balancedLines(title, width / titleSize, 3);
  const titleTop = 230;
  const descriptionTop = titleTop + titleLines.length * titleSize * 1.25 + 30;
  const descriptionLines = wrapText(description, width / 30, Math.max(1, Math.floor((CARD.height - 60 - descriptionTop) / 37.5)));
  const font = `font-family="'Noto Sans CJK SC', 'Noto Sans SC', 'Noto Sans', 'DejaVu Sans', sans-serif"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" xml:lang="${lang}">`,
    `<rect width="100%" height="100%" fill="#17181c"/>`,
    `<rect x="0" y="0" width="16" height="100%" fill="#8b93ff"/>`,
    lines(wrapText(site, width / 30, 1), margin, 130, 30, `${font} fill="#b8bcff"`),
    lines(titleLines, margin, titleTop, titleSize, `${font} font-weight="700" fill="#ffffff"`),
    lines(descriptionLines, margin, descriptionTop, 30, `${font} fill="#c4c6cc"`),
    `</svg>`,
  ].join('');
}

/** A page's name among the cards: its id (`en/articles/x`); the Chinese home page's empty id is `index`. */
export const shareCardName = (pageId: string): string => pageId || 'index';

/** Where a page's card is served: /og/<name>.png. */
export const shareCardPath = (pageId: string): string => `/og/${shareCardName(pageId)}.png`;
