/**
 * The scoring engine of the readiness assessment (guide §6.0): pure functions from a
 * questionnaire and answers to a report. No DOM, no Astro, no I/O.
 *
 * - Each visible scored question has a weight (QUESTION_WEIGHTS: a core question counts double)
 *   and a credit for its evidence (EVIDENCE_CREDIT: unbacked answers count half). Both rules and
 *   their reasons are stated in content/assessment/dimensions.yaml.
 * - Claimed score = 100 × Σ weight × points / max ÷ Σ weight; the evidence-backed score (the
 *   headline `overall`) multiplies each term by its credit. Dimension scores are the same sums
 *   over the dimension's questions, so a question's weight never depends on its siblings.
 *   "Don't know" and unanswered count as 0.
 * - Band (from the evidence-backed score): ≥ 75 ready · 50–74 promising, with gaps · 25–49
 *   early / hype risk · < 25 not ready; any red flag caps it at "promising, with gaps".
 * - Range: [the score, the score with every unknown at its max and measured].
 */
import type { FlagRule, HypeRule, RecommendationRule } from '../../schemas/assessment.ts';
import { nextActions } from './actions.ts';
import { RISK_NAMES } from './labels.ts';
import { strategyAdvice } from './strategy.ts';
import { RISK_TYPES, referencedQuestions } from './vocabulary.ts';
import { UNKNOWN, holds, isScored, multiValue, resolve, roleQuestion, singleValue, type Resolved } from './state.ts';
import type {
  Answer,
  AnswerChange,
  Answers,
  BandId,
  Comparison,
  Contribution,
  DimensionScore,
  EvidenceLevel,
  EvidenceShare,
  FlagHit,
  HypeGauge,
  OutOfStep,
  ProfitModelFit,
  Question,
  Questionnaire,
  RecommendationHit,
  Report,
  RiskEntry,
  RiskImpact,
  RiskResponse,
  WhatIf,
} from './types.ts';

/** Weight of a scored question: a core question counts double, whatever its dimension. */
export const QUESTION_WEIGHTS = { normal: 1, core: 2 } as const;
/**
 * Share of an answer's points credited to the evidence-backed score. A belief, or an answer whose
 * evidence is not stated, counts half; some evidence three quarters; a measurement in full.
 * Increasing in the evidence, so better evidence never lowers a score.
 */
export const EVIDENCE_CREDIT: Readonly<Record<EvidenceLevel | 'unstated', number>> = { unstated: 0.5, belief: 0.5, some: 0.75, measured: 1 };

export function questionWeight(question: Question): number {
  return isScored(question) && question.core ? QUESTION_WEIGHTS.core : QUESTION_WEIGHTS.normal;
}

/** Lower bounds of the bands, best first. */
export const BANDS: readonly { id: BandId; min: number }[] = [
  { id: 'ready', min: 75 },
  { id: 'promising', min: 50 },
  { id: 'early', min: 25 },
  { id: 'not-ready', min: 0 },
];
/** The best band a report with a red flag can have. */
export const RED_FLAG_CAP: BandId = 'promising';
/** A dimension this many points ahead of another is "out of step". */
export const OUT_OF_STEP_GAP = 30;
export { IMPACT_BONUS } from './actions.ts';

const BAND_RANK: Record<BandId, number> = { 'not-ready': 0, early: 1, promising: 2, ready: 3 };
/** Flags are listed red first, then orange, then info; within a level in rules.yaml order. */
export const LEVEL_RANK = { red: 0, orange: 1, info: 2 } as const;
const PROFIT_STATUS = ['none', 'hypothesis', 'validated', 'recurring'] as const;

/** Rounds away floating-point noise (e.g. 74.99999999999999 for 75) before comparing with a threshold. */
const settle = (value: number) => Math.round(value * 1e6) / 1e6;

export function bandOf(score: number): BandId {
  return BANDS.find((band) => settle(score) >= band.min)?.id ?? 'not-ready';
}

