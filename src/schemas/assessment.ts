import { z } from 'astro/zod';
import { bilingual } from './bilingual.ts';
import {
  ARTICLES,
  HYPE_MAX,
  LEAF_TESTS,
  RISK_IMPACTS,
  RISK_RESPONSES,
  ROLES,
  STRATEGIES,
  UNKNOWN,
  referencedQuestions,
  type Condition,
} from '../lib/assessment/vocabulary.ts';

/**
 * The readiness assessment, as contributors edit it under `content/assessment/`:
 *
 * - `dimensions.yaml`: the five core elements of article 000 §2.4, one dimension each, with weights;
 * - `questions/<group>.yaml`: one file per question group (one screen of the questionnaire);
 * - `rules.yaml`: flags, recommendations, hype indicators and model-strategy advice, each a
 *   condition over the answers written in the small language defined below.
 *
 * Each file is checked on its own by the collection schemas here; everything that spans files
 * (ids used in conditions, weights summing to 1, duplicate ids, the questions the scoring engine
 * relies on) is checked by {@link validateQuestionnaire}, which the content test runs on all files.
 */

export { ARTICLES, HYPE_MAX, LEAF_TESTS, RISK_IMPACTS, RISK_RESPONSES, ROLES, STRATEGIES, UNKNOWN, referencedQuestions };
export type { Condition, ConditionLeaf } from '../lib/assessment/vocabulary.ts';

const slug = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** A lowercase id such as `cf-1` or `hh-3-runway`. */
const id = z.string().regex(slug, 'must be lowercase letters, digits and single hyphens, e.g. "cf-1"');
/** An option id; `unknown` is reserved for the implicit "don't know" answer. */
const optionId = id.refine((value) => value !== UNKNOWN, `"${UNKNOWN}" is reserved for the implicit "don't know" answer`);
/** A dimension id, `D1`…`D9`. */
const dimensionId = z.string().regex(/^D[1-9]$/, 'must look like D1');

/**
 * Where in the articles a question, rule or dimension comes from ("learn more" link): an article
 * section, or — when no article covers the topic — `beyond`, a one-line reason why the question is
 * asked anyway (shown as "beyond the articles"; never a made-up citation).
 */
export const citation = z
  .object(
    {
      /** Slug of the article page, one of {@link ARTICLES}. */
      article: z.enum(ARTICLES, { error: `must be one of: ${ARTICLES.join(', ')}` }).optional(),
      /** Anchor of the section, e.g. `sec-2-4` for "### 2.4 …", or an explicit `{#id}` such as `faq-5`. */
      section: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an anchor such as sec-2-4')
        .optional(),
      /** No article covers this: why it is asked anyway, in one line per language. */
      beyond: bilingual.optional(),
    },
    { error: (issue) => (issue.input === undefined ? 'a citation { article, section } is required' : undefined) },
  )
  .strict()
  .refine((c) => (c.beyond ? c.article === undefined && c.section === undefined : c.article !== undefined && c.section !== undefined), {
    message: 'a citation needs either both article and section, or only beyond (the reason no article covers it)',
  })
  .transform((c): ArticleCitation | BeyondArticles => (c.beyond ? { beyond: c.beyond } : { article: c.article!, section: c.section! }));
/** An article section. */
export interface ArticleCitation {
  article: (typeof ARTICLES)[number];
  section: string;
}
/** Beyond the articles: the reason the question is asked although no article covers it. */
export interface BeyondArticles {
  beyond: z.infer<typeof bilingual>;
}
export type Citation = z.infer<typeof citation>;

const optionList = z.array(z.string().regex(slug, 'must be an option id')).min(1);
const level = z.number().int().min(0).max(3);

const conditionLeaf = z
  .object({
    /** The question tested. */
    q: id,
    /** Single-answer question: the answer is one of these option ids (`unknown` = don't know or unanswered). */
    is: optionList.optional(),
    /** Multi-select question: at least one of these options is selected. */
    anyOf: optionList.optional(),
    /** Multi-select question: all of these options are selected. */
    allOf: optionList.optional(),
    /** Multi-select question: none of these options is selected (true for don't know). */
    noneOf: optionList.optional(),
    /** Multi-select question: something is selected, and only from these options. */
    only: optionList.optional(),
    /** Scored question: its level (0–3, don't know = 0) is at most this. */
    scoreAtMost: level.optional(),
    /** Scored question: its level (0–3, don't know = 0) is at least this. */
    scoreAtLeast: level.optional(),
  })
  .strict()
  .refine((leaf) => LEAF_TESTS.filter((test) => leaf[test] !== undefined).length === 1, {
    message: `a condition on a question needs exactly one of: ${LEAF_TESTS.join(', ')}`,
  });

