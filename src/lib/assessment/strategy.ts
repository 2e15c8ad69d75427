/**
 * Model-strategy advice (004 §2.3): the data scale picks the candidate routes (the first
 * strategy rule that holds, else the fallback); a route stays recommended only when every one
 * of its prerequisites holds (data rights, data actually held, team skills, compute budget,
 * runway — `kind: prerequisite` in rules.yaml). An answer "matches" only a recommended route.
 */
import type { PrerequisiteRule, StrategyRule } from '../../schemas/assessment.ts';
import { UNKNOWN, holds, roleQuestion, singleValue, type Resolved } from './state.ts';
import { STRATEGIES, referencedQuestions } from './vocabulary.ts';
import type { Prerequisite, Questionnaire, StrategyAdvice, StrategyId } from './types.ts';

/** The route that needs neither data nor training, recommended when no other route is open. */
export const FALLBACK_STRATEGY: StrategyId = 'api';

const isStrategy = (value: string): value is StrategyId => (STRATEGIES as readonly string[]).includes(value);

/** Prerequisites of a strategy that do not hold for these answers. */
export function missingPrerequisites(q: Questionnaire, r: Resolved, strategy: StrategyId): Prerequisite[] {
  return q.rules
    .filter((rule): rule is PrerequisiteRule => rule.kind === 'prerequisite' && rule.strategy === strategy)
    .filter((rule) => !holds(rule.when, r))
    .map((rule) => ({ id: rule.id, strategy, message: rule.message, citation: rule.citation, questions: referencedQuestions(rule.when) }));
}

export function strategyAdvice(q: Questionnaire, r: Resolved): StrategyAdvice | null {
  const rules = q.rules.filter((rule): rule is StrategyRule => rule.kind === 'strategy');
  // The fallback's position in the file does not matter.
  const rule = rules.find((x) => x.when && holds(x.when, r)) ?? rules.find((x) => !x.when);
  if (!rule) return null;
  const candidates = [...rule.recommend] as StrategyId[];
  const feasible = candidates.filter((s) => !missingPrerequisites(q, r, s).length);
  const current = singleValue(r, roleQuestion(r, 'model-strategy'));
  const missing = isStrategy(current) ? missingPrerequisites(q, r, current) : [];
  const recommended = feasible.length ? feasible : [FALLBACK_STRATEGY];
  return {
    rule: rule.id,
    dataScale: singleValue(r, roleQuestion(r, 'data-scale')),
    current,
    recommended,
    excluded: candidates.filter((s) => !feasible.includes(s)),
    matches: current === UNKNOWN || !isStrategy(current) ? null : recommended.includes(current) && !missing.length,
    missing,
    message: rule.message,
    citation: rule.citation,
  };
}
