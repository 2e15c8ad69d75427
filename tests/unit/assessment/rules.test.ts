// Each flag of rules.yaml, one by one: starting from the careful founder (who raises no flag),
// the smallest change that should raise it does, and near misses do not.
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/lib/assessment/score.ts';
import type { Answers } from '../../../src/lib/assessment/types.ts';
import { answersOf, profileAnswers, questionnaire, type Compact } from './helpers.ts';

const careful = profileAnswers('careful');

function flagsWith(change: Compact, remove: string[] = []): string[] {
  const answers: Answers = { ...careful, ...answersOf(change) };
  for (const id of remove) delete answers[id];
  return score(questionnaire, answers).flags.map((f) => f.id);
}

interface Case {
  /** Changes that must raise the flag. */
  fires: Compact[];
  /** Changes that must not raise it. */
  not: Compact[];
  /** Questions left unanswered that must raise it. */
  firesWhenUnanswered?: string[];
}

const red: Record<string, Case> = {
  'technology-first': { fires: [{ 'hh-1': 'not-validated' }, { 'hh-1': 'unknown' }], firesWhenUnanswered: ['hh-1'], not: [{ 'hh-1': 'few' }] },
  'unvalidated-model-performance': { fires: [{ 'hh-2': 'not-measured' }, { 'hh-2': 'unknown' }], not: [{ 'hh-2': 'demo' }] },
  'short-runway': { fires: [{ 'hh-3-runway': 'under-6' }, { 'hh-3-runway': 'unknown' }], not: [{ 'hh-3-runway': 'months-6-12' }] },
  'large-model-without-large-data': {
    fires: [
      { 'dec-strategy': 'train-large', 'dec-data': 'task' },
      { 'dec-strategy': 'train-large', 'dec-data': 'small' },
      { 'dec-strategy': 'train-large', 'dec-data': 'none' },
      { 'dec-strategy': 'train-large', 'dec-data': 'unknown' },
    ],
    not: [
      { 'dec-strategy': 'train-large', 'dec-data': 'large' },
      { 'dec-strategy': 'fine-tune', 'dec-data': 'small' },
      { 'dec-strategy': 'api', 'dec-data': 'none' },
    ],
  },
  'no-data-path': { fires: [{ 'fl-c': 'neither' }, { 'fl-c': 'unknown' }], not: [{ 'fl-c': 'negotiating' }] },
  'no-revenue-model': { fires: [{ 'pm-revenue': 'none' }, { 'pm-revenue': 'unknown' }], not: [{ 'pm-revenue': 'chosen' }] },
  'personal-data-unencrypted': {
    fires: [{ 'pr-measures': ['compliance', 'anonymisation'] }, { 'pr-measures': [] }, { 'pr-measures': 'unknown' }],
    not: [{ 'pr-measures': ['encryption'] }, { 'ch-2': 'no-personal-data', 'pr-measures': [] }, { 'ch-2': 'unknown', 'pr-measures': [] }],
  },
  'personal-data-no-compliance': {
    fires: [{ 'pr-measures': ['encryption', 'anonymisation'] }, { 'pr-measures': 'unknown' }],
    not: [{ 'pr-measures': ['compliance'] }, { 'ch-2': 'no-personal-data', 'pr-measures': ['encryption'] }],
  },
  'high-stakes-unexplained': {
    fires: [
      { 'ch-3': 'high-stakes', 'ex-practice': 'none' },
      { 'ch-3': 'high-stakes', 'ex-practice': 'unknown' },
    ],
    not: [
      { 'ch-3': 'high-stakes', 'ex-practice': 'internal' },
      { 'ch-3': 'low-stakes', 'ex-practice': 'none' },
    ],
  },
  'building-on-failing-model': {
    fires: [{ 'fl-g': 'not-met' }, { 'fl-g': 'no-criteria' }, { 'fl-g': 'unknown', 'fl-stage': 'product' }],
    not: [{ 'fl-g': 'met' }, { 'fl-g': 'not-met', 'fl-stage': 'training' }, { 'fl-g': 'not-met', 'fl-stage': 'unknown' }],
  },
  'no-held-out-test': {
    fires: [{ 'ev-test': 'none' }, { 'ev-test': 'unknown' }, { 'ev-test': 'none', 'fl-stage': 'unknown' }],
    not: [{ 'ev-test': 'reused' }, { 'ev-test': 'none', 'fl-stage': 'research' }, { 'ev-test': 'none', 'fl-stage': 'idea' }],
  },
  'unmitigated-high-impact-risk': {
    fires: [
      { 'rs-market': 'none' },
      { 'rs-market': 'unknown' },
      { 'rt-technical': 'high', 'rs-technical': 'none' },
      { 'rt-financial': 'high', 'rs-financial': 'unknown' },
    ],
    not: [{ 'rs-market': 'accept' }, { 'rt-market': 'medium', 'rs-market': 'none' }, { 'rt-market': 'unknown', 'rs-market': 'none' }],
  },
  'public-without-security': {
    fires: [
      { 'ch-public': 'public', 'dp-checklist': ['hardware'] },
      { 'ch-public': 'public', 'dp-checklist': 'unknown' },
    ],
    not: [{ 'ch-public': 'restricted', 'dp-checklist': ['hardware'] }, { 'ch-public': 'public' }, { 'ch-public': 'unknown', 'dp-checklist': [] }],
  },
  'compute-over-budget': { fires: [{ 'ch-1-fit': 'exceeds' }], not: [{ 'ch-1-fit': 'tight' }, { 'ch-1-fit': 'unknown' }] },
  'no-ml-skills-for-own-model': {
    fires: [{ 'dec-strategy': 'train-large', 'dec-data': 'large', 'cf-1': 'nobody' }],
    not: [
      { 'dec-strategy': 'train-large', 'dec-data': 'large', 'cf-1': 'prototypes' },
      { 'dec-strategy': 'fine-tune', 'cf-1': 'nobody' },
    ],
  },
  'no-training-data': {
    fires: [{ 'ch-7': 'none' }, { 'cf-2': 'none' }, { 'dec-strategy': 'traditional', 'ch-7': 'unknown' }],
    not: [{ 'ch-7': 'none', 'dec-strategy': 'api' }, { 'ch-7': 'under-quarter' }, { 'ch-7': 'none', 'dec-strategy': 'undecided' }],
  },
  'high-stakes-harms-unassessed': {
    fires: [
      { 'ch-3': 'high-stakes', 'ch-4': 'not-assessed' },
      { 'ch-3': 'people-and-advice', 'ch-4': 'not-assessed' },
    ],
    not: [
      { 'ch-3': 'low-stakes', 'ch-4': 'not-assessed' },
      { 'ch-3': 'high-stakes', 'ch-4': 'informal' },
      { 'ch-3': 'professional-advice', 'ch-4': 'not-assessed' },
    ],
  },
  'fairness-unmeasured': {
    fires: [{ 'ch-3': 'high-stakes', 'ch-5': 'not-measured' }, { 'ch-3': 'high-stakes' }, { 'ch-3': 'people-and-advice' }],
    // Advice a professional reviews is about accuracy, not fairness across groups of people.
    not: [
      { 'ch-3': 'high-stakes', 'ch-5': 'planned' },
      { 'ch-3': 'low-stakes', 'ch-5': 'not-measured' },
      { 'ch-3': 'professional-advice', 'ch-5': 'not-measured' },
    ],
  },
  'unlicensed-scraped-data': {
    fires: [
      { 'da-sources': ['social-media'], 'da-rights': 'partly' },
      { 'da-sources': ['internal', 'social-media'], 'da-rights': 'unchecked' },
    ],
    not: [
      { 'da-sources': ['social-media'], 'da-rights': 'documented' },
      { 'da-sources': ['public'], 'da-rights': 'partly' },
      { 'da-sources': 'unknown', 'da-rights': 'partly' },
    ],
  },
};