/** A condition over the answers (see {@link Condition}): a leaf test, or `all` / `any` / `not`. */
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ /** All of these hold. */ all: z.array(condition).min(1) }).strict(),
    z.object({ /** At least one of these holds. */ any: z.array(condition).min(1) }).strict(),
    z.object({ /** This does not hold. */ not: condition }).strict(),
    conditionLeaf,
  ]),
);

/** One of the five core elements (000 §2.4) as a scoring dimension. */
export const dimension = z
  .object({
    /** `D1`…`D5`, in the order of 000 §2.4. */
    id: dimensionId,
    /** Name shown in the results, e.g. 技术实力 / Technical strength. */
    name: bilingual,
    /** What the dimension covers, one or two sentences. */
    description: bilingual,
    /** The dimension others are compared with for "running ahead" warnings (the business model, which carries validated demand). Exactly one. */
    reference: z.boolean().optional(),
    /** Where the element is defined. */
    citation,
  })
  .strict();
export type Dimension = z.infer<typeof dimension>;

/** Fields every question has. */
const questionBase = {
  /** Stable lowercase id, e.g. `hh-1`; saved answers refer to it, so never rename it. */
  id,
  /** The question as the founder reads it. */
  text: bilingual,
  /** One or two sentences that explain what a good answer looks like and why it matters. */
  help: bilingual,
  /** The article section the question comes from. */
  citation,
  /** Show the question only when this holds; it may test only `choice` questions that come earlier. */
  showIf: condition.optional(),
  /** What the scoring engine reads this question for (strategy advice, risk register, profit-model fit). */
  role: z.enum(ROLES).optional(),
  /** True when the question extrapolates beyond the source text (shown with an editorial label). */
  editorial: z.boolean().optional(),
  /** True for one of the ≈ 15 questions of the quick scan (never one with a `showIf`). */
  quick: z.boolean().optional(),
};

/** An option of a `scale` question. */
const scaleOption = z
  .object({
    /** Stable lowercase id, unique within the question. */
    id: optionId,
    /** The answer as the founder reads it. */
    text: bilingual,
    /** Level on the guide's scale: 0 no · 1 idea or plan · 2 in place · 3 in place with evidence. */
    points: level,
  })
  .strict();

/** An option of a `multi` question. */
const multiOption = z
  .object({
    /** Stable lowercase id, unique within the question. */
    id: optionId,
    /** The answer as the founder reads it. */
    text: bilingual,
    /** Points this option adds to the question's sum (mapped to a level by `levels`). */
    points: z.number().int().min(0).max(10),
  })
  .strict();

/** An option of a `choice` question (unscored). */
const choiceOption = z
  .object({
    /** Stable lowercase id, unique within the question. */
    id: optionId,
    /** The answer as the founder reads it. */
    text: bilingual,
  })
  .strict();

/** Pick one option; the option's points are the question's level in its dimension. */
const scaleQuestion = z
  .object({
    ...questionBase,
    /** Pick one option, scored 0–3. */
    type: z.literal('scale'),
    /** The dimension the question scores in. */
    dimension: dimensionId,
    /** True for a core question, which counts double (see QUESTION_WEIGHTS and dimensions.yaml). */
    core: z.boolean().optional(),
    /** The answers, from lowest to highest; at least one must score 0. */
    options: z.array(scaleOption).min(2),
  })
  .strict();

