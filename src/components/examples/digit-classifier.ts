/**
 * The digit classifier of article 004 §5.2 (`<kb-digit-classifier>`): Run downloads the site's
 * digits file, trains the article's model with TensorFlow.js one epoch per step (the shared
 * player's Run, Step and Stop), and shows the log, the charts, the held-out accuracy and a grid of
 * test digits; the pad then classifies a drawn or picked digit. Optionally retrains on fewer
 * digits for the data-size curve.
 */
import type { Sequential } from '@tensorflow/tfjs-layers';
import { h, patch } from '../../lib/examples/element.ts';
import {
  createDigitsSession,
  classify,
  digitsCurveSizes,
  predictedAccuracy,
  trainDigits,
  type DigitsEpoch,
  type DigitsSession,
} from '../../lib/examples/digits-model.ts';
import { alphaChannel, imageAt, preprocessDrawing, SIDE, type DigitData } from '../../lib/examples/digits.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import { digitsSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { formatParts } from '../../lib/i18n.ts';
import { DownloadError, FILE_NAME, loadDigits } from './digits-download.ts';
import { inkDigit, paintDigit, probabilitiesTable, wireDrawing } from './digits-pad.ts';
import { drawGrid, drawLog, drawPreview, drawSizes, drawTrainingCharts } from './digits-views.ts';
import { exampleFrame } from './instant.ts';
import { plural } from './messages.ts';
import { num, sessionPlayer, wire, type RunContext } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Ctx = RunContext<typeof digitsSchema>;
type Layers = Awaited<ReturnType<Ctx['loadTf']>>['layers'];
type Settings = SettingsOf<typeof digitsSchema>;

/** What one run (a session and the curve after it) draws from. */
interface RunView {
  settings: Settings;
  trainCount: number;
  batches: number;
  /** Training-set sizes of the data-size curve (run after the main run), or none. */
  curveSizes: number[];
  /** Images the whole run trains on per epoch count (main run and curve): progress counts images. */
  totalImages: number;
  batchLoss: { x: number; y: number }[];
  lastDraw: number;
}

class DigitClassifier extends ExampleIsland {
  private tf?: Tf;
  private layers?: Layers;
  /** The live session (its log feeds the charts between epochs). */
  private session?: DigitsSession;
  private model?: Sequential;
  private data?: DigitData;
  private view?: RunView;
  private player = sessionPlayer<typeof digitsSchema, DigitsEpoch, DigitsSession>({
    create: (ctx) => this.createSession(ctx),
    show: (epoch, session, ctx) => this.showEpoch(epoch, session, ctx),
    finish: (session, ctx) => this.finish(session, ctx),
    // A step is an epoch (seconds of work): paint after every one.
    yieldEvery: 1,
  });

