/**
 * Seeded grayscale shape images for the transfer-learning miniature of article 001 §5 (the
 * ResNet50 recipe: a backbone pre-trained on a large labelled set, frozen, with a new head trained
 * on a small new task). No downloaded data: every image is drawn here from a seeded PRNG.
 *
 * - Pre-training task ("our ImageNet"): 10 classes — filled / hollow circle, square and triangle,
 *   horizontal / vertical / diagonal stripes and a plus sign.
 * - New task ("our data/train"): filled vs hollow, on shapes the backbone never saw (diamonds,
 *   ellipses and hexagons). Filled ones are drawn smaller and hollow ones larger, so that the
 *   amount of ink does not give the label away.
 *
 * Shapes are rasterised from signed distances (negative inside) with a 1-pixel linear edge ramp,
 * so edges are anti-aliased. Every image gets a random position, size, brightness and pixel noise.
 */
import { createRng, type Rng } from './random.ts';

export interface Vec {
  x: number;
  y: number;
}

/** Signed distance from p to a circle (negative inside). */
export function circleSdf(p: Vec, c: Vec, r: number): number {
  return Math.hypot(p.x - c.x, p.y - c.y) - r;
}

/** Signed distance from p to an axis-aligned box with centre c and half-sizes (hx, hy). */
export function boxSdf(p: Vec, c: Vec, hx: number, hy: number): number {
  const dx = Math.abs(p.x - c.x) - hx;
  const dy = Math.abs(p.y - c.y) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0);
}

/** Signed distance from p to a simple polygon (vertices in order; negative inside, even–odd rule). */
export function polygonSdf(p: Vec, vertices: readonly Vec[]): number {
  let best = Infinity;
  let inside = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const a = vertices[j]!;
    const b = vertices[i]!;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const wx = p.x - a.x;
    const wy = p.y - a.y;
    const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
    best = Math.min(best, Math.hypot(wx - ex * t, wy - ey * t));
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside ? -best : best;
}

/** Approximate signed distance to an axis-aligned ellipse with semi-axes (a, b) (exact on the axes). */
export function ellipseSdf(p: Vec, c: Vec, a: number, b: number): number {
  const k = Math.hypot((p.x - c.x) / a, (p.y - c.y) / b);
  return (k - 1) * Math.min(a, b);
}

/** Vertices of a regular polygon with `n` corners, radius r, rotated by `angle` (radians). */
export function regularPolygon(c: Vec, r: number, n: number, angle = 0): Vec[] {
  return Array.from({ length: n }, (_, i) => {
    const t = angle + (2 * Math.PI * i) / n;
    return { x: c.x + r * Math.cos(t), y: c.y + r * Math.sin(t) };
  });
}

/** Pixel coverage of a filled shape from its signed distance (1-pixel ramp across the edge). */
export const fillCoverage = (d: number) => Math.max(0, Math.min(1, 0.5 - d));
/** Pixel coverage of an outline of width w centred on the edge. */
export const outlineCoverage = (d: number, w: number) => Math.max(0, Math.min(1, w / 2 + 0.5 - Math.abs(d)));

/** The ten pre-training classes (article 001 §5: the role of ImageNet's classes). */
export const PRETRAIN_CLASSES = [
  'circle',
  'ring',
  'square',
  'square-outline',
  'triangle',
  'triangle-outline',
  'h-stripes',
  'v-stripes',
  'd-stripes',
  'plus',
] as const;
export type PretrainClass = (typeof PRETRAIN_CLASSES)[number];

/** Shapes of the new task (never seen in pre-training); the label is filled (1) vs hollow (0). */
export const NEW_TASK_SHAPES = ['diamond', 'ellipse', 'hexagon'] as const;
export type NewTaskShape = (typeof NEW_TASK_SHAPES)[number];

/** A drawable shape: a signed-distance function, and whether it is filled or an outline of width w. */
interface Drawable {
  sdf: (p: Vec) => number;
  filled: boolean;
  width: number;
}

