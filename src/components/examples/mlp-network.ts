/**
 * The MLP from scratch of article 001 §3 (`<kb-mlp>`): a 2-H-1 network with hand-written
 * backpropagation in plain TypeScript (src/lib/examples/mlp.ts), on the shared player. Its session
 * steps ONE update (one mini-batch, the body of the article's loop): Step shows that batch's forward
 * pass and gradients, Run first checks the backpropagation against TensorFlow.js autodiff and then
 * plays the updates, drawing the decision regions every few epochs.
 */
import { h, patch } from '../../lib/examples/element.ts';
import { createMlpSession, mlpGradientCheckTf, predictGrid, type MlpSession, type MlpUpdate } from '../../lib/examples/mlp.ts';
import { mlpBatchDetails, mlpExampleData, plotBox } from '../../lib/examples/mlp-explorer.ts';
import { regionChart, REGION_CLASSES } from '../../lib/examples/region-chart.ts';
import { mlpSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { legend } from '../../lib/plot.ts';
import { drawChart, drawFigure } from './chart-view.ts';
import { exampleFrame } from './instant.ts';
import { plural, type Msg } from './messages.ts';
import { checkTable, f4, f6, stepDetail, summaryTable } from './mlp-tables.ts';
import { sessionPlayer, wire, type RunContext } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Schema = typeof mlpSchema;
type Settings = SettingsOf<Schema>;
type Metrics = { loss: number; accuracy: number };

/** The live session's data and what has been shown of it. */
interface RunState {
  settings: Settings;
  session: MlpSession;
  history: ({ epoch: number } & Metrics)[];
  /** Loss and accuracy on all data with the weights shown. */
  current: Metrics;
  /** Whether Run's gradient check has been done for this session. */
  checked: boolean;
  /** A run redraws every this many epochs. */
  every: number;
}

class MlpNetwork extends ExampleIsland {
  private run?: RunState;
  /** Whether the frame's Step (one update) or Run started the current advance. */
  private stepping = false;

  protected start(): void {
    const { section } = exampleFrame(this);
    wire(section, section.dataset.example!, mlpSchema, this.player);
  }

  private el = (name: string) => this.querySelector<HTMLElement>(`[data-${name}]`)!;

  /**
   * Run (and Continue after Steps) begins with the gradient check; Step needs no TensorFlow.js and
   * shows one batch's forward pass and gradients, which a run would make stale at once.
   */
  private player = sessionPlayer<Schema, MlpUpdate, MlpSession>({
    begin: async (ctx, { oneStep, resuming }) => {
      this.stepping = oneStep;
      if (!oneStep) this.el('mlp-detail').replaceChildren();
      if (!oneStep && resuming && this.run && !this.run.checked) await this.gradientCheck(ctx);
    },
    create: (ctx) => this.createSession(ctx),
    show: (update, session, ctx) => this.show(update, session, ctx),
    finish: (session, ctx) => this.finish(session, ctx),
    discarded: () => {
      this.run = undefined;
      this.el('mlp-detail').replaceChildren();
    },
    yieldEvery: 50,
  });

  private async createSession(ctx: RunContext<Schema>): Promise<MlpSession> {
    const { settings } = ctx;
    const data = mlpExampleData(settings.data, { noise: settings.noise, seed: settings.seed });
    const session = createMlpSession({
      data,
      sizes: [2, settings.hiddenUnits, 1],
      hidden: settings.hidden,
      lr: settings.lr,
      batchSize: settings.batchSize,
      seed: settings.seed,
      epochs: settings.epochs,
    });
    const first = session.trainer.evaluate();
    const every = Math.max(1, Math.round(settings.epochs / 25));
    this.run = { settings, session, history: [{ epoch: 0, ...first }], current: first, checked: false, every };
    this.el('mlp-detail').replaceChildren();
    this.el('mlp-check').replaceChildren();
    this.draw(ctx.msg);
    ctx.firstResult();
    if (!this.stepping) await this.gradientCheck(ctx);
    return session;
  }

  /** Run's start: the manual backpropagation vs TensorFlow.js autodiff at the session's initial weights. */
  private async gradientCheck(ctx: RunContext<Schema>) {
    const run = this.run!;
    const { tf } = await ctx.loadTf();
    ctx.status(ctx.msg('examples.mlp-from-scratch.checking'));
    const before = tf.memory().numTensors;
    const check = mlpGradientCheckTf(tf, run.session.initial, run.session.trainer.options.data, run.settings.hidden);
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) console.warn(`mlp-from-scratch: gradient check left ${leaked} tensors`);
    patch(this.el('mlp-check'), checkTable(check, ctx.msg));
    run.checked = true;
    ctx.status(ctx.msg('examples.mlp-from-scratch.training'));
  }

  /** Every update: the history at epoch ends; a Step draws everything with its batch's tables, a run every few epochs. */
  private show(update: MlpUpdate, session: MlpSession, ctx: RunContext<Schema>) {
    const run = this.run!;
    if (update.metrics) {
      run.history.push({ epoch: update.epoch + 1, ...update.metrics });
      run.current = update.metrics;
    }
    if (this.stepping) {
      run.current = update.metrics ?? session.trainer.evaluate();
      const details = mlpBatchDetails(update.before, session.trainer.options.data, run.settings.hidden, update.indices);
      patch(this.el('mlp-detail'), stepDetail(update, details, run.current, run.settings, ctx.msg));
      this.draw(ctx.msg);
    } else if (update.metrics && ((update.epoch + 1) % run.every === 0 || session.done === session.total)) {
      this.draw(ctx.msg);
    }
  }

  /** Where the session stands, exactly (a stop can fall inside an epoch), and how it ended. */
  private finish(session: MlpSession, { msg, status, shouldStop }: RunContext<Schema>) {
    const run = this.run!;
    run.current = session.trainer.evaluate();
    this.draw(msg);
    const epochs = Math.floor(session.done / session.updatesPerEpoch);
    if (session.done === session.total)
      status(plural(msg, epochs, 'examples.mlp-from-scratch.done.one', 'examples.mlp-from-scratch.done.other', { accuracy: f4(run.current.accuracy) }));
    else if (shouldStop()) status(plural(msg, epochs, 'examples.mlp-from-scratch.stopped.one', 'examples.mlp-from-scratch.stopped.other'));
  }

  /** The decision regions, the loss/accuracy history and the summary row for the current weights. */
  private draw(msg: Msg) {
    const { settings, session, history, current } = this.run!;
    const data = session.trainer.options.data;
    const box = plotBox(data);
    const grid = predictGrid(session.trainer.params(), box, 40, settings.hidden);
    const classNames = [msg('examples.mlp-from-scratch.class0'), msg('examples.mlp-from-scratch.class1')] as const;
    drawFigure(this.querySelector<HTMLElement>('[data-chart="region"]')!, (width) => [
      h('figcaption', { class: 'kb-chart__title' }, msg('examples.mlp-from-scratch.regionTitle')),
      regionChart({ grid, box, points: data.points, labels: data.labels, xLabel: 'x₁', yLabel: 'x₂', width }),
      legend(REGION_CLASSES.map((className, c) => ({ className, label: classNames[c]!, line: false, dot: true }))),
    ]);
    const maxLoss = Math.max(1, ...history.map((e) => e.loss).filter(Number.isFinite));
    const series = (className: string, key: 'loss' | 'accuracy', label: string) => ({
      kind: 'line' as const,
      className,
      label: msg(label),
      points: history.map((e) => ({ x: e.epoch, y: e[key] })),
    });
    drawChart(
      this.querySelector<HTMLElement>('[data-chart="history"]')!,
      [
        series('series-model', 'loss', 'examples.mlp-from-scratch.lossSeries'),
        series('series-reference', 'accuracy', 'examples.mlp-from-scratch.accuracySeries'),
      ],
      {
        xLabel: msg('examples.mlp-from-scratch.epochAxis'),
        yLabel: msg('examples.mlp-from-scratch.historyAxis'),
        title: msg('examples.mlp-from-scratch.historyTitle'),
        xDomain: [0, Math.max(1, history.at(-1)!.epoch)],
        yDomain: [0, maxLoss * 1.05],
      },
    );
    const epochs = Math.floor(session.done / session.updatesPerEpoch);
    patch(this.el('table'), summaryTable({ epochs, updates: session.done, loss: f6(current.loss), accuracy: f4(current.accuracy) }, msg));
  }
}

customElements.define('kb-mlp', MlpNetwork);
