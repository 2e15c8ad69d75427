/**
 * The UI strings of an example, read from the <UiMessages> block its frame (Example.astro) renders:
 * `examples.common.*` and `examples.<id>.*` of the page's language.
 */
import { readMessages } from '../../lib/i18n-client.ts';

export type Msg = ReturnType<typeof readMessages>;
const cache = new WeakMap<Element, Msg>();

/** The id of the messages block of an example (rendered once per example). */
export const messagesId = (exampleId: string) => `kb-messages-${exampleId}`;

/** The translator of the example that `el` belongs to. */
export function messagesOf(el: Element): Msg {
  const section = el.closest<HTMLElement>('[data-example]');
  if (!section) return readMessages('');
  let msg = cache.get(section);
  if (!msg) {
    msg = readMessages(messagesId(section.dataset.example ?? ''));
    cache.set(section, msg);
  }
  return msg;
}

/** "1 epoch" / "2 epochs": the key for one or for other counts, with `{n}` filled. */
export function plural(msg: Msg, n: number, one: string, other: string, params: Record<string, string | number> = {}): string {
  return msg(n === 1 ? one : other, { ...params, n });
}
