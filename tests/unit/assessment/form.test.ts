// The form as data: what a reader's ticks mean, and how saved answers show again in the form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NONE, afterTicking, answerFromForm, isTicked, whatIfChoices } from '../../../src/lib/assessment/form.ts';
import { isMultiple } from '../../../src/lib/assessment/state.ts';
import { answerArb, questionById, questions } from './helpers.ts';

const multi = questionById.get('pm-models')!;
const single = questionById.get('hh-1')!;
const boxesOf = (q: (typeof questions)[number]) => [...q.options.map((o) => o.id), ...(isMultiple(q) ? [NONE] : []), 'unknown'];

describe('ticking a box of a multi-select question', () => {
  it('keeps the other options ticked', () => {
    expect(afterTicking(['services', 'products'], 'products')).toEqual(['services', 'products']);
  });
  it('"don\'t know" and "none of these" untick everything else, and each other', () => {
    expect(afterTicking(['services', 'products', 'unknown'], 'unknown')).toEqual(['unknown']);
    expect(afterTicking(['services', NONE], NONE)).toEqual([NONE]);
    expect(afterTicking(['unknown', NONE], NONE)).toEqual([NONE]);
  });
  it('an option unticks "don\'t know" and "none of these"', () => {
    expect(afterTicking(['unknown', 'services'], 'services')).toEqual(['services']);
    expect(afterTicking([NONE, 'services'], 'services')).toEqual(['services']);
  });
});

describe('the answer the form gives', () => {
  it('reads a single answer with its evidence, and ignores an evidence level that does not exist', () => {
    expect(answerFromForm(single, ['few'], 'some')).toEqual({ value: 'few', evidence: 'some' });
    expect(answerFromForm(single, ['few'], '')).toEqual({ value: 'few' });
    expect(answerFromForm(single, ['few'], 'certain')).toEqual({ value: 'few' });
  });
  it('reads "none of these" as an empty selection and nothing ticked as no answer', () => {
    expect(answerFromForm(multi, [NONE], '')).toEqual({ value: [] });
    expect(answerFromForm(multi, [], '')).toBeUndefined();
    expect(answerFromForm(single, [], 'measured')).toBeUndefined();
    expect(answerFromForm(multi, ['unknown'], '')).toEqual({ value: 'unknown' });
  });
  it('gives back every answer it shows (ticks → answer → ticks), for every question', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...questions).chain((q) => fc.tuple(fc.constant(q), answerArb(q))),
        ([q, answer]) => {
          const ticked = boxesOf(q).filter((box) => isTicked(q, answer, box));
          const read = answerFromForm(q, ticked, answer?.evidence ?? '');
          const expected =
            answer && Array.isArray(answer.value) ? { ...answer, value: q.options.map((o) => o.id).filter((id) => answer.value.includes(id)) } : answer;
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what-if choices', () => {
  it('offers each option, then "don\'t know", for a single-answer question', () => {
    expect(whatIfChoices(single).map((c) => c.value)).toEqual([...single.options.map((o) => o.id), 'unknown']);
  });
  it('offers each option alone, all, none and "don\'t know" for a multi-select question', () => {
    const ids = multi.options.map((o) => o.id);
    expect(whatIfChoices(multi).map((c) => [c.label, c.value])).toEqual([
      ...ids.map((id) => ['option', [id]]),
      ['all', ids],
      ['none', []],
      ['unknown', 'unknown'],
    ]);
  });
});
