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
import { everyMs, play, type Session } from '../../lib/examples/session.ts';
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
/** How often a training loop lets the page paint and take input (with `everyMs(ctx.frame, …)`). */
export const PAINT_EVERY_MS = 50;

/** How a run ended when it did not simply finish: `diverged` runs stop early by themselves; `error` runs said why themselves. */
export type RunOutcome = void | 'diverged' | 'error';
type Run<S extends SettingsSchema> = (ctx: RunContext<S>) => Promise<RunOutcome>;

/**
 * An example driven by the shared player over the session contract (src/lib/examples/session.ts):
 * Run plays the session, Step advances it once, Stop pauses it, and Run or Step then go on from
 * there; changing a setting discards it. The island only says how to create a session and how to
 * show it.
 */
export interface SessionExample<S extends SettingsSchema, Snap, Sess extends Session<Snap> = Session<Snap>> {
  /** Creates the session for `ctx.settings` (loading TensorFlow.js through `ctx.loadTf` if it needs it). */
  create: (ctx: RunContext<S>) => Promise<Sess>;
  /** Shows one snapshot; called after every step (draw every k-th if drawing is costly). */
  show: (snap: Snap, session: Sess, ctx: RunContext<S>) => void;
  /** True when the run must end early by itself (e.g. it diverged); checked before every step. */
  shouldEnd?: () => boolean;
  /** Shows where the session stands (result table, verdict, status) and says how it ended. */
  finish: (session: Sess, ctx: RunContext<S>) => RunOutcome | Promise<RunOutcome>;
  /** Steps between two yields to the page (default 25). */
  yieldEvery?: number;
  /** Instead of `yieldEvery`: yield at most once per `yieldMs` of work (for steps whose time varies widely). */
  yieldMs?: number;
  /**
   * Called when Run, Step or Continue starts, before the session is created or advanced: `oneStep`
   * for Step, `resuming` when a paused session goes on (e.g. a check that Run does first, or ending
   * other work that uses the model).
   */
  begin?: (ctx: RunContext<S>, how: { oneStep: boolean; resuming: boolean }) => void | Promise<void>;
  /** Called when a setting change (or the island) discards the session: clear what showed it. */
  discarded?: () => void;
}

/**
 * A session example with its types erased, as the frame holds it: at most one live session at a
 * time, which `advance` creates on first use and plays on (to the end, or one step).
 */
export interface Player<S extends SettingsSchema> {
  /** Where a session paused part-way (after Stop or Step) stands; Run and Step go on with it. */
  paused: () => { done: number; total: number } | undefined;
  /** Plays the live session (created first if there is none); `oneStep` stops after one step. */
  advance: (ctx: RunContext<S>, oneStep: boolean) => Promise<RunOutcome>;
  /** Frees the paused session, if any (e.g. when the data it was created from change). */
  discard: () => void;
  /** Called after a discard (the frame relabels Continue as Run). */
  onDiscard?: () => void;
}

/** The player for a session example: one step function for Run and Step. */
export function sessionPlayer<S extends SettingsSchema, Snap, Sess extends Session<Snap>>(def: SessionExample<S, Snap, Sess>): Player<S> {
  let session: Sess | undefined;
  /** Frees the session; the frame relabels Continue as Run. */
  const end = () => {
    session?.dispose();
    session = undefined;
    player.onDiscard?.();
  };
  const player: Player<S> = {
    paused: () => session && { done: session.done, total: session.total },
    discard: () => {
      end();
      def.discarded?.();
    },
    advance: async (ctx, oneStep) => {
      try {
        await def.begin?.(ctx, { oneStep, resuming: session !== undefined });
        session ??= await def.create(ctx);
        const current = session;
        let steps = 0;
        await play(current, {
          yieldEvery: def.yieldMs ? 1 : def.yieldEvery,
          yieldFn: def.yieldMs ? everyMs(ctx.frame, def.yieldMs) : ctx.frame,
          shouldStop: () => ctx.shouldStop() || (def.shouldEnd?.() ?? false) || (oneStep && steps >= 1),
          onEpoch: (snap) => {
            steps++;
            def.show(snap, current, ctx);
            ctx.firstResult();
            ctx.progress(current.done / current.total);
          },
        });
        const outcome = await def.finish(current, ctx);
        // A finished, diverged or failed session is over; one paused by Stop or Step goes on.
        if (outcome || current.done >= current.total) end();
        return outcome;
      } catch (error) {
        end();
        throw error;
      }
    },
  };
  return player;
}

