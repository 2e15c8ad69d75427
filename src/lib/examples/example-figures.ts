/**
 * What each example downloads the first time it runs, beyond its page: TensorFlow.js (one
 * JavaScript chunk and its WebAssembly backend) and data files. Examples on one page share these
 * downloads, and the browser caches them. Keep in line with the islands: an island that calls
 * `loadTf()` loads TensorFlow.js (the benchmark's "all bytes on start" column measures the truth).
 */
export type Download = 'tfjs' | 'digits';

export const EXAMPLE_DOWNLOADS: Readonly<Record<string, readonly Download[]>> = {
  'linear-regression': ['tfjs'],
  'gradient-descent': [],
  'mlp-from-scratch': ['tfjs'],
  'transfer-learning': ['tfjs'],
  // These three recompute in plain TypeScript; TensorFlow.js loads only for the optional check.
  'loss-functions': [],
  'activation-functions': [],
  'parameter-update': [],
  'digit-classifier': ['tfjs', 'digits'],
  'logistic-neuron': ['tfjs'],
  'tiny-transformer': ['tfjs'],
};

/** Bytes an example downloads, from the compressed size of each download; undefined when a size is unknown. */
export function downloadBytes(downloads: readonly Download[], sizes: Readonly<Partial<Record<Download, number>>>): number | undefined {
  let total = 0;
  for (const d of downloads) {
    const size = sizes[d];
    if (size === undefined) return undefined;
    total += size;
  }
  return total;
}

const unit = (lang: string, unit: string, value: number) =>
  new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumSignificantDigits: 2 }).format(value);

/** A run's duration in the page's language: seconds below a minute ("4.5 sec", "4.5秒"), else minutes. */
export function formatDuration(ms: number, lang: string): string {
  return ms < 60_000 ? unit(lang, 'second', Math.max(ms / 1000, 0.1)) : unit(lang, 'minute', ms / 60_000);
}

/** A download size: megabytes from 0.1 MB up ("1.2 MB"), else kilobytes (1 MB = 10⁶ bytes). */
export function formatBytes(bytes: number, lang: string): string {
  return bytes >= 100_000 ? unit(lang, 'megabyte', bytes / 1e6) : unit(lang, 'kilobyte', bytes / 1e3);
}