/** Consistency checks, runway, compute and stakes: orange flags with near misses. */
const watched: Record<string, Case> = {
  'scraping-without-personal-data': {
    fires: [{ 'da-sources': ['internal', 'social-media'], 'ch-2': 'no-personal-data', 'da-rights': 'auditable' }],
    not: [
      { 'da-sources': ['internal'], 'ch-2': 'no-personal-data' },
      { 'da-sources': ['social-media'], 'da-rights': 'auditable' },
      { 'da-sources': ['social-media'], 'ch-2': 'unknown', 'da-rights': 'auditable' },
    ],
  },
  'proprietary-data-without-path': {
    fires: [{ 'fl-c': 'neither' }, { 'da-rights': 'unchecked' }, { 'cf-2': 'public-or-plan', 'op-1': 'proprietary', 'fl-c': 'neither' }],
    not: [{ 'fl-c': 'negotiating' }, { 'cf-2': 'public-or-plan', 'op-1': 'integration', 'fl-c': 'neither' }],
  },
  'train-large-unknown-budget': {
    fires: [
      { 'dec-strategy': 'train-large', 'ms-3': 'unknown' },
      { 'dec-strategy': 'train-large', 'ch-1-fit': 'unknown' },
      { 'dec-strategy': 'train-large', 'hh-3-runway': 'unknown' },
      { 'dec-strategy': 'train-large', 'ch-1': 'unknown' },
    ],
    not: [{ 'dec-strategy': 'train-large' }, { 'dec-strategy': 'fine-tune', 'ms-3': 'unknown' }],
  },
  'validated-demand-without-evidence': {
    fires: [
      { 'hh-1': 'not-validated', 'pm-revenue': 'chosen' },
      { 'hh-1': 'unknown', 'cf-3': 'validated', 'pm-revenue': 'none' },
    ],
    not: [{ 'hh-1': 'few', 'pm-revenue': 'chosen' }, { 'hh-1': 'not-validated' }, { 'hh-1': 'not-validated', 'pm-revenue': 'chosen', 'cf-3': 'hypothesis' }],
  },
  'runway-under-12-months': { fires: [{ 'hh-3-runway': 'months-6-12' }], not: [{ 'hh-3-runway': 'months-12-24' }, { 'hh-3-runway': 'under-6' }] },
  'compute-just-fits': { fires: [{ 'ch-1-fit': 'tight' }], not: [{ 'ch-1-fit': 'fits' }, { 'ch-1-fit': 'unknown' }] },
  'negative-gross-margin': { fires: [{ 'um-margin': 'below-cost' }], not: [{ 'um-margin': 'estimated' }, { 'um-margin': 'not-worked-out' }] },
  'price-without-unit-cost': {
    fires: [{ 'um-margin': 'not-worked-out' }, { 'um-margin': 'unknown', 'pm-revenue': 'recurring' }],
    not: [{ 'um-margin': 'not-worked-out', 'pm-revenue': 'chosen' }, { 'um-margin': 'estimated' }, { 'um-margin': 'below-cost' }],
    firesWhenUnanswered: ['um-margin'],
  },
  'single-provider-no-exit': {
    fires: [{ 'vd-vendor': 'locked' }, { 'vd-vendor': 'unknown', 'dec-strategy': 'api' }],
    // Training one's own model hides the question: there is no model provider to depend on.
    not: [{ 'vd-vendor': 'known' }, { 'vd-vendor': 'locked', 'dec-strategy': 'train-large' }, { 'vd-vendor': 'locked', 'dec-strategy': 'traditional' }],
    firesWhenUnanswered: ['vd-vendor'],
  },
  'outputs-unchecked': { fires: [{ 'ev-output': 'unchecked' }, { 'ev-output': 'unknown' }], not: [{ 'ev-output': 'spot' }] },
  'model-licence-unchecked': { fires: [{ 'li-licences': 'unchecked' }], not: [{ 'li-licences': 'assumed' }] },
  'advice-accuracy-unchecked': {
    fires: [
      { 'ch-3': 'professional-advice', 'fl-g': 'not-met' },
      { 'ch-3': 'people-and-advice', 'fl-g': 'unknown' },
    ],
    not: [
      { 'ch-3': 'professional-advice', 'fl-g': 'met' },
      { 'ch-3': 'high-stakes', 'fl-g': 'not-met' },
    ],
  },
};

