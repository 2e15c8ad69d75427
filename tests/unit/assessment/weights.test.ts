// The weight and evidence rules: what dimensions.yaml states is what the engine does, and a
// question's worth depends on its importance only, never on how many siblings it has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_CREDIT, QUESTION_WEIGHTS, score } from '../../../src/lib/assessment/score.ts';
import type { Answers } from '../../../src/lib/assessment/types.ts';
import { questionnaire, questions } from './helpers.ts';

const scored = questions.filter((q) => q.type !== 'choice');
const header = readFileSync('content/assessment/dimensions.yaml', 'utf8');

/** Overall points one question is worth: the evidence-backed gain of taking it from nothing to its top, measured. */
function worth(id: string, base: Answers = {}): number {
  const q = scored.find((x) => x.id === id)!;
  const top = q.type === 'multi' ? q.options.map((o) => o.id) : q.options.at(-1)!.id;
  return score(questionnaire, { ...base, [id]: { value: top, evidence: 'measured' } }).overall - score(questionnaire, base).overall;
}

describe('question weights', () => {
  it('every question of the same importance is worth the same, a core one exactly twice a normal one', () => {
    const always = scored.filter((q) => !q.showIf);
    const worths = new Map(always.map((q) => [q.id, worth(q.id)]));
    const normal = always.filter((q) => !q.core).map((q) => worths.get(q.id)!);
    const core = always.filter((q) => q.core).map((q) => worths.get(q.id)!);
    expect(core.length).toBeGreaterThan(0);
    for (const w of normal) expect(w).toBeCloseTo(normal[0]!, 9);
    for (const w of core) expect(w).toBeCloseTo(2 * normal[0]!, 9);
    // The four team questions are worth no more than a revenue or data question.
    expect(worths.get('cf-4')).toBeCloseTo(worths.get('da-quality')!, 9);
    expect(Math.max(...worths.values()) / Math.min(...worths.values())).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('dimensions.yaml states the weights and the evidence credits the engine uses', () => {
    expect(header).toMatch(new RegExp(`every scored question weighs ${QUESTION_WEIGHTS.normal}; a core question weighs ${QUESTION_WEIGHTS.core}`));
    expect(header).toContain(`(×${EVIDENCE_CREDIT.measured})`);
    expect(header).toContain(`×${EVIDENCE_CREDIT.some}`);
    expect(header).toContain(`a belief — or an answer whose evidence is not stated — at ×${EVIDENCE_CREDIT.belief}`);
    expect(EVIDENCE_CREDIT.unstated).toBe(EVIDENCE_CREDIT.belief);
  });

  it('an unbacked answer counts for its stated share of the evidence-backed score', () => {
    const answers: Answers = { 'cf-4': { value: 'documented', evidence: 'belief' } };
    const r = score(questionnaire, answers);
    expect(r.overall).toBeCloseTo(EVIDENCE_CREDIT.belief * worth('cf-4'), 9);
    expect(r.claimed).toBeCloseTo(worth('cf-4'), 9);
  });
});
