import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_003_LOGISTIC } from '../../../src/lib/examples/article-data.ts';
import { articleAsWritten, workedColumn, workedColumnTf } from '../../../src/lib/examples/logistic-worked.ts';
import { bceFromLogit, logisticForward } from '../../../src/lib/examples/logistic.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { centralDiff, expectNoLeak } from './helpers.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const { theta, b, x } = ARTICLE_003_LOGISTIC;

// Reference values computed with numpy (float64), yh = 1/(1+np.exp(-1.5)):
//   yh = 0.8175744761936437, yh(1-yh) = 0.14914645207033286
//   y=1: L = 0.2014132779827524, dL/dyh = -1.22313016014843, θ1 → 1.0182425523806355, b → 0.5182425523806357 (α 0.1)
//   y=0: L = 1.7014132779827524, dL/dyh = 5.4816890703380645, θ1 → 0.9182425523806357, b → 0.4182425523806356 (α 0.1)
//   α 0.5: y=1 θ1 → 1.0912127619031782, b → 0.5912127619031782; y=0 θ1 → 0.5912127619031782, b → 0.09121276190317817
//   as written: entropy 0.47505156369228696, factor 0.027208119642790095, θ1 → 0.997279188035721 (α 0.1), 0.986395940178605 (α 0.5)
describe('worked example of article 003 §4.3', () => {
  it('corrected formulas for y = 1 and y = 0 (α = 0.1)', () => {
    const c1 = workedColumn(theta, b, x, 1, 0.1);
    expect(c1.z).toBe(1.5);
    expect(c1.yHat).toBeCloseTo(0.8175744761936437, 15);
    expect(c1.sigmoidPrime).toBeCloseTo(0.14914645207033286, 15);
    expect(c1.loss).toBeCloseTo(0.2014132779827524, 14);
    expect(c1.dLossDyHat).toBeCloseTo(-1.22313016014843, 13);
    expect(c1.dTheta1).toBeCloseTo(0.8175744761936437 - 1, 15);
    expect(c1.dB).toBeCloseTo(0.8175744761936437 - 1, 15);
    expect(c1.theta1Next).toBeCloseTo(1.0182425523806355, 14);
    expect(c1.bNext).toBeCloseTo(0.5182425523806357, 14);
    const c0 = workedColumn(theta, b, x, 0, 0.1);
    expect(c0.loss).toBeCloseTo(1.7014132779827524, 14);
    expect(c0.dLossDyHat).toBeCloseTo(5.4816890703380645, 13);
    expect(c0.dTheta1).toBeCloseTo(0.8175744761936437, 15);
    expect(c0.theta1Next).toBeCloseTo(0.9182425523806357, 14);
    expect(c0.bNext).toBeCloseTo(0.4182425523806356, 14);
  });

  it('the step scales with α', () => {
    expect(workedColumn(theta, b, x, 1, 0.5).theta1Next).toBeCloseTo(1.0912127619031782, 14);
    expect(workedColumn(theta, b, x, 1, 0.5).bNext).toBeCloseTo(0.5912127619031782, 14);
    expect(workedColumn(theta, b, x, 0, 0.5).theta1Next).toBeCloseTo(0.5912127619031782, 14);
    expect(workedColumn(theta, b, x, 0, 0.5).bNext).toBeCloseTo(0.09121276190317817, 14);
  });

  it('chain rule: ∂L/∂ŷ · σ′(z) · x1 = ∂L/∂θ1, and both match finite differences', () => {
    for (const y of [0, 1]) {
      const c = workedColumn(theta, b, x, y, 0.1);
      expect(c.dLossDyHat! * c.sigmoidPrime! * x[0]).toBeCloseTo(c.dTheta1, 14);
      const L = (t1: number) => bceFromLogit(logisticForward([t1, theta[1]], b, x).z, y);
      expect(c.dTheta1).toBeCloseTo(centralDiff(L, theta[0]), 8);
      const Lb = (bb: number) => bceFromLogit(logisticForward(theta, bb, x).z, y);
      expect(c.dB).toBeCloseTo(centralDiff(Lb, b), 8);
    }
  });

  it('TF.js autodiff gives the same column to float32 precision, without leaks', async () => {
    for (const y of [0, 1]) {
      for (const alpha of [0.1, 0.5]) {
        const ref = workedColumn(theta, b, x, y, alpha);
        const viaTf = await expectNoLeak(tf, () => workedColumnTf(tf, theta, b, x, y, alpha));
        for (const key of ['z', 'yHat', 'loss', 'dTheta1', 'dB', 'theta1Next', 'bNext'] as const) {
          expect(Math.abs(viaTf[key]! - ref[key]!), `${key} (y=${y}, α=${alpha})`).toBeLessThan(1e-6);
        }
        expect(viaTf.dLossDyHat).toBeUndefined();
      }
    }
  });

  it('the article as written: entropy of ŷ, 1 − ŷ, and θ1 → 0.99728 whatever the label', () => {
    const a = articleAsWritten(1, 0.5, 0.1);
    expect(a.yHat).toBeCloseTo(0.8175744761936437, 15);
    expect(a.loss).toBeCloseTo(0.47505156369228696, 14);
    expect(a.dLossDy).toBeCloseTo(1 - 0.8175744761936437, 15);
    expect(a.sigmoidPrime).toBeCloseTo(0.14914645207033286, 15);
    expect(a.dTheta1).toBeCloseTo(0.027208119642790095, 15);
    expect(a.theta1Next).toBeCloseTo(0.997279188035721, 15);
    expect(articleAsWritten(1, 0.5, 0.5).theta1Next).toBeCloseTo(0.986395940178605, 15);
    // its gradient has the wrong sign for y = 1 and the wrong size for y = 0
    expect(Math.sign(a.dTheta1)).not.toBe(Math.sign(workedColumn(theta, b, x, 1, 0.1).dTheta1));
    expect(a.dTheta1 / workedColumn(theta, b, x, 0, 0.1).dTheta1).toBeLessThan(0.05);
  });
});

describe('URL settings of the article 003 examples', () => {
  it('the logistic island adds α to the logistic settings under the same prefix', async () => {
    const { decodeSettings, defaultSettings, logisticExampleSchema, logisticSchema } = await import('../../../src/lib/examples/url-state.ts');
    expect(defaultSettings(logisticExampleSchema)).toEqual({ alpha: 0.1, ...defaultSettings(logisticSchema) });
    const { settings, issues } = decodeSettings(logisticExampleSchema, '?logit.alpha=0.5&logit.lr=1');
    expect(issues).toEqual([]);
    expect(settings.alpha).toBe(0.5);
    expect(settings.lr).toBe(1);
    expect(decodeSettings(logisticExampleSchema, 'logit.alpha=-1').settings.alpha).toBe(0.1);
  });

  it('the tiny Transformer settings keep the seed non-zero and the width an allowed value', async () => {
    const { decodeSettings, tinyTransformerSchema } = await import('../../../src/lib/examples/url-state.ts');
    const bad = decodeSettings(tinyTransformerSchema, 'tt.seed=0&tt.dModel=40&tt.heads=3');
    expect(bad.settings).toMatchObject({ seed: 1, dModel: '32', heads: '2' });
    expect(bad.issues.map((i) => i.param).sort()).toEqual(['tt.dModel', 'tt.heads', 'tt.seed']);
    expect(decodeSettings(tinyTransformerSchema, 'tt.steps=80&tt.dModel=64&tt.layers=1').settings).toMatchObject({ steps: 80, dModel: '64', layers: '1' });
  });
});
