/** Small shared helpers for the assessment components (build time and browser). */
import { withBase } from '../../lib/base-path.ts';

/** Link to a citation, in the page's language. */
export function citationHref(citation: { article: string; section: string }, lang: 'zh-CN' | 'en'): string {
  return withBase(`${lang === 'en' ? '/en' : ''}/articles/${citation.article}/#${citation.section}`);
}

/** The key of a citation in the map of section names (`article#section`). */
export function citationKey(citation: { article: string; section: string }): string {
  return `${citation.article}#${citation.section}`;
}

/** One decimal, as shown on the page (and in the tests). */
export function fmt(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** A signed difference, one decimal unless told: +1.5, −2.0, ±0.0 (digits 0: +2, −3, ±0). */
export function signed(value: number, digits = 1): string {
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  if (rounded === 0) return `±${(0).toFixed(digits)}`;
  return rounded > 0 ? `+${rounded.toFixed(digits)}` : `−${Math.abs(rounded).toFixed(digits)}`;
}

export const STORAGE_KEY = 'kb-assessment-v1';
export const SNAPSHOT_KEY = 'kb-assessment-snapshots-v1';
