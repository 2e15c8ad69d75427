// The numbers the errata give must be the ones the site's own numerics compute (never
// copied from anywhere): each entry computes the values here and checks that both
// languages' erratum texts (problem and correction) state them.
import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ARTICLE_000_POINTS } from '../../src/lib/examples/article-data.ts';
import { gradientDescentPlain, leastSquares, ridge } from '../../src/lib/examples/linear-regression.ts';
import { mse, sigmoid } from '../../src/lib/examples/activations.ts';
import { logisticGradient, logisticUpdate } from '../../src/lib/examples/logistic.ts';
import { parameterUpdate } from '../../src/lib/examples/gradient-descent.ts';

const { x, y } = { x: [...ARTICLE_000_POINTS.x], y: [...ARTICLE_000_POINTS.y] };
const ls = leastSquares(x, y);
const gd = gradientDescentPlain(x, y, { lr: 0.01, epochs: 1000 });
const slopeOnlyRidge = ridge(x, y, 0.1, { penalizeIntercept: false });
const articleRidge = ridge(x, y, 0.1, { penalizeIntercept: true });
// Article 003 §4.3: θ1 = 1, b = 0.5, x = (1, 0); one step with α = 0.1.
const logistic = (label: number) => ({ grad: logisticGradient([1, 0], 0.5, [1, 0], label), next: logisticUpdate([1, 0], 0.5, [1, 0], label, 0.1) });
// Article 004 §4: the MSE sample vectors and the update example.
const fixed = (v: number, digits: number) => v.toFixed(digits);

const expected: Record<string, string[]> = {
  'E000-05': [fixed(ls.b1, 4)],
  'E000-06': [fixed(ls.b0, 4)],
  'E000-09': [String(Number(ls.mse.toFixed(4)))],
  'E000-11': [fixed(ls.rmse, 4)],
  'E000-12': [fixed(slopeOnlyRidge.b1, 4), fixed(articleRidge.b0, 4)],
  'E000-15': [fixed(gd.b0, 4), fixed(gd.b1, 4), fixed(gd.mse, 4)],
  'E003-05': [fixed(sigmoid(1.5), 4)],
  'E003-06': [fixed(-Math.log(sigmoid(1.5)), 4), fixed(-Math.log(1 - sigmoid(1.5)), 4)],
  'E003-09': [fixed(logistic(1).grad.dTheta[0]!, 4), fixed(logistic(0).grad.dTheta[0]!, 4)],
  'E003-10': [fixed(logistic(1).next.theta[0]!, 4), fixed(logistic(0).next.theta[0]!, 4)],
  'E004-03': [String(Number(mse([3, 2, 5, 4, 6], [3.1, 1.9, 5.2, 4.1, 6.1]).toFixed(6)))],
  'E004-06': [fixed(sigmoid(2), 4)],
  'E004-09': parameterUpdate([1, 2, 3], [0.1, 0.2, 0.3], 0.05).map((v) => String(Number(v.toFixed(6)))),
};

const errata = new Map<string, { problem: Record<string, string>; correction: Record<string, string> }>();
for (const slug of ['hype-to-rationality', 'technology-market-policy-trends', 'product-innovation']) {
  for (const e of yaml.load(await readFile(`content/errata/${slug}.yaml`, 'utf8')) as {
    id: string;
    problem: Record<string, string>;
    correction: Record<string, string>;
  }[])
    errata.set(e.id, e);
}

describe.each(Object.entries(expected))('%s states the computed value', (id, values) => {
  it.each(['zh-CN', 'en'])('in %s', (lang) => {
    const entry = errata.get(id);
    const text = `${entry?.problem[lang] ?? ''} ${entry?.correction[lang] ?? ''}`;
    for (const value of values) expect(text, `${id} (${lang}) should contain ${value}`).toContain(value);
  });
});
