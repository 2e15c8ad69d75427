import { z } from 'astro/zod';
import { bilingual } from './bilingual.ts';
import { ARTICLES } from '../lib/assessment/vocabulary.ts';

/**
 * One "try this" prompt under an example: a change to make, what to watch for, and the founder's
 * decision in the articles it illustrates.
 */
export const tryThisPrompt = z
  .object({
    /** What to do and what to watch for, one or two sentences per language (`$…$` for math). */
    text: bilingual,
    /**
     * The settings the prompt's link applies, keyed like the example's URL-settings schema
     * (src/lib/examples/url-state.ts, without the prefix): `{ lr: 2, epochs: 50 }`. Settings not
     * named keep their defaults. Empty when the prompt needs no change (e.g. "press Run and compare").
     */
    settings: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    /** The article section whose decision the prompt illustrates (shown as "article title — section name"). */
    cites: z
      .object({
        /** Slug of the article page. */
        article: z.enum(ARTICLES, { error: `must be one of: ${ARTICLES.join(', ')}` }),
        /** Anchor of the section, e.g. `sec-9-1` for "### 9.1 …", or an explicit `{#id}` such as `faq-3`. */
        section: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an anchor such as sec-9-1'),
      })
      .strict(),
  })
  .strict();

/** The prompts of one example (content/try-this/<article>.yaml). */
export const tryThis = z
  .object({
    /** The example's id, as in content/examples/. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Two or three prompts, in the order shown. */
    prompts: z.array(tryThisPrompt).min(2, 'give at least 2 prompts').max(3, 'give at most 3 prompts'),
  })
  .strict();

export type TryThis = z.infer<typeof tryThis>;
export type TryThisPrompt = z.infer<typeof tryThisPrompt>;
