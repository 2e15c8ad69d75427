/**
 * The settings link of a "try this" prompt (content/try-this/): its query string, checked against
 * the example's URL-settings schema, so that a prompt can never link to settings the example would
 * reject or silently replace by defaults. Pure.
 */
import { decodeSettings, encodeSettings, type SettingsSchema } from './url-state.ts';

export type PromptSettings = Readonly<Record<string, number | string | boolean>>;

/** Why a prompt's setting cannot be applied: an unknown key, or a value the schema rejects. */
export interface PromptProblem {
  field: string;
  reason: 'unknown-key' | 'rejected';
}

/**
 * The query (without '?') that applies exactly `settings` (written even when equal to a default,
 * so the link shows what it sets), and every setting that would not arrive intact.
 */
export function promptQuery(schema: SettingsSchema, settings: PromptSettings): { query: string; problems: PromptProblem[] } {
  const problems: PromptProblem[] = [];
  for (const field of Object.keys(settings)) {
    if (!Object.hasOwn(schema.fields, field)) problems.push({ field, reason: 'unknown-key' });
  }
  const params = encodeSettings(schema, settings as never, { omitDefaults: false });
  const decoded = decodeSettings(schema, params).settings as Record<string, unknown>;
  for (const [field, value] of Object.entries(settings)) {
    if (Object.hasOwn(schema.fields, field) && String(decoded[field]) !== String(value)) problems.push({ field, reason: 'rejected' });
  }
  return { query: params.toString(), problems };
}
