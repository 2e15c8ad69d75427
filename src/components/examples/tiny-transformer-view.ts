/**
 * The tiny Transformer of article 003 §5.2 (`<kb-tiny-transformer>`): Run trains a character-level
 * language model on this page's prose (Step: one optimiser step), and Generate writes from the
 * model as it stands — after a run, a Stop or a few Steps — and shows the attention of its last
 * layer over the prompt. The numerics are in src/lib/examples/tiny-transformer.ts.
 */
import { decode, encode, prepareCorpus, UNK_ID, unigramEntropy, type PreparedCorpus } from '../../lib/examples/char-corpus.ts';
import { h, patch } from '../../lib/examples/element.ts';
import { heatmap } from '../../lib/examples/heatmap.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import {
  createTransformerSession,
  disposeParams,
  evaluateLoss,
  evenlySpacedWindows,
  generateAsync,
  initParams,
  lastLayerAttention,
  meanOfLast,
  parameterCount,
  transformerConfig,
  type TinyTransformerParams,
  type TrainProgress,
  type TransformerSession,
} from '../../lib/examples/tiny-transformer.ts';
import { tinyTransformerSchema } from '../../lib/examples/url-state.ts';
import { drawChart } from './chart-view.ts';
import { messagesOf, plural, type Msg } from './messages.ts';
import { num, PAINT_EVERY_MS, sessionPlayer, wire, type RunContext } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Ctx = RunContext<typeof tinyTransformerSchema>;
type Point = { x: number; y: number };
/** The model generation uses (the latest session's, kept after the session ends) and what it was trained on. */
interface Trained {
  tf: Tf;
  model: TinyTransformerParams;
  corpus: PreparedCorpus;
  seed: number;
}
/** The loss curves of the latest session and the lines they are read against. */
interface Curves {
  steps: number;
  params: number;
  uniform: number;
  unigram: number;
  train: Point[];
  validation: Point[];
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

class TinyTransformer extends ExampleIsland {
  private trained?: Trained;
  private curves?: Curves;
  private corpus?: PreparedCorpus;
  /** The generation under way: training cancels it and waits for it, as it reads the weights a step changes. */
  private generation?: { cancelled: boolean; done: Promise<void> };
  private lastDraw = 0;

  protected start(): void {
    wire(this.section(), 'tiny-transformer', tinyTransformerSchema, this.player);
    // The corpus is ready before Run when the page is idle (Run would otherwise prepare it before the first result).
    const prepare = () => (this.corpus ??= this.readCorpus());
    if ('requestIdleCallback' in window) requestIdleCallback(prepare, { timeout: 5000 });
    else setTimeout(prepare, 0);
    this.el<HTMLFormElement>('form[data-generate]').addEventListener('submit', (event) => {
      event.preventDefault();
      // Generate waits while the model trains (its button is disabled then; this also covers Enter).
      if (this.section().dataset.state !== 'running') void this.generate(nextFrame);
    });
  }

  private section = () => this.closest<HTMLElement>('[data-example]')!;
  private el = <E extends Element = HTMLElement>(selector: string) => this.querySelector<E>(selector)!;
  private generateButton = () => this.el<HTMLButtonElement>('[data-generate-button]');

  /** Run and Step over one session: a step is one optimiser step (one point of the loss curve). */
  private player = sessionPlayer<typeof tinyTransformerSchema, TrainProgress, TransformerSession>({
    // Run, Step and Continue first end a running generation (and hide its now outdated text):
    // training changes, or a new session frees, the model it writes from.
    begin: async () => {
      await this.stopGeneration();
      this.setGenerable(false);
    },
    create: (ctx) => this.createSession(ctx),
    show: (snap, _session, ctx) => this.show(snap, ctx),
    finish: (session, ctx) => this.finish(session, ctx),
    // A step takes 2–500 ms depending on the settings: paint by time, not every n steps.
    yieldMs: PAINT_EVERY_MS,
  });