/** Tick any options; the sum of their points is mapped to a level 0–3 by `levels`. */
const multiQuestion = z
  .object({
    ...questionBase,
    /** Tick any number of options (ticking none is an answer too: "none of these"). */
    type: z.literal('multi'),
    /** The dimension the question scores in. */
    dimension: dimensionId,
    /** True for a core question, which counts double (see QUESTION_WEIGHTS and dimensions.yaml). */
    core: z.boolean().optional(),
    /** The options; ticking more never lowers the level. */
    options: z.array(multiOption).min(2),
    /** Sums of points needed for levels 1, 2 and 3 (strictly increasing; level 3 must be reachable). */
    levels: z.tuple([z.number().int().min(1), z.number().int().min(1), z.number().int().min(1)]),
  })
  .strict();

/** Unscored information or decision question (e.g. the model strategy); it may gate other questions. */
const choiceQuestion = z
  .object({
    ...questionBase,
    /** Unscored. */
    type: z.literal('choice'),
    /** True when several options may be ticked. */
    multiple: z.boolean().optional(),
    /**
     * True for a decision the founder can change (the model strategy, a data source): next actions
     * may suggest another option when that clears a flag. Facts (stage, personal data) are not levers.
     */
    lever: z.boolean().optional(),
    /** The options. */
    options: z.array(choiceOption).min(2),
  })
  .strict();

export const question = z.discriminatedUnion('type', [scaleQuestion, multiQuestion, choiceQuestion]);
export type Question = z.infer<typeof question>;
export type ScaleQuestion = z.infer<typeof scaleQuestion>;
export type MultiQuestion = z.infer<typeof multiQuestion>;
export type ChoiceQuestion = z.infer<typeof choiceQuestion>;

/** One screen of the questionnaire: `content/assessment/questions/<id>.yaml`. */
export const questionGroup = z
  .object({
    /** Same as the file name without `.yaml`, e.g. `demand`. */
    id,
    /** Position in the questionnaire (1 = first); unique. */
    order: z.number().int().min(1),
    /** Heading of the screen. */
    title: bilingual,
    /** A sentence or two shown above the questions. */
    intro: bilingual,
    /** The questions, 1–8 so that a group fits on one screen. */
    questions: z.array(question).min(1).max(8, 'a group should fit on one screen: at most 8 questions'),
  })
  .strict();
export type QuestionGroup = z.infer<typeof questionGroup>;

/** Fields every rule has. */
const ruleBase = {
  /** Stable lowercase id, e.g. `technology-first`. */
  id,
  /** Where the rule comes from. */
  citation,
};

/** A flag raised by specific answers, whatever the score (🔴 blocker, 🟠 watch, ⓘ info). */
const flagRule = z
  .object({
    ...ruleBase,
    /** A flag. */
    kind: z.literal('flag'),
    /** red = blocker (caps the band at "promising, with gaps"), orange = watch, info = for information. */
    level: z.enum(['red', 'orange', 'info']),
    /** When the flag is raised. Red flags may only get harder to raise as scored answers improve. */
    when: condition,
    /** What is wrong, in one sentence. */
    message: bilingual,
    /** What to do about it. */
    action: bilingual,
  })
  .strict();

/** A "what to do next" suggestion (guide §6.21); `when` omitted = always. */
const recommendationRule = z
  .object({
    ...ruleBase,
    /** A recommendation. */
    kind: z.literal('recommendation'),
    /** When the recommendation applies; omitted = always. */
    when: condition.optional(),
    /** The recommendation, in one sentence. */
    message: bilingual,
    /** The concrete next step. */
    action: bilingual,
  })
  .strict();

/** One indicator of the hype → rationality gauge (000 §1.1–1.2); each that holds adds 1. */
const hypeRule = z
  .object({
    ...ruleBase,
    /** A hype indicator. */
    kind: z.literal('hype'),
    /** When the indicator is on. */
    when: condition,
    /** What the indicator means, in one sentence. */
    message: bilingual,
  })
  .strict();

/** Model-strategy advice: the first strategy rule whose condition holds, else the one without a condition. */
const strategyRule = z
  .object({
    ...ruleBase,
    /** Strategy advice. */
    kind: z.literal('strategy'),
    /** When this advice applies; exactly one strategy rule omits it (the fallback). */
    when: condition.optional(),
    /** Recommended strategies, best first. */
    recommend: z.array(z.enum(STRATEGIES)).min(1),
    /** The reasoning, two or three sentences. */
    message: bilingual,
  })
  .strict();

