/**
 * Build time: the compressed (gzip) size of each thing an example downloads, from the files this
 * build serves: the TensorFlow.js chunk of the client build, the SIMD WebAssembly backend (the one
 * browsers with SIMD load) and the digits file. Sizes are what a compressing static host sends.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { digitsFileBytes } from '../../lib/examples/digits-file.ts';
import type { Download } from '../../lib/examples/example-figures.ts';

/** The build's output folder (`astro build --outDir x`, as `npm run build:base` does), else dist. */
function outDir(): string {
  const i = process.argv.indexOf('--outDir');
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : 'dist';
}

/** The TensorFlow.js chunk of the current client build (the newest, should an older build's remain); undefined in dev. */
async function tfChunkBytes(): Promise<number | undefined> {
  const dir = join(outDir(), '_astro');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^tf-runtime\.[\w-]+\.js$/.test(n));
  const files = await Promise.all(names.map(async (n) => ({ path: join(dir, n), mtime: (await stat(join(dir, n))).mtimeMs })));
  const newest = files.sort((a, b) => b.mtime - a.mtime)[0];
  return newest ? gzipSync(await readFile(newest.path)).length : undefined;
}

async function wasmBytes(): Promise<number> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return gzipSync(await readFile(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'))).length;
}

let sizes: Promise<Partial<Record<Download, number>>> | undefined;
/** Compressed bytes of every download (TensorFlow.js counts its chunk and its WebAssembly file). */
export function downloadSizes(): Promise<Partial<Record<Download, number>>> {
  sizes ??= (async () => {
    const [chunk, wasm, digits] = await Promise.all([tfChunkBytes(), wasmBytes(), digitsFileBytes()]);
    return { tfjs: chunk === undefined ? undefined : chunk + wasm, digits: digits.length };
  })();
  return sizes;
}
