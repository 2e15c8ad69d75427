/**
 * The scoring engine of the readiness assessment (guide §6.0): pure functions from a
 * questionnaire and answers to a report. No DOM, no Astro, no I/O.
 *
 * - Dimension score = 100 × Σ points / Σ max over the visible scored questions of the dimension;
 *   "don't know" and unanswered count as 0. Overall = Σ weight × dimension score.
 * - Band: ≥ 75 ready · 50–74 promising, with gaps · 25–49 early / hype risk · < 25 not ready;
 *   any red flag caps the band at "promising, with gaps".
 * - Range: [score with every unknown at its lowest (= the score), score with every unknown at its max].
 */
import type { FlagRule, HypeRule, RecommendationRule, StrategyRule } from '../../schemas/assessment.ts';
import { RISK_NAMES } from './labels.ts';
import { RISK_TYPES, referencedQuestions } from './vocabulary.ts';
import { UNKNOWN, holds, indexOf, isScored, multiValue, resolve, singleValue, type Resolved } from './state.ts';
import type {
  AnswerChange,
  Answers,
  BandId,
  Comparison,
  Contribution,
  DimensionScore,
  EvidenceShare,
  FlagHit,
  HypeGauge,
  NextAction,
  OutOfStep,
  ProfitModelFit,
  Questionnaire,
  RecommendationHit,
  Report,
  RiskEntry,
  RiskImpact,
  RiskResponse,
  StrategyAdvice,
  StrategyId,
  WhatIf,
} from './types.ts';

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
/**
 * Next actions are ranked by impact = overall-score gain + these bonuses per flag the action
 * clears. A red flag caps the band, which outweighs any single question's gain (≤ 5 points with
 * the current data), so actions that clear one come first.
 */
export const IMPACT_BONUS = { red: 10, orange: 1, info: 0 } as const;

const BAND_RANK: Record<BandId, number> = { 'not-ready': 0, early: 1, promising: 2, ready: 3 };
const LEVEL_RANK = { red: 0, orange: 1, info: 2 } as const;
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

type Core = Omit<Report, 'nextActions'>;

