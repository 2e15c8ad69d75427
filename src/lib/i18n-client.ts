// Client side of the translation system: reads the JSON that <UiMessages> rendered.
import { translator, type Messages } from './i18n.ts';

/** The translator over the messages rendered under `id`; an absent block gives an empty one. */
export function readMessages(id: string, doc: Document = document) {
  const text = doc.getElementById(id)?.textContent ?? '{}';
  return translator(JSON.parse(text) as Messages);
}
