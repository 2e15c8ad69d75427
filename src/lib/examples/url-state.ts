/**
 * Shareable example settings in the page URL (all in-browser examples: ports P000, P001a, P001b,
 * P003a, P004c of the seed guide §4.2). Each example has a schema with a key prefix (so several
 * examples can share one page URL), allowed ranges and defaults. Decoding never throws: an invalid
 * or out-of-range value falls back to the default and is reported in `issues`.
 */

/**
 * When a setting matters: only while another setting of the same example has one of the listed
 * values, or is above a number. The form hides a setting that does not apply (e.g. the batch size
 * of full-batch gradient descent), so a reader never changes something that changes nothing.
 */
export type AppliesWhen = { field: string; in: readonly (string | boolean)[] } | { field: string; above: number };

/** What every kind of setting may declare. */
interface FieldBase {
  appliesWhen?: AppliesWhen;
}

/** A numeric setting with an inclusive range. */
export interface NumberField extends FieldBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  integer?: boolean;
}

/** A choice among fixed strings. */
export interface EnumField<V extends string = string> extends FieldBase {
  kind: 'enum';
  default: V;
  values: readonly V[];
}

/** An on/off setting, written as 1/0 (true/false is accepted when reading). */
export interface BooleanField extends FieldBase {
  kind: 'boolean';
  default: boolean;
}

export type FieldSpec = NumberField | EnumField | BooleanField;

/** The schema of one example's settings. */
export interface SettingsSchema<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  /** Prefix of every query key, e.g. 'lin.' → `?lin.lr=0.01`. */
  prefix: string;
  fields: F;
}

/** The settings object described by a schema. */
export type SettingsOf<S extends SettingsSchema> = {
  [K in keyof S['fields']]: S['fields'][K] extends EnumField<infer V> ? V : S['fields'][K] extends NumberField ? number : boolean;
};

/** The keys of the settings that do not apply to the given values (see `AppliesWhen`). */
export function inapplicable(schema: SettingsSchema, settings: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(schema.fields)
    .filter(([, spec]) => {
      const when = spec.appliesWhen;
      if (!when) return false;
      const value = settings[when.field];
      return 'above' in when ? !(typeof value === 'number' && value > when.above) : !when.in.includes(value as string | boolean);
    })
    .map(([key]) => key);
}

/** Why a query value was not used. */
export type UrlIssueReason = 'not-a-number' | 'not-an-integer' | 'out-of-range' | 'not-allowed' | 'not-a-boolean' | 'duplicate' | 'unknown-key';

/**
 * One reported problem, as a code and its parameters (the island words it in the page's language,
 * with the field's label); the setting then uses `fallback` (the default), or the first of duplicates.
 */
export interface UrlIssue {
  /** The full query key, prefix included. */
  param: string;
  /** The field's key without the prefix (undefined for unknown keys). */
  field?: string;
  value: string;
  reason: UrlIssueReason;
  /** The value used instead (undefined for unknown keys, which are ignored). */
  fallback?: number | string | boolean;
  /** The allowed range, for `out-of-range`. */
  min?: number;
  max?: number;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses one raw value against its field; returns the value or the reason it is rejected. */
function parseField(spec: FieldSpec, raw: string): { ok: true; value: number | string | boolean } | { ok: false; reason: UrlIssueReason } {
  const text = raw.trim();
  switch (spec.kind) {
    case 'number': {
      const v = Number(text);
      if (!DECIMAL.test(text) || !Number.isFinite(v)) return { ok: false, reason: 'not-a-number' };
      if (spec.integer && !Number.isInteger(v)) return { ok: false, reason: 'not-an-integer' };
      if (v < spec.min || v > spec.max) return { ok: false, reason: 'out-of-range' };
      return { ok: true, value: v };
    }
    case 'enum':
      return spec.values.includes(text) ? { ok: true, value: text } : { ok: false, reason: 'not-allowed' };
    case 'boolean':
      if (text === '1' || text === 'true') return { ok: true, value: true };
      if (text === '0' || text === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'not-a-boolean' };
  }
}

/** The schema's defaults. */
export function defaultSettings<S extends SettingsSchema>(schema: S): SettingsOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema.fields)) out[key] = spec.default;
  return out as SettingsOf<S>;
}