  /** A new model for the settings (the previous one is freed once no generation uses it) and its training session. */
  private async createSession(ctx: Ctx): Promise<TransformerSession> {
    const { settings, msg, status } = ctx;
    this.clearGenerated();
    if (this.trained) disposeParams(this.trained.model);
    this.trained = undefined;
    this.el('[data-chart="loss"]').replaceChildren();
    this.el('[data-summary]').replaceChildren();
    const corpus = (this.corpus ??= this.readCorpus());
    const config = transformerConfig(settings, corpus.vocab.size);
    const { tf } = await ctx.loadTf();
    status(msg('examples.tiny-transformer.initialising'));
    const model = initParams(tf, config, settings.seed);
    this.trained = { tf, model, corpus, seed: settings.seed };
    const validation = evenlySpacedWindows(corpus.validationIds, 16, config.contextLength);
    const params = parameterCount(model);
    this.curves = {
      steps: settings.steps,
      params,
      uniform: Math.log(config.vocabSize),
      unigram: unigramEntropy(corpus.trainIds),
      train: [],
      validation: [{ x: 0, y: evaluateLoss(tf, model, validation) }],
    };
    // The untrained model's validation loss against the two baselines, before the first step
    // (a step takes ≈ 0.3 s on the cpu backend).
    this.drawLoss(msg);
    ctx.firstResult();
    status(msg('examples.tiny-transformer.training', { params }));
    return createTransformerSession(tf, model, {
      ids: corpus.trainIds,
      steps: settings.steps,
      batchSize: settings.batch,
      seqLength: config.contextLength,
      learningRate: settings.lr,
      seed: settings.seed,
      validation,
      validateEvery: Math.max(10, Math.round(settings.steps / 20)),
    });
  }

  private readCorpus(): PreparedCorpus {
    const { text, maxVocab, validationFraction } = JSON.parse(this.el('script[data-corpus]').textContent!) as {
      text: string;
      maxVocab: number;
      validationFraction: number;
    };
    return prepareCorpus(text, maxVocab, validationFraction);
  }

  /** Records a step; draws about five times a second (a chart costs more than a small step). */
  private show(snap: TrainProgress, { msg, status }: Ctx) {
    const curves = this.curves!;
    curves.train.push({ x: snap.step + 1, y: snap.loss });
    if (snap.validationLoss !== undefined) curves.validation.push({ x: snap.step + 1, y: snap.validationLoss });
    const now = performance.now();
    if (snap.step > 0 && now - this.lastDraw <= 200) return;
    this.lastDraw = now;
    this.drawLoss(msg);
    status(msg('examples.tiny-transformer.progress', { step: snap.step + 1, steps: curves.steps, loss: num(snap.loss, 3) }));
  }

  private drawLoss(msg: Msg) {
    const { steps, uniform, unigram, train, validation } = this.curves!;
    const horizontal = (y: number) => [
      { x: 0, y },
      { x: steps, y },
    ];
    const validationName = msg('examples.tiny-transformer.validationSeries');
    drawChart(
      this.el('[data-chart="loss"]'),
      [
        {
          kind: 'line',
          className: 'kb-tt-uniform',
          label: msg('examples.tiny-transformer.uniformSeries', { value: num(uniform, 3) }),
          points: horizontal(uniform),
          table: false,
        },
        {
          kind: 'line',
          className: 'kb-tt-unigram',
          label: msg('examples.tiny-transformer.unigramSeries', { value: num(unigram, 3) }),
          points: horizontal(unigram),
          table: false,
        },
        { kind: 'line', className: 'series-model', label: msg('examples.tiny-transformer.trainSeries'), points: train },
        { kind: 'line', className: 'series-reference', label: validationName, points: validation },
        { kind: 'dots', className: 'series-reference', label: validationName, points: validation },
      ],
      {
        xLabel: msg('examples.tiny-transformer.stepAxis'),
        yLabel: msg('examples.tiny-transformer.lossAxis'),
        title: msg('examples.tiny-transformer.lossTitle'),
        xDomain: [0, steps],
        yDomain: [0, Math.max(uniform, ...train.map((p) => p.y)) * 1.05],
      },
    );
  }

