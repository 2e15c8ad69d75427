/**
 * `<kb-cost-view>`: recomputes the training-cost table whenever the Transformer example's settings
 * or the cost assumptions change. Plain TypeScript; no TensorFlow.js is loaded.
 */
import { decodeSettings, tinyTransformerSchema } from '../../lib/examples/url-state.ts';
import {
  COST_ROWS,
  costLines,
  DEFAULT_ASSUMPTIONS,
  quantityParts,
  type CostInputs,
  type CostLine,
  type TinySettings,
} from '../../lib/examples/training-cost.ts';
import { h, patch, type VNode } from '../../lib/examples/element.ts';

/** A quantity as a text, with "× 10ⁿ" as a superscript outside the compact range. */
function quantity(value: number, lang: string): (VNode | string)[] {
  const { text, exponent } = quantityParts(value, lang);
  return exponent === undefined ? [text] : [`${text} × 10`, h('sup', {}, String(exponent))];
}

class KbCostView extends HTMLElement {
  private example: HTMLElement | null = null;

  connectedCallback(): void {
    this.example = this.closest<HTMLElement>('[data-example]');
    // The forms (the example's settings, these assumptions) are put in place when the example
    // starts (OnStart.astro), so listen where their events bubble to, and read them once they are in.
    const update = () => this.update();
    const onSettings = (event: Event) => (event.target as Element).closest('form[data-settings], form[data-cost-inputs]') && update();
    this.example?.addEventListener('input', onSettings);
    this.example?.addEventListener('change', onSettings);
    this.example?.addEventListener('kb:started', update);
    this.addEventListener('submit', (e) => e.preventDefault());
    update();
  }

  /** The example form's settings; an invalid field counts as its default, as Run would refuse it. */
  private tinySettings(): TinySettings {
    const params = new URLSearchParams();
    const form = this.example?.querySelector<HTMLFormElement>('form[data-settings]');
    if (form) for (const [key, value] of new FormData(form)) params.set(tinyTransformerSchema.prefix + key, String(value));
    const { settings } = decodeSettings(tinyTransformerSchema, params);
    return {
      vocabSize: Number(this.dataset.vocab),
      dModel: Number(settings.dModel),
      layers: Number(settings.layers),
      context: settings.context,
      batch: settings.batch,
      steps: settings.steps,
    };
  }

  /** The reader's assumptions; an empty or invalid input keeps its default. */
  private inputs(): CostInputs {
    const out = { ...DEFAULT_ASSUMPTIONS };
    for (const key of Object.keys(out) as (keyof CostInputs)[]) {
      const input = this.querySelector<HTMLInputElement>(`input[name="${key}"]`);
      if (input && input.value !== '' && input.checkValidity()) out[key] = Number(input.value);
    }
    return out;
  }

  private update(): void {
    const lang = this.dataset.lang ?? 'en';
    const lines = costLines(this.tinySettings(), this.inputs());
    for (const row of COST_ROWS) {
      const line: CostLine = lines[row];
      const cells: Record<string, number> = { parameters: line.parameters, tokens: line.tokens, flops: line.flops, gpuHours: line.gpuHours, cost: line.cost };
      for (const [cell, value] of Object.entries(cells)) {
        const td = this.querySelector(`tr[data-row="${row}"] td[data-cell="${cell}"]`);
        if (td) patch(td, quantity(value, lang));
      }
    }
  }
}

customElements.define('kb-cost-view', KbCostView);
