/**
 * Node-only helper: reads content/assessment/ with js-yaml, for tests and scripts. The site
 * loads the same files through its content collections instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parseQuestionnaire, type RawQuestionnaire } from '../../schemas/assessment.ts';
import type { Questionnaire } from './types.ts';

/** The raw file contents; each group carries its file name as `file` for the id check. */
export function readQuestionnaireFiles(dir = 'content/assessment'): RawQuestionnaire {
  const load = (path: string) => yaml.load(readFileSync(path, 'utf8'));
  const groupDir = join(dir, 'questions');
  const groups = readdirSync(groupDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const data = load(join(groupDir, name));
      return data && typeof data === 'object' && !Array.isArray(data) ? { ...data, file: name } : data;
    });
  return { dimensions: load(join(dir, 'dimensions.yaml')), groups, rules: load(join(dir, 'rules.yaml')) };
}

/** Reads and validates the questionnaire; throws with every problem listed when it is invalid. */
export function loadQuestionnaire(dir = 'content/assessment'): Questionnaire {
  const { problems, data } = parseQuestionnaire(readQuestionnaireFiles(dir));
  if (!data) throw new Error(`content/assessment is invalid:\n- ${problems.join('\n- ')}`);
  return data;
}
