import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

/**
 * Frontmatter that pages add to Starlight's own (title, description, sidebar…). Strict: a
 * misspelt or unknown field fails the build instead of being dropped silently.
 */
export const articleFields = z.strictObject({
  /** Search and SEO terms, in the page's language. */
  keywords: z.array(z.string().min(1)).min(1).optional(),
  /**
   * Articles: what the article means for a founder, in one sentence in the page's language,
   * shown beside its title on the home page and the articles index. It only restates what the
   * article says (no new claims); `npm run check:content` requires it on every article.
   */
  takeaway: z.string().trim().min(1).max(240).optional(),
  /**
   * Articles: "What this means for a founder", shown at the top of the article: 3–5 points in the
   * page's language, each restating (no new claims) what the section it links to says. Both
   * languages list the same sections in the same order (`npm run check:content`).
   */
  founder: z
    .array(
      z
        .object({
          /** Anchor of the section the point summarises, e.g. `sec-2-4`. */
          section: z.string().regex(/^[a-z0-9-]+$/),
          point: z.string().trim().min(1),
        })
        .strict(),
    )
    .min(3)
    .max(5)
    .optional(),
  /**
   * Articles ported from the original drafts only: the seed file as received, and what was kept
   * of it. An original article leaves it out; both languages of a page give the same value.
   */
  source: z
    .object({
      /** File name in `shared/seeds/`, e.g. `000_319b3623aea8cde9.txt`. */
      seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must name a seed file, e.g. 000_319b3623aea8cde9.txt'),
      /** Canonical line range(s) of the seed that this page publishes, e.g. `3-901` or `344-681, 342`. */
      lines: z.string().regex(/^\d+-\d+(, ?\d+(-\d+)?)*$/, 'must be a line range such as 3-901'),
      /** Language the seed was written in (the original drafts are Chinese). */
      language: z.enum(['zh-CN', 'en']),
      /** True when the seed has no title and the page's title was derived from its abstract. */
      titleDerived: z.boolean(),
    })
    .strict()
    .optional(),
  /**
   * English pages only: which revision of the Chinese page this translates, written by
   * `npm run translations:stamp` (see src/lib/translation.ts). Do not edit by hand.
   */
  translation: z
    .object({
      /** Hash of the whole Chinese body that was translated. */
      source: z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12-hex-digit hash written by npm run translations:stamp'),
      /** Per section anchor: "<Chinese hash> <English hash>" at translation time. */
      sections: z.record(z.string(), z.string().regex(/^[0-9a-f]{8} [0-9a-f]{8}$/, 'must be two 8-hex-digit hashes')),
    })
    .strict()
    .optional(),
});

/** The `docs` collection's schema (content.config.ts), also used by `npm run check:mdx`. */
export const pageSchema = docsSchema({ extend: articleFields });
