/**
 * Browser side of every example island: settings from and to the page URL, run/stop,
 * status and progress, lazy loading of TensorFlow.js, and an error boundary so that a
 * failing example never breaks the page. The numerics live in src/lib/examples/.
 *
 * Performance marks `kb-example:<id>:start|first-result|done` let `npm run bench`
 * measure time to first result and to the end of training.
 */
import { decodeSettings, encodeSettings, type SettingsOf, type SettingsSchema } from '../../lib/examples/url-state.ts';

type TfModule = typeof import('../../lib/examples/tf-runtime.ts');

export interface RunContext<S extends SettingsSchema> {
  settings: SettingsOf<S>;
  section: HTMLElement;
  output: HTMLElement;
  lang: 'zh-CN' | 'en';
  /** Picks the text of the page's language. */
  t: (zh: string, en: string) => string;
  /** Loads TensorFlow.js (core, cpu backend, layers) on first use. */
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
  tfModule ??= import('../../lib/examples/tf-runtime.ts').then(async (mod) => {
    await mod.loadTf();
    return mod;
  });
  tfModule.catch(() => (tfModule = undefined));
  return tfModule;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function mountExample<S extends SettingsSchema>(id: string, schema: S, run: (ctx: RunContext<S>) => Promise<void>): void {
  for (const section of document.querySelectorAll<HTMLElement>(`[data-example="${id}"]`)) wire(section, id, schema, run);
}

function wire<S extends SettingsSchema>(section: HTMLElement, id: string, schema: S, run: (ctx: RunContext<S>) => Promise<void>) {
  const lang = section.dataset.lang === 'en' ? 'en' : 'zh-CN';
  const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const form = section.querySelector<HTMLFormElement>('form[data-settings]')!;
  const statusEl = section.querySelector<HTMLElement>('[data-status]')!;
  const progressEl = section.querySelector<HTMLProgressElement>('[data-progress]')!;
  const stopButton = section.querySelector<HTMLButtonElement>('[data-stop]')!;
  const runButton = section.querySelector<HTMLButtonElement>('[data-run]')!;
  const output = section.querySelector<HTMLElement>('[data-output]')!;
  const status = (text: string) => (statusEl.textContent = text);
  let stopRequested = false;
  let running = false;

  const fill = (settings: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(settings)) {
      const field = form.elements.namedItem(key);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    }
  };
  const fromUrl = decodeSettings(schema, location.search);
  fill(fromUrl.settings);
  if (fromUrl.issues.length) status(t('链接中的部分设置无效，已改用默认值：', 'Some settings in the link were invalid and use their defaults: ') + fromUrl.issues.map((i) => i.message).join('; '));

  runButton.disabled = false; // rendered disabled so that no click submits the form before this point

  stopButton.addEventListener('click', () => {
    stopRequested = true;
    status(t('正在停止…', 'Stopping…'));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (running) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) params.set(schema.prefix + key, String(value));
    const { settings, issues } = decodeSettings(schema, params);
    if (issues.length) {
      section.dataset.state = 'invalid';
      status(t('设置无效：', 'Invalid settings: ') + issues.map((i) => i.message).join('; '));
      return;
    }
    const query = encodeSettings(schema, settings, { base: location.search }).toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);

    running = true;
    stopRequested = false;
    runButton.disabled = true;
    stopButton.disabled = false;
    progressEl.hidden = false;
    progressEl.value = 0;
    section.dataset.state = 'running';
    performance.mark(`kb-example:${id}:start`);
    let marked = false;
    try {
      status(t('正在运行…', 'Running…'));
      await run({
        settings,
        section,
        output,
        lang,
        t,
        loadTf: async () => {
          status(t('正在加载 TensorFlow.js…', 'Loading TensorFlow.js…'));
          try {
            return await loadTf();
          } catch (error) {
            throw new Error(t(`TensorFlow.js 加载失败（${(error as Error).message}）。原始代码仍可阅读。`, `TensorFlow.js could not be loaded (${(error as Error).message}). The original code is still there to read.`));
          }
        },
        shouldStop: () => stopRequested,
        status,
        progress: (fraction) => (progressEl.value = Math.max(0, Math.min(1, fraction))),
        firstResult: () => {
          if (!marked) performance.mark(`kb-example:${id}:first-result`);
          marked = true;
        },
        frame,
      });
      section.dataset.state = stopRequested ? 'stopped' : 'done';
      performance.mark(`kb-example:${id}:done`);
    } catch (error) {
      section.dataset.state = 'error';
      status(t('示例出错：', 'The example failed: ') + ((error as Error).message ?? String(error)));
      console.warn(`example ${id} failed`, error);
    } finally {
      running = false;
      runButton.disabled = false;
      stopButton.disabled = true;
      progressEl.hidden = true;
    }
  });
}

/** Formats a number for result tables. */
export function num(value: number, digits = 4): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}
