import { describe, expect, it } from 'vitest';
import {
  boxAround,
  clipPolyline,
  contourLevels,
  mseContour,
  modeRace,
  mseQuadratic,
  printedRuleSteps,
  thin,
  updatesPerEpoch,
  type Box,
} from '../../../src/lib/examples/gd-explorer.ts';
import { article001Comparison, gradientDescentPath, makeLinearData, mseOf } from '../../../src/lib/examples/gradient-descent.ts';
import { leastSquares } from '../../../src/lib/examples/linear-regression.ts';
import { createRng } from '../../../src/lib/examples/random.ts';

const data = makeLinearData({ n: 100, seed: 1 });

describe('mseQuadratic / mseContour (MSE level sets of article 001 §4.1)', () => {
  const q = mseQuadratic(data);

  it('centres on the least-squares fit', () => {
    const ols = leastSquares(data.x, data.y);
    expect(q.b0).toBeCloseTo(ols.b0, 12);
    expect(q.b1).toBeCloseTo(ols.b1, 12);
    expect(q.mseMin).toBeCloseTo(ols.mse, 12);
  });

  it('MSE(β) = mseMin + dᵀHd at random β (H = [[1, x̄], [x̄, mean x²]])', () => {
    const rng = createRng(3);
    const meanX2 = data.x.reduce((s, v) => s + v * v, 0) / data.x.length;
    for (let k = 0; k < 20; k++) {
      const b0 = rng.uniform(-3, 5);
      const b1 = rng.uniform(-3, 5);
      const d0 = b0 - q.b0;
      const d1 = b1 - q.b1;
      const quad = d0 * d0 + 2 * q.meanX * d0 * d1 + meanX2 * d1 * d1;
      expect(mseOf(b0, b1, data)).toBeCloseTo(q.mseMin + quad, 9);
    }
  });

  it('every point of a contour has exactly that MSE, and the curve is closed', () => {
    for (const level of [q.mseMin + 0.01, q.mseMin + 0.5, 3, 12]) {
      const pts = mseContour(q, level, 64);
      expect(pts).toHaveLength(65);
      for (const p of pts) expect(Math.abs(mseOf(p.x, p.y, data) - level)).toBeLessThan(1e-9 * Math.max(1, level));
      expect(pts[0]!.x).toBeCloseTo(pts.at(-1)!.x, 12);
      expect(pts[0]!.y).toBeCloseTo(pts.at(-1)!.y, 12);
    }
    expect(mseContour(q, q.mseMin - 0.1)).toEqual([]);
  });

  it('contour levels start at the top and shrink geometrically towards the minimum', () => {
    const top = mseOf(0, 0, data);
    const levels = contourLevels(q, top, 5, 0.5);
    expect(levels[0]).toBeCloseTo(top, 12);
    for (let k = 1; k < levels.length; k++) {
      expect(levels[k]! - q.mseMin).toBeCloseTo((levels[k - 1]! - q.mseMin) * 0.5, 12);
    }
    expect(contourLevels(q, q.mseMin)).toEqual([]);
  });
});

describe('clipPolyline', () => {
  const box: Box = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
  const inside = (p: { x: number; y: number }) => p.x >= -1e-12 && p.x <= 1 + 1e-12 && p.y >= -1e-12 && p.y <= 1 + 1e-12;

  it('keeps a polyline that lies inside', () => {
    const line = [
      { x: 0.1, y: 0.1 },
      { x: 0.5, y: 0.9 },
      { x: 0.9, y: 0.2 },
    ];
    expect(clipPolyline(line, box)).toEqual([line]);
  });

  it('cuts at the border and starts a new piece when the line comes back', () => {
    const line = [
      { x: 0.5, y: 0.5 },
      { x: 1.5, y: 0.5 },
      { x: 1.5, y: 0.8 },
      { x: 0.5, y: 0.8 },
    ];
    const pieces = clipPolyline(line, box);
    expect(pieces).toEqual([
      [
        { x: 0.5, y: 0.5 },
        { x: 1, y: 0.5 },
      ],
      [
        { x: 1, y: 0.8 },
        { x: 0.5, y: 0.8 },
      ],
    ]);
  });

  it('drops what is outside or not finite; every kept point is in the box', () => {
    const rng = createRng(8);
    const line = Array.from({ length: 200 }, () => ({ x: rng.uniform(-1, 2), y: rng.uniform(-1, 2) }));
    line[50] = { x: Number.NaN, y: 0.5 };
    const pieces = clipPolyline(line, box);
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThanOrEqual(2);
      for (const p of piece) expect(inside(p)).toBe(true);
    }
    expect(
      clipPolyline(
        [
          { x: 5, y: 5 },
          { x: 6, y: 7 },
        ],
        box,
      ),
    ).toEqual([]);
  });
});

