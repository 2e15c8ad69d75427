// /og/<page id>.png — each page's share card (src/lib/share-card.ts), drawn at build time with
// sharp (Astro's own image library). Injected as a prerendered route by the `kb-share-cards`
// integration in astro.config.mjs; Head.astro points og:image at it.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { shareCardName, shareCardSvg, type CardText } from '../lib/share-card.ts';
import { SITE_TITLE } from '../lib/site-title.ts';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await getCollection('docs')).map((entry) => {
    const lang = entry.id === 'en' || entry.id.startsWith('en/') ? 'en' : 'zh-CN';
    const card: CardText = { site: SITE_TITLE[lang], title: entry.data.title, description: entry.data.description, lang };
    return { params: { page: shareCardName(entry.id) }, props: card };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await sharp(Buffer.from(shareCardSvg(props as CardText)))
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
