// The engine's special outputs and edge cases, and that it stays a pure module.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAND_LABELS, RISK_IMPACT_LABELS, RISK_RESPONSE_LABELS, STRATEGY_LABELS } from '../../../src/lib/assessment/labels.ts';
import { bandOf, compare, score, whatIf } from '../../../src/lib/assessment/score.ts';
import { RISK_IMPACTS, RISK_RESPONSES, STRATEGIES } from '../../../src/lib/assessment/vocabulary.ts';
import type { Answers } from '../../../src/lib/assessment/types.ts';
import { multiLevel } from '../../../src/lib/assessment/state.ts';
import { answersOf, profileAnswers, profiles, questionById, questionnaire, type Compact } from './helpers.ts';

const careful = profileAnswers('careful');
const withChange = (change: Compact) => score(questionnaire, { ...careful, ...answersOf(change) });

describe('bands', () => {
  it.each([
    [100, 'ready'],
    [75, 'ready'],
    [74.999, 'promising'],
    [50, 'promising'],
    [49.999, 'early'],
    [25, 'early'],
    [24.999, 'not-ready'],
    [0, 'not-ready'],
  ])('%d → %s', (value, band) => {
    expect(bandOf(value)).toBe(band);
  });
});

describe('model-strategy advice', () => {
  it.each([
    ['large', 'strategy-large-data', ['fine-tune', 'train-large']],
    ['task', 'strategy-task-data', ['fine-tune', 'traditional']],
    // Fine-tuning needs task-sized data: left out when there is less, or when nobody knows.
    ['small', 'strategy-small-data', ['api', 'traditional']],
    ['none', 'strategy-no-data', ['api']],
    ['unknown', 'strategy-data-unknown', ['api']],
  ])('data scale %s → %s', (dataScale, rule, recommended) => {
    const { strategy } = withChange({ 'dec-data': dataScale });
    expect(strategy).toMatchObject({ rule, recommended, dataScale });
    expect(strategy!.message.en).toBeTruthy();
  });

  it('does not depend on the order of the rules (the site may load them in any order)', () => {
    const reversed = { ...questionnaire, rules: [...questionnaire.rules].reverse() };
    for (const dataScale of ['large', 'task', 'small', 'none', 'unknown']) {
      const answers = { ...careful, ...answersOf({ 'dec-data': dataScale }) };
      const a = score(questionnaire, answers);
      const b = score(reversed, answers);
      expect(b.strategy).toEqual(a.strategy);
      expect(b.flags.map((f) => f.id).sort()).toEqual(a.flags.map((f) => f.id).sort());
      expect(b.overall).toBe(a.overall);
    }
  });

  it('never recommends training a large model from scratch without large-scale data', () => {
    for (const dataScale of ['task', 'small', 'none', 'unknown'])
      expect(withChange({ 'dec-data': dataScale }).strategy!.recommended).not.toContain('train-large');
  });

  it('says whether the current strategy matches, and nothing when undecided', () => {
    expect(withChange({ 'dec-data': 'small', 'dec-strategy': 'train-large' }).strategy!.matches).toBe(false);
    expect(withChange({ 'dec-data': 'task', 'dec-strategy': 'fine-tune' }).strategy!.matches).toBe(true);
    expect(withChange({ 'dec-strategy': 'undecided' }).strategy!.matches).toBeNull();
    expect(withChange({ 'dec-strategy': 'unknown' }).strategy!.matches).toBeNull();
  });
});

