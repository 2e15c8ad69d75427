/**
 * From raw answers to the state of every question: hidden, unanswered, "don't know" or answered
 * (normalised), plus its level when scored; and the evaluation of conditions on those states.
 * Pure functions; answers to hidden questions are dropped here, so nothing downstream sees them.
 */
import { UNKNOWN, type Condition, type ConditionLeaf } from './vocabulary.ts';
import type { Answer, Answers, EvidenceLevel, Question, Questionnaire } from './types.ts';

export { UNKNOWN };
const EVIDENCE = new Set<string>(['belief', 'some', 'measured']);

export interface IndexedQuestion {
  question: Question;
  group: string;
  /** Position in the questionnaire. */
  index: number;
  /** Highest level: 0 for choice questions. */
  max: number;
  optionIds: Set<string>;
}

export interface Index {
  questions: IndexedQuestion[];
  byId: Map<string, IndexedQuestion>;
}

const cache = new WeakMap<Questionnaire, Index>();

export function indexOf(q: Questionnaire): Index {
  let index = cache.get(q);
  if (!index) {
    const questions = q.groups.flatMap((g) => g.questions.map((question) => ({ question, group: g.id })));
    const list = questions.map(({ question, group }, i) => ({
      question,
      group,
      index: i,
      max: maxLevel(question),
      optionIds: new Set(question.options.map((o) => o.id)),
    }));
    index = { questions: list, byId: new Map(list.map((item) => [item.question.id, item])) };
    cache.set(q, index);
  }
  return index;
}

export function isScored(question: Question): question is Exclude<Question, { type: 'choice' }> {
  return question.type !== 'choice';
}

export function isMultiple(question: Question): boolean {
  return question.type === 'multi' || (question.type === 'choice' && Boolean(question.multiple));
}

function maxLevel(question: Question): number {
  if (question.type === 'scale') return Math.max(...question.options.map((o) => o.points));
  if (question.type === 'multi') return 3;
  return 0;
}

/** Level (0–3) of a multi-select answer. */
export function multiLevel(question: Extract<Question, { type: 'multi' }>, selected: readonly string[]): number {
  const sum = question.options.filter((o) => selected.includes(o.id)).reduce((total, o) => total + o.points, 0);
  return question.levels.filter((threshold) => sum >= threshold).length;
}

export type QuestionState =
  | { kind: 'hidden' }
  | { kind: 'unanswered' }
  | { kind: 'unknown'; evidence?: EvidenceLevel }
  | { kind: 'answered'; value: string | string[]; evidence?: EvidenceLevel };

export interface Resolved {
  index: Index;
  states: Map<string, QuestionState>;
  /** Level of each visible scored question (unknown/unanswered = 0). */
  levels: Map<string, number>;
}

/**
 * Normalises one raw answer for a question: drops unknown options, duplicates and bad evidence;
 * orders multi-select options as in the questionnaire. Returns undefined when the answer is unusable.
 */
export function normaliseAnswer(item: IndexedQuestion, raw: unknown): Answer | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { value, evidence } = raw as { value?: unknown; evidence?: unknown };
  const cleanEvidence = typeof evidence === 'string' && EVIDENCE.has(evidence) ? (evidence as EvidenceLevel) : undefined;
  const withEvidence = (v: string | string[]): Answer => (cleanEvidence ? { value: v, evidence: cleanEvidence } : { value: v });
  if (value === UNKNOWN) return withEvidence(UNKNOWN);
  if (isMultiple(item.question)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && item.optionIds.has(v))) return undefined;
    return withEvidence(item.question.options.map((o) => o.id).filter((id) => value.includes(id)));
  }
  if (typeof value !== 'string' || !item.optionIds.has(value)) return undefined;
  return withEvidence(value);
}

/** Resolves visibility, normalised answers and levels, in questionnaire order. */
export function resolve(q: Questionnaire, answers: Answers): Resolved {
  const index = indexOf(q);
  const states = new Map<string, QuestionState>();
  const levels = new Map<string, number>();
  const resolved: Resolved = { index, states, levels };
  for (const item of index.questions) {
    const { question } = item;
    if (question.showIf && !holds(question.showIf, resolved)) {
      states.set(question.id, { kind: 'hidden' });
      continue;
    }
    const raw = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    const answer = normaliseAnswer(item, raw);
    let state: QuestionState;
    if (!answer) state = { kind: 'unanswered' };
    else if (answer.value === UNKNOWN) state = answer.evidence ? { kind: 'unknown', evidence: answer.evidence } : { kind: 'unknown' };
    else state = answer.evidence ? { kind: 'answered', value: answer.value, evidence: answer.evidence } : { kind: 'answered', value: answer.value };
    states.set(question.id, state);
    if (isScored(question)) levels.set(question.id, levelOf(question, state));
  }
  return resolved;
}

function levelOf(question: Question, state: QuestionState): number {
  if (state.kind !== 'answered') return 0;
  if (question.type === 'scale') return question.options.find((o) => o.id === state.value)?.points ?? 0;
  if (question.type === 'multi') return multiLevel(question, state.value as string[]);
  return 0;
}

/** Evaluates a condition (see the schema for its meaning). */
export function holds(cond: Condition, r: Resolved): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(c, r));
  if ('any' in cond) return cond.any.some((c) => holds(c, r));
  if ('not' in cond) return !holds(cond.not, r);
  return leafHolds(cond, r);
}

function leafHolds(leaf: ConditionLeaf, r: Resolved): boolean {
  const state = r.states.get(leaf.q);
  const item = r.index.byId.get(leaf.q);
  // Not yet resolved (a later question) or hidden: the question does not apply.
  if (!state || !item || state.kind === 'hidden') return false;
  const answered = state.kind === 'answered';
  const open = !answered; // "don't know" or unanswered
  if (leaf.scoreAtMost !== undefined) return (r.levels.get(leaf.q) ?? 0) <= leaf.scoreAtMost;
  if (leaf.scoreAtLeast !== undefined) return (r.levels.get(leaf.q) ?? 0) >= leaf.scoreAtLeast;
  if (leaf.is) {
    if (open) return leaf.is.includes(UNKNOWN);
    return typeof state.value === 'string' && leaf.is.includes(state.value);
  }
  const selected: string[] = answered && Array.isArray(state.value) ? state.value : [];
  if (leaf.anyOf) return leaf.anyOf.some((o) => selected.includes(o));
  if (leaf.allOf) return leaf.allOf.every((o) => selected.includes(o));
  if (leaf.noneOf) return !leaf.noneOf.some((o) => selected.includes(o));
  if (leaf.only) return selected.length > 0 && selected.every((o) => leaf.only!.includes(o));
  return false;
}

/** The answer value of a visible single-answer question, or `unknown`. */
export function singleValue(r: Resolved, id: string | undefined): string {
  if (!id) return UNKNOWN;
  const state = r.states.get(id);
  return state?.kind === 'answered' && typeof state.value === 'string' ? state.value : UNKNOWN;
}

/** The selected options of a visible multi-select question ([] when unknown). */
export function multiValue(r: Resolved, id: string | undefined): string[] {
  if (!id) return [];
  const state = r.states.get(id);
  return state?.kind === 'answered' && Array.isArray(state.value) ? state.value : [];
}

/** Id of the question that holds a role (see ROLES), if any. */
export function roleQuestion(r: Resolved, role: string): string | undefined {
  return r.index.questions.find((item) => item.question.role === role)?.question.id;
}
