/**
 * Builds the readiness-assessment questionnaire at build time from the three content
 * collections (assessmentDimensions, assessmentGroups, assessmentRules) and validates it with
 * parseQuestionnaire. Throws, listing every problem, when the content is invalid: the build
 * then fails instead of publishing a broken assessment.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import yaml from 'js-yaml';
import { getCollection } from 'astro:content';
import { parseQuestionnaire } from '../../schemas/assessment.ts';
import type { Questionnaire } from '../../lib/assessment/index.ts';

let cached: Promise<Questionnaire> | undefined;
const RULES_FILE = 'content/assessment/rules.yaml';

/**
 * The entries in the order of their file: the content collection hands them over sorted by id,
 * but flags of one level are listed (and ranked) in rules.yaml order.
 */
function inFileOrder<T extends { id: string }>(entries: T[], file: string): T[] {
  const ids = (yaml.load(readFileSync(file, 'utf8')) as { id?: unknown }[]).map((item) => item.id);
  return [...entries].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

async function build(): Promise<Questionnaire> {
  const [dimensions, groups, rules] = await Promise.all([
    getCollection('assessmentDimensions'),
    getCollection('assessmentGroups'),
    getCollection('assessmentRules'),
  ]);
  const { problems, data } = parseQuestionnaire({
    dimensions: dimensions.map((entry) => entry.data),
    groups: groups.map((entry) => ({ ...entry.data, file: basename(entry.filePath ?? `${entry.id}.yaml`) })),
    rules: inFileOrder(
      rules.map((entry) => entry.data),
      RULES_FILE,
    ),
  });
  if (!data) throw new Error(`content/assessment is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
  return data;
}

/** The validated questionnaire (built once per build). */
export function getQuestionnaire(): Promise<Questionnaire> {
  cached ??= build();
  return cached;
}

/** The questionnaire as JSON safe to embed in a `<script type="application/json">`. */
export function questionnaireJson(q: Questionnaire): string {
  return JSON.stringify(q)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Version of the questionnaire (a short hash of its content), printed on every report. */
export function questionnaireVersion(q: Questionnaire): string {
  return createHash('sha256').update(JSON.stringify(q)).digest('hex').slice(0, 8);
}
