// Shared fixtures for the assessment tests: the real questionnaire, the golden profiles,
// and fast-check arbitraries for answers.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadQuestionnaire } from '../../../src/lib/assessment/load-node.ts';
import { importAnswers } from '../../../src/lib/assessment/codec.ts';
import { isMultiple } from '../../../src/lib/assessment/state.ts';
import type { Answer, Answers, EvidenceLevel, Question, Questionnaire } from '../../../src/lib/assessment/types.ts';

export const questionnaire: Questionnaire = loadQuestionnaire();
export const questions: Question[] = questionnaire.groups.flatMap((g) => g.questions);
export const questionById = new Map(questions.map((q) => [q.id, q]));

/** Compact answers for tests: `'option'`, `['a', 'b']` (multi), `'unknown'`, or `[value, evidence]` via `withEvidence`. */
export type Compact = Record<string, string | string[] | Answer>;
export function answersOf(compact: Compact): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(compact)) out[id] = typeof value === 'object' && !Array.isArray(value) ? value : { value };
  return out;
}

export interface Profile {
  name: string;
  description: string;
  saved: unknown;
  expected: {
    band: string;
    bandFromScore: string;
    overall: [number, number];
    claimed: [number, number];
    range: [number, number];
    dimensions: Record<string, [number, number]>;
    redFlags: string[];
    otherFlags: string[];
    hype: number;
    strategy: { rule: string; recommended: string[]; current: string; matches: boolean | null; missing: string[] };
    outOfStepAgainstReference: string[];
    openRisks: string[];
    profitStatus: string;
    /** `kind:question` of the first three next actions. */
    firstNextActions: string[];
  };
}

export const PROFILE_DIR = 'tests/unit/assessment/profiles';
export const profiles: Profile[] = readdirSync(PROFILE_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(`${PROFILE_DIR}/${f}`, 'utf8')));

export function profileAnswers(name: string): Answers {
  const profile = profiles.find((p) => p.name === name);
  if (!profile) throw new Error(`no profile ${name}`);
  const result = importAnswers(questionnaire, JSON.stringify(profile.saved));
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${JSON.stringify(result.error.params)}`);
  return result.answers;
}

const evidenceArb: fc.Arbitrary<EvidenceLevel | undefined> = fc.constantFrom(undefined, 'belief', 'some', 'measured');

/** A valid answer (or none) for one question. */
export function answerArb(q: Question): fc.Arbitrary<Answer | undefined> {
  const ids = q.options.map((o) => o.id);
  const value: fc.Arbitrary<string | string[]> = isMultiple(q)
    ? fc.oneof(fc.subarray(ids), fc.constant('unknown'))
    : fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant('unknown') });
  const answer = fc.record({ value, evidence: evidenceArb }).map(({ value, evidence }) => (evidence ? { value, evidence } : { value }));
  return fc.option(answer, { nil: undefined, freq: 6 });
}

/** Random answers to the whole questionnaire (some questions left unanswered). */
export const answersArb: fc.Arbitrary<Answers> = fc.tuple(...questions.map((q) => answerArb(q))).map((list) => {
  const out: Answers = {};
  list.forEach((answer, i) => {
    const question = questions[i];
    if (answer && question) out[question.id] = answer;
  });
  return out;
});
