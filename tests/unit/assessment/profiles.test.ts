// Golden profiles: six founders whose expected reports were computed, then reviewed against
// the rules (see each file's "review"). A change in the data or the engine that moves them
// must be deliberate: update the expectations and the review together.
import { describe, expect, it } from 'vitest';
import { score } from '../../../src/lib/assessment/score.ts';
import { profileAnswers, profiles, questionnaire } from './helpers.ts';

describe.each(profiles.map((p) => [p.name, p] as const))('profile %s', (name, profile) => {
  const report = score(questionnaire, profileAnswers(name));
  const { expected } = profile;
  const within = (value: number, [low, high]: [number, number]) => {
    expect(value).toBeGreaterThanOrEqual(low);
    expect(value).toBeLessThanOrEqual(high);
  };

  it('has a review of its expectations', () => {
    expect((profile as { review?: string }).review?.length).toBeGreaterThan(50);
  });

  it('lands in the expected band and score range', () => {
    expect(report.band).toBe(expected.band);
    expect(report.bandFromScore).toBe(expected.bandFromScore);
    within(report.overall, expected.overall);
    within(report.claimed, expected.claimed);
    within(report.range.low, [expected.range[0], expected.range[0] + 1]);
    within(report.range.high, [expected.range[1] - 1, expected.range[1]]);
    for (const d of report.dimensions) within(d.score, expected.dimensions[d.id] ?? [NaN, NaN]);
  });

  it('raises exactly the expected flags', () => {
    expect(report.flags.filter((f) => f.level === 'red').map((f) => f.id)).toEqual(expected.redFlags);
    expect(report.flags.filter((f) => f.level !== 'red').map((f) => f.id)).toEqual(expected.otherFlags);
  });

  it('gives the expected hype gauge, strategy advice, risks, revenue status and warnings', () => {
    expect(report.hype.value).toBe(expected.hype);
    const { strategy } = report;
    expect(
      strategy && {
        rule: strategy.rule,
        recommended: strategy.recommended,
        current: strategy.current,
        matches: strategy.matches,
        missing: strategy.missing.map((m) => m.id),
      },
    ).toEqual(expected.strategy);
    expect(report.riskRegister.filter((e) => e.open).map((e) => e.type)).toEqual(expected.openRisks);
    expect(report.profitModel.status).toBe(expected.profitStatus);
    expect(report.outOfStep.filter((o) => o.againstReference).map((o) => o.ahead)).toEqual(expected.outOfStepAgainstReference);
    expect(report.nextActions.slice(0, 3).map((a) => `${a.kind}:${a.question}`)).toEqual(expected.firstNextActions);
  });
});
