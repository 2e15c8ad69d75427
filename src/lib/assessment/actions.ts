/**
 * Next actions: every step that raises the evidence-backed score or clears a flag, ranked by
 * impact = score gain + a bonus per flag cleared (IMPACT_BONUS). Three kinds:
 * - raise: a scored question to its top answer, measured;
 * - evidence: an answer already at its top, backed by a measurement;
 * - lever: another option of a decision (`lever: true`), when that clears flags and raises no red one.
 * A red flag that no single step clears gets one combined step: every scored question its
 * condition mentions raised together.
 */
import type { FlagRule } from '../../schemas/assessment.ts';
import type { Core } from './score.ts';
import { holds, indexOf, isMultiple, multiLevel, resolve, type Resolved } from './state.ts';
import { referencedQuestions } from './vocabulary.ts';
import type { Answers, FlagHit, FlagLevel, NextAction, Question, Questionnaire } from './types.ts';

/**
 * Bonus added to an action's impact per flag it clears. A red flag caps the band, which outweighs
 * any single question's gain (≤ 4 points with the current data), so actions that clear one come first.
 */
export const IMPACT_BONUS = { red: 10, orange: 1, info: 0 } as const;

type Ranked = NextAction & { order: number };

/** Ids of the flags raised by these answers, among the given rules. */
function flagsAfter(q: Questionnaire, answers: Answers, rules: FlagRule[]): Set<string> {
  const r = resolve(q, answers);
  return new Set(rules.filter((rule) => holds(rule.when, r)).map((rule) => rule.id));
}

/**
 * The answer that takes a scored question to its max: the top option; for a multi-select, what is
 * already ticked plus the fewest other options that reach the top level (earlier options first), so
 * the advice never asks for more than the score needs.
 */
export function targetOf(question: Question, max: number, current: readonly string[] = []): string[] {
  if (question.type !== 'multi') return question.options.filter((o) => 'points' in o && o.points === max).map((o) => o.id);
  const ticked = question.options.filter((o) => current.includes(o.id)).map((o) => o.id);
  const rest = question.options.map((o) => o.id).filter((id) => !ticked.includes(id));
  const inOrder = (ids: string[]) => question.options.map((o) => o.id).filter((id) => ids.includes(id));
  for (let size = 0; size <= rest.length; size++) {
    const added = subsetsOf(rest, size).find((extra) => multiLevel(question, [...ticked, ...extra]) >= max);
    if (added) return inOrder([...ticked, ...added]);
  }
  return inOrder([...ticked, ...rest]);
}

