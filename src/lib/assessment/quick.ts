/**
 * The quick scan and the time a questionnaire takes. The quick scan scores only the questions
 * marked `quick` (a dozen, about 5 minutes) with the same engine, so its band is provisional:
 * its range shows what the quick questions still left open could do, and the other questions
 * of the full assessment can move it further. Answers are shared, so the full assessment
 * starts from them instead of asking again.
 */
import { bandOf, score } from './score.ts';
import { indexOf, resolve } from './state.ts';
import type { Answers, BandId, Questionnaire, ScoreRange } from './types.ts';

/** Time budget per question, used for every estimate on the page. */
export const SECONDS_PER_QUESTION = 25;

const quickCache = new WeakMap<Questionnaire, Questionnaire>();

/** The questionnaire restricted to its quick-scan questions (same dimensions and rules). */
export function quickQuestionnaire(q: Questionnaire): Questionnaire {
  let quick = quickCache.get(q);
  if (!quick) {
    const groups = q.groups.map((g) => ({ ...g, questions: g.questions.filter((x) => x.quick) })).filter((g) => g.questions.length);
    quick = { ...q, groups };
    quickCache.set(q, quick);
  }
  return quick;
}

/** Minutes the given number of questions take, rounded up. */
export function minutesFor(questions: number): number {
  return Math.ceil((questions * SECONDS_PER_QUESTION) / 60);
}

/** Questions that apply and have no answer yet (in the quick scan when `quick`). */
export function openQuestions(q: Questionnaire, answers: Answers, quick = false): number {
  const { states } = resolve(quick ? quickQuestionnaire(q) : q, answers);
  return [...states.values()].filter((state) => state.kind === 'unanswered').length;
}

export interface QuickScan {
  /** Evidence-backed score over the quick questions. */
  overall: number;
  range: ScoreRange;
  /** Band of the score (after the red-flag cap), and of the two ends of the range. */
  band: BandId;
  bands: { low: BandId; high: BandId };
  answered: number;
  total: number;
}

export function quickScan(q: Questionnaire, answers: Answers): QuickScan {
  const quick = quickQuestionnaire(q);
  const report = score(quick, answers);
  return {
    overall: report.overall,
    range: report.range,
    band: report.band,
    bands: { low: bandOf(report.range.low), high: bandOf(report.range.high) },
    answered: report.counts.answered,
    total: indexOf(quick).questions.length,
  };
}

/** Index of the first group with a question that applies and is still unanswered (0 when none). */
export function firstOpenGroup(q: Questionnaire, answers: Answers): number {
  const { states } = resolve(q, answers);
  return Math.max(
    0,
    q.groups.findIndex((g) => g.questions.some((x) => states.get(x.id)?.kind === 'unanswered')),
  );
}
