/**
 * The questionnaire form as data: which boxes are ticked for an answer, and which answer the
 * ticked boxes give. Pure; the page's inputs carry an option id, `unknown` ("don't know") or
 * NONE ("none of these", on multi-select questions only).
 */
import { isMultiple } from './state.ts';
import { UNKNOWN } from './vocabulary.ts';
import type { Answer, EvidenceLevel, Question } from './types.ts';

/** Value of the "none of these" box of a multi-select question (not an option id: ids are slugs). */
export const NONE = '--none';

const EVIDENCE: readonly string[] = ['belief', 'some', 'measured'];

/**
 * The boxes of a multi-select question still ticked after the reader ticks `ticked`: "don't
 * know" and "none of these" exclude the options and each other.
 */
export function afterTicking(checked: readonly string[], ticked: string): string[] {
  const exclusive = (value: string) => value === UNKNOWN || value === NONE;
  return checked.filter((value) => value === ticked || !(exclusive(ticked) || exclusive(value)));
}

/** The answer the ticked boxes and the evidence selector give; undefined when nothing is ticked. */
export function answerFromForm(question: Question, checked: readonly string[], evidence: string): Answer | undefined {
  let value: string | string[];
  if (isMultiple(question)) {
    if (checked.includes(UNKNOWN)) value = UNKNOWN;
    else if (checked.includes(NONE)) value = [];
    else if (checked.length) value = [...checked];
    else return undefined;
  } else {
    const [first] = checked;
    if (first === undefined) return undefined;
    value = first;
  }
  return EVIDENCE.includes(evidence) ? { value, evidence: evidence as EvidenceLevel } : { value };
}

/** Whether the box with this value is ticked for the answer (none: nothing ticked). */
export function isTicked(question: Question, answer: Answer | undefined, box: string): boolean {
  if (!answer) return false;
  if (answer.value === UNKNOWN) return box === UNKNOWN;
  if (!isMultiple(question)) return box === answer.value;
  if (!Array.isArray(answer.value)) return false;
  return answer.value.length ? answer.value.includes(box) : box === NONE;
}

/** A what-if answer on offer: its value and how the page words it. */
export type WhatIfChoice =
  | { value: string | string[]; label: 'option'; option: string }
  | { value: string[]; label: 'all' }
  | { value: string[]; label: 'none' }
  | { value: typeof UNKNOWN; label: 'unknown' };

/**
 * The answers the what-if can try for a question: each option (for a multi-select question:
 * each option alone, all of them, none), then "don't know".
 */
export function whatIfChoices(question: Question): WhatIfChoice[] {
  const ids = question.options.map((o) => o.id);
  const choices: WhatIfChoice[] = isMultiple(question)
    ? [...ids.map((id): WhatIfChoice => ({ value: [id], label: 'option', option: id })), { value: ids, label: 'all' }, { value: [], label: 'none' }]
    : ids.map((id): WhatIfChoice => ({ value: id, label: 'option', option: id }));
  return [...choices, { value: UNKNOWN, label: 'unknown' }];
}
