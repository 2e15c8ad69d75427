/**
 * Browser side of every example island: settings from and to the page URL, run/stop,
 * status and progress, lazy loading of TensorFlow.js, and an error boundary so that a
 * failing example never breaks the page. The numerics live in src/lib/examples/.
 *
 * Performance marks `kb-example:<id>:start|first-result|done` let `npm run bench`
 * measure time to first result and to the end of training.
 */
import {
  decodeSettings,
  encodeSettings,
  inapplicable,
  type SettingsOf,
  type SettingsSchema,
  type UrlIssue,
  type UrlIssueReason,
} from '../../lib/examples/url-state.ts';
import { messagesOf, type Msg } from './messages.ts';
import { RemainingTime, remainingText } from '../../lib/examples/remaining-time.ts';
// Served from the site itself (no CDN); only fetched when an example starts.
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

type TfModule = typeof import('../../lib/examples/tf-runtime.ts');

export interface RunContext<S extends SettingsSchema> {
  settings: SettingsOf<S>;
  section: HTMLElement;
  output: HTMLElement;
  /** The example's UI strings in the page's language (content/i18n, `examples.common.*`, `examples.<id>.*`). */
  msg: Msg;
  /** Loads TensorFlow.js (core, wasm or cpu backend, layers) on first use. */
  loadTf: () => Promise<TfModule>;
  shouldStop: () => boolean;
  status: (text: string) => void;
  /** Fraction 0..1 of the work done. */
  progress: (fraction: number) => void;
  /** Marks the first visible result (for the benchmark). */
  firstResult: () => void;
  /** Lets the browser paint and handle input. */
  frame: () => Promise<void>;
}

let tfModule: Promise<TfModule> | undefined;
function loadTf(): Promise<TfModule> {
  // `?backend=cpu` in the page URL picks the plain JavaScript backend (the benchmark compares both).
  const backend = new URLSearchParams(location.search).get('backend') === 'cpu' ? 'cpu' : 'wasm';
  tfModule ??= import('../../lib/examples/tf-runtime.ts').then(async (mod) => {
    await mod.loadTf({ backend, wasmPaths: { 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl } });
    return mod;
  });
  tfModule.catch(() => (tfModule = undefined));
  return tfModule;
}

const ISSUE_KEYS: Record<UrlIssueReason, string> = {
  'not-a-number': 'examples.common.issue.not-a-number',
  'not-an-integer': 'examples.common.issue.not-an-integer',
  'out-of-range': 'examples.common.issue.out-of-range',
  'not-allowed': 'examples.common.issue.not-allowed',
  'not-a-boolean': 'examples.common.issue.not-a-boolean',
  duplicate: 'examples.common.issue.duplicate',
  'unknown-key': 'examples.common.issue.unknown-key',
};

/** The label a setting has in the form (the page's language), or its URL key when the form does not offer it. */
function fieldLabel(section: HTMLElement, issue: UrlIssue): string {
  const field = issue.field ? section.querySelector(`form[data-settings] [name="${CSS.escape(issue.field)}"]`) : null;
  return field?.closest('label')?.querySelector('span')?.textContent ?? issue.param;
}

/** URL or form problems in the page's language, naming each field by its label. */
export function describeIssues(section: HTMLElement, issues: readonly UrlIssue[]): string {
  const msg = messagesOf(section);
  const yesNo = (v: unknown) => (v === true ? msg('examples.common.yes') : v === false ? msg('examples.common.no') : String(v ?? ''));
  return issues
    .map((i) => msg(ISSUE_KEYS[i.reason], { field: fieldLabel(section, i), value: i.value, fallback: yesNo(i.fallback), min: i.min ?? '', max: i.max ?? '' }))
    .join(msg('examples.common.listSeparator'));
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** How a run ended when it did not simply finish: `diverged` runs stop early by themselves; `error` runs said why themselves. */
export type RunOutcome = void | 'diverged' | 'error';
type Run<S extends SettingsSchema> = (ctx: RunContext<S>) => Promise<RunOutcome>;

export function mountExample<S extends SettingsSchema>(id: string, schema: S, run: Run<S>): void {
  for (const section of document.querySelectorAll<HTMLElement>(`[data-example="${id}"]`)) wire(section, id, schema, run);
}

/** The form's values as the page-URL query they stand for (keys with the example's prefix). */
export function formParams(form: HTMLFormElement, schema: SettingsSchema): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) params.set(schema.prefix + key, String(value));
  return params;
}