const others: Record<string, Compact> = {
  'hype-driven-motivation': { 'hs-trigger': ['new-technology', 'market-size'] },
  'crowded-market-blind-spot': { 'hs-competitors': 'none' },
  'copied-success-story': { 'hs-model': 'copy' },
  'demand-hypothesis-only': { 'cf-3': 'hypothesis' },
  'market-research-late': { 'fl-market': 'after' },
  'horizontal-market': { 'op-2': 'everyone' },
  'investment-only-revenue': { 'pm-models': ['investment'] },
  'ai-not-tied-to-value': { 'vl-kpi': 'none' },
  'no-long-term-plan': { 'hh-3': 'none' },
  'compute-cost-unknown': { 'ch-1': 'no-estimate' },
  'compute-heavy-no-savings': { 'ch-1-fit': 'tight', 'rb-strategies': [] },
  'missing-ml-or-domain-role': { 'team-roles': ['ml', 'engineering', 'business'] },
  'small-team-all-layers': { 'team-size': 'small', 'ar-layers': ['data', 'model', 'application'] },
  'fine-tune-without-ml-skills': { 'cf-1': 'nobody' },
  'large-data-quality-unmeasured': { 'dec-data': 'large', 'cf-2': 'public-or-plan' },
  'data-dependency': { 'ch-7': 'under-quarter' },
  'data-rights-unchecked': { 'da-rights': 'unchecked' },
  'data-too-small-for-fine-tuning': { 'dec-data': 'small' },
  'no-baseline': { 'ms-4': 'no-baseline' },
  'compute-insufficient': { 'ms-3': 'not-covered' },
  'no-technical-moat': { 'op-1': 'wrapper' },
  'no-success-metric': { 'ev-metric': 'none' },
  'no-acceptance-criteria': { 'fl-g': 'no-criteria' },
  'no-risk-list': { 'cf-5': 'none' },
  'technical-risk-unassessed': { 'rt-technical': 'not-identified' },
  'market-risk-unassessed': { 'rt-market': 'unknown' },
  'financial-risk-unassessed': { 'rt-financial': 'not-identified' },
  'high-impact-risk-accepted': { 'rs-market': 'accept' },
  'risks-never-reviewed': { 'rm-4': 'never' },
  'personal-data-unknown': { 'ch-2': 'unknown' },
  'no-anonymisation': { 'pr-measures': ['encryption', 'compliance'] },
  'no-data-governance': { 'st-2': 'none' },
  'model-attacks-unconsidered': { 'ch-public': 'public', 'ch-8': 'not-considered' },
  'harms-unassessed': { 'ch-4': 'not-assessed' },
  'deployment-unconsidered': { 'dp-checklist': [] },
  'no-feedback-loop': { 'fl-m': 'none' },
  'consider-fine-tuning': { 'dec-strategy': 'traditional', 'dec-2': 'not-evaluated' },
  'training-only-revenue': { 'pm-models': ['training'] },
  'augmentation-copies': { 'da-sources': ['internal', 'augmented'] },
  'energy-untracked': { 'ch-6': 'untracked' },
};

