// Snapshots as kept in the browser: valid ones come back intact, anything else is left out
// without an error (a damaged store must not break the page).
import { describe, expect, it } from 'vitest';
import { parseSnapshots, serialiseSnapshots } from '../../../src/lib/assessment/snapshots.ts';
import { profileAnswers, questionnaire } from './helpers.ts';

const careful = { name: 'Before the pilot', date: '2026-11-30T10:00:00.000Z', answers: profileAnswers('careful') };

describe('snapshots', () => {
  it('come back as they were saved', () => {
    expect(parseSnapshots(questionnaire, serialiseSnapshots([careful]))).toEqual([careful]);
  });
  it('an empty or damaged store gives no snapshot', () => {
    for (const text of [null, '', '{', '{"name":"x"}', 'null', '42']) expect(parseSnapshots(questionnaire, text), String(text)).toEqual([]);
  });
  it('leaves out entries that are not snapshots, or whose answers no longer fit the questionnaire, and keeps the rest', () => {
    const stored = JSON.stringify([
      careful,
      null,
      { name: 'no date', answers: {} },
      { name: 'old', date: careful.date, answers: { 'no-such-question': { value: 'x' } } },
      { name: 'tampered', date: careful.date, answers: { 'hh-1': { value: 'everyone-loves-it' } } },
      { name: 'polluted', date: careful.date, answers: JSON.parse('{"__proto__": {"value": "x"}}') },
    ]);
    expect(parseSnapshots(questionnaire, stored).map((s) => s.name)).toEqual(['Before the pilot']);
  });
});
