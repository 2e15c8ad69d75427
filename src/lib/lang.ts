import type { Lang } from '../schemas/bilingual.ts';

/** Maps Starlight's `lang` of a page ('zh-CN' or 'en') to the key of bilingual data. */
export function pageLang(lang: string | undefined): Lang {
  return lang === 'en' ? 'en' : 'zh-CN';
}