/**
 * Reads an example's settings from a query string (`location.search`, with or without '?') or
 * URLSearchParams. Missing keys take their defaults silently; invalid ones take their defaults
 * and are reported; for a repeated key the first value is used and the repeat is reported;
 * unknown keys with this schema's prefix are reported and ignored. Never throws.
 */
export function decodeSettings<S extends SettingsSchema>(schema: S, query: URLSearchParams | string): { settings: SettingsOf<S>; issues: UrlIssue[] } {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const settings: Record<string, unknown> = {};
  const issues: UrlIssue[] = [];
  for (const [key, spec] of Object.entries(schema.fields)) {
    const param = schema.prefix + key;
    const values = params.getAll(param);
    settings[key] = spec.default;
    if (values.length === 0) continue;
    if (values.length > 1) {
      issues.push({ param, field: key, value: values.slice(1).join(','), reason: 'duplicate' });
    }
    const parsed = parseField(spec, values[0]!);
    if (parsed.ok) settings[key] = parsed.value;
    else {
      const range = spec.kind === 'number' && parsed.reason === 'out-of-range' ? { min: spec.min, max: spec.max } : {};
      issues.push({ param, field: key, value: values[0]!, reason: parsed.reason, fallback: spec.default, ...range });
    }
  }
  const seen = new Set<string>();
  for (const param of params.keys()) {
    if (seen.has(param)) continue;
    seen.add(param);
    if (param.startsWith(schema.prefix) && !Object.hasOwn(schema.fields, param.slice(schema.prefix.length))) {
      issues.push({ param, value: params.get(param) ?? '', reason: 'unknown-key' });
    }
  }
  return { settings: settings as SettingsOf<S>, issues };
}

/**
 * Writes settings into query parameters. Starts from a copy of `base` (e.g. the current
 * `location.search`, so other examples' keys survive), removes this schema's keys, then sets each
 * setting that differs from its default (all of them with `omitDefaults: false`). A value that
 * would not decode (wrong type or out of range) is not written, so the link opens with the default.
 */
