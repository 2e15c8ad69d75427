import { describe, expect, it } from 'vitest';
import {
  activationsSchema,
  decodeSettings,
  defaultSettings,
  encodeSettings,
  inapplicable,
  type FieldSpec,
  gradientDescentSchema,
  linearRegressionSchema,
  logisticSchema,
  mlpSchema,
} from '../../../src/lib/examples/url-state.ts';

const ALL = [linearRegressionSchema, gradientDescentSchema, logisticSchema, mlpSchema, activationsSchema];

describe('decodeSettings', () => {
  it('gives the defaults, without issues, for an empty query', () => {
    for (const schema of ALL) {
      const { settings, issues } = decodeSettings(schema, '');
      expect(settings).toEqual(defaultSettings(schema));
      expect(issues).toEqual([]);
    }
  });

  it('reads valid values of every kind', () => {
    const { settings, issues } = decodeSettings(
      linearRegressionSchema,
      '?lin.data=seeded&lin.lr=0.02&lin.epochs=3000&lin.lambda=1&lin.penalizeIntercept=0&lin.seed=42',
    );
    expect(issues).toEqual([]);
    expect(settings).toEqual({ data: 'seeded', lr: 0.02, epochs: 3000, lambda: 1, penalizeIntercept: false, seed: 42 });
    expect(decodeSettings(linearRegressionSchema, 'lin.penalizeIntercept=true').settings.penalizeIntercept).toBe(true);
    expect(decodeSettings(gradientDescentSchema, 'gd.lr=1e-3').settings.lr).toBe(0.001);
  });

  it('falls back to the default and reports every kind of bad value, never throwing', () => {
    const cases: [string, string, string][] = [
      ['lin.lr=abc', 'lr', 'not-a-number'],
      ['lin.lr=', 'lr', 'not-a-number'],
      ['lin.lr=0x10', 'lr', 'not-a-number'],
      ['lin.lr=Infinity', 'lr', 'not-a-number'],
      ['lin.lr=NaN', 'lr', 'not-a-number'],
      ['lin.lr=1', 'lr', 'out-of-range'],
      ['lin.lr=-0.01', 'lr', 'out-of-range'],
      ['lin.epochs=10.5', 'epochs', 'not-an-integer'],
      ['lin.epochs=0', 'epochs', 'out-of-range'],
      ['lin.seed=4294967296', 'seed', 'out-of-range'],
      ['lin.data=mnist', 'data', 'not-allowed'],
      ['lin.penalizeIntercept=yes', 'penalizeIntercept', 'not-a-boolean'],
    ];
    const defaults = defaultSettings(linearRegressionSchema);
    for (const [query, key, reason] of cases) {
      const { settings, issues } = decodeSettings(linearRegressionSchema, query);
      expect(settings).toEqual(defaults);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ param: `lin.${key}`, reason, fallback: defaults[key as keyof typeof defaults] });
      expect(issues[0]!.field).toBe(key);
      if (reason === 'out-of-range')
        expect(issues[0]).toMatchObject({ min: linearRegressionSchema.fields[key as 'lr'].min, max: linearRegressionSchema.fields[key as 'lr'].max });
    }
  });

  it('keeps the good values when some are bad', () => {
    const { settings, issues } = decodeSettings(mlpSchema, 'mlp.data=moons&mlp.lr=banana&mlp.hiddenUnits=8');
    expect(settings.data).toBe('moons');
    expect(settings.lr).toBe(0.5);
    expect(settings.hiddenUnits).toBe(8);
    expect(issues.map((i) => i.reason)).toEqual(['not-a-number']);
  });

  it('reports duplicates (the first value wins) and unknown keys of its own prefix only', () => {
    const { settings, issues } = decodeSettings(gradientDescentSchema, new URLSearchParams('gd.lr=0.2&gd.lr=0.3&gd.momentum=0.9&lin.lr=0.5&utm_source=x'));
    expect(settings.lr).toBe(0.2);
    expect(issues.map((i) => [i.param, i.reason])).toEqual([
      ['gd.lr', 'duplicate'],
      ['gd.momentum', 'unknown-key'],
    ]);
  });

  it('never throws on arbitrary input', () => {
    const junk = ['%', '&&&', '=', 'gd.mode', 'gd.mode=%E0%A4%A', 'gd.epochs=1e400', 'gd.n=-0', '?gd.seed=1.0'];
    for (const q of junk) expect(() => decodeSettings(gradientDescentSchema, q)).not.toThrow();
    expect(decodeSettings(gradientDescentSchema, 'gd.seed=1.0').settings.seed).toBe(1);
  });
});

