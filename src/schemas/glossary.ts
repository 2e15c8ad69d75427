import { z } from 'astro/zod';
import { bilingual } from './bilingual.ts';

/** One term, named the same way in both editions and in the code. */
export const glossaryTerm = z
  .object({
    /** Stable id, lowercase with hyphens, e.g. `gradient-descent`. */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Which part of the glossary it belongs to. */
    group: z.enum(['business', 'ml', 'privacy']),
    /** The preferred term in each language. */
    term: bilingual,
    /** Variants seen in the seeds that the site does not use (e.g. 后向传播, 变压器). */
    avoid: z.array(z.string()).default([]),
    /** One-line definition. */
    definition: bilingual,
    /**
     * Other ways readers type the term, per language: spelling variants (optimization), synonyms
     * (customer support), abbreviations (LLM). Search finds the entry and the article sections that
     * use the term by them; readers never see them.
     */
    aliases: z
      .object({ 'zh-CN': z.array(z.string().trim().min(1)).default([]), en: z.array(z.string().trim().min(1)).default([]) })
      .strict()
      .default({ 'zh-CN': [], en: [] }),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