/** Something the frame's buttons drive: a plain run function, or a session player (adds Step). */
export type Driver<S extends SettingsSchema> = Run<S> | Player<S>;

export function mountExample<S extends SettingsSchema>(id: string, schema: S, run: Driver<S>): void {
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

/** The frame's elements, found once. */
function frameParts(section: HTMLElement) {
  const q = <E extends Element>(selector: string) => section.querySelector<E>(selector)!;
  return {
    form: q<HTMLFormElement>('form[data-settings]'),
    statusEl: q<HTMLElement>('[data-status]'),
    progressEl: q<HTMLProgressElement>('[data-progress]'),
    stopButton: q<HTMLButtonElement>('[data-stop]'),
    runButton: q<HTMLButtonElement>('[data-run]'),
    stepButton: q<HTMLButtonElement>('[data-step-once]'),
    output: q<HTMLElement>('[data-output]'),
  };
}

/** Fills the form from settings and hides the fields that do not apply to the others' values (they keep their value). */
function settingsForm<S extends SettingsSchema>(form: HTMLFormElement, schema: S) {
  const fill = (settings: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(settings)) {
      const field = form.elements.namedItem(key);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
        field.value = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    }
  };
  const hideInapplicable = () => {
    const hidden = inapplicable(schema, decodeSettings(schema, formParams(form, schema)).settings);
    for (const key of Object.keys(schema.fields)) {
      const label = (form.elements.namedItem(key) as HTMLElement | null)?.closest('label');
      if (label) label.hidden = hidden.includes(key);
    }
  };
  return { fill, hideInapplicable };
}

/** Wires one example's frame: settings from the URL into its form, its buttons to `driver`. */
export function wire<S extends SettingsSchema>(section: HTMLElement, id: string, schema: S, driver: Driver<S>) {
  const msg = messagesOf(section);
  const { form, statusEl, progressEl, stopButton, runButton, stepButton, output } = frameParts(section);
  const status = (text: string) => (statusEl.textContent = text);
  const remaining = remainingView(progressEl, msg);
  const player = typeof driver === 'function' ? undefined : driver;
  const { fill, hideInapplicable } = settingsForm(form, schema);
  let stopRequested = false;
  let running = false;

  // A paused session belongs to the settings it was created with: a change discards it.
  const showPaused = () => {
    if (player) runButton.textContent = msg(player.paused() ? 'examples.common.continue' : 'examples.common.run');
  };
  form.addEventListener('change', hideInapplicable);
  if (player) player.onDiscard = showPaused;
  form.addEventListener('input', () => {
    hideInapplicable();
    if (!running) player?.discard();
  });
  const fromUrl = decodeSettings(schema, location.search);
  fill(fromUrl.settings);
  hideInapplicable();
  if (fromUrl.issues.length) status(msg('examples.common.url.invalid', { list: describeIssues(section, fromUrl.issues) }));

  runButton.disabled = false; // rendered disabled so that no click submits the form before this point
  if (player) stepButton.hidden = stepButton.disabled = false;

  stopButton.addEventListener('click', () => {
    stopRequested = true;
    status(msg('examples.common.stopping'));
  });

  const start = async (oneStep: boolean) => {
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
    runButton.disabled = stepButton.disabled = true;
    stopButton.disabled = false;
    progressEl.hidden = false;
    remaining.start();
    section.dataset.state = 'running';
    performance.mark(`kb-example:${id}:start`);
    let marked = false;
    try {
      if (!player?.paused()) status(msg('examples.common.running'));
      const ctx: RunContext<S> = {
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
      };
      const outcome = player ? await player.advance(ctx, oneStep) : await (driver as Run<S>)(ctx);
      const paused = player?.paused();
      section.dataset.state = outcome ?? (stopRequested ? 'stopped' : paused ? 'paused' : 'done');
      if (paused && !outcome && !stopRequested) status(msg('examples.common.paused', paused));
      performance.mark(`kb-example:${id}:done`);
    } catch (error) {
      section.dataset.state = 'error';
      status(msg('examples.common.failed', { error: (error as Error).message ?? String(error) }));
      console.warn(`example ${id} failed`, error);
    } finally {
      running = false;
      runButton.disabled = false;
      stepButton.disabled = !player;
      stopButton.disabled = true;
      progressEl.hidden = !player?.paused();
      remaining.stop();
      showPaused();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void start(false);
  });
  stepButton.addEventListener('click', () => void start(true));
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
