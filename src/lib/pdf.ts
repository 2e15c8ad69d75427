/**
 * The downloadable PDF of all articles, one per language (`npm run build:pdf`). Pages link it
 * only in a build that also prints it (BUILD_PDF=1), so a plain `npm run build`, which needs no
 * browser, never links a file that is not there.
 */
import type { Lang } from '../schemas/bilingual.ts';

/** Path of a language's PDF under the site root (without the base path). */
export const pdfPath = (lang: Lang): string => `/downloads/articles-${lang}.pdf`;

/** Whether this build prints the PDFs (and so may link them). */
export const pdfBuilt = (env: Readonly<Record<string, string | undefined>>): boolean => env.BUILD_PDF === '1';

/** Pages in a PDF file (its page objects). */
export const pageCount = (pdf: Uint8Array): number =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