  protected start(): void {
    const { section } = exampleFrame(this);
    wire(section, 'digit-classifier', digitsSchema, this.player);
    wireDrawing(this.el('[data-pad]'), () => this.classifyPad(this.msg('examples.digit-classifier.yourDigit')));
    this.el('[data-clear]').addEventListener('click', () => this.clearPad());
    this.el('[data-classify]').addEventListener('click', () => this.classifyPad(this.msg('examples.digit-classifier.yourDigit')));
    this.el('[data-pick-button]').addEventListener('click', () => this.pickFromInput());
    this.el('[data-pick]').addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key !== 'Enter') return;
      e.preventDefault();
      this.pickFromInput();
    });
    const retry = this.el<HTMLButtonElement>('[data-retry]');
    retry.addEventListener('click', () => {
      retry.hidden = true;
      exampleFrame(this).form.requestSubmit();
    });
  }

  private el = <E extends HTMLElement = HTMLElement>(selector: string) => this.querySelector<E>(selector)!;
  private msg = (key: string, params?: Record<string, string | number>) => exampleFrame(this).msg(key, params);
  private setPadButtons = (enabled: boolean) =>
    this.querySelectorAll<HTMLButtonElement>('[data-classify], [data-pick-button]').forEach((b) => (b.disabled = !enabled));

  // ------------------------------------------------------------------ a run

  /** Downloads the digits (once), loads TF.js, clears the last run's views and creates the session. */
  private async createSession(ctx: Ctx): Promise<DigitsSession> {
    const { settings, msg, status, progress } = ctx;
    this.model?.dispose();
    this.model = undefined;
    this.setPadButtons(false);
    this.clearRun();
    // TF.js (wasm compile) loads while the digits download: neither waits for the other.
    const loadingTf = ctx.loadTf();
    loadingTf.catch(() => {}); // a failed download is the error to report; TF.js is retried on the next Run
    const data = await this.download(ctx);
    this.data = data;
    // The reader sees the digits while TF.js and the tensors get ready.
    drawPreview(this.el('[data-grid]'), msg, data);
    ctx.firstResult();
    this.el<HTMLInputElement>('[data-pick]').max = String(data.test.labels.length);
    const { tf, layers } = await loadingTf;
    this.tf = tf;
    this.layers = layers;
    progress(0);
    const trainCount = Math.min(settings.trainSize, data.train.labels.length);
    const curveSizes = settings.curve ? digitsCurveSizes(trainCount).slice(0, -1) : [];
    const view: RunView = {
      settings,
      trainCount,
      batches: Math.ceil(trainCount / settings.batchSize),
      curveSizes,
      totalImages: trainCount + curveSizes.reduce((a, n) => a + n, 0),
      batchLoss: [],
      lastDraw: 0,
    };
    this.view = view;
    drawTrainingCharts(this, msg, settings.epochs, view.batchLoss, []);
    status(msg('examples.digit-classifier.training', { n: trainCount, epochs: settings.epochs, batch: settings.batchSize }));
    this.session = createDigitsSession(tf, layers, data, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      seed: settings.seed,
      trainCount,
      shouldStop: ctx.shouldStop,
      yieldFn: ctx.frame,
      yieldMs: 200,
      onProgress: (f) => progress((f * trainCount) / view.totalImages),
      onBatch: (b) => this.showBatch(b.step, b.loss, ctx),
    });
    return this.session;
  }

  /** The digits file; on failure, the reason in the page's language and Retry (which runs again). */
  private async download({ msg, status, progress }: Ctx): Promise<DigitData> {
    const retry = this.el<HTMLButtonElement>('[data-retry]');
    retry.hidden = true;
    const file = { file: FILE_NAME, size: (Number(retry.dataset.fileBytes) / 1e6).toFixed(1) };
    status(msg('examples.digit-classifier.downloading', file));
    try {
      return await loadDigits((f) => {
        progress(f);
        status(msg('examples.digit-classifier.downloadProgress', { percent: Math.round(f * 100) }));
      });
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      retry.hidden = false;
      // The player reports a failed create as the run's error, with this message.
      throw new Error(
        error.status
          ? msg('examples.digit-classifier.downloadFailed.http', { ...file, status: error.status })
          : msg('examples.digit-classifier.downloadFailed.network', file),
        { cause: error },
      );
    }
  }

  /** Empties the views a run fills. */
  private clearRun() {
    for (const el of [this.el('[data-chart="sizes"]'), this.el('[data-sizes-note]')]) {
      el.hidden = true;
      el.replaceChildren();
    }
    this.el('[data-summary]').textContent = '';
    this.el('[data-grid]').replaceChildren();
    this.el('[data-log]').replaceChildren();
    this.el('[data-keras]').hidden = true;
  }

  /** A batch's loss joins the curve; the charts are redrawn at most once a second. */
  private showBatch(step: number, loss: number, ctx: Ctx) {
    const view = this.view!;
    view.batchLoss.push({ x: step / view.batches, y: loss });
    const now = performance.now();
    if (now - view.lastDraw < 1000) return;
    view.lastDraw = now;
    drawTrainingCharts(this, ctx.msg, view.settings.epochs, view.batchLoss, this.session?.log ?? []);
    ctx.firstResult();
  }

  /** After every epoch: the log line, the charts and the status. */
  private showEpoch(epoch: DigitsEpoch, session: DigitsSession, { msg, status }: Ctx) {
    const { settings, batches, batchLoss } = this.view!;
    drawLog(this, msg, session.log, settings.epochs, batches);
    drawTrainingCharts(this, msg, settings.epochs, batchLoss, session.log);
    status(msg('examples.digit-classifier.epochDone', { epoch: epoch.epoch, epochs: settings.epochs, accuracy: num(epoch.testAccuracy * 100, 1) }));
  }

  /** Where the session stands: held-out accuracy, grid and pad; at the end, the data-size curve and the verdict. */
  private async finish(session: DigitsSession, ctx: Ctx): Promise<void> {
    this.model = session.takeModel();
    const data = this.data!;
    const { accuracy, predictions } = this.showResult(session, ctx);
    drawGrid(this.el('[data-grid]'), ctx.msg, data, predictions, (i) => this.pickTestDigit(i));
    this.setPadButtons(true);
    const over = session.done >= session.total;
    if (over && !session.stopped && this.view!.curveSizes.length) await this.runCurve(accuracy, ctx);
    const { msg, status, shouldStop } = ctx;
    if (session.stopped) status(plural(msg, session.log.length, 'examples.digit-classifier.stopped.one', 'examples.digit-classifier.stopped.other'));
    else if (shouldStop()) status(msg('examples.common.stopped'));
    else if (over) status(msg('examples.digit-classifier.done'));
  }

  /** The held-out accuracy computed independently of the tfjs-layers metric (argmax of predict()), in the summary and the Keras log. */
  private showResult(session: DigitsSession, { msg }: Ctx) {
    const data = this.data!;
    const result = predictedAccuracy(this.tf!, session.model, data.test);
    const total = data.test.labels.length;
    patch(
      this.el('[data-summary]'),
      formatParts(msg('examples.digit-classifier.summary'), {
        accuracy: h(
          'strong',
          { 'data-value': 'test-accuracy', 'data-raw': result.accuracy },
          msg('examples.digit-classifier.percent', { value: num(result.accuracy * 100, 1) }),
        ),
        total,
        right: Math.round(result.accuracy * total),
        train: session.trainCount,
        epochs: session.log.length,
      }),
    );
    this.el('[data-keras]').textContent += `\n${msg('examples.digit-classifier.kerasAccuracy', { accuracy: result.accuracy })}`;
    return result;
  }

  /** Retrains from scratch on fewer digits with the same settings; draws each point as it comes. */
  private async runCurve(mainAccuracy: number, { settings, msg, status, progress, shouldStop, frame }: Ctx) {
    const { trainCount, curveSizes, totalImages } = this.view!;
    const figure = this.el('[data-chart="sizes"]');
    const points: { x: number; y: number }[] = [];
    let doneImages = trainCount;
    for (const n of curveSizes) {
      status(msg('examples.digit-classifier.sizesRunning', { n }));
      const small = await trainDigits(this.tf!, this.layers!, this.data!, {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        seed: settings.seed,
        trainCount: n,
        shouldStop,
        yieldFn: frame,
        yieldMs: 200,
        onProgress: (f) => progress((doneImages + f * n) / totalImages),
      });
      if (!small.stopped) points.push({ x: n, y: predictedAccuracy(this.tf!, small.model, this.data!.test).accuracy });
      small.model.dispose();
      if (small.stopped) break;
      doneImages += n;
      drawSizes(figure, msg, [...points, { x: trainCount, y: mainAccuracy }], trainCount);
    }
    const note = this.el('[data-sizes-note]');
    note.hidden = false;
    note.textContent = msg('examples.digit-classifier.sizesNote', { epochs: settings.epochs, batch: settings.batchSize, test: this.data!.test.labels.length });
  }

  // ------------------------------------------------------------------ the pad

  private clearPad() {
    const pad = this.el<HTMLCanvasElement>('[data-pad]');
    pad.getContext('2d')!.clearRect(0, 0, pad.width, pad.height);
    this.el<HTMLCanvasElement>('[data-preview]').getContext('2d')!.clearRect(0, 0, SIDE, SIDE);
    this.el('[data-prediction]').textContent = '';
    this.el('[data-probs]').replaceChildren();
    delete exampleFrame(this).section.dataset.picked;
  }

  private pickFromInput() {
    if (!this.data) return;
    const input = this.el<HTMLInputElement>('[data-pick]');
    const k = Math.min(this.data.test.labels.length, Math.max(1, Math.round(Number(input.value)) || 1));
    input.value = String(k);
    this.pickTestDigit(k - 1);
  }

  /** Draws test digit `index` (0-based) on the pad and classifies it. */
  private pickTestDigit(index: number) {
    if (!this.data) return;
    this.el<HTMLInputElement>('[data-pick]').value = String(index + 1);
    inkDigit(this.el('[data-pad]'), imageAt(this.data.test, index));
    exampleFrame(this).section.dataset.picked = String(index + 1);
    const label = this.data.test.labels[index]!;
    this.classifyPad(this.msg('examples.digit-classifier.testDigit', { n: index + 1, label }), label);
  }

  /** Preprocesses the pad like MNIST, shows the 28×28 input, and classifies it (not while the model trains). */
  private classifyPad(what: string, label?: number) {
    const prediction = this.el('[data-prediction]');
    const probs = this.el('[data-probs]');
    if (!this.model || !this.tf || exampleFrame(this).section.dataset.state === 'running') {
      prediction.textContent = this.msg('examples.digit-classifier.trainFirst');
      return;
    }
    const pad = this.el<HTMLCanvasElement>('[data-pad]');
    const image = preprocessDrawing(alphaChannel(pad.getContext('2d')!.getImageData(0, 0, pad.width, pad.height).data, pad.width, pad.height));
    if (!image) {
      prediction.textContent = this.msg('examples.digit-classifier.empty');
      probs.replaceChildren();
      return;
    }
    paintDigit(this.el<HTMLCanvasElement>('[data-preview]').getContext('2d')!, image);
    const result = classify(this.tf, this.model, image);
    const key =
      label === undefined
        ? 'examples.digit-classifier.prediction'
        : label === result.digit
          ? 'examples.digit-classifier.predictionRight'
          : 'examples.digit-classifier.predictionWrong';
    const p = num(result.probabilities[result.digit]! * 100, 1);
    patch(prediction, formatParts(this.msg(key), { what, digit: h('strong', { 'data-value': 'prediction' }, result.digit), p, label: label ?? '' }));
    patch(probs, [probabilitiesTable(exampleFrame(this).msg, result)]);
  }
}

customElements.define('kb-digit-classifier', DigitClassifier);