/**
 * A prerequisite of a model strategy: the strategy is recommended, and an answer choosing it
 * "matches the advice", only when every prerequisite of that strategy holds.
 */
const prerequisiteRule = z
  .object({
    ...ruleBase,
    /** A prerequisite. */
    kind: z.literal('prerequisite'),
    /** The strategy it is a prerequisite of. */
    strategy: z.enum(STRATEGIES),
    /** Holds when the prerequisite is met ("don't know" must not meet it). */
    when: condition,
    /** What is needed, in one sentence (shown when it is missing). */
    message: bilingual,
  })
  .strict();

export const rule = z.discriminatedUnion('kind', [flagRule, recommendationRule, hypeRule, strategyRule, prerequisiteRule]);
export type Rule = z.infer<typeof rule>;
export type FlagRule = z.infer<typeof flagRule>;
export type RecommendationRule = z.infer<typeof recommendationRule>;
export type HypeRule = z.infer<typeof hypeRule>;
export type StrategyRule = z.infer<typeof strategyRule>;
export type PrerequisiteRule = z.infer<typeof prerequisiteRule>;

/** Collection schemas for content.config.ts. */
export const assessmentSchemas = { dimension, questionGroup, rule };

/** The parsed questionnaire the engine works on. */
export interface QuestionnaireData {
  dimensions: Dimension[];
  groups: QuestionGroup[];
  rules: Rule[];
}

/** The raw contents of the files, before validation (`groups` may carry the file name). */
export interface RawQuestionnaire {
  dimensions: unknown;
  groups: unknown;
  rules: unknown;
}

function issuesOf(error: z.ZodError, where: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? ` › ${issue.path.join('.')}` : '';
    return `${where}${path}: ${issue.message}`;
  });
}

/** Parses and cross-checks all assessment files; returns the problems found (empty = valid). */
export function validateQuestionnaire(data: RawQuestionnaire): string[] {
  return parseQuestionnaire(data).problems;
}

/** Like {@link validateQuestionnaire}, but also returns the parsed data when there are no problems. */
export function parseQuestionnaire(data: RawQuestionnaire): { problems: string[]; data?: QuestionnaireData } {
  const problems: string[] = [];
  const dimensions: Dimension[] = [];
  const groups: QuestionGroup[] = [];
  const rules: Rule[] = [];

  if (!Array.isArray(data.dimensions)) problems.push('dimensions.yaml: expected a list of dimensions');
  else
    data.dimensions.forEach((item, i) => {
      const parsed = dimension.safeParse(item);
      if (parsed.success) dimensions.push(parsed.data);
      else problems.push(...issuesOf(parsed.error, `dimensions.yaml › ${labelOf(item, i)}`));
    });

  if (!Array.isArray(data.groups)) problems.push('questions/: expected a list of question groups');
  else
    data.groups.forEach((item, i) => {
      const file = (item as { file?: unknown } | null)?.file;
      const where = `questions/${typeof file === 'string' ? file : labelOf(item, i)}`;
      const { file: _file, ...rest } = (item ?? {}) as Record<string, unknown>;
      const parsed = questionGroup.safeParse(rest);
      if (!parsed.success) return void problems.push(...issuesOf(parsed.error, where));
      if (typeof file === 'string' && file.replace(/\.ya?ml$/, '') !== parsed.data.id)
        problems.push(`${where}: group id "${parsed.data.id}" must equal the file name`);
      groups.push(parsed.data);
    });

  if (!Array.isArray(data.rules)) problems.push('rules.yaml: expected a list of rules');
  else
    data.rules.forEach((item, i) => {
      const parsed = rule.safeParse(item);
      if (parsed.success) rules.push(parsed.data);
      else problems.push(...issuesOf(parsed.error, `rules.yaml › ${labelOf(item, i)}`));
    });

  problems.push(...crossCheck(dimensions, groups, rules));
  return problems.length ? { problems } : { problems, data: { dimensions, groups: [...groups].sort((a, b) => a.order - b.order), rules } };
}

