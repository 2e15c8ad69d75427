/**
 * Named, dated snapshots of the answers, as kept in the browser's storage: a JSON list of
 * `{ name, date, answers }`. Reading never throws: entries that are not snapshots, or whose
 * answers no longer fit the questionnaire, are left out.
 */
import { CODEC_VERSION, importAnswers } from './codec.ts';
import type { Answers, Questionnaire } from './types.ts';

export interface Snapshot {
  name: string;
  /** ISO date and time it was taken. */
  date: string;
  answers: Answers;
}

/** The snapshots stored as `text` (null: none stored) that are still valid for the questionnaire. */
export function parseSnapshots(q: Questionnaire, text: string | null): Snapshot[] {
  let list: unknown;
  try {
    list = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { name, date, answers } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof date !== 'string') return [];
    const result = importAnswers(q, JSON.stringify({ version: CODEC_VERSION, answers }));
    return result.ok ? [{ name, date, answers: result.answers }] : [];
  });
}

/** The text to store for these snapshots. */
export function serialiseSnapshots(list: readonly Snapshot[]): string {
  return JSON.stringify(list);
}
