// Properties of the engine over random answers to the real questionnaire.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

// Property tests run hundreds of full scorings; give them time on slow CI machines.
vi.setConfig({ testTimeout: 60_000 });
import { bandRank, compare, score, whatIf } from '../../../src/lib/assessment/score.ts';
import { isMultiple, resolve } from '../../../src/lib/assessment/state.ts';
import type { Answer, Answers, EvidenceLevel, Question, Report } from '../../../src/lib/assessment/types.ts';
import { answerArb, answersArb, questionById, questionnaire, questions } from './helpers.ts';

const RUNS = { numRuns: 150 };
const EPS = 1e-9;

const redIds = (r: Report) => r.flags.filter((f) => f.level === 'red').map((f) => f.id);
const levelOf = (r: Report, id: string) => r.dimensions.flatMap((d) => d.why).find((c) => c.question === id);

/** Every answer that is at least as good as the current one for a scored question. */
function raises(q: Question, current: Answer | undefined): Answer[] {
  const value = current?.value;
  const evidence = current?.evidence;
  const withEvidence = (v: string | string[]): Answer => (evidence ? { value: v, evidence } : { value: v });
  if (q.type === 'scale') {
    const points = q.options.find((o) => o.id === value)?.points ?? 0;
    return q.options.filter((o) => o.points >= points).map((o) => withEvidence(o.id));
  }
  if (q.type === 'multi') {
    const selected = Array.isArray(value) ? value : [];
    const candidates: Answer[] = q.options.filter((o) => !selected.includes(o.id)).map((o) => withEvidence([...selected, o.id]));
    if (!Array.isArray(value)) candidates.push(withEvidence([]));
    return candidates;
  }
  return [];
}

const scored = questions.filter((q) => q.type !== 'choice');

describe('bounds', () => {
  it('keeps every score in 0–100 and low ≤ score ≤ high', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = score(questionnaire, answers);
        for (const s of [r, ...r.dimensions.map((d) => ({ overall: d.score, range: d.range }))]) {
          expect(s.overall).toBeGreaterThanOrEqual(0);
          expect(s.range.high).toBeLessThanOrEqual(100 + EPS);
          expect(s.range.low).toBeLessThanOrEqual(s.overall + EPS);
          expect(s.overall).toBeLessThanOrEqual(s.range.high + EPS);
        }
        expect(r.hype.value).toBeGreaterThanOrEqual(0);
        expect(r.hype.value).toBeLessThanOrEqual(r.hype.max);
        expect(r.hype.max).toBe(6);
        const shares = Object.values(r.evidence).reduce((a, b) => a + b, 0);
        expect([0, 1].some((v) => Math.abs(shares - v) < 1e-9)).toBe(true);
        const c = r.counts;
        expect(c.visible + c.hidden).toBe(questions.length);
        expect(c.answered + c.unknown + c.unanswered).toBe(c.visible);
        expect(r.claimed).toBeGreaterThanOrEqual(r.overall - EPS);
        expect(r.claimed).toBeLessThanOrEqual(100 + EPS);
        // One step per question (levers and combined steps aside) takes the score to 100.
        const single = r.nextActions.filter((a) => a.kind !== 'lever' && !a.together.length);
        expect(single.reduce((sum, a) => sum + a.gain, 0)).toBeCloseTo(100 - r.overall, 6);
      }),
      RUNS,
    );
  });

  it('gives 0 with a full range of 0–100 when nothing is answered, and 100 only when everything is at its max and measured', () => {
    const empty = score(questionnaire, {});
    expect(empty.overall).toBe(0);
    expect(empty.range.high).toBeCloseTo(100, 9);
    const best = (evidence: EvidenceLevel): Answers =>
      Object.fromEntries(scored.map((q) => [q.id, { value: q.type === 'multi' ? q.options.map((o) => o.id) : q.options.at(-1)!.id, evidence }]));
    const measured = score(questionnaire, best('measured'));
    expect(measured.overall).toBeCloseTo(100, 9);
    expect(measured.nextActions).toEqual([]);
    // Every top answer, all of it a belief: the claim is 100, the evidence-backed score half of it.
    const belief = score(questionnaire, best('belief'));
    expect(belief.claimed).toBeCloseTo(100, 9);
    expect(belief.overall).toBeCloseTo(50, 9);
    expect(belief.band).toBe('promising');
    expect(belief.nextActions.every((a) => a.kind === 'evidence')).toBe(true);
  });
});