export function encodeSettings<S extends SettingsSchema>(
  schema: S,
  settings: Partial<SettingsOf<S>>,
  { base, omitDefaults = true }: { base?: URLSearchParams | string; omitDefaults?: boolean } = {},
): URLSearchParams {
  const out = new URLSearchParams(base ?? '');
  for (const param of [...out.keys()]) {
    if (param.startsWith(schema.prefix)) out.delete(param);
  }
  for (const [key, spec] of Object.entries(schema.fields)) {
    const value = (settings as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (omitDefaults && value === spec.default) continue;
    const text = spec.kind === 'boolean' ? (value === true ? '1' : value === false ? '0' : String(value)) : String(value);
    if (parseField(spec, text).ok) out.set(schema.prefix + key, text);
  }
  return out;
}

const seedField: NumberField = { kind: 'number', default: 1, min: 0, max: 4294967295, integer: true };

/** Linear regression of article 000 §4–5 (P000): data, GD settings, ridge λ. */
export const linearRegressionSchema = {
  prefix: 'lin.',
  fields: {
    data: { kind: 'enum', default: 'article', values: ['article', 'seeded'] } as EnumField<'article' | 'seeded'>,
    // lr ≥ 2/61.68 ≈ 0.0324 diverges on the article's data; the range allows showing that.
    lr: { kind: 'number', default: 0.01, min: 0.0001, max: 0.05 } as NumberField,
    epochs: { kind: 'number', default: 1000, min: 1, max: 10000, integer: true } as NumberField,
    lambda: { kind: 'number', default: 0, min: 0, max: 10 } as NumberField,
    penalizeIntercept: { kind: 'boolean', default: true, appliesWhen: { field: 'lambda', above: 0 } } as BooleanField,
    // The seed only draws the synthetic data; the article's data are fixed.
    seed: { ...seedField, appliesWhen: { field: 'data', in: ['seeded'] } },
  },
} satisfies SettingsSchema;

/** Batch / mini-batch / stochastic GD of articles 001 §4 and 004 §4.3 (P001b). */
export const gradientDescentSchema = {
  prefix: 'gd.',
  fields: {
    mode: { kind: 'enum', default: 'mini-batch', values: ['batch', 'mini-batch', 'stochastic'] } as EnumField<'batch' | 'mini-batch' | 'stochastic'>,
    lr: { kind: 'number', default: 0.1, min: 0.0001, max: 2 } as NumberField,
    epochs: { kind: 'number', default: 20, min: 1, max: 500, integer: true } as NumberField,
    // Full-batch uses all n points per update, stochastic one.
    batchSize: { kind: 'number', default: 10, min: 1, max: 1000, integer: true, appliesWhen: { field: 'mode', in: ['mini-batch'] } } as NumberField,
    n: { kind: 'number', default: 100, min: 2, max: 1000, integer: true } as NumberField,
    noise: { kind: 'number', default: 0.5, min: 0, max: 5 } as NumberField,
    broken: { kind: 'boolean', default: false } as BooleanField,
    seed: seedField,
  },
} satisfies SettingsSchema;

/** Single-neuron logistic regression of article 003 §4.3 (P003a). */
export const logisticSchema = {
  prefix: 'logit.',
  fields: {
    lr: { kind: 'number', default: 0.5, min: 0.001, max: 10 } as NumberField,
    epochs: { kind: 'number', default: 200, min: 1, max: 5000, integer: true } as NumberField,
    nPerClass: { kind: 'number', default: 50, min: 2, max: 500, integer: true } as NumberField,
    spread: { kind: 'number', default: 0.8, min: 0.05, max: 3 } as NumberField,
    seed: seedField,
  },
} satisfies SettingsSchema;

/** The 2-H-1 network of article 001 §3 (P001a). */
export const mlpSchema = {
  prefix: 'mlp.',
  fields: {
    data: { kind: 'enum', default: 'xor', values: ['xor', 'moons'] } as EnumField<'xor' | 'moons'>,
    hidden: { kind: 'enum', default: 'tanh', values: ['tanh', 'sigmoid'] } as EnumField<'tanh' | 'sigmoid'>,
    hiddenUnits: { kind: 'number', default: 4, min: 1, max: 16, integer: true } as NumberField,
    lr: { kind: 'number', default: 0.5, min: 0.001, max: 10 } as NumberField,
    epochs: { kind: 'number', default: 500, min: 1, max: 5000, integer: true } as NumberField,
    batchSize: { kind: 'number', default: 32, min: 1, max: 1000, integer: true } as NumberField,
    // XOR is four fixed points; only the two moons are drawn with noise.
    noise: { kind: 'number', default: 0.1, min: 0, max: 0.5, appliesWhen: { field: 'data', in: ['moons'] } } as NumberField,
    seed: seedField,
  },
} satisfies SettingsSchema;

/** The activation / loss widgets of article 004 §4 (P004c). */
export const activationsSchema = {
  prefix: 'act.',
  fields: {
    fn: { kind: 'enum', default: 'sigmoid', values: ['sigmoid', 'relu', 'relu6'] } as EnumField<'sigmoid' | 'relu' | 'relu6'>,
    x: { kind: 'number', default: 2, min: -10, max: 10 } as NumberField,
  },
} satisfies SettingsSchema;

/**
 * The logistic-neuron island of article 003 §4.3 (P003a): `logisticSchema` (training on two
 * clusters) plus α, the learning rate of the single worked update step (the article gives none;
 * the errata use 0.1). Same prefix, so the links stay `?logit.…`.
 */
export const logisticExampleSchema = {
  prefix: logisticSchema.prefix,
  fields: {
    alpha: { kind: 'number', default: 0.1, min: 0.0001, max: 10 } as NumberField,
    ...logisticSchema.fields,
  },
} satisfies SettingsSchema;

/** The tiny character-level Transformer language model of article 003 §5.2 (E003-11/E003-13). */
export const tinyTransformerSchema = {
  prefix: 'tt.',
  fields: {
    steps: { kind: 'number', default: 250, min: 1, max: 3000, integer: true } as NumberField,
    lr: { kind: 'number', default: 0.01, min: 0.0001, max: 0.1 } as NumberField,
    dModel: { kind: 'enum', default: '32', values: ['32', '48', '64'] } as EnumField<'32' | '48' | '64'>,
    heads: { kind: 'enum', default: '2', values: ['1', '2'] } as EnumField<'1' | '2'>,
    layers: { kind: 'enum', default: '2', values: ['1', '2'] } as EnumField<'1' | '2'>,
    context: { kind: 'number', default: 32, min: 4, max: 64, integer: true } as NumberField,
    batch: { kind: 'number', default: 8, min: 1, max: 64, integer: true } as NumberField,
    // TF.js treats seed 0 as "unseeded"; our own generator does not, but 0 is kept out anyway.
    seed: { kind: 'number', default: 1, min: 1, max: 4294967295, integer: true } as NumberField,
  },
} satisfies SettingsSchema;

/** The transfer-learning miniature of article 001 §5 (ResNet50 + new head, E001-12/13). */
export const transferSchema = {
  prefix: 'tl.',
  fields: {
    pretrainPerClass: { kind: 'number', default: 150, min: 20, max: 400, integer: true } as NumberField,
    pretrainEpochs: { kind: 'number', default: 4, min: 1, max: 20, integer: true } as NumberField,
    trainSize: { kind: 'number', default: 400, min: 40, max: 1000, integer: true } as NumberField,
    epochs: { kind: 'number', default: 5, min: 1, max: 30, integer: true } as NumberField,
    // One rate for both networks: TUNED_LR of transfer.ts, from a sweep (the article's 0.001 leaves
    // the network trained from scratch under-trained in 5 epochs).
    lr: { kind: 'number', default: 0.03, min: 0.0001, max: 0.05 } as NumberField,
    seed: seedField,
    // Also draw test accuracy against the number of labelled examples (trains both networks again at smaller sizes).
    curve: { kind: 'boolean', default: false } as BooleanField,
  },
} satisfies SettingsSchema;

/** The loss widgets of article 004 §4.1: the five predicted probabilities ŷ of the cross-entropy example (labels [1, 0, 1, 0, 1]). */
export const lossesSchema = {
  prefix: 'loss.',
  fields: {
    p1: { kind: 'number', default: 0.9, min: 0, max: 1 } as NumberField,
    p2: { kind: 'number', default: 0.2, min: 0, max: 1 } as NumberField,
    p3: { kind: 'number', default: 0.8, min: 0, max: 1 } as NumberField,
    p4: { kind: 'number', default: 0.1, min: 0, max: 1 } as NumberField,
    p5: { kind: 'number', default: 0.7, min: 0, max: 1 } as NumberField,
  },
} satisfies SettingsSchema;

/** The worked update θ ← θ − α∇J of article 004 §4.3 (θ = [1, 2, 3], ∇J = [0.1, 0.2, 0.3]); the article's α is 0.05. */
export const parameterUpdateSchema = {
  prefix: 'upd.',
  fields: {
    lr: { kind: 'number', default: 0.05, min: 0, max: 10 } as NumberField,
  },
} satisfies SettingsSchema;

/**
 * The MNIST classifier of article 004 §5.2 (Digits.astro): epochs and batch size as in the article
 * (5, Keras' default 32), how many of the 9,000 training digits to use, and the seed of the
 * initialisers and the per-epoch shuffle (≥ 1: TF.js treats seed 0 as "unseeded").
 */
export const digitsSchema = {
  prefix: 'digits.',
  fields: {
    epochs: { kind: 'number', default: 5, min: 1, max: 30, integer: true } as NumberField,
    batchSize: { kind: 'number', default: 32, min: 1, max: 1024, integer: true } as NumberField,
    trainSize: { kind: 'number', default: 9000, min: 100, max: 9000, integer: true } as NumberField,
    seed: { kind: 'number', default: 1, min: 1, max: 2147483647, integer: true } as NumberField,
    // Also draw held-out accuracy against the number of training digits (trains on smaller subsets too).
    curve: { kind: 'boolean', default: false } as BooleanField,
  },
} satisfies SettingsSchema;