  /** Where the session stands (after the run, a Stop or a Step): curves, summary, status; after Run or Stop it also generates. */
  private async finish(session: TransformerSession, { msg, status, shouldStop, frame }: Ctx) {
    const curves = this.curves!;
    const done = session.done;
    if (curves.validation.at(-1)!.x !== done) curves.validation.push({ x: done, y: session.validate() });
    this.drawLoss(msg);
    this.showSummary(session, msg);
    this.section().dataset.trainedSteps = String(done);
    const from = curves.validation[0]!.y;
    const losses = { from: num(from, 3), to: num(curves.validation.at(-1)!.y, 3), uniform: num(curves.uniform, 3) };
    status(msg(done < session.total ? 'examples.tiny-transformer.stoppedResult' : 'examples.tiny-transformer.doneResult', losses));
    this.setGenerable(true);
    // After a Step the reader generates when they choose (a generation takes a while; Steps come quickly).
    if (done > 0 && (done === session.total || shouldStop())) await this.generate(frame);
    else if (done > 0) this.el('[data-generate-status]').textContent = msg('examples.tiny-transformer.ready', { done, total: session.total });
  }

  private showSummary(session: TransformerSession, msg: Msg) {
    const { params, uniform, unigram, validation } = this.curves!;
    const { config } = session.model;
    const done = session.done;
    const row = (label: string, key: string, value: number) =>
      h('tr', {}, h('th', { scope: 'row' }, msg(label)), h('td', { 'data-value': key, 'data-exact': value }, num(value, 4)));
    const shown = {
      dModel: config.dModel,
      heads: config.nHeads,
      layers: config.nLayers,
      context: config.contextLength,
      params,
      vocab: config.vocabSize,
      steps: done,
      seconds: num(session.elapsedMs / 1000, 1),
      ms: num(session.elapsedMs / Math.max(1, done), 0),
    };
    patch(this.el('[data-summary]'), [
      h('p', { class: 'kb-tt__config', 'data-config': true }, msg('examples.tiny-transformer.config', shown)),
      h(
        'table',
        {},
        h(
          'tbody',
          {},
          row('examples.tiny-transformer.validationStart', 'validation-start', validation[0]!.y),
          row('examples.tiny-transformer.validationEnd', 'validation-end', validation.at(-1)!.y),
          row('examples.tiny-transformer.trainStart', 'train-start', session.losses[0] ?? NaN),
          row('examples.tiny-transformer.trainEnd', 'train-end', meanOfLast(session.losses, 10)),
          row('examples.tiny-transformer.uniform', 'uniform', uniform),
          row('examples.tiny-transformer.unigram', 'unigram', unigram),
        ),
      ),
    ]);
  }

  /** Generate waits while the model trains; text written before a step no longer stands for the model, so it goes. */
  private setGenerable(on: boolean) {
    this.generateButton().disabled = !on;
    if (!on && this.section().dataset.generated) this.clearGenerated();
  }

  private clearGenerated() {
    this.el('[data-generated]').hidden = true;
    this.el('[data-heatmaps]').hidden = true;
    delete this.section().dataset.generated;
    this.el('[data-generate-status]').textContent = this.msg()('examples.tiny-transformer.waiting');
  }

  private msg = () => messagesOf(this);

  private async stopGeneration() {
    const running = this.generation;
    if (!running) return;
    running.cancelled = true;
    await running.done;
  }

  /** Generates from the prompt in the form (greedy, then sampled) and draws the attention maps; one at a time. */
  private async generate(frame: () => Promise<void>) {
    if (this.generation || !this.trained) return;
    let finished = () => {};
    const run = { cancelled: false, done: new Promise<void>((resolve) => (finished = resolve)) };
    this.generation = run;
    try {
      await this.writeText(this.trained, frame, () => run.cancelled);
    } finally {
      this.generation = undefined;
      finished();
    }
  }

