/**
 * Types of the readiness-assessment engine. The questionnaire types come from the content
 * schemas (type-only imports: nothing from Astro or zod is loaded at run time).
 */
import type { Bilingual } from '../../schemas/bilingual.ts';
import type { ArticleCitation, BeyondArticles, Citation, Dimension, Question, QuestionGroup, Rule } from '../../schemas/assessment.ts';
import type { Condition, RISK_IMPACTS, RISK_RESPONSES, RISK_TYPES, STRATEGIES } from './vocabulary.ts';

export type { ArticleCitation, BeyondArticles, Bilingual, Citation, Condition, Dimension, Question, QuestionGroup, Rule };

/** The validated questionnaire: dimensions, groups in display order, rules in file order. */
export interface Questionnaire {
  dimensions: Dimension[];
  groups: QuestionGroup[];
  rules: Rule[];
}

/** How well an answer is backed: a belief, some evidence, or measured. */
export type EvidenceLevel = 'belief' | 'some' | 'measured';

/** One answer: an option id (single answer), option ids (multi-select; [] = none of these), or `unknown`. */
export interface Answer {
  /** Option id, list of option ids, or `'unknown'` (the implicit "don't know"). */
  value: string | string[];
  /** How well the answer is backed; optional. */
  evidence?: EvidenceLevel;
}

/** Question id → answer. Questions without an entry count as unanswered (like "don't know"). */
export type Answers = Record<string, Answer>;

export type StrategyId = (typeof STRATEGIES)[number];
export type RiskType = (typeof RISK_TYPES)[number];
export type RiskImpact = (typeof RISK_IMPACTS)[number];
export type RiskResponse = (typeof RISK_RESPONSES)[number];

/** ≥ 75 ready · 50–74 promising, with gaps · 25–49 early / hype risk · < 25 not ready. */
export type BandId = 'ready' | 'promising' | 'early' | 'not-ready';
export type FlagLevel = 'red' | 'orange' | 'info';

/** What one question adds to its dimension. */
export interface Contribution {
  question: string;
  group: string;
  dimension: string;
  /** `unknown` = answered "don't know"; `unanswered` = no answer yet (scored like "don't know"). */
  state: 'answered' | 'unknown' | 'unanswered';
  /** The (normalised) answer, when answered. */
  value?: string | string[];
  /** Level reached, 0…max. */
  points: number;
  /** Highest level the question can reach. */
  max: number;
  /** Weight of the question (QUESTION_WEIGHTS: core questions count double). */
  weight: number;
  evidence?: EvidenceLevel;
  /** Share of the points credited to the evidence-backed score (EVIDENCE_CREDIT). */
  credit: number;
  citation: Citation;
}

/** [score if every unknown were lowest, score if every unknown were highest]. */
export interface ScoreRange {
  low: number;
  high: number;
}

export interface DimensionScore {
  id: string;
  name: Bilingual;
  /** Share of the overall score: the dimension's question weights over all question weights. */
  weight: number;
  /** Evidence-backed score: 100 × Σ weight × credit × points / max ÷ Σ weight, over its visible scored questions. */
  score: number;
  /** Claimed score: the same with every answer credited in full. */
  claimed: number;
  points: number;
  max: number;
  range: ScoreRange;
  /** Number of visible scored questions answered "don't know" or not answered. */
  unknown: number;
  /** Every visible scored question of the dimension, highest points first. */
  why: Contribution[];
  citation: Citation;
}

export interface FlagHit {
  id: string;
  level: FlagLevel;
  message: Bilingual;
  action: Bilingual;
  citation: Citation;
  /** Questions the flag's condition looks at. */
  questions: string[];
}

export interface RecommendationHit {
  id: string;
  message: Bilingual;
  action: Bilingual;
  citation: Citation;
  questions: string[];
}

export interface HypeIndicator {
  id: string;
  on: boolean;
  message: Bilingual;
  citation: Citation;
}

/** Hype → rationality gauge (000 §1.1–1.2): the number of hype indicators that are on. */
export interface HypeGauge {
  value: number;
  max: number;
  /** 0–1 rational · 2–3 mixed · 4+ hype-driven. */
  level: 'rational' | 'mixed' | 'hype';
  indicators: HypeIndicator[];
}

export interface StrategyAdvice {
  /** Id of the strategy rule used. */
  rule: string;
  /** Answer to the data-scale question (option id, or `unknown`). */
  dataScale: string;
  /** Answer to the model-strategy question (option id, or `unknown`). */
  current: string;
  /** Recommended strategies, best first. */
  recommended: StrategyId[];
  /** Strategies the data scale suggests but that are left out because a prerequisite is missing. */
  excluded: StrategyId[];
  /** Whether the current strategy is recommended (its prerequisites all hold); null if undecided or unknown. */
  matches: boolean | null;
  /** Prerequisites of the current strategy that do not hold. */
  missing: Prerequisite[];
  message: Bilingual;
  citation: Citation;
}