describe('risk register', () => {
  it('has one entry per risk type with impact, response and review cadence', () => {
    const { riskRegister } = score(questionnaire, careful);
    expect(riskRegister.map((e) => [e.type, e.impact, e.response, e.review, e.open])).toEqual([
      ['technical', 'medium', 'mitigate', 'quarterly', false],
      ['market', 'high', 'mitigate', 'quarterly', false],
      ['financial', 'medium', 'avoid', 'quarterly', false],
    ]);
    for (const e of riskRegister) expect(e.citation).toEqual({ article: 'hype-to-rationality', section: 'sec-10-5' });
  });

  it('marks a high-impact risk without a response as open', () => {
    const report = withChange({ 'rs-market': 'none', 'rm-4': 'unknown' });
    const market = report.riskRegister.find((e) => e.type === 'market')!;
    expect(market).toMatchObject({ impact: 'high', response: 'none', review: 'unknown', open: true });
    expect(report.flags.map((f) => f.id)).toContain('unmitigated-high-impact-risk');
  });
});

describe('profit-model fit', () => {
  it.each([
    ['none', 'none'],
    ['chosen', 'hypothesis'],
    ['priced', 'validated'],
    ['recurring', 'recurring'],
    ['unknown', 'unknown'],
  ])('revenue maturity %s → %s', (answer, status) => {
    expect(withChange({ 'pm-revenue': answer }).profitModel.status).toBe(status);
  });

  it('lists the models ticked and the flags about them', () => {
    const fit = withChange({ 'pm-models': ['investment'], 'pm-revenue': 'none' }).profitModel;
    expect(fit.models).toEqual(['investment']);
    expect(fit.flags).toEqual(['no-revenue-model', 'investment-only-revenue']);
  });
});

describe('out-of-step warnings', () => {
  it('reports dimensions ≥ 30 points ahead, those ahead of the business model first', () => {
    const { outOfStep, dimensions } = score(questionnaire, profileAnswers('data-rich-no-business'));
    const score_ = Object.fromEntries(dimensions.map((d) => [d.id, d.score]));
    expect(outOfStep[0]).toMatchObject({ ahead: 'D2', behind: 'D3', againstReference: true });
    for (const o of outOfStep) {
      expect(o.gap).toBeGreaterThanOrEqual(30);
      expect(o.gap).toBeCloseTo(score_[o.ahead]! - score_[o.behind]!, 9);
    }
    const firstOther = outOfStep.findIndex((o) => !o.againstReference);
    expect(outOfStep.slice(firstOther).every((o) => !o.againstReference)).toBe(true);
    expect(score(questionnaire, careful).outOfStep).toEqual([]);
  });
});

describe('next actions', () => {
  it('are ranked by impact, and name the flags each would clear and its citation', () => {
    const { nextActions } = score(questionnaire, profileAnswers('hype-driven'));
    nextActions.forEach((a, i) => i > 0 && expect(nextActions[i - 1]!.impact).toBeGreaterThanOrEqual(a.impact));
    const revenue = nextActions.find((a) => a.question === 'pm-revenue')!;
    expect(revenue).toMatchObject({ points: 0, max: 3, target: ['recurring'], clears: ['no-revenue-model'] });
    expect(revenue.impact).toBeCloseTo(revenue.gain + 10, 9);
    expect(revenue.citation).toEqual({ article: 'challenges-and-opportunities', section: 'sec-9-4' });
    expect(nextActions.find((a) => a.question === 'of-practice')!.unknown).toBe(true);
  });
});

describe('next actions on a multi-select', () => {
  it('keep what is ticked and add the fewest options the top level needs', () => {
    // The careful founder ticked "overfitting"; the top level (3 of 4) needs two more, not all four.
    const problems = score(questionnaire, careful).nextActions.find((a) => a.question === 'tp-problems')!;
    expect(problems.target).toEqual(['unstable-gradients', 'overfitting', 'slow-convergence']);
  });

  it.each(profiles.map((p) => p.name))('%s: every multi-select target reaches the top level, and no added option could be left out', (name) => {
    const answers = profileAnswers(name);
    for (const action of score(questionnaire, answers).nextActions.filter((a) => a.kind === 'raise')) {
      const question = questionById.get(action.question)!;
      if (question.type !== 'multi') continue;
      const ticked = Array.isArray(answers[question.id]?.value) ? (answers[question.id]!.value as string[]) : [];
      expect(ticked.every((id) => action.target.includes(id))).toBe(true);
      expect(multiLevel(question, action.target)).toBe(action.max);
      for (const added of action.target.filter((id) => !ticked.includes(id)))
        expect(
          multiLevel(
            question,
            action.target.filter((id) => id !== added),
          ),
        ).toBeLessThan(action.max);
    }
  });
});