function roleQuestion(r: Resolved, role: string): string | undefined {
  return r.index.questions.find((item) => item.question.role === role)?.question.id;
}

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

  // Dimensions.
  const dimensions: DimensionScore[] = q.dimensions.map((dim) => {
    const why: Contribution[] = [];
    let points = 0;
    let max = 0;
    let open = 0;
    let unknown = 0;
    for (const item of index.questions) {
      const { question } = item;
      if (!isScored(question) || question.dimension !== dim.id) continue;
      const state = states.get(question.id)!;
      if (state.kind === 'hidden') continue;
      const level = levels.get(question.id) ?? 0;
      points += level;
      max += item.max;
      if (state.kind !== 'answered') {
        open += item.max;
        unknown++;
      }
      const contribution: Contribution = {
        question: question.id,
        group: item.group,
        dimension: dim.id,
        state: state.kind,
        points: level,
        max: item.max,
        citation: question.citation,
      };
      if (state.kind === 'answered') contribution.value = state.value;
      if (state.kind !== 'unanswered' && state.evidence) contribution.evidence = state.evidence;
      why.push(contribution);
    }
    why.sort((a, b) => b.points - a.points || index.byId.get(a.question)!.index - index.byId.get(b.question)!.index);
    const score = max ? (100 * points) / max : 0;
    const high = max ? (100 * (points + open)) / max : 0;
    return { id: dim.id, name: dim.name, weight: dim.weight, score, points, max, range: { low: score, high }, unknown, why, citation: dim.citation };
  });

  const overall = dimensions.reduce((sum, d) => sum + d.weight * d.score, 0);
  const range = {
    low: dimensions.reduce((sum, d) => sum + d.weight * d.range.low, 0),
    high: dimensions.reduce((sum, d) => sum + d.weight * d.range.high, 0),
  };

  // Evidence share of the earned points, weighted as in the overall score.
  const evidenceTotals = { measured: 0, some: 0, belief: 0, unstated: 0 };
  for (const d of dimensions)
    for (const c of d.why) if (c.points > 0 && d.max > 0) evidenceTotals[c.evidence ?? 'unstated'] += (d.weight * 100 * c.points) / d.max;
  const earned = Object.values(evidenceTotals).reduce((a, b) => a + b, 0);
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

  // Model strategy.
  // The first conditional strategy rule that holds, else the unconditional fallback (so the
  // fallback's position in the file does not matter).
  const strategyRules = q.rules.filter((rule): rule is StrategyRule => rule.kind === 'strategy');
  const strategyRule = strategyRules.find((rule) => rule.when && holds(rule.when, r)) ?? strategyRules.find((rule) => !rule.when);
  let strategy: StrategyAdvice | null = null;
  if (strategyRule) {
    const current = singleValue(r, roleQuestion(r, 'model-strategy'));
    const recommended = [...strategyRule.recommend] as StrategyId[];
    strategy = {
      rule: strategyRule.id,
      dataScale: singleValue(r, roleQuestion(r, 'data-scale')),
      current,
      recommended,
      matches: current === UNKNOWN || current === 'undecided' ? null : recommended.includes(current as StrategyId),
      message: strategyRule.message,
      citation: strategyRule.citation,
    };
  }

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
      citation: (index.byId.get(responseId) ?? index.byId.get(impactId))!.question.citation,
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
    status: maturity === null ? 'unknown' : PROFIT_STATUS[Math.min(maturity, 3)],
    flags: flags.filter((f) => f.questions.some((id) => revenueQuestions.has(id))).map((f) => f.id),
    citation: maturityItem?.question.citation ?? q.dimensions[0].citation,
  };

  // Out-of-step warnings.
  const reference = q.dimensions.find((d) => d.reference)?.id;
  const outOfStep: OutOfStep[] = [];
  for (const a of dimensions)
    for (const b of dimensions)
      if (a.id !== b.id && settle(a.score - b.score) >= OUT_OF_STEP_GAP)
        outOfStep.push({ ahead: a.id, behind: b.id, gap: a.score - b.score, againstReference: b.id === reference });
  outOfStep.sort((x, y) => Number(y.againstReference) - Number(x.againstReference) || y.gap - x.gap || x.ahead.localeCompare(y.ahead) || x.behind.localeCompare(y.behind));

  const bandFromScore = bandOf(overall);
  const hasRed = flags.some((f) => f.level === 'red');
  const band = hasRed && bandRank(bandFromScore) > bandRank(RED_FLAG_CAP) ? RED_FLAG_CAP : bandFromScore;

  return {
    core: {
      overall,
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

/** Ids of the flags raised by these answers, among the given rules. */
function flagsAfter(q: Questionnaire, answers: Answers, rules: FlagRule[]): Set<string> {
  const r = resolve(q, answers);
  return new Set(rules.filter((rule) => holds(rule.when, r)).map((rule) => rule.id));
}

/** The answer that takes a scored question to its max: the top option, or every option of a multi-select. */
function targetOf(q: Questionnaire, questionId: string): string[] {
  const item = indexOf(q).byId.get(questionId)!;
  const { question } = item;
  if (question.type === 'multi') return question.options.map((o) => o.id);
  return question.options.filter((o) => 'points' in o && o.points === item.max).map((o) => o.id);
}

function nextActions(q: Questionnaire, answers: Answers, core: Core, r: Resolved): NextAction[] {
  const weight = new Map(core.dimensions.map((d) => [d.id, d]));
  const before = new Set(core.flags.map((f) => f.id));
  // Only raised flags can be cleared, and only by a question their condition mentions (scored
  // questions never gate others), so only those questions need a re-evaluation.
  const raisedRules = q.rules.filter((rule): rule is FlagRule => rule.kind === 'flag' && before.has(rule.id));
  const flagged = new Set(raisedRules.flatMap((rule) => referencedQuestions(rule.when)));
  const actions: (NextAction & { order: number })[] = [];
  for (const item of r.index.questions) {
    const { question } = item;
    if (!isScored(question)) continue;
    const state = r.states.get(question.id)!;
    if (state.kind === 'hidden') continue;
    const points = r.levels.get(question.id) ?? 0;
    if (points >= item.max) continue;
    const dim = weight.get(question.dimension)!;
    const gain = dim.max ? (dim.weight * 100 * (item.max - points)) / dim.max : 0;
    const target = targetOf(q, question.id);
    let cleared: FlagHit[] = [];
    if (flagged.has(question.id)) {
      const raised = { ...answers, [question.id]: { value: question.type === 'multi' ? target : target[0] } };
      const after = flagsAfter(q, raised, raisedRules);
      cleared = core.flags.filter((f) => before.has(f.id) && !after.has(f.id));
    }
    const impact = gain + cleared.reduce((sum, f) => sum + IMPACT_BONUS[f.level], 0);
    actions.push({
      question: question.id,
      group: item.group,
      dimension: question.dimension,
      points,
      max: item.max,
      gain,
      impact,
      clears: cleared.map((f) => f.id),
      target,
      unknown: state.kind !== 'answered',
      citation: question.citation,
      order: item.index,
    });
  }
  actions.sort((a, b) => b.impact - a.impact || b.gain - a.gain || a.order - b.order);
  return actions.map(({ order: _order, ...action }) => action);
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
  const changed: Answers = { ...answers, [questionId]: previous?.evidence ? { value, evidence: previous.evidence } : { value } };
  const report = score(questionnaire, changed);
  return { base, report, delta: compare(base, report) };
}