const flagRules = questionnaire.rules.filter((r) => r.kind === 'flag');

describe('flags', () => {
  it('the careful founder raises none', () => {
    expect(flagsWith({})).toEqual([]);
  });

  it('every red flag has a case here, and every other flag a trigger', () => {
    const reds = flagRules.filter((r) => r.level === 'red').map((r) => r.id);
    expect(Object.keys(red).sort()).toEqual([...reds].sort());
    expect([...Object.keys(others), ...Object.keys(watched)].sort()).toEqual(
      flagRules
        .filter((r) => r.level !== 'red')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('includes the red flags the seed guide requires', () => {
    const ids = new Set(flagRules.filter((r) => r.level === 'red').map((r) => r.id));
    for (const id of [
      'technology-first', // HH-1
      'unvalidated-model-performance', // HH-2
      'short-runway', // HH-3 / RT-3
      'large-model-without-large-data', // DEC-1
      'no-data-path', // FL-C
      'no-revenue-model', // PM
      'personal-data-unencrypted', // PR-1
      'personal-data-no-compliance', // PR-4
      'high-stakes-unexplained', // EX
      'building-on-failing-model', // FL-G
      'no-held-out-test', // EV-5
      'unmitigated-high-impact-risk', // RS
      'public-without-security', // DP-4
    ])
      expect(ids, id).toContain(id);
  });

  describe.each([...Object.entries(red), ...Object.entries(watched)])('%s', (id, c) => {
    it.each(c.fires.map((change) => [JSON.stringify(change), change] as const))('fires on %s', (_, change) => {
      expect(flagsWith(change)).toContain(id);
    });
    it.each(c.not.map((change) => [JSON.stringify(change), change] as const))('stays quiet on %s', (_, change) => {
      expect(flagsWith(change)).not.toContain(id);
    });
    if (c.firesWhenUnanswered)
      it(`fires when ${c.firesWhenUnanswered.join(', ')} is unanswered`, () => {
        expect(flagsWith({}, c.firesWhenUnanswered)).toContain(id);
      });
  });

  it.each(Object.entries(others))('%s fires on its trigger', (id, change) => {
    expect(flagsWith(change)).toContain(id);
  });

  it('a red flag caps the band at "promising, with gaps"', () => {
    const base = score(questionnaire, careful);
    expect(base.band).toBe('ready');
    const capped = score(questionnaire, { ...careful, ...answersOf({ 'ch-1-fit': 'exceeds' }) });
    expect(capped.bandFromScore).toBe('ready');
    expect(capped.band).toBe('promising');
    expect(capped.capped).toBe(true);
  });

  it('sorts flags red first, then orange, then info', () => {
    const report = score(questionnaire, profileAnswers('hype-driven'));
    const ranks = report.flags.map((f) => ({ red: 0, orange: 1, info: 2 })[f.level]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(report.flags.map((f) => f.level)).toContain('info');
  });
});
