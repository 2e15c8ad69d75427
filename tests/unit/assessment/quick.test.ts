// The quick scan: about 15 questions, about 5 minutes, a provisional band with its range, and
// answers shared with the full assessment.
import { describe, expect, it } from 'vitest';
import { firstOpenGroup, minutesFor, openQuestions, quickQuestionnaire, quickScan } from '../../../src/lib/assessment/quick.ts';
import { score } from '../../../src/lib/assessment/score.ts';
import { profileAnswers, questionnaire, questions } from './helpers.ts';

const quick = quickQuestionnaire(questionnaire).groups.flatMap((g) => g.questions);

describe('quick scan', () => {
  it('has about a dozen questions that take at most 5 minutes, covering every dimension', () => {
    expect(quick.length).toBeGreaterThanOrEqual(10);
    expect(quick.length).toBeLessThanOrEqual(16);
    expect(minutesFor(quick.length)).toBeLessThanOrEqual(5);
    expect(minutesFor(quick.length)).toBeLessThan(minutesFor(questions.length) / 3);
    const dims = new Set(quick.flatMap((x) => (x.type === 'choice' ? [] : [x.dimension])));
    expect([...dims].sort()).toEqual(questionnaire.dimensions.map((d) => d.id).sort());
  });

  it('gives a provisional band whose range holds the score, and knows when a founder answered it all', () => {
    for (const name of ['careful', 'hype-over-claims', 'thin-runway-b2b', 'answers-nothing']) {
      const answers = profileAnswers(name);
      const scan = quickScan(questionnaire, answers);
      expect(scan.range.low).toBeLessThanOrEqual(scan.overall + 1e-9);
      expect(scan.overall).toBeLessThanOrEqual(scan.range.high + 1e-9);
      expect(scan.total).toBe(quick.length);
      expect(openQuestions(questionnaire, answers, true)).toBe(scan.total - scan.answered - quick.filter((x) => answers[x.id]?.value === 'unknown').length);
    }
    // The careful founder's quick scan agrees with the full assessment's band.
    expect(quickScan(questionnaire, profileAnswers('careful')).band).toBe(score(questionnaire, profileAnswers('careful')).band);
    // An over-claimer is caught by the quick scan too (the red flag of unvalidated demand).
    expect(quickScan(questionnaire, profileAnswers('hype-over-claims')).band).not.toBe('ready');
  });

  it('continues into the full assessment without asking again: the quick answers count as answered there', () => {
    const answers = Object.fromEntries(quick.map((x) => [x.id, { value: 'unknown' }]));
    expect(openQuestions(questionnaire, answers, true)).toBe(0);
    expect(openQuestions(questionnaire, answers)).toBe(openQuestions(questionnaire, {}) - quick.length);
  });

  it('continues into the full assessment at the first group with a question still open', () => {
    const answers = Object.fromEntries(quick.map((x) => [x.id, { value: 'unknown' }]));
    const first = questionnaire.groups.findIndex((g) => g.questions.some((x) => !x.quick && !x.showIf));
    expect(firstOpenGroup(questionnaire, answers)).toBe(first);
    expect(firstOpenGroup(questionnaire, profileAnswers('careful'))).toBe(0);
    // Everything up to the planning group answered: the next open question is further on.
    const upToPlanning = Object.fromEntries(questionnaire.groups.slice(0, 4).flatMap((g) => g.questions.map((x) => [x.id, { value: 'unknown' }])));
    expect(firstOpenGroup(questionnaire, upToPlanning)).toBe(4);
  });
});