function labelOf(item: unknown, index: number): string {
  const value = (item as { id?: unknown } | null)?.id;
  return typeof value === 'string' ? value : `item ${index + 1}`;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** Checks that span files. Exported for tests of individual checks. */
export function crossCheck(dimensions: Dimension[], groups: QuestionGroup[], rules: Rule[]): string[] {
  const problems: string[] = [];

  // Dimensions.
  for (const dup of duplicates(dimensions.map((d) => d.id))) problems.push(`dimensions.yaml: duplicate dimension id "${dup}"`);
  if (dimensions.length) {
    const references = dimensions.filter((d) => d.reference).length;
    if (references !== 1) problems.push(`dimensions.yaml: exactly one dimension must have "reference: true" (found ${references})`);
  } else problems.push('dimensions.yaml: no dimensions');
  const dimensionIds = new Set(dimensions.map((d) => d.id));

  // Groups and questions.
  for (const dup of duplicates(groups.map((g) => g.id))) problems.push(`questions/: duplicate group id "${dup}"`);
  for (const dup of duplicates(groups.map((g) => String(g.order)))) problems.push(`questions/: two groups have order ${dup}`);
  const ordered = [...groups].sort((a, b) => a.order - b.order);
  const questions = ordered.flatMap((g) => g.questions.map((q) => ({ group: g.id, q })));
  for (const dup of duplicates(questions.map(({ q }) => q.id))) problems.push(`questions/: duplicate question id "${dup}"`);
  const byId = new Map(questions.map(({ q }) => [q.id, q]));
  const position = new Map(questions.map(({ q }, i) => [q.id, i]));

  for (const [index, { group, q }] of questions.entries()) {
    const where = `questions/${group}.yaml › ${q.id}`;
    for (const dup of duplicates(q.options.map((o) => o.id))) problems.push(`${where}: duplicate option id "${dup}"`);
    if (q.type !== 'choice') {
      if (!dimensionIds.has(q.dimension)) problems.push(`${where}: unknown dimension "${q.dimension}"`);
    }
    if (q.type === 'scale') {
      if (!q.options.some((o) => o.points === 0)) problems.push(`${where}: a scale needs an option scored 0 (the lowest answer)`);
      if (q.options.some((o, i) => i > 0 && o.points < (q.options[i - 1]?.points ?? 0)))
        problems.push(`${where}: options must be listed from lowest to highest points`);
    }
    if (q.type === 'multi') {
      const [l1, l2, l3] = q.levels;
      if (!(l1 < l2 && l2 < l3)) problems.push(`${where}: levels must be strictly increasing`);
      const total = q.options.reduce((sum, o) => sum + o.points, 0);
      if (total < l3) problems.push(`${where}: level 3 needs ${l3} points but all options together give ${total}`);
    }
    if (q.quick && q.showIf) problems.push(`${where}: a quick-scan question must always be shown (no showIf)`);
    if (q.showIf) {
      for (const problem of checkCondition(q.showIf, byId)) problems.push(`${where} › showIf: ${problem}`);
      for (const ref of referencedQuestions(q.showIf)) {
        const target = byId.get(ref);
        if (!target) continue;
        if (target.type !== 'choice') problems.push(`${where} › showIf: may only test choice questions, but "${ref}" is scored`);
        if ((position.get(ref) ?? Infinity) >= index) problems.push(`${where} › showIf: "${ref}" must come before the question it shows`);
      }
    }
  }

  for (const dim of dimensions) {
    if (!questions.some(({ q }) => q.type !== 'choice' && q.dimension === dim.id && !q.showIf))
      problems.push(`dimensions.yaml › ${dim.id}: needs at least one scored question that is always shown`);
  }

  // Roles.
  for (const role of ROLES) {
    const holders = questions.filter(({ q }) => q.role === role);
    const [holder] = holders;
    if (!holder || holders.length !== 1) {
      problems.push(`questions/: role "${role}" must be held by exactly one question (found ${holders.length})`);
      continue;
    }
    const { group, q } = holder;
    const where = `questions/${group}.yaml › ${q.id}`;
    const options = q.options.map((o) => o.id);
    const onlyFrom = (allowed: readonly string[]) => {
      const extra = options.filter((o) => !allowed.includes(o));
      if (extra.length) problems.push(`${where}: role "${role}" allows only options ${allowed.join(', ')} (not ${extra.join(', ')})`);
    };
    const needType = (type: Question['type'], multiple?: boolean) => {
      const isMultiple = q.type === 'choice' && Boolean(q.multiple);
      if (q.type !== type || (type === 'choice' && multiple !== undefined && isMultiple !== multiple))
        problems.push(`${where}: role "${role}" needs a ${multiple ? 'multi-select ' : multiple === false ? 'single ' : ''}${type} question`);
    };
    if (role === 'data-scale') needType('choice', false);
    if (role === 'model-strategy') {
      needType('choice', false);
      onlyFrom([...STRATEGIES, 'undecided']);
    }
    if (role === 'revenue-models') needType('choice', true);
    if (role === 'revenue-maturity' || role === 'risk-review') needType('scale');
    if (role.startsWith('risk-impact-')) {
      needType('choice', false);
      onlyFrom(RISK_IMPACTS);
    }
    if (role.startsWith('risk-response-')) {
      needType('scale');
      onlyFrom(RISK_RESPONSES);
    }
  }

  // Rules.
  for (const dup of duplicates(rules.map((r) => r.id))) problems.push(`rules.yaml: duplicate rule id "${dup}"`);
  for (const r of rules) {
    const when = 'when' in r ? r.when : undefined;
    if (when) for (const problem of checkCondition(when, byId)) problems.push(`rules.yaml › ${r.id}: ${problem}`);
  }
  // Core questions (dimensions.yaml): exactly those whose lowest answer alone is a blocker.
  const blockerLeaves = new Set(rules.flatMap((r) => (r.kind === 'flag' && r.level === 'red' && 'q' in r.when ? [r.when.q] : [])));
  for (const { group, q } of questions) {
    if (q.type === 'choice') continue;
    const core = Boolean(q.core);
    if (core !== blockerLeaves.has(q.id))
      problems.push(
        `questions/${group}.yaml › ${q.id}: ${core ? 'a core question must be the only question of a red flag' : 'the only question of a red flag must be marked "core: true"'} (see dimensions.yaml)`,
      );
  }
  const hype = rules.filter((r) => r.kind === 'hype').length;
  if (hype > HYPE_MAX) problems.push(`rules.yaml: at most ${HYPE_MAX} hype indicators (found ${hype})`);
  const strategies = rules.filter((r) => r.kind === 'strategy');
  const fallbacks = strategies.filter((r) => !r.when).length;
  if (fallbacks !== 1) problems.push(`rules.yaml: exactly one strategy rule must have no "when" (the fallback); found ${fallbacks}`);
  if (!strategies.length) problems.push('rules.yaml: at least one strategy rule is needed');

  return problems;
}

function checkCondition(cond: Condition, byId: Map<string, Question>): string[] {
  if ('all' in cond) return cond.all.flatMap((c) => checkCondition(c, byId));
  if ('any' in cond) return cond.any.flatMap((c) => checkCondition(c, byId));
  if ('not' in cond) return checkCondition(cond.not, byId);
  const q = byId.get(cond.q);
  if (!q) return [`unknown question "${cond.q}"`];
  const problems: string[] = [];
  const multiple = q.type === 'multi' || (q.type === 'choice' && q.multiple);
  const optionIds = new Set(q.options.map((o) => o.id));
  const test = LEAF_TESTS.find((t) => cond[t] !== undefined)!;
  const ids = cond[test];
  if (Array.isArray(ids))
    for (const option of ids)
      if (!optionIds.has(option) && !(test === 'is' && option === UNKNOWN)) problems.push(`question "${cond.q}" has no option "${option}"`);
  if (test === 'is' && multiple && cond.is!.some((o) => o !== UNKNOWN))
    problems.push(`"is" on the multi-select question "${cond.q}" may only test [${UNKNOWN}]; use anyOf, allOf, noneOf or only`);
  if ((test === 'anyOf' || test === 'allOf' || test === 'noneOf' || test === 'only') && !multiple)
    problems.push(`"${test}" needs a multi-select question, but "${cond.q}" takes one answer; use "is"`);
  if ((test === 'scoreAtMost' || test === 'scoreAtLeast') && q.type === 'choice')
    problems.push(`"${test}" needs a scored question, but "${cond.q}" is a choice`);
  return problems;
}
