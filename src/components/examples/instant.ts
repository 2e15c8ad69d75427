/**
 * Instant examples: the values follow the settings on every input event (plain TypeScript from
 * src/lib/examples/, no TensorFlow.js), a slider sits beside each number field it helps with, and
 * the settings go to the page URL when a change is committed. The frame's button (runtime.ts) stays
 * for what needs TensorFlow.js: a check of the same values, or a training run.
 */
import { decodeSettings, type SettingsOf, type SettingsSchema } from '../../lib/examples/url-state.ts';
import { h, create } from '../../lib/examples/element.ts';
import { messagesOf, type Msg } from './messages.ts';
import { formParams, saveSettings, wire, type Driver } from './runtime.ts';

/** The range a slider covers (it may be narrower than what the number field accepts). */
export interface SliderSpec {
  min: number;
  max: number;
  step: number;
}

export interface InstantOptions<S extends SettingsSchema> {
  /** Fields that get a slider beside their number field. */
  sliders: Partial<Record<Extract<keyof S['fields'], string>, SliderSpec>>;
  /** Draws the values of valid settings; called at start and on every input event. */
  render: (settings: SettingsOf<S>) => void;
  /** What the frame's buttons do: a check with TensorFlow.js, or a training session (then with Step). */
  run: Driver<S>;
}

/** The frame around `host`, its form and its translator. */
export function exampleFrame(host: HTMLElement): { section: HTMLElement; form: HTMLFormElement; msg: Msg } {
  const section = host.closest<HTMLElement>('[data-example]')!;
  return { section, form: section.querySelector<HTMLFormElement>('form[data-settings]')!, msg: messagesOf(section) };
}

/** The form's settings, or undefined while a field holds an invalid value (e.g. half typed). */
export function formSettings<S extends SettingsSchema>(form: HTMLFormElement, schema: S): SettingsOf<S> | undefined {
  const { settings, issues } = decodeSettings(schema, formParams(form, schema));
  return issues.length ? undefined : settings;
}

/** Adds a slider after each listed number field, named like it for assistive technology; returns the pairs. */
function addSliders(form: HTMLFormElement, specs: Record<string, SliderSpec | undefined>): Map<HTMLInputElement, HTMLInputElement> {
  const pairs = new Map<HTMLInputElement, HTMLInputElement>();
  for (const [name, spec] of Object.entries(specs)) {
    const field = form.elements.namedItem(name);
    if (!(field instanceof HTMLInputElement) || !spec) continue;
    const label = field.closest('label')?.querySelector('span')?.textContent ?? name;
    const slider = create(
      document,
      h('input', { type: 'range', min: spec.min, max: spec.max, step: spec.step, value: field.value, 'aria-label': label, 'data-slider': name }),
    ) as HTMLInputElement;
    field.after(slider);
    pairs.set(slider, field);
  }
  return pairs;
}

/**
 * Wires an instant example: the frame (URL settings, button), sliders, rendering on every input
 * event, and the URL on every committed change.
 */
export function instantExample<S extends SettingsSchema>(host: HTMLElement, schema: S, options: InstantOptions<S>): void {
  const { section, form } = exampleFrame(host);
  wire(section, section.dataset.example!, schema, options.run);
  const pairs = addSliders(form, options.sliders);
  const update = (event?: Event) => {
    const target = event?.target;
    const field = target instanceof HTMLInputElement ? pairs.get(target) : undefined;
    if (field) field.value = (target as HTMLInputElement).value;
    else for (const [slider, number] of pairs) if (number === target) slider.value = number.value;
    const settings = formSettings(form, schema);
    if (settings) options.render(settings);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', () => {
    const settings = formSettings(form, schema);
    if (settings) saveSettings(schema, settings);
  });
  update();
}
