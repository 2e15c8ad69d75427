import { z } from 'astro/zod';
import { bilingual } from './bilingual.ts';

/**
 * One place where a seed article is wrong (a number, a formula, a code line, a citation).
 * The article keeps the original visible and shows `<Erratum id="…" />` beside it.
 * Inline math in the texts uses `$…$`.
 */
export const erratum = z
  .object({
    /** `E<seed number>-<two digits>`, e.g. `E000-03`; unique across all articles. */
    id: z.string().regex(/^E\d{3}-\d{2}$/, 'must look like E000-01'),
    /** Slug of the article page, e.g. `hype-to-rationality`. */
    article: z.string().regex(/^[a-z0-9-]+$/),
    /** Anchor of the section the error is in, e.g. `sec-4-4`. */
    section: z.string().regex(/^[a-z0-9-]+$/),
    /** What kind of mistake: it decides nothing, but lets the errata list be filtered. */
    kind: z.enum(['arithmetic', 'formula', 'code', 'citation', 'fact', 'terminology']),
    /** The wrong statement as the seed prints it (kept verbatim, in the seed's language). */
    original: z.string().min(1),
    /** What is wrong, briefly. */
    problem: bilingual,
    /** The correct statement, with the computed value. */
    correction: bilingual,
    /** Id of the in-browser example that computes the correct value, once one exists. */
    example: z.string().optional(),
  })
  .strict();

export type Erratum = z.infer<typeof erratum>;
