/**
 * The fixed vocabulary of the readiness assessment, shared by the content schemas
 * (src/schemas/assessment.ts) and the engine. No imports: the engine stays free of zod and Astro.
 */

/** The article pages a citation may point to (seed 000…004). */
export const ARTICLES = [
  'hype-to-rationality',
  'challenges-and-opportunities',
  'future-advantages',
  'technology-market-policy-trends',
  'product-innovation',
] as const;

/** The answer every question has implicitly: "don't know". It counts as the lowest score. */
export const UNKNOWN = 'unknown';

/** Model strategies (004 diagram M5 plus the fine-tuning path of 000 §3.1 / 004 §8.1). */
export const STRATEGIES = ['train-large', 'fine-tune', 'traditional', 'api'] as const;
/** Risk types of 000 §10.5 (风险分类). */
export const RISK_TYPES = ['technical', 'market', 'financial'] as const;
/** Options allowed in a risk-impact question. */
export const RISK_IMPACTS = ['not-identified', 'low', 'medium', 'high'] as const;
/** Options allowed in a risk-response question (000 §10.5: avoid / mitigate / transfer; plus accept and none). */
export const RISK_RESPONSES = ['none', 'accept', 'avoid', 'mitigate', 'transfer'] as const;

/**
 * Questions the scoring engine reads for its special outputs (strategy advice, risk register,
 * profit-model fit). Each role must be held by exactly one question.
 */
export const ROLES = [
  'data-scale',
  'model-strategy',
  'revenue-models',
  'revenue-maturity',
  'risk-impact-technical',
  'risk-impact-market',
  'risk-impact-financial',
  'risk-response-technical',
  'risk-response-market',
  'risk-response-financial',
  'risk-review',
] as const;

/** How many hype indicators the gauge has at most (000 §1.1–1.2: three sources, three harms). */
export const HYPE_MAX = 6;

/** The tests a condition leaf can make; exactly one per leaf. */
export const LEAF_TESTS = ['is', 'anyOf', 'allOf', 'noneOf', 'only', 'scoreAtMost', 'scoreAtLeast'] as const;

/**
 * A condition over the answers. A leaf names one question `q` and exactly one test; `all`, `any`
 * and `not` combine conditions. "Don't know" and no answer behave alike: the lowest score, an
 * empty selection, and `is: [unknown]` matches them. A leaf about a question hidden by its
 * `showIf` is always false (the question does not apply).
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | ConditionLeaf;

export interface ConditionLeaf {
  /** The question tested. */
  q: string;
  /** Single-answer question: the answer is one of these option ids (`unknown` = don't know or unanswered). */
  is?: string[];
  /** Multi-select question: at least one of these options is selected. */
  anyOf?: string[];
  /** Multi-select question: all of these options are selected. */
  allOf?: string[];
  /** Multi-select question: none of these options is selected (true for don't know). */
  noneOf?: string[];
  /** Multi-select question: something is selected, and only from these options. */
  only?: string[];
  /** Scored question: its level (0–3, don't know = 0) is at most this. */
  scoreAtMost?: number;
  /** Scored question: its level (0–3, don't know = 0) is at least this. */
  scoreAtLeast?: number;
}

/** Every question id a condition mentions, in order of first mention. */
export function referencedQuestions(cond: Condition): string[] {
  if ('all' in cond) return [...new Set(cond.all.flatMap(referencedQuestions))];
  if ('any' in cond) return [...new Set(cond.any.flatMap(referencedQuestions))];
  if ('not' in cond) return referencedQuestions(cond.not);
  return [cond.q];
}
