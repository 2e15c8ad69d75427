import { z } from 'astro/zod';
import { bilingual } from './bilingual.ts';

/** One in-browser example: what it shows and how it maps to the article's code, in both languages. */
export const example = z
  .object({
    /** Stable id, also the `data-example` attribute of its island, e.g. `linear-regression`. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Article slug and section anchor the example sits in. */
    article: z.string().regex(/^[a-z0-9-]+$/),
    section: z.string().regex(/^[a-z0-9-]+$/),
    title: bilingual,
    /** What the example demonstrates, one or two sentences. */
    demonstrates: bilingual,
    /** How it maps to the article's code or formulas (and what it fixes). */
    mapsTo: bilingual,
    /** Label of every setting, keyed like the example's URL-settings schema (src/lib/examples/url-state.ts). */
    settings: z.record(z.string(), bilingual).default({}),
  })
  .strict();

export type Example = z.infer<typeof example>;
