// The site's own UI strings (content/i18n/<lang>.json), declared in Starlight's i18n schema so
// that `Astro.locals.t()` accepts their keys. The English file is the list of keys; the i18n unit
// test (tests/unit/i18n.test.ts) keeps every language at exactly those keys, with no key unused.
import { z } from 'astro/zod';
import en from '../../content/i18n/en.json' with { type: 'json' };

/** One non-empty string per key of the English file. */
const shape = Object.fromEntries(Object.keys(en).map((key) => [key, z.string().min(1)])) as { [K in keyof typeof en]: z.ZodString };
export const uiStrings = z.object(shape);