/** Orders bands: not-ready 0 < early 1 < promising 2 < ready 3. */
export function bandRank(band: BandId): number {
  return BAND_RANK[band];
}

export type Core = Omit<Report, 'nextActions'>;

function evaluate(q: Questionnaire, answers: Answers): { core: Core; resolved: Resolved } {
  const r = resolve(q, answers);
  const { index, states, levels } = r;

  // Counts.
  const counts = { visible: 0, scored: 0, answered: 0, unknown: 0, unanswered: 0, hidden: 0 };
  for (const item of index.questions) {
    const state = states.get(item.question.id)!;
    if (state.kind === 'hidden') {
      counts.hidden++;
      continue;
    }
    counts.visible++;
    if (isScored(item.question)) counts.scored++;
    counts[state.kind === 'answered' ? 'answered' : state.kind]++;
  }

  // Dimensions: weighted sums over the visible scored questions (see the header).
  let totalWeight = 0;
  const sums = q.dimensions.map((dim) => {
    const why: Contribution[] = [];
    const sum = { weight: 0, claimed: 0, backed: 0, open: 0, points: 0, max: 0, unknown: 0 };
    for (const item of index.questions) {
      const { question } = item;
      if (!isScored(question) || question.dimension !== dim.id) continue;
      const state = states.get(question.id)!;
      if (state.kind === 'hidden') continue;
      const level = levels.get(question.id) ?? 0;
      const weight = questionWeight(question);
      const evidence = state.kind !== 'unanswered' ? state.evidence : undefined;
      const credit = EVIDENCE_CREDIT[evidence ?? 'unstated'];
      sum.weight += weight;
      sum.claimed += (weight * level) / item.max;
      sum.backed += (weight * credit * level) / item.max;
      sum.points += level;
      sum.max += item.max;
      if (state.kind !== 'answered') {
        sum.open += weight;
        sum.unknown++;
      }
      const contribution: Contribution = {
        question: question.id,
        group: item.group,
        dimension: dim.id,
        state: state.kind,
        points: level,
        max: item.max,
        weight,
        credit,
        citation: question.citation,
      };
      if (state.kind === 'answered') contribution.value = state.value;
      if (evidence) contribution.evidence = evidence;
      why.push(contribution);
    }
    why.sort((x, y) => y.points - x.points || index.byId.get(x.question)!.index - index.byId.get(y.question)!.index);
    totalWeight += sum.weight;
    return { dim, why, sum };
  });
  const percent = (value: number, of: number) => (of ? (100 * value) / of : 0);
  const dimensions: DimensionScore[] = sums.map(({ dim, why, sum }) => {
    const score = percent(sum.backed, sum.weight);
    return {
      id: dim.id,
      name: dim.name,
      weight: totalWeight ? sum.weight / totalWeight : 0,
      score,
      claimed: percent(sum.claimed, sum.weight),
      points: sum.points,
      max: sum.max,
      range: { low: score, high: percent(sum.backed + sum.open, sum.weight) },
      unknown: sum.unknown,
      why,
      citation: dim.citation,
    };
  });

  const weighted = (pick: (d: DimensionScore) => number) => dimensions.reduce((total, d) => total + d.weight * pick(d), 0);
  const overall = weighted((d) => d.score);
  const claimed = weighted((d) => d.claimed);
  const range = { low: weighted((d) => d.range.low), high: weighted((d) => d.range.high) };

  // Evidence share of the claimed points, weighted as in the overall score.
  const evidenceTotals = { measured: 0, some: 0, belief: 0, unstated: 0 };
  for (const c of dimensions.flatMap((d) => d.why)) if (c.points > 0) evidenceTotals[c.evidence ?? 'unstated'] += (c.weight * c.points) / c.max;
  const earned = Object.values(evidenceTotals).reduce((x, y) => x + y, 0);
  const evidence: EvidenceShare = earned
    ? {
        measured: evidenceTotals.measured / earned,
        some: evidenceTotals.some / earned,
        belief: evidenceTotals.belief / earned,
        unstated: evidenceTotals.unstated / earned,
      }
    : { measured: 0, some: 0, belief: 0, unstated: 0 };

  // Rules.
  const flagRules = q.rules.filter((rule): rule is FlagRule => rule.kind === 'flag');
  const flags: FlagHit[] = flagRules
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => holds(rule.when, r))
    .sort((a, b) => LEVEL_RANK[a.rule.level] - LEVEL_RANK[b.rule.level] || a.order - b.order)
    .map(({ rule }) => ({
      id: rule.id,
      level: rule.level,
      message: rule.message,
      action: rule.action,
      citation: rule.citation,
      questions: referencedQuestions(rule.when),
    }));

  const recommendations: RecommendationHit[] = q.rules
    .filter((rule): rule is RecommendationRule => rule.kind === 'recommendation')
    .filter((rule) => !rule.when || holds(rule.when, r))
    .map((rule) => ({
      id: rule.id,
      message: rule.message,
      action: rule.action,
      citation: rule.citation,
      questions: rule.when ? referencedQuestions(rule.when) : [],
    }));

  const hypeRules = q.rules.filter((rule): rule is HypeRule => rule.kind === 'hype');
  const indicators = hypeRules.map((rule) => ({ id: rule.id, on: holds(rule.when, r), message: rule.message, citation: rule.citation }));
  const hypeValue = indicators.filter((i) => i.on).length;
  const hype: HypeGauge = {
    value: hypeValue,
    max: hypeRules.length,
    level: hypeValue <= 1 ? 'rational' : hypeValue <= 3 ? 'mixed' : 'hype',
    indicators,
  };

  const strategy = strategyAdvice(q, r);

  // Risk register.
  const reviewId = roleQuestion(r, 'risk-review') ?? '';
  const riskRegister: RiskEntry[] = RISK_TYPES.map((type) => {
    const impactId = roleQuestion(r, `risk-impact-${type}`) ?? '';
    const responseId = roleQuestion(r, `risk-response-${type}`) ?? '';
    const impact = singleValue(r, impactId) as RiskImpact | 'unknown';
    const response = singleValue(r, responseId) as RiskResponse | 'unknown';
    return {
      risk: RISK_NAMES[type],
      type,
      impact,
      response,
      review: singleValue(r, reviewId),
      open: impact === 'high' && (response === 'none' || response === UNKNOWN),
      questions: { impact: impactId, response: responseId, review: reviewId },
      citation: (index.byId.get(responseId) ?? index.byId.get(impactId))?.question.citation ?? q.dimensions[0]!.citation,
    };
  });

  // Profit-model fit.
  const modelsId = roleQuestion(r, 'revenue-models');
  const maturityId = roleQuestion(r, 'revenue-maturity');
  const maturityItem = maturityId ? index.byId.get(maturityId) : undefined;
  const maturityState = maturityId ? states.get(maturityId) : undefined;
  const maturity = maturityState?.kind === 'answered' ? (levels.get(maturityId!) ?? 0) : null;
  const revenueQuestions = new Set([modelsId, maturityId]);
  const profitModel: ProfitModelFit = {
    models: multiValue(r, modelsId),
    maturity,
    maturityMax: maturityItem?.max ?? 3,
    status: maturity === null ? 'unknown' : (PROFIT_STATUS[Math.min(maturity, 3)] ?? 'unknown'),
    flags: flags.filter((f) => f.questions.some((id) => revenueQuestions.has(id))).map((f) => f.id),
    citation: maturityItem?.question.citation ?? q.dimensions[0]!.citation,
  };

  // Out-of-step warnings.
  const reference = q.dimensions.find((d) => d.reference)?.id;
  const outOfStep: OutOfStep[] = [];
  for (const a of dimensions)
    for (const b of dimensions)
      if (a.id !== b.id && settle(a.score - b.score) >= OUT_OF_STEP_GAP)
        outOfStep.push({ ahead: a.id, behind: b.id, gap: a.score - b.score, againstReference: b.id === reference });
  outOfStep.sort(
    (x, y) => Number(y.againstReference) - Number(x.againstReference) || y.gap - x.gap || x.ahead.localeCompare(y.ahead) || x.behind.localeCompare(y.behind),
  );

  const bandFromScore = bandOf(overall);
  const hasRed = flags.some((f) => f.level === 'red');
  const band = hasRed && bandRank(bandFromScore) > bandRank(RED_FLAG_CAP) ? RED_FLAG_CAP : bandFromScore;

  return {
    core: {
      overall,
      claimed,
      range,
      band,
      bandFromScore,
      capped: band !== bandFromScore,
      dimensions,
      counts,
      evidence,
      flags,
      recommendations,
      hype,
      strategy,
      riskRegister,
      profitModel,
      outOfStep,
    },
    resolved: r,
  };
}