function drawableFor(kind: PretrainClass | NewTaskShape, size: number, rng: Rng, filled: boolean): Drawable | ((p: Vec) => number) {
  const half = size / 2;
  // New-task shapes: filled ones smaller, hollow ones larger, so that the amount of ink does not
  // give the label away (the network has to see whether the inside is filled).
  const isNew = (NEW_TASK_SHAPES as readonly string[]).includes(kind);
  const r = (isNew ? (filled ? rng.uniform(0.2, 0.3) : rng.uniform(0.3, 0.42)) : rng.uniform(0.22, 0.4)) * size;
  const jitter = Math.max(0, half - r - 1);
  const c = { x: half + rng.uniform(-jitter, jitter), y: half + rng.uniform(-jitter, jitter) };
  const width = rng.uniform(1, 1.6);
  switch (kind) {
    case 'circle':
    case 'ring':
      return { sdf: (p) => circleSdf(p, c, r), filled: kind === 'circle', width };
    case 'square':
    case 'square-outline': {
      const h = r * 0.85;
      return { sdf: (p) => boxSdf(p, c, h, h), filled: kind === 'square', width };
    }
    case 'triangle':
    case 'triangle-outline': {
      const v = regularPolygon({ x: c.x, y: c.y + r * 0.15 }, r * 1.05, 3, -Math.PI / 2);
      return { sdf: (p) => polygonSdf(p, v), filled: kind === 'triangle', width };
    }
    case 'diamond': {
      const v = regularPolygon(c, r, 4, 0);
      return { sdf: (p) => polygonSdf(p, v), filled, width };
    }
    case 'ellipse': {
      const ratio = rng.uniform(0.45, 0.7);
      const [a, b] = rng.next() < 0.5 ? [r, r * ratio] : [r * ratio, r];
      return { sdf: (p) => ellipseSdf(p, c, a, b), filled, width };
    }
    case 'hexagon': {
      const v = regularPolygon(c, r, 6, rng.uniform(0, Math.PI / 3));
      return { sdf: (p) => polygonSdf(p, v), filled, width };
    }
    case 'plus': {
      const arm = r;
      const w = rng.uniform(1.2, 2);
      return { sdf: (p) => Math.min(boxSdf(p, c, arm, w), boxSdf(p, c, w, arm)), filled: true, width };
    }
    case 'h-stripes':
    case 'v-stripes':
    case 'd-stripes': {
      // Stripes over the whole image: intensity from the position along the stripe normal.
      const period = rng.uniform(3, 5);
      const phase = rng.uniform(0, period);
      const duty = rng.uniform(0.35, 0.55);
      const [nx, ny] =
        kind === 'h-stripes' ? [0, 1] : kind === 'v-stripes' ? [1, 0] : rng.next() < 0.5 ? [Math.SQRT1_2, Math.SQRT1_2] : [Math.SQRT1_2, -Math.SQRT1_2];
      return (p: Vec) => {
        const u = (((p.x * nx + p.y * ny + phase) % period) + period) % period;
        // Distance to the band [0, duty·period], as a signed distance.
        const band = duty * period;
        return u < band ? -Math.min(u, band - u) : Math.min(u - band, period - u);
      };
    }
  }
}

/** Draws one image (row-major, values in [0, 1]) into `out` at `offset`. */
function render(out: Float32Array, offset: number, size: number, shape: Drawable | ((p: Vec) => number), rng: Rng, noise: number): void {
  const brightness = rng.uniform(0.55, 1);
  const background = rng.uniform(0, 0.15);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const p = { x: col + 0.5, y: row + 0.5 };
      let cover: number;
      if (typeof shape === 'function') cover = fillCoverage(shape(p));
      else {
        const d = shape.sdf(p);
        cover = shape.filled ? fillCoverage(d) : outlineCoverage(d, shape.width);
      }
      const v = background + (brightness - background) * cover + rng.normal(0, noise);
      out[offset + row * size + col] = Math.max(0, Math.min(1, v));
    }
  }
}

/** A set of size×size grayscale images with integer labels, stored flat ([n, size, size] row-major). */
export interface ImageSet {
  images: Float32Array;
  labels: number[];
  size: number;
  count: number;
}

/**
 * The pre-training set: `perClass` images of each of the 10 PRETRAIN_CLASSES (label = class index),
 * in a seeded random order.
 */
export function makePretrainSet({
  perClass = 150,
  size = 16,
  seed = 1,
  noise = 0.05,
}: { perClass?: number; size?: number; seed?: number; noise?: number } = {}): ImageSet {
  const rng = createRng(seed);
  const labels = rng.shuffled(Array.from({ length: perClass * PRETRAIN_CLASSES.length }, (_, i) => i % PRETRAIN_CLASSES.length));
  const images = new Float32Array(labels.length * size * size);
  labels.forEach((label, i) => render(images, i * size * size, size, drawableFor(PRETRAIN_CLASSES[label]!, size, rng, true), rng, noise));
  return { images, labels, size, count: labels.length };
}

/**
 * The new task: `count` images of NEW_TASK_SHAPES, label 1 = filled, 0 = hollow (balanced:
 * alternating labels, shape chosen at random), from its own seed.
 */
export function makeFillTaskSet({
  count = 400,
  size = 16,
  seed = 2,
  noise = 0.05,
}: { count?: number; size?: number; seed?: number; noise?: number } = {}): ImageSet & { shapes: NewTaskShape[] } {
  const rng = createRng(seed);
  const labels: number[] = [];
  const shapes: NewTaskShape[] = [];
  const images = new Float32Array(count * size * size);
  for (let i = 0; i < count; i++) {
    const filled = i % 2 === 0;
    const shape = NEW_TASK_SHAPES[rng.int(NEW_TASK_SHAPES.length)]!;
    labels.push(filled ? 1 : 0);
    shapes.push(shape);
    render(images, i * size * size, size, drawableFor(shape, size, rng, filled), rng, noise);
  }
  return { images, labels, size, count, shapes };
}

/** One image of a set as rows of pixel values (for tests and thumbnails). */
export function imageRows(set: ImageSet, index: number): number[][] {
  const { size } = set;
  return Array.from({ length: size }, (_, r) => Array.from(set.images.subarray(index * size * size + r * size, index * size * size + (r + 1) * size)));
}

/** Mean over the images with label `label` of the sum of their pixel values (the "amount of ink"). */
export function meanInk(set: ImageSet, label: number): number {
  const px = set.size * set.size;
  let total = 0;
  let n = 0;
  set.labels.forEach((l, i) => {
    if (l !== label) return;
    n++;
    for (let k = i * px; k < (i + 1) * px; k++) total += set.images[k]!;
  });
  return n ? total / n : Number.NaN;
}
