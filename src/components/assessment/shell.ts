/** What the assessment's panels (what-if, snapshots) get from the page that mounts them. */
import type { Answers } from '../../lib/assessment/types.ts';
import type { ViewContext } from './view-context.ts';

export interface Shell {
  view: ViewContext;
  /** The element of the assessment that matches the selector (it exists: the page renders it). */
  $: <T extends Element = HTMLElement>(selector: string) => T;
  /** The current answers. */
  answers: () => Answers;
  /** Shows a status message. */
  say: (text: string, kind?: 'ok' | 'error') => void;
}
