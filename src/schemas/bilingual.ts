import { z } from 'astro/zod';

/** A text in both editions. Contributors must give both: a missing language fails the build. */
export const bilingual = z
  .object({
    'zh-CN': z.string().trim().min(1, 'the Chinese text is missing'),
    en: z.string().trim().min(1, 'the English text is missing'),
  })
  .strict();

export type Bilingual = z.infer<typeof bilingual>;
export type Lang = keyof Bilingual;