describe('monotonicity', () => {
  it('raising a scored answer never lowers a score or the band, never adds a red flag, never raises the hype gauge', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (answers, pickQuestion, pickMove) => {
        const before = score(questionnaire, answers);
        const visible = before.dimensions.flatMap((d) => d.why).map((c) => c.question);
        const q = questionById.get(visible[pickQuestion % visible.length]!)!;
        const moves = raises(q, answers[q.id]);
        const move = moves[pickMove % moves.length];
        if (!move) return;
        const after = score(questionnaire, { ...answers, [q.id]: move });
        expect(after.overall).toBeGreaterThanOrEqual(before.overall - EPS);
        after.dimensions.forEach((d, i) => expect(d.score).toBeGreaterThanOrEqual(before.dimensions[i]!.score - EPS));
        expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band));
        const redBefore = new Set(redIds(before));
        expect(redIds(after).filter((id) => !redBefore.has(id))).toEqual([]);
        expect(after.hype.value).toBeLessThanOrEqual(before.hype.value);
        expect(levelOf(after, q.id)!.points).toBeGreaterThanOrEqual(levelOf(before, q.id)!.points);
      }),
      { numRuns: 400 },
    );
  });

  it('holds for every single step of every scored question from the careful, hype-driven and empty profiles', async () => {
    const { profileAnswers } = await import('./helpers.ts');
    for (const base of [profileAnswers('careful'), profileAnswers('hype-driven'), profileAnswers('data-rich-no-business'), {}]) {
      const before = score(questionnaire, base);
      for (const q of scored)
        for (const move of raises(q, base[q.id])) {
          const after = score(questionnaire, { ...base, [q.id]: move });
          expect(after.overall, `${q.id} → ${JSON.stringify(move.value)}`).toBeGreaterThanOrEqual(before.overall - EPS);
          const redBefore = new Set(redIds(before));
          expect(
            redIds(after).filter((id) => !redBefore.has(id)),
            `${q.id} → ${JSON.stringify(move.value)}`,
          ).toEqual([]);
        }
    }
  });
});

describe('evidence', () => {
  const EVIDENCE_ORDER: (EvidenceLevel | undefined)[] = [undefined, 'belief', 'some', 'measured'];
  it('better evidence for an answer never lowers the claimed or the evidence-backed score, of any dimension', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (answers, pickQuestion, pickStep) => {
        const ids = Object.keys(answers).filter((id) => questionById.get(id)!.type !== 'choice');
        fc.pre(ids.length > 0);
        const id = ids[pickQuestion % ids.length]!;
        const answer = answers[id]!;
        const from = EVIDENCE_ORDER.indexOf(answer.evidence);
        const better = EVIDENCE_ORDER.slice(from + 1);
        fc.pre(better.length > 0);
        const evidence = better[pickStep % better.length]!;
        const before = score(questionnaire, answers);
        const after = score(questionnaire, { ...answers, [id]: { value: answer.value, evidence } });
        expect(after.overall).toBeGreaterThanOrEqual(before.overall - EPS);
        expect(after.claimed).toBeCloseTo(before.claimed, 9);
        expect(after.range.high).toBeGreaterThanOrEqual(before.range.high - EPS);
        after.dimensions.forEach((d, i) => {
          expect(d.score).toBeGreaterThanOrEqual(before.dimensions[i]!.score - EPS);
          expect(d.claimed).toBeCloseTo(before.dimensions[i]!.claimed, 9);
        });
        expect(bandRank(after.band)).toBeGreaterThanOrEqual(bandRank(before.band));
      }),
      { numRuns: 300 },
    );
  });
});