/** Scores the answers against the questionnaire. */
export function score(questionnaire: Questionnaire, answers: Answers): Report {
  const { core, resolved } = evaluate(questionnaire, answers);
  return { ...core, nextActions: nextActions(questionnaire, answers, core, resolved) };
}

/** Differences from report A to report B (B − A), and the flags B adds or removes. */
function answerChanges(a: Report, b: Report): AnswerChange[] {
  const byQuestion = (r: Report) => new Map(r.dimensions.flatMap((d) => d.why).map((c) => [c.question, c]));
  const [before, after] = [byQuestion(a), byQuestion(b)];
  const same = (x: Contribution, y: Contribution) => x.state === y.state && JSON.stringify(x.value) === JSON.stringify(y.value);
  const changes: AnswerChange[] = [];
  for (const question of new Set([...after.keys(), ...before.keys()])) {
    const [was, now] = [before.get(question), after.get(question)];
    if (was && now && same(was, now)) continue;
    changes.push({ question, dimension: (now ?? was)!.dimension, before: was, after: now, points: (now?.points ?? 0) - (was?.points ?? 0) });
  }
  return changes.sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
}

/** The answer with another value, keeping its evidence level. */
export function withValue(previous: Answer | undefined, value: string | string[]): Answer {
  return previous?.evidence ? { value, evidence: previous.evidence } : { value };
}