/** Writes the settings into the page URL (other examples' keys stay), so a shared link reproduces them. */
export function saveSettings<S extends SettingsSchema>(schema: S, settings: SettingsOf<S>): void {
  const query = encodeSettings(schema, settings, { base: location.search }).toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Wires one example's frame: settings from the URL into its form, its button to `run`. */
export function wire<S extends SettingsSchema>(section: HTMLElement, id: string, schema: S, run: Run<S>) {
  const msg = messagesOf(section);
  const form = section.querySelector<HTMLFormElement>('form[data-settings]')!;
  const statusEl = section.querySelector<HTMLElement>('[data-status]')!;
  const progressEl = section.querySelector<HTMLProgressElement>('[data-progress]')!;
  const stopButton = section.querySelector<HTMLButtonElement>('[data-stop]')!;
  const runButton = section.querySelector<HTMLButtonElement>('[data-run]')!;
  const output = section.querySelector<HTMLElement>('[data-output]')!;
  const status = (text: string) => (statusEl.textContent = text);
  const remaining = remainingView(progressEl, msg);
  let stopRequested = false;
  let running = false;

  const fill = (settings: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(settings)) {
      const field = form.elements.namedItem(key);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
        field.value = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    }
  };
  // Settings that do not apply to the others' values are hidden (and keep their value).
  const hideInapplicable = () => {
    const hidden = inapplicable(schema, decodeSettings(schema, formParams(form, schema)).settings);
    for (const key of Object.keys(schema.fields)) {
      const label = (form.elements.namedItem(key) as HTMLElement | null)?.closest('label');
      if (label) label.hidden = hidden.includes(key);
    }
  };
  form.addEventListener('change', hideInapplicable);
  form.addEventListener('input', hideInapplicable);
  const fromUrl = decodeSettings(schema, location.search);
  fill(fromUrl.settings);
  hideInapplicable();
  if (fromUrl.issues.length) status(msg('examples.common.url.invalid', { list: describeIssues(section, fromUrl.issues) }));

  runButton.disabled = false; // rendered disabled so that no click submits the form before this point

  stopButton.addEventListener('click', () => {
    stopRequested = true;
    status(msg('examples.common.stopping'));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (running) return;
    const { settings, issues } = decodeSettings(schema, formParams(form, schema));
    if (issues.length) {
      section.dataset.state = 'invalid';
      status(msg('examples.common.form.invalid', { list: describeIssues(section, issues) }));
      return;
    }
    saveSettings(schema, settings);

    running = true;
    stopRequested = false;
    runButton.disabled = true;
    stopButton.disabled = false;
    progressEl.hidden = false;
    progressEl.value = 0;
    remaining.start();
    section.dataset.state = 'running';
    performance.mark(`kb-example:${id}:start`);
    let marked = false;
    try {
      status(msg('examples.common.running'));
      const outcome = await run({
        settings,
        section,
        output,
        msg,
        loadTf: async () => {
          status(msg('examples.common.loadingTf'));
          try {
            const mod = await loadTf();
            section.dataset.backend = mod.tf.getBackend(); // 'wasm' or the 'cpu' fallback (shown to tests and the benchmark)
            return mod;
          } catch (error) {
            throw new Error(msg('examples.common.tfFailed', { error: (error as Error).message }), { cause: error });
          }
        },
        shouldStop: () => stopRequested,
        status,
        progress: (fraction) => {
          progressEl.value = Math.max(0, Math.min(1, fraction));
          remaining.update(fraction);
        },
        firstResult: () => {
          if (!marked) performance.mark(`kb-example:${id}:first-result`);
          marked = true;
        },
        frame,
      });
      section.dataset.state = outcome ?? (stopRequested ? 'stopped' : 'done');
      performance.mark(`kb-example:${id}:done`);
    } catch (error) {
      section.dataset.state = 'error';
      status(msg('examples.common.failed', { error: (error as Error).message ?? String(error) }));
      console.warn(`example ${id} failed`, error);
    } finally {
      running = false;
      runButton.disabled = false;
      stopButton.disabled = true;
      progressEl.hidden = true;
      remaining.stop();
    }
  });
}

const REMAINING_KEYS = { seconds: 'examples.common.remaining.seconds', minutes: 'examples.common.remaining.minutes' } as const;

/**
 * "About 12 s left" under the progress bar, from the second progress report on (estimated at the
 * rate since the first one), in the page's language; hidden when the run ends or is about to.
 */
function remainingView(progressEl: HTMLProgressElement, msg: Msg) {
  const el = document.createElement('p');
  el.className = 'kb-example__remaining';
  el.dataset.remaining = '';
  el.hidden = true;
  progressEl.after(el);
  let estimate = new RemainingTime();
  return {
    start: () => {
      estimate = new RemainingTime();
      el.hidden = true;
    },
    update: (fraction: number) => {
      const text = remainingText(estimate.update(performance.now(), fraction));
      el.hidden = !text;
      if (text) el.textContent = msg(REMAINING_KEYS[text.unit], { n: text.n });
    },
    stop: () => (el.hidden = true),
  };
}

/** Formats a number for result tables. */
export function num(value: number, digits = 4): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}