describe('advice that checks the facts', () => {
  it('every red flag raised has a next action that clears it', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = score(questionnaire, answers);
        const stuck = r.flags.filter((f) => f.level === 'red' && !r.nextActions.some((a) => a.clears.includes(f.id)));
        expect(stuck.map((f) => f.id)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('an action that says it clears a flag does clear it', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), (answers, pick) => {
        const r = score(questionnaire, answers);
        const clearing = r.nextActions.filter((a) => a.clears.length);
        fc.pre(clearing.length > 0);
        const a = clearing[pick % clearing.length]!;
        const target = (id: string): Answer => {
          const q = questionById.get(id)!;
          if (a.kind === 'lever') return { value: q.type === 'choice' && q.multiple ? a.target : a.target[0]! };
          return { value: q.type === 'multi' ? q.options.map((o) => o.id) : q.options.at(-1)!.id, evidence: 'measured' };
        };
        const changed: Answers = { ...answers };
        for (const id of [a.question, ...a.together]) changed[id] = target(id);
        const after = new Set(score(questionnaire, changed).flags.map((f) => f.id));
        expect(a.clears.filter((id) => after.has(id))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('training a large model from scratch matches the advice only with data rights, large data held, a shipped model, compute that fits and a year of runway', () => {
    const trainLarge = fc.record({ answers: answersArb, data: fc.constantFrom('large', 'task', 'unknown') }).map(({ answers, data }): Answers => ({
      ...answers,
      'dec-strategy': { value: 'train-large' },
      'dec-data': { value: data },
    }));
    fc.assert(
      fc.property(trainLarge, (answers) => {
        const r = score(questionnaire, answers);
        const level = (id: string) => r.dimensions.flatMap((d) => d.why).find((c) => c.question === id)?.points ?? 0;
        const facts =
          answers['dec-data']!.value === 'large' &&
          level('da-rights') >= 2 &&
          level('ch-7') >= 2 &&
          level('cf-1') >= 2 &&
          level('ms-3') >= 2 &&
          answers['ch-1-fit']?.value === 'fits' &&
          level('hh-3-runway') >= 2;
        expect(r.strategy!.matches).toBe(facts);
        expect(r.strategy!.recommended.includes('train-large')).toBe(facts);
        if (!facts) expect(r.strategy!.missing.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hidden questions', () => {
  it('answers to questions hidden by showIf change nothing', () => {
    const hiddenArb = fc.tuple(...questions.map((q) => answerArb(q)));
    fc.assert(
      fc.property(answersArb, hiddenArb, fc.boolean(), (answers, replacements, drop) => {
        const { states } = resolve(questionnaire, answers);
        const hidden = questions.filter((q) => states.get(q.id)!.kind === 'hidden');
        fc.pre(hidden.length > 0);
        const changed: Answers = { ...answers };
        for (const q of hidden) {
          const replacement = replacements[questions.indexOf(q)];
          if (drop || !replacement) delete changed[q.id];
          else changed[q.id] = replacement;
        }
        expect(score(questionnaire, changed)).toEqual(score(questionnaire, answers));
      }),
      RUNS,
    );
  });
});

describe('order independence', () => {
  it('the order in which answers (and multi-select options) were given changes nothing', () => {
    fc.assert(
      fc.property(answersArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (answers, randoms) => {
        const shuffle = <T>(list: T[]): T[] =>
          list
            .map((item) => ({ item, key: randoms.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const reordered: Answers = {};
        for (const [id, { value, evidence }] of shuffle(Object.entries(answers))) {
          const v = Array.isArray(value) ? shuffle(value) : value;
          reordered[id] = evidence ? { value: v, evidence } : { value: v };
        }
        expect(score(questionnaire, reordered)).toEqual(score(questionnaire, answers));
      }),
      RUNS,
    );
  });
});

describe('score range', () => {
  it('answering an unknown scored question lands inside the old range and narrows it', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (answers, pickQuestion, pickOption) => {
        const before = score(questionnaire, answers);
        const open = before.dimensions.flatMap((d) => d.why).filter((c) => c.state !== 'answered');
        fc.pre(open.length > 0);
        const q = questionById.get(open[pickQuestion % open.length]!.question)!;
        const options = q.options.map((o) => o.id);
        const value = isMultiple(q) ? options.filter((_, i) => (pickOption >> i) & 1) : options[pickOption % options.length]!;
        const after = score(questionnaire, { ...answers, [q.id]: { value } });
        expect(after.overall).toBeGreaterThanOrEqual(before.range.low - EPS);
        expect(after.overall).toBeLessThanOrEqual(before.range.high + EPS);
        expect(after.range.low).toBeGreaterThanOrEqual(before.range.low - EPS);
        expect(after.range.high).toBeLessThanOrEqual(before.range.high + EPS);
      }),
      RUNS,
    );
  });
});

describe('whatIf and compare', () => {
  it('whatIf equals scoring the changed answers, and its deltas are the differences', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (answers, pickQuestion, pickOption) => {
        const q = questions[pickQuestion % questions.length]!;
        const options = q.options.map((o) => o.id);
        const value = isMultiple(q) ? options.filter((_, i) => (pickOption >> i) & 1) : options[pickOption % options.length]!;
        const result = whatIf(questionnaire, answers, q.id, value);
        const evidence = answers[q.id]?.evidence;
        const direct = score(questionnaire, { ...answers, [q.id]: evidence ? { value, evidence } : { value } });
        expect(result.report).toEqual(direct);
        expect(result.delta.overall).toBeCloseTo(direct.overall - result.base.overall, 9);
        for (const d of direct.dimensions)
          expect(result.delta.dimensions[d.id]).toBeCloseTo(d.score - result.base.dimensions.find((x) => x.id === d.id)!.score, 9);
        const added = new Set(result.delta.flagsAdded.map((f) => f.id));
        const removed = new Set(result.delta.flagsRemoved.map((f) => f.id));
        const before = new Set(result.base.flags.map((f) => f.id));
        const after = new Set(direct.flags.map((f) => f.id));
        expect([...added].sort()).toEqual([...after].filter((id) => !before.has(id)).sort());
        expect([...removed].sort()).toEqual([...before].filter((id) => !after.has(id)).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('the changed answers of a comparison account for every point gained or lost per dimension', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (first, second) => {
        const [a, b] = [score(questionnaire, first), score(questionnaire, second)];
        const c = compare(a, b);
        for (const d of b.dimensions) {
          const before = a.dimensions.find((x) => x.id === d.id)!;
          const sum = c.answers.filter((x) => x.dimension === d.id).reduce((s, x) => s + x.points, 0);
          expect(sum).toBe(d.points - before.points);
        }
        for (const x of c.answers) expect(JSON.stringify([x.before?.state, x.before?.value])).not.toBe(JSON.stringify([x.after?.state, x.after?.value]));
        const sizes = c.answers.map((x) => Math.abs(x.points));
        expect(sizes).toEqual([...sizes].sort((p, q) => q - p));
      }),
      { numRuns: 60 },
    );
  });

  it('compare(report, report) is all zero', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = score(questionnaire, answers);
        const c = compare(r, r);
        expect(c.overall).toBe(0);
        expect(Object.values(c.dimensions).every((v) => v === 0)).toBe(true);
        expect(c.flagsAdded).toEqual([]);
        expect(c.flagsRemoved).toEqual([]);
        expect(c.answers).toEqual([]);
        expect(c.band).toEqual({ from: r.band, to: r.band });
      }),
      { numRuns: 30 },
    );
  });
});
