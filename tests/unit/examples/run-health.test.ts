import { describe, expect, it } from 'vitest';
import { converged, DivergenceWatch, findDivergence, parameterGap } from '../../../src/lib/examples/run-health.ts';
import { gradientDescentPlain, leastSquares, ridge } from '../../../src/lib/examples/linear-regression.ts';
import { ARTICLE_000_POINTS } from '../../../src/lib/examples/article-data.ts';

const { x, y } = ARTICLE_000_POINTS;

describe('divergence', () => {
  it('flags a non-finite loss and a tenfold growth over the lowest loss so far, not a loss that falls', () => {
    expect(findDivergence([4, 3, 2, 1])).toBeUndefined();
    expect(findDivergence([4, 2, NaN])).toEqual({ kind: 'non-finite', at: 2 });
    expect(findDivergence([4, 1, 9, 11])).toMatchObject({ kind: 'growing', at: 3 });
    const watch = new DivergenceWatch();
    expect(watch.check(Infinity)).toEqual({ kind: 'non-finite' });
  });

  it('catches gradient descent with too large a learning rate on the article’s points, early', () => {
    const run = gradientDescentPlain([...x], [...y], { lr: 0.1, epochs: 200 });
    const d = findDivergence(run.losses);
    expect(d?.kind).toBe('growing');
    expect(d!.at).toBeLessThan(20);
    expect(findDivergence(gradientDescentPlain([...x], [...y], { lr: 0.01, epochs: 200 }).losses)).toBeUndefined();
  });
});

describe('convergence', () => {
  it('measures the gap to the closed form relative to its size', () => {
    expect(parameterGap([2, 0.85], [2, 0.85])).toBe(0);
    expect(parameterGap([1, 0.85], [2, 0.85])).toBeCloseTo(1 / 3, 10);
    expect(parameterGap([NaN, 0], [0, 0])).toBe(Infinity);
  });

  it('tells a run that reached least squares from one that stopped short', () => {
    const ls = leastSquares([...x], [...y]);
    const long = gradientDescentPlain([...x], [...y], { lr: 0.01, epochs: 20000 });
    const short = gradientDescentPlain([...x], [...y], { lr: 0.01, epochs: 1000 });
    expect(converged([long.b0, long.b1], [ls.b0, ls.b1])).toBe(true);
    expect(converged([short.b0, short.b1], [ls.b0, ls.b1])).toBe(false);
  });

  it('flags ridge with an unpenalised intercept stopping short of its closed form after the default 1000 epochs', () => {
    const r = ridge([...x], [...y], 0.1, { penalizeIntercept: false });
    const run = gradientDescentPlain([...x], [...y], { lr: 0.01, epochs: 1000, ridgeLambda: 0.1, penalizeIntercept: false });
    expect(converged([run.b0, run.b1], [r.b0, r.b1])).toBe(false);
  });
});
