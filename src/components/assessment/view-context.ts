/**
 * What every assessment view needs to word a report: the page language, its UI strings
 * (`assessment.*` in content/i18n), the questionnaire and the names of the cited sections.
 */
import { UNKNOWN_LABEL, type Bilingual, type Citation, type Contribution, type Question, type Questionnaire } from '../../lib/assessment/index.ts';
import type { Params } from '../../lib/i18n.ts';
import { el } from './dom.ts';
import { citationHref, citationKey } from './labels.ts';

export type Lang = 'zh-CN' | 'en';

export interface ViewContext {
  lang: Lang;
  q: Questionnaire;
  t: (key: string, params?: Params) => string;
  /** "Article title — section name" by `article#section`. */
  citations: Record<string, string>;
  questions: Map<string, Question>;
}

export function viewContext(lang: Lang, q: Questionnaire, t: ViewContext['t'], citations: Record<string, string>): ViewContext {
  return { lang, q, t, citations, questions: new Map(q.groups.flatMap((g) => g.questions.map((x) => [x.id, x] as const))) };
}

export const pick = (v: ViewContext, text: Bilingual) => text[v.lang];

/** A "learn more" link named by article title and section name, or the reason no article covers it. */
export function cite(v: ViewContext, citation: Citation): HTMLElement {
  if ('beyond' in citation) return el('span', { class: 'kb-assess__beyond' }, v.t('assessment.ui.beyond', { reason: pick(v, citation.beyond) }));
  return el('a', { href: citationHref(citation, v.lang) }, v.citations[citationKey(citation)] ?? citation.article);
}

export function questionText(v: ViewContext, id: string): string {
  const question = v.questions.get(id);
  return question ? pick(v, question.text) : id;
}

export function optionText(v: ViewContext, id: string, value: string | string[] | undefined): string {
  if (value === undefined) return v.t('assessment.answer.none');
  if (value === 'unknown') return pick(v, UNKNOWN_LABEL);
  if (Array.isArray(value)) return value.length ? value.map((x) => optionText(v, id, x)).join(v.t('assessment.list.separator')) : v.t('assessment.ui.none');
  const option = v.questions.get(id)?.options.find((o) => o.id === value);
  return option ? pick(v, option.text) : value;
}

export function answerText(v: ViewContext, c: Contribution | undefined): string {
  if (!c) return v.t('assessment.answer.hidden');
  if (c.state === 'answered') return optionText(v, c.question, c.value);
  return c.state === 'unknown' ? pick(v, UNKNOWN_LABEL) : v.t('assessment.answer.none');
}