export function compare(a: Report, b: Report): Comparison {
  const before = new Map(a.flags.map((f) => [f.id, f]));
  const after = new Map(b.flags.map((f) => [f.id, f]));
  const dimensions: Record<string, number> = {};
  for (const d of b.dimensions) dimensions[d.id] = d.score - (a.dimensions.find((x) => x.id === d.id)?.score ?? 0);
  return {
    overall: b.overall - a.overall,
    range: { low: b.range.low - a.range.low, high: b.range.high - a.range.high },
    dimensions,
    hype: b.hype.value - a.hype.value,
    band: { from: a.band, to: b.band },
    unknown: b.counts.unknown + b.counts.unanswered - (a.counts.unknown + a.counts.unanswered),
    flagsAdded: b.flags.filter((f) => !before.has(f.id)),
    flagsRemoved: a.flags.filter((f) => !after.has(f.id)),
    answers: answerChanges(a, b),
  };
}

/**
 * The report with one answer changed: `value` is an option id, a list of option ids for a
 * multi-select question, or `unknown`. The evidence level given for that question is kept.
 */
export function whatIf(questionnaire: Questionnaire, answers: Answers, questionId: string, value: string | string[]): WhatIf {
  const base = score(questionnaire, answers);
  const previous = Object.prototype.hasOwnProperty.call(answers, questionId) ? answers[questionId] : undefined;
  const changed: Answers = { ...answers, [questionId]: withValue(previous, value) };
  const report = score(questionnaire, changed);
  return { base, report, delta: compare(base, report) };
}