describe('what-if and compare', () => {
  it('shows what losing demand validation would cost', () => {
    const result = whatIf(questionnaire, careful, 'hh-1', 'not-validated');
    expect(result.delta.overall).toBeLessThan(0);
    expect(result.delta.dimensions.D3).toBeLessThan(0);
    expect(result.delta.dimensions.D1).toBe(0);
    expect(result.delta.flagsAdded.map((f) => f.id)).toEqual(['technology-first']);
    expect(result.delta.band).toEqual({ from: 'ready', to: 'promising' });
    expect(result.delta.hype).toBe(1);
    expect(result.report.dimensions.find((d) => d.id === 'D3')!.why.find((c) => c.question === 'hh-1')!.evidence).toBe('measured');
  });

  it('compares two founders', () => {
    const c = compare(score(questionnaire, profileAnswers('hype-driven')), score(questionnaire, careful));
    expect(c.overall).toBeGreaterThan(60);
    expect(c.flagsAdded).toEqual([]);
    expect(c.flagsRemoved.length).toBeGreaterThan(20);
    expect(c.band).toEqual({ from: 'not-ready', to: 'ready' });
  });
});

describe('robustness', () => {
  it('ignores answers that do not fit the questionnaire', () => {
    const junk = JSON.parse(
      '{"hh-1":{"value":"bogus"},"pm-models":{"value":["services","nope"]},"nope":{"value":"x"},"__proto__":{"value":"x"},"cf-1":null,"cf-2":{"value":"none","evidence":"certain"}}',
    ) as Answers;
    const clean = score(questionnaire, answersOf({ 'cf-2': 'none' }));
    expect(score(questionnaire, junk)).toEqual(clean);
  });

  it('reports an empty questionnaire as not ready with everything unknown', () => {
    const report = score(questionnaire, {});
    expect(report.band).toBe('not-ready');
    expect(report.counts.answered).toBe(0);
    expect(report.counts.unanswered).toBe(report.counts.visible);
    expect(report.evidence).toEqual({ measured: 0, some: 0, belief: 0, unstated: 0 });
  });

  it('counts evidence shares from the points earned', () => {
    // Two questions of the same weight, at their top.
    const report = score(
      questionnaire,
      answersOf({ 'fl-market': { value: 'ongoing', evidence: 'measured' }, 'cf-3': { value: 'paying', evidence: 'belief' } }),
    );
    expect(report.evidence.measured).toBeCloseTo(0.5, 9);
    expect(report.evidence.belief).toBeCloseTo(0.5, 9);
  });
});

describe('labels', () => {
  it('cover every value a report can hold, in both languages', () => {
    const all = [
      ...Object.values(BAND_LABELS),
      ...[...STRATEGIES, 'undecided'].map((s) => STRATEGY_LABELS[s as keyof typeof STRATEGY_LABELS]),
      ...[...RISK_IMPACTS, 'unknown'].map((s) => RISK_IMPACT_LABELS[s as keyof typeof RISK_IMPACT_LABELS]),
      ...[...RISK_RESPONSES, 'unknown'].map((s) => RISK_RESPONSE_LABELS[s as keyof typeof RISK_RESPONSE_LABELS]),
    ];
    for (const label of all) {
      expect(label['zh-CN']).toBeTruthy();
      expect(label.en).toBeTruthy();
    }
  });
});

describe('purity', () => {
  it('the engine imports nothing from Astro, zod or Node at run time', () => {
    const dir = 'src/lib/assessment';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'load-node.ts')) {
      const source = readFileSync(`${dir}/${file}`, 'utf8');
      const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      for (const spec of runtimeImports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[a-z-]+\.ts$/);
    }
  });
});
