/**
 * The base of every example's custom element. An example starts (wires its form and buttons, draws
 * its first chart) when it comes within a screen of the viewport, when the reader focuses or points
 * into it, or at once when the page's address speaks to it (example settings in the query, or an
 * anchor). Started with the page, an example far down an article ran ≈ 30 ms of script
 * and layout right after the first paint; Lighthouse counted it as blocking time (median 134 → 6 ms
 * with the example's script left out, 5 runs each). Until it starts, its Run button stays disabled.
 *
 * A started example is taller (sliders, tables, charts), so a jump to a section must not land
 * before the examples above it have started, or the section would slide away: a page opened at
 * an anchor starts every example at once, and so does 'kb:jump', which Head.astro sends on a
 * click on a link to an anchor of this page (before the browser scrolls) or a change of the hash.
 *
 * The section's form controls wait in templates (OnStart.astro) and are put in place as it starts;
 * 'kb:started' then tells the views beside the island (the Transformer's cost table) to read them.
 */
const waiting = new Set<() => void>();
document.addEventListener('kb:jump', () => [...waiting].forEach((start) => start()));

export abstract class ExampleIsland extends HTMLElement {
  private started = false;

  /** Wires the example and draws its first state; called once. */
  protected abstract start(): void;

  connectedCallback(): void {
    const section = sectionOf(this);
    if (!('IntersectionObserver' in window) || addressed()) return this.begin();
    const triggers = ['focusin', 'pointerdown'] as const;
    const go = () => {
      waiting.delete(go);
      observer.disconnect();
      for (const type of triggers) section.removeEventListener(type, go, true);
      this.begin();
    };
    waiting.add(go);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: '100% 0px' });
    observer.observe(section);
    for (const type of triggers) section.addEventListener(type, go, true);
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    const section = sectionOf(this);
    for (const template of section.querySelectorAll<HTMLTemplateElement>('template[data-on-start]')) template.replaceWith(template.content);
    this.start();
    section.dispatchEvent(new Event('kb:started'));
  }
}

const sectionOf = (island: HTMLElement) => island.closest<HTMLElement>('[data-example]') ?? island;

/** Whether the address asks for the examples at once: settings in the query (any but the backend), or an anchor. */
function addressed(): boolean {
  return location.hash.length > 1 || [...new URLSearchParams(location.search).keys()].some((key) => key !== 'backend');
}
