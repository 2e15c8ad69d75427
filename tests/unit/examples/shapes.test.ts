import { describe, expect, it } from 'vitest';
import {
  boxSdf,
  circleSdf,
  ellipseSdf,
  fillCoverage,
  imageRows,
  makeFillTaskSet,
  makePretrainSet,
  meanInk,
  NEW_TASK_SHAPES,
  outlineCoverage,
  polygonSdf,
  PRETRAIN_CLASSES,
  regularPolygon,
} from '../../../src/lib/examples/shapes.ts';
import { createRng } from '../../../src/lib/examples/random.ts';

describe('signed distances', () => {
  const c = { x: 5, y: 5 };
  it('circle: −r at the centre, 0 on the edge, the gap outside', () => {
    expect(circleSdf(c, c, 3)).toBe(-3);
    expect(circleSdf({ x: 8, y: 5 }, c, 3)).toBe(0);
    expect(circleSdf({ x: 5, y: 10 }, c, 3)).toBe(2);
  });

  it('a square polygon agrees with the box distance everywhere', () => {
    const square = [
      { x: 3, y: 3 },
      { x: 7, y: 3 },
      { x: 7, y: 7 },
      { x: 3, y: 7 },
    ];
    const rng = createRng(5);
    for (let k = 0; k < 200; k++) {
      const p = { x: rng.uniform(0, 10), y: rng.uniform(0, 10) };
      expect(polygonSdf(p, square)).toBeCloseTo(boxSdf(p, c, 2, 2), 12);
    }
  });

  it('box: corner distance outside is Euclidean', () => {
    expect(boxSdf({ x: 10, y: 11 }, c, 2, 2)).toBeCloseTo(5, 12); // (3, 4) from the corner (7, 7)
    expect(boxSdf(c, c, 2, 1)).toBe(-1);
  });

  it('ellipse: exact on the axes', () => {
    expect(ellipseSdf({ x: 9, y: 5 }, c, 4, 2)).toBeCloseTo(0, 12);
    expect(ellipseSdf({ x: 5, y: 7 }, c, 4, 2)).toBeCloseTo(0, 12);
    expect(ellipseSdf(c, c, 4, 2)).toBe(-2);
  });

  it('regular polygons have their vertices at radius r', () => {
    for (const v of regularPolygon(c, 3, 6, 0.3)) expect(Math.hypot(v.x - 5, v.y - 5)).toBeCloseTo(3, 12);
  });

  it('coverage ramps over one pixel', () => {
    expect(fillCoverage(-1)).toBe(1);
    expect(fillCoverage(0)).toBe(0.5);
    expect(fillCoverage(1)).toBe(0);
    expect(outlineCoverage(0, 1)).toBe(1);
    expect(outlineCoverage(-3, 1)).toBe(0);
  });
});

describe('makePretrainSet (10 classes, the stand-in for ImageNet)', () => {
  const set = makePretrainSet({ perClass: 12, size: 16, seed: 3 });
  it('is seeded, balanced and in [0, 1]', () => {
    expect(makePretrainSet({ perClass: 12, size: 16, seed: 3 })).toEqual(set);
    expect(makePretrainSet({ perClass: 12, size: 16, seed: 4 }).images).not.toEqual(set.images);
    expect(set.count).toBe(120);
    expect(set.images.length).toBe(120 * 256);
    for (let c = 0; c < PRETRAIN_CLASSES.length; c++) expect(set.labels.filter((l) => l === c)).toHaveLength(12);
    expect(Math.min(...set.images)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...set.images)).toBeLessThanOrEqual(1);
    expect(imageRows(set, 7)).toHaveLength(16);
    expect(imageRows(set, 7)[3]![4]).toBe(set.images[7 * 256 + 3 * 16 + 4]);
  });

  it('filled circles and squares carry more ink than their outlines (small triangles need not: ink alone does not tell them apart)', () => {
    const big = makePretrainSet({ perClass: 40, size: 16, seed: 9, noise: 0 });
    const meanInk = (cls: string) => {
      const c = PRETRAIN_CLASSES.indexOf(cls as (typeof PRETRAIN_CLASSES)[number]);
      const idx = big.labels.flatMap((l, i) => (l === c ? [i] : []));
      return idx.reduce((s, i) => s + big.images.subarray(i * 256, (i + 1) * 256).reduce((a, v) => a + v, 0), 0) / idx.length;
    };
    expect(meanInk('circle')).toBeGreaterThan(meanInk('ring'));
    expect(meanInk('square')).toBeGreaterThan(meanInk('square-outline'));
  });
});

describe('makeFillTaskSet (the new task: filled vs hollow on unseen shapes)', () => {
  it('alternates the labels and uses only the new shapes', () => {
    const set = makeFillTaskSet({ count: 60, seed: 2 });
    expect(set.labels).toEqual(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1 : 0)));
    expect(set.shapes.every((s) => NEW_TASK_SHAPES.includes(s))).toBe(true);
    expect(new Set(set.shapes).size).toBe(NEW_TASK_SHAPES.length);
    expect(makeFillTaskSet({ count: 60, seed: 2 })).toEqual(set);
  });

  it('the amount of ink does not give the label away (filled shapes are drawn smaller)', () => {
    const set = makeFillTaskSet({ count: 400, seed: 8 });
    const ink = (label: number) => {
      const idx = set.labels.flatMap((l, i) => (l === label ? [i] : []));
      return idx.reduce((s, i) => s + set.images.subarray(i * 256, (i + 1) * 256).reduce((a, v) => a + v, 0), 0) / idx.length;
    };
    const [filled, hollow] = [ink(1), ink(0)];
    expect(meanInk(set, 1)).toBeCloseTo(filled, 6);
    expect(meanInk(set, 0)).toBeCloseTo(hollow, 6);
    expect(meanInk(set, 7)).toBeNaN();
    expect(Math.abs(filled - hollow) / hollow).toBeLessThan(0.2);
  });

  it('the centre pixel of a noiseless filled diamond/ellipse/hexagon is bright, of a hollow one dark', () => {
    // Shapes are centred within ±(size/2 − r − 1) of the middle, so their centre region is inside.
    const set = makeFillTaskSet({ count: 200, seed: 6, noise: 0 });
    let filledBright = 0;
    let hollowDark = 0;
    for (let i = 0; i < set.count; i++) {
      const img = set.images.subarray(i * 256, (i + 1) * 256);
      const max = Math.max(...img);
      // The brightest pixel marks the shape; compare the shape's own centroid of ink.
      let sx = 0;
      let sy = 0;
      let s = 0;
      img.forEach((v, k) => {
        const w = v > 0.5 * max ? v : 0;
        sx += w * (k % 16);
        sy += w * Math.floor(k / 16);
        s += w;
      });
      const centre = img[Math.round(sy / s) * 16 + Math.round(sx / s)]!;
      if (set.labels[i] === 1 && centre > 0.5 * max) filledBright++;
      if (set.labels[i] === 0 && centre < 0.5 * max) hollowDark++;
    }
    expect(filledBright).toBeGreaterThan(95);
    expect(hollowDark).toBeGreaterThan(90);
  });
});
