/**
 * Public API of the readiness-assessment engine (pure; no DOM, no Astro, no I/O).
 * Build the questionnaire with `parseQuestionnaire` from src/schemas/assessment.ts (at build
 * time, from the content collections) and pass it to these functions in the browser.
 */
export {
  score,
  whatIf,
  compare,
  bandOf,
  bandRank,
  withValue,
  BANDS,
  RED_FLAG_CAP,
  OUT_OF_STEP_GAP,
  IMPACT_BONUS,
  EVIDENCE_CREDIT,
  QUESTION_WEIGHTS,
} from './score.ts';
export { FALLBACK_STRATEGY } from './strategy.ts';
export { quickScan, quickQuestionnaire, openQuestions, minutesFor, SECONDS_PER_QUESTION, type QuickScan } from './quick.ts';
export {
  exportAnswers,
  importAnswers,
  encodeFragment,
  decodeFragment,
  CODEC_VERSION,
  MAX_INPUT_BYTES,
  type DecodeResult,
  type DecodeError,
  type DecodeErrorCode,
  type SavedAnswers,
} from './codec.ts';
export { UNKNOWN, STRATEGIES, RISK_TYPES, RISK_IMPACTS, RISK_RESPONSES, ROLES, ARTICLES } from './vocabulary.ts';
export * from './labels.ts';
export type * from './types.ts';
