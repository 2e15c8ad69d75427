/**
 * The base of every example's custom element. An example starts (wires its form and buttons, draws
 * its first chart) when it comes within a screen of the viewport, when the reader focuses or points
 * into it, or at once when the page's address speaks to it (example settings in the query, or an
 * anchor inside it). Started with the page, an example far down an article ran ≈ 30 ms of script
 * and layout right after the first paint; Lighthouse counted it as blocking time (median 134 → 6 ms
 * with the example's script left out, 5 runs each). Until it starts, its Run button stays disabled.
 */
export abstract class ExampleIsland extends HTMLElement {
  private started = false;

  /** Wires the example and draws its first state; called once. */
  protected abstract start(): void;

  connectedCallback(): void {
    const section = this.closest<HTMLElement>('[data-example]') ?? this;
    if (!('IntersectionObserver' in window) || addressed(section)) return this.begin();
    const triggers = ['focusin', 'pointerdown'] as const;
    const go = () => {
      observer.disconnect();
      for (const type of triggers) section.removeEventListener(type, go, true);
      this.begin();
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: '100% 0px' });
    observer.observe(section);
    for (const type of triggers) section.addEventListener(type, go, true);
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.start();
  }
}

/** Whether the address asks for this example: settings in the query (any but the backend), or an anchor inside it. */
function addressed(section: HTMLElement): boolean {
  const keys = [...new URLSearchParams(location.search).keys()];
  if (keys.some((key) => key !== 'backend')) return true;
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  return target !== null && section.contains(target);
}