/** Every subset of `items` with `size` elements, in lexicographic order of positions. */
function subsetsOf<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsetsOf(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/** The current selection of a multi-select (empty for other answers). */
const selectionOf = (answer: Answers[string] | undefined): string[] => (Array.isArray(answer?.value) ? answer.value : []);

/** The answers with these scored questions at their max, measured. */
function raised(q: Questionnaire, answers: Answers, ids: string[]): Answers {
  const index = indexOf(q);
  const out: Answers = { ...answers };
  for (const id of ids) {
    const item = index.byId.get(id)!;
    const target = targetOf(item.question, item.max, selectionOf(answers[id]));
    out[id] = { value: item.question.type === 'multi' ? target : (target[0] ?? ''), evidence: 'measured' };
  }
  return out;
}

const bonus = (flags: { level: FlagLevel }[]) => flags.reduce((sum, f) => sum + IMPACT_BONUS[f.level], 0);

/** Other answers a lever question could take: each other option, or the selection minus one option. */
function leverMoves(question: Question, value: string | string[] | undefined): (string | string[])[] {
  if (!isMultiple(question)) return question.options.map((o) => o.id).filter((id) => id !== value);
  const selected = Array.isArray(value) ? value : [];
  return selected.map((drop) => selected.filter((id) => id !== drop));
}

export function nextActions(q: Questionnaire, answers: Answers, core: Core, r: Resolved): NextAction[] {
  const flagRules = q.rules.filter((rule): rule is FlagRule => rule.kind === 'flag');
  const before = new Set(core.flags.map((f) => f.id));
  // Only raised flags can be cleared, and only by a question their condition mentions.
  const raisedRules = flagRules.filter((rule) => before.has(rule.id));
  const flagged = new Set(raisedRules.flatMap((rule) => referencedQuestions(rule.when)));
  const clearedBy = (changed: Answers): FlagHit[] => {
    const after = flagsAfter(q, changed, raisedRules);
    return core.flags.filter((f) => !after.has(f.id));
  };
  const totalWeight = core.dimensions.flatMap((d) => d.why).reduce((sum, c) => sum + c.weight, 0);
  const actions: Ranked[] = [];

  for (const c of core.dimensions.flatMap((d) => d.why)) {
    const item = r.index.byId.get(c.question)!;
    const missing = 1 - (c.credit * c.points) / c.max;
    if (missing <= 1e-12) continue;
    const gain = totalWeight ? (100 * c.weight * missing) / totalWeight : 0;
    const kind = c.points >= c.max ? 'evidence' : 'raise';
    const cleared = kind === 'raise' && flagged.has(c.question) ? clearedBy(raised(q, answers, [c.question])) : [];
    actions.push({
      kind,
      question: c.question,
      together: [],
      group: c.group,
      dimension: c.dimension,
      points: c.points,
      max: c.max,
      gain,
      impact: gain + bonus(cleared),
      clears: cleared.map((f) => f.id),
      target: kind === 'evidence' && !Array.isArray(c.value) && c.value ? [c.value] : targetOf(item.question, c.max, selectionOf(answers[c.question])),
      unknown: c.state !== 'answered',
      citation: c.citation,
      order: item.index,
    });
  }

  // Levers: the option that clears the most (by bonus) without raising a red flag. A lever may
  // reveal questions its current answer hides; they count as unanswered, whatever was once typed.
  const shown: Answers = Object.fromEntries(Object.entries(answers).filter(([id]) => r.states.get(id)?.kind !== 'hidden'));
  for (const item of r.index.questions) {
    const { question } = item;
    if (question.type !== 'choice' || !question.lever || !flagged.has(question.id)) continue;
    const state = r.states.get(question.id);
    if (!state || state.kind === 'hidden') continue;
    let best: { value: string | string[]; cleared: FlagHit[]; net: number } | undefined;
    for (const value of leverMoves(question, state.kind === 'answered' ? state.value : undefined)) {
      const changed: Answers = { ...shown, [question.id]: { value } };
      const cleared = clearedBy(changed);
      const resolved = resolve(q, changed);
      const added = flagRules.filter((rule) => !before.has(rule.id) && holds(rule.when, resolved));
      if (!cleared.length || added.some((rule) => rule.level === 'red')) continue;
      const net = bonus(cleared) - bonus(added);
      if (net > 0 && (!best || net > best.net)) best = { value, cleared, net };
    }
    if (!best) continue;
    actions.push({
      kind: 'lever',
      question: question.id,
      together: [],
      group: item.group,
      points: 0,
      max: 0,
      gain: 0,
      impact: best.net,
      clears: best.cleared.map((f) => f.id),
      target: Array.isArray(best.value) ? best.value : [best.value],
      unknown: state.kind !== 'answered',
      citation: question.citation,
      order: item.index,
    });
  }

  // A blocker no single step clears: raise every scored question of its condition together.
  for (const flag of core.flags.filter((f) => f.level === 'red' && !actions.some((a) => a.clears.includes(f.id)))) {
    // The scored questions of the condition that can still rise (the others are at their top).
    const ids = flag.questions.filter((id) => actions.some((a) => a.question === id && a.kind === 'raise'));
    const [first, ...rest] = ids;
    const lead = actions.find((a) => a.question === first && a.kind === 'raise');
    if (!lead || !rest.length) continue;
    const cleared = clearedBy(raised(q, answers, ids));
    if (!cleared.some((f) => f.id === flag.id)) continue;
    const gain = ids.reduce((sum, id) => sum + (actions.find((a) => a.question === id && a.kind === 'raise')?.gain ?? 0), 0);
    actions.push({ ...lead, together: rest, gain, impact: gain + bonus(cleared), clears: cleared.map((f) => f.id) });
  }

  actions.sort((a, b) => b.impact - a.impact || b.gain - a.gain || a.order - b.order);
  return actions.map(({ order: _order, ...action }) => action);
}