export interface Prerequisite {
  id: string;
  strategy: StrategyId;
  message: Bilingual;
  citation: Citation;
  questions: string[];
}

export interface RiskEntry {
  /** The risk, e.g. "Top technical risk" (the founder names it; the register records its type). */
  risk: Bilingual;
  type: RiskType;
  /** Impact of the top risk of this type, as rated by the founder. */
  impact: RiskImpact | 'unknown';
  response: RiskResponse | 'unknown';
  /** Option id of the review-cadence question, or `unknown`. */
  review: string;
  /** High (or unrated) impact with no response. */
  open: boolean;
  questions: { impact: string; response: string; review: string };
  citation: Citation;
}

export interface ProfitModelFit {
  /** Revenue models ticked (option ids of the revenue-models question). */
  models: string[];
  /** Level of the revenue-maturity question (0–3), null when unknown. */
  maturity: number | null;
  maturityMax: number;
  /** none → hypothesis → validated (pricing + pilots) → recurring revenue. */
  status: 'none' | 'hypothesis' | 'validated' | 'recurring' | 'unknown';
  /** Flags raised about the revenue questions. */
  flags: string[];
  citation: Citation;
}

/** One dimension running ≥ 30 points ahead of another. */
export interface OutOfStep {
  ahead: string;
  behind: string;
  gap: number;
  /** True when `behind` is the reference dimension (business model / validated demand). */
  againstReference: boolean;
}

export interface NextAction {
  /**
   * raise: a better answer to a scored question · evidence: back an answer already at its top
   * with a measurement · lever: change a decision (a `lever` choice question) to clear flags.
   */
  kind: 'raise' | 'evidence' | 'lever';
  question: string;
  /** Scored questions raised to their max in the same step, when no single answer clears a blocker. */
  together: string[];
  group: string;
  /** Dimension of a scored question; absent for a lever. */
  dimension?: string;
  points: number;
  max: number;
  /** Evidence-backed overall gain if this question reached its max, measured (0 for a lever). */
  gain: number;
  /** Ranking key: gain + 10 per red flag and + 1 per orange flag it would clear (see IMPACT_BONUS). */
  impact: number;
  /** Flags that would disappear. */
  clears: string[];
  /** Option(s) that reach the max. */
  target: string[];
  /** The question is currently "don't know" or unanswered. */
  unknown: boolean;
  citation: Citation;
}

export interface Counts {
  /** Questions shown (not hidden by showIf). */
  visible: number;
  /** Visible scored questions. */
  scored: number;
  /** Visible questions with a real answer. */
  answered: number;
  /** Visible questions answered "don't know". */
  unknown: number;
  /** Visible questions without an answer. */
  unanswered: number;
  /** Questions hidden by showIf. */
  hidden: number;
}

/** Share of the earned points (weighted as in the overall score) by evidence level; all 0 when nothing is earned. */
export interface EvidenceShare {
  measured: number;
  some: number;
  belief: number;
  unstated: number;
}

export interface Report {
  /** Evidence-backed overall score, 0–100: the weighted mean of the dimension scores. */
  overall: number;
  /** Claimed overall score: every answer credited in full, whatever its evidence. */
  claimed: number;
  range: ScoreRange;
  /** Band after the red-flag cap. */
  band: BandId;
  /** Band from the score alone. */
  bandFromScore: BandId;
  /** True when a red flag lowered the band. */
  capped: boolean;
  dimensions: DimensionScore[];
  counts: Counts;
  evidence: EvidenceShare;
  /** Red first, then orange, then info; within a level in rules.yaml order. */
  flags: FlagHit[];
  recommendations: RecommendationHit[];
  hype: HypeGauge;
  strategy: StrategyAdvice | null;
  riskRegister: RiskEntry[];
  profitModel: ProfitModelFit;
  outOfStep: OutOfStep[];
  /** Every visible scored question below its max or not yet measured, and levers that clear flags; highest impact first. */
  nextActions: NextAction[];
}

/** A scored question answered differently in the second report. */
export interface AnswerChange {
  question: string;
  dimension: string;
  /** Absent when the question was hidden (a condition did not hold) in that report. */
  before?: Contribution;
  after?: Contribution;
  /** Points gained on this question (negative: lost). */
  points: number;
}

export interface Comparison {
  overall: number;
  range: ScoreRange;
  dimensions: Record<string, number>;
  hype: number;
  band: { from: BandId; to: BandId };
  unknown: number;
  flagsAdded: FlagHit[];
  flagsRemoved: FlagHit[];
  /** Scored questions whose answer or "don't know" changed, largest change in points first. */
  answers: AnswerChange[];
}

export interface WhatIf {
  base: Report;
  report: Report;
  delta: Comparison;
}