describe('encodeSettings', () => {
  it('round-trips through decodeSettings for every schema', () => {
    const samples = {
      lin: { data: 'seeded', lr: 0.03, epochs: 2500, lambda: 0.1, penalizeIntercept: false, seed: 7 },
      gd: { mode: 'stochastic', lr: 0.05, epochs: 40, batchSize: 16, n: 250, noise: 1.5, broken: true, seed: 99 },
    } as const;
    const enc1 = encodeSettings(linearRegressionSchema, samples.lin);
    expect(decodeSettings(linearRegressionSchema, enc1)).toEqual({ settings: samples.lin, issues: [] });
    const enc2 = encodeSettings(gradientDescentSchema, samples.gd);
    expect(decodeSettings(gradientDescentSchema, enc2.toString())).toEqual({ settings: samples.gd, issues: [] });
    for (const schema of ALL) {
      const d = defaultSettings(schema);
      expect(decodeSettings(schema, encodeSettings(schema, d, { omitDefaults: false }))).toEqual({ settings: d, issues: [] });
    }
  });

  it('omits defaults, keeps other keys of `base`, replaces its own, and skips invalid values', () => {
    const out = encodeSettings(logisticSchema, { lr: 2, epochs: 200, seed: -1 as number }, { base: 'lin.lr=0.02&logit.lr=9&logit.old=1&x=1' });
    expect(out.toString()).toBe('lin.lr=0.02&x=1&logit.lr=2');
    expect(encodeSettings(activationsSchema, { fn: 'relu', x: 2 }).toString()).toBe('act.fn=relu');
  });
});

describe('settings that do not apply', () => {
  const gd = (mode: string) => decodeSettings(gradientDescentSchema, `?gd.mode=${mode}`).settings;
  it('hide the batch size unless gradient descent uses mini-batches', () => {
    expect(inapplicable(gradientDescentSchema, gd('batch'))).toEqual(['batchSize']);
    expect(inapplicable(gradientDescentSchema, gd('stochastic'))).toEqual(['batchSize']);
    expect(inapplicable(gradientDescentSchema, gd('mini-batch'))).toEqual([]);
  });
  it('hide the intercept penalty without a ridge penalty, and the seed for the article data', () => {
    const lin = (q: string) => inapplicable(linearRegressionSchema, decodeSettings(linearRegressionSchema, q).settings);
    expect(lin('')).toEqual(['penalizeIntercept', 'seed']);
    expect(lin('?lin.lambda=0.5&lin.data=seeded')).toEqual([]);
  });
  it('hide the noise of the fixed XOR points', () => {
    expect(inapplicable(mlpSchema, decodeSettings(mlpSchema, '').settings)).toEqual(['noise']);
    expect(inapplicable(mlpSchema, decodeSettings(mlpSchema, '?mlp.data=moons').settings)).toEqual([]);
  });
  it('name only fields of their own schema', () => {
    for (const schema of [gradientDescentSchema, linearRegressionSchema, mlpSchema])
      for (const spec of Object.values(schema.fields) as FieldSpec[])
        if (spec.appliesWhen) expect(Object.keys(schema.fields)).toContain(spec.appliesWhen.field);
  });
});
