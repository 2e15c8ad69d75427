// One translation system: every UI string lives in Starlight's i18n collection
// (content/i18n/<lang>.json). Components read it with `Astro.locals.t(key)`; client code gets
// the strings it needs as data (`pickMessages`, rendered by <UiMessages>) and reads them through
// `translator`, so a third language is one more JSON file.

export type Messages = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;

/**
 * Key prefixes under which code builds keys at run time (`assessment.dimension.${id}`…), so the
 * unused-key check can tell them from stale keys. Add a prefix here when you build keys that way.
 */
export const DYNAMIC_KEY_PREFIXES: readonly string[] = [
  // The assessment's report (src/components/assessment/): flag levels, table columns, decode errors.
  'assessment.flag.level.',
  'assessment.dimensions.column.',
  'assessment.risks.column.',
  'assessment.delta.column.',
  'assessment.delta.answer-column.',
  'assessment.decode.',
  // Erratum kinds (src/components/ErrataList.astro).
  'errata.kind.',
  // The columns of the Transformer example's cost table (src/components/examples/CostView.astro).
  'examples.cost.column.',
];

/**
 * `Astro.locals.t` for keys built at run time (under DYNAMIC_KEY_PREFIXES) or passed through
 * helpers: the compiler knows only literal keys; the i18n unit test checks these.
 */
export function byKey(t: unknown): (key: string) => string {
  return t as (key: string) => string;
}

/** The strings whose keys start with one of the prefixes (e.g. 'examples.'), for client code. */
export function pickMessages(all: Readonly<Record<string, unknown>>, ...prefixes: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) {
    if (typeof value === 'string' && prefixes.some((prefix) => key.startsWith(prefix))) picked[key] = value;
  }
  return picked;
}

/** Fills `{name}` placeholders; a placeholder without a parameter stays visible so it gets noticed. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * `format` for rich text: placeholders may be filled with parts that are not text (elements of a
 * view), returned in order with the text around them. A placeholder without a parameter stays visible.
 */
export function formatParts<T>(template: string, params: Readonly<Record<string, string | number | T>>): (string | T)[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) => {
      if (i % 2 === 0) return piece;
      const value = params[piece];
      return value === undefined ? `{${piece}}` : typeof value === 'number' ? String(value) : value;
    })
    .filter((part) => part !== '');
}

/**
 * A lookup over messages handed to the client. A missing key returns the key itself (as
 * Starlight's `t()` does) — the i18n unit test keeps that from reaching readers.
 */
export function translator(messages: Messages): (key: string, params?: Params) => string {
  return (key, params) => format(messages[key] ?? key, params);
}