describe('thin / updatesPerEpoch / boxAround', () => {
  it('thins to at most max items, keeping the first and last', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    const t = thin(items, 11);
    expect(t).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(thin([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });

  it('counts 1, ⌈n/B⌉ and n updates per epoch', () => {
    expect(updatesPerEpoch('batch', 100, 10)).toBe(1);
    expect(updatesPerEpoch('mini-batch', 100, 10)).toBe(10);
    expect(updatesPerEpoch('mini-batch', 100, 32)).toBe(4);
    expect(updatesPerEpoch('stochastic', 100, 10)).toBe(100);
  });

  it('pads the box around finite points', () => {
    const b = boxAround(
      [
        { x: 0, y: 0 },
        { x: 10, y: 5 },
        { x: Number.POSITIVE_INFINITY, y: 1 },
      ],
      0.1,
    );
    expect(b).toEqual({ xMin: -1, xMax: 11, yMin: -0.5, yMax: 5.5 });
  });
});

describe('printedRuleSteps (article 001 §4.1.1 as printed)', () => {
  it('does one hand-computed step', () => {
    // x = [0, 1], y = [1, 3], β = (0, 0): r = [1, 3], mean r = 2, mean r² = 5.
    const [first] = printedRuleSteps({ x: [0, 1], y: [1, 3] }, { lr: 0.1, maxSteps: 1 });
    expect(first!.meanResidual).toBe(2);
    expect(first!.meanSquaredResidual).toBe(5);
    expect(first!.b0).toBeCloseTo(-0.2, 15);
    expect(first!.b1).toBeCloseTo(-0.5, 15);
  });

  it('follows article001Comparison().broken and stops at the first non-finite value', () => {
    const steps = [...printedRuleSteps(data, { lr: 0.1, maxSteps: 200 })];
    const ref = article001Comparison(data, { lr: 0.1, steps: 200 });
    expect(ref.brokenDivergedAt).not.toBeNull();
    expect(steps).toHaveLength(ref.brokenDivergedAt!);
    steps.forEach((s, i) => {
      expect(s.b0).toBe(ref.broken[i + 1]!.b0);
      expect(s.b1).toBe(ref.broken[i + 1]!.b1);
    });
    expect(Number.isFinite(steps.at(-1)!.mse)).toBe(false);
  });
});

describe('modeRace (the three modes side by side)', () => {
  const opts = { lr: 0.1, epochs: 5, batchSize: 10, seed: 2 };

  it('takes every mode to the same fraction of its own updates, and to the end of gradientDescentPath', () => {
    const race = modeRace(data, opts, ['batch', 'mini-batch', 'stochastic']);
    race.advance(0.4);
    expect(race.runs.map((r) => r.last?.update)).toEqual([2, 20, 200]);
    race.advance(1);
    for (const r of race.runs) {
      const path = gradientDescentPath(data, { ...opts, mode: r.mode });
      expect(r.last).toEqual(path.at(-1));
      expect(r.path.at(-1)).toEqual({ x: path.at(-1)!.b0, y: path.at(-1)!.b1 });
      expect(r.loss.at(-1)!.x).toBe(opts.epochs);
    }
    expect(race.allDiverged()).toBe(false);
  });

  it('keeps at most about maxPoints points per curve', () => {
    const race = modeRace(data, opts, ['stochastic'], 50);
    race.advance(1);
    expect(race.runs[0]!.path.length).toBeLessThanOrEqual(52);
    expect(race.runs[0]!.path.length).toBeGreaterThan(40);
  });

  it('stops a diverging mode at the update where it diverged', () => {
    const race = modeRace(data, { ...opts, lr: 2 }, ['batch']);
    race.advance(1);
    const [run] = race.runs;
    expect(run!.divergedAt).toBeDefined();
    expect(run!.last!.update).toBe(run!.divergedAt);
    expect(race.allDiverged()).toBe(true);
  });
});