  /** The prompt, temperature and length of the form, or the message saying what is wrong with them. */
  private generateForm(): { prompt: string; temperature: number; length: number } | { problem: string } {
    const form = this.el<HTMLFormElement>('form[data-generate]');
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const prompt = value('prompt');
    const temperature = Number(value('temperature'));
    const length = Number(value('length'));
    if (!prompt) return { problem: 'examples.tiny-transformer.noPrompt' };
    if (!(temperature >= 0.05 && temperature <= 2) || !(Number.isInteger(length) && length >= 1 && length <= 300))
      return { problem: 'examples.tiny-transformer.badGenerate' };
    return { prompt, temperature, length };
  }

  private async writeText({ tf, model, corpus, seed }: Trained, frame: () => Promise<void>, cancelled: () => boolean) {
    const msg = this.msg();
    const statusEl = this.el('[data-generate-status]');
    const form = this.generateForm();
    if ('problem' in form) {
      statusEl.textContent = msg(form.problem);
      return;
    }
    const { prompt, temperature, length } = form;
    const button = this.generateButton();
    button.disabled = true;
    try {
      const promptIds = encode(corpus.vocab, prompt);
      const unknown = promptIds.filter((id) => id === UNK_ID).length;
      const outputs = this.el('[data-generated]');
      outputs.hidden = false;
      for (const echo of outputs.querySelectorAll('[data-prompt-echo]')) echo.textContent = prompt;
      this.el('[data-temperature-echo]').textContent = `T = ${temperature}`;
      const greedyEl = this.el('[data-greedy]');
      const sampledEl = this.el('[data-sampled]');
      greedyEl.textContent = sampledEl.textContent = '';
      this.section().dataset.generated = 'running';
      this.drawAttention(tf, model, prompt, promptIds);
      statusEl.textContent = msg('examples.tiny-transformer.generating');
      const common = { length, seed, banned: [UNK_ID], yieldFn: frame, shouldStop: cancelled }; // never the unknown token: only corpus characters
      const append = (el: HTMLElement) => (id: number) => (el.textContent += decode(corpus.vocab, [id]));
      await generateAsync(tf, model, promptIds, { ...common, temperature: 0, onToken: append(greedyEl) });
      if (!cancelled()) await generateAsync(tf, model, promptIds, { ...common, temperature, onToken: append(sampledEl) });
      // Training cancelled this generation: it clears the output itself.
      if (cancelled()) return;
      this.section().dataset.generated = 'done';
      statusEl.textContent = unknown
        ? plural(msg, unknown, 'examples.tiny-transformer.generatedUnknown.one', 'examples.tiny-transformer.generatedUnknown.other', { seed })
        : msg('examples.tiny-transformer.generated', { seed });
    } catch (error) {
      this.section().dataset.generated = 'error';
      statusEl.textContent = msg('examples.tiny-transformer.generateFailed', { error: (error as Error).message ?? String(error) });
    } finally {
      button.disabled = !this.trained;
    }
  }

  /** Attention of the last layer over the prompt (cropped to the context window), one heat map per head. */
  private drawAttention(tf: Tf, model: TinyTransformerParams, prompt: string, promptIds: number[]) {
    const msg = this.msg();
    const T = model.config.contextLength;
    const labels = Array.from(prompt).slice(-T);
    const maps = lastLayerAttention(tf, model, promptIds.slice(-T));
    const figure = this.el('[data-heatmaps]');
    figure.hidden = false;
    patch(
      this.el('[data-heatmap-grid]'),
      maps.map((weights, head) =>
        h(
          'div',
          { class: 'kb-tt__heatmap', 'data-head': head },
          h('p', {}, msg('examples.tiny-transformer.head', { n: head + 1 })),
          heatmap(weights, labels, labels, {
            title: msg('examples.tiny-transformer.headTitle', { n: head + 1 }),
            rowAxis: msg('examples.tiny-transformer.queryAxis'),
            colAxis: msg('examples.tiny-transformer.keyAxis'),
          }),
        ),
      ),
    );
  }
}

customElements.define('kb-tiny-transformer', TinyTransformer);
