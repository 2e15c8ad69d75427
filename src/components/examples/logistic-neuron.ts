/**
 * The single-neuron logistic regression of article 003 §4.3 (`<kb-logistic-neuron>`). The worked
 * example (corrected formulas next to the article's as printed) follows the α slider at once, in
 * plain TypeScript; Run loads TensorFlow.js, fills the tf.grads columns and trains the same neuron
 * on two seeded clusters.
 */
import { ARTICLE_003_LOGISTIC } from '../../lib/examples/article-data.ts';
import { h, patch } from '../../lib/examples/element.ts';
import { articleAsWritten, workedColumn, workedColumnTf, type WorkedColumn } from '../../lib/examples/logistic-worked.ts';
import {
  createLogisticSession,
  decisionBoundary,
  logisticMetrics,
  makeTwoClusters,
  trainLogisticPlain,
  type Box,
  type LabelledPoints,
  type LogisticEpoch,
  type LogisticSession,
} from '../../lib/examples/logistic.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import { logisticExampleSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { extent } from '../../lib/plot.ts';
import { drawChart } from './chart-view.ts';
import { exampleFrame, instantExample } from './instant.ts';
import { plural } from './messages.ts';
import { num, sessionPlayer, type RunContext } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Settings = SettingsOf<typeof logisticExampleSchema>;
const { theta, b, x } = ARTICLE_003_LOGISTIC;

class LogisticNeuron extends ExampleIsland {
  private tf?: Tf;

  protected start(): void {
    instantExample(this, logisticExampleSchema, {
      sliders: { alpha: { min: 0.01, max: 2, step: 0.01 } },
      render: ({ alpha }) => this.renderWorked(alpha),
      run: this.player,
    });
  }

  /** The worked example for step α: formulas (plain JS), tf.grads once TensorFlow.js is loaded, and the article as printed. */
  private renderWorked(alpha: number) {
    const { msg } = exampleFrame(this);
    const pure = { 1: workedColumn(theta, b, x, 1, alpha), 0: workedColumn(theta, b, x, 0, alpha) };
    const viaTf = this.tf ? { 1: workedColumnTf(this.tf, theta, b, x, 1, alpha), 0: workedColumnTf(this.tf, theta, b, x, 0, alpha) } : undefined;
    const printed = articleAsWritten(theta[0], b, alpha);
    // '…' until TensorFlow.js computes a value, '—' where it does not expose one.
    const cellOf = (value: number | undefined, col: string, row: string, pending = false) =>
      value === undefined
        ? h('td', { 'data-col': col, 'data-row': row, class: 'kb-logit__na' }, pending ? '…' : '—')
        : h('td', { 'data-col': col, 'data-row': row, 'data-exact': value }, num(value, 6));
    const rows: { key: keyof WorkedColumn; label: string; printed?: number }[] = [
      { key: 'z', label: 'z = θ₁x₁ + θ₂x₂ + b', printed: printed.z },
      { key: 'yHat', label: 'ŷ = σ(z)', printed: printed.yHat },
      { key: 'loss', label: msg('examples.logistic-neuron.loss'), printed: printed.loss },
      { key: 'dLossDyHat', label: '∂L/∂ŷ', printed: printed.dLossDy },
      { key: 'sigmoidPrime', label: 'σ′(z) = ŷ(1 − ŷ)', printed: printed.sigmoidPrime },
      { key: 'dTheta1', label: '∂L/∂θ₁', printed: printed.dTheta1 },
      { key: 'dB', label: '∂L/∂b' },
      { key: 'theta1Next', label: msg('examples.logistic-neuron.theta1Next', { alpha }), printed: printed.theta1Next },
      { key: 'bNext', label: msg('examples.logistic-neuron.bNext', { alpha }) },
    ];
    const th = (text: string, attrs: Record<string, string | number> = {}) => h('th', { scope: 'col', ...attrs }, text);
    patch(this.querySelector('[data-worked]')!, [
      h(
        'table',
        { class: 'kb-logit__table' },
        h('caption', {}, msg('examples.logistic-neuron.workedCaption', { theta: theta[0], b, x: x.join(', ') })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('td', { rowspan: 2 }),
            th('y = 1', { scope: 'colgroup', colspan: 2 }),
            th('y = 0', { scope: 'colgroup', colspan: 2 }),
            th(msg('examples.logistic-neuron.asPrinted'), { rowspan: 2 }),
          ),
          h('tr', {}, th(msg('examples.logistic-neuron.formula')), th('tf.grads'), th(msg('examples.logistic-neuron.formula')), th('tf.grads')),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              { 'data-row': r.key },
              h('th', { scope: 'row' }, r.label),
              cellOf(pure[1][r.key], 'y1-formula', r.key),
              cellOf(viaTf?.[1][r.key], 'y1-tf', r.key, !viaTf),
              cellOf(pure[0][r.key], 'y0-formula', r.key),
              cellOf(viaTf?.[0][r.key], 'y0-tf', r.key, !viaTf),
              cellOf(r.printed, 'printed', r.key),
            ),
          ),
        ),
      ),
      h('p', { class: 'kb-logit__note' }, msg('examples.logistic-neuron.note')),
    ]);
  }

  /** The training session's data, plot box and curves (what `show` and `finish` draw). */
  private run?: { data: LabelledPoints; box: Box; losses: { x: number; y: number }[]; accuracies: { x: number; y: number }[]; lastDraw: number };

  /** Run and Step: the tf.grads columns, then training on two seeded clusters, one epoch per step, with live charts. */
  private player = sessionPlayer<typeof logisticExampleSchema, LogisticEpoch, LogisticSession>({
    create: (ctx) => this.createSession(ctx),
    show: (e, session, ctx) => {
      const run = this.run!;
      run.losses.push({ x: e.epoch + 1, y: e.loss });
      run.accuracies.push({ x: e.epoch + 1, y: logisticMetrics(e.theta, e.b, run.data).accuracy });
      const now = performance.now();
      if (now - run.lastDraw > 100 || session.done === session.total || ctx.shouldStop()) {
        run.lastDraw = now;
        this.draw(e, ctx);
      }
    },
    finish: (session, ctx) => this.finish(session, ctx),
    yieldEvery: 10,
  });

  private async createSession(ctx: RunContext<typeof logisticExampleSchema>): Promise<LogisticSession> {
    const { settings, msg, loadTf, status, firstResult } = ctx;
    for (const el of this.querySelectorAll('[data-chart], [data-table]')) el.replaceChildren();
    const { tf } = await loadTf();
    this.tf = tf;
    this.renderWorked(settings.alpha);
    firstResult();
    const data = makeTwoClusters({ nPerClass: settings.nPerClass, seed: settings.seed, sd: settings.spread });
    const [xMin, xMax] = extent(
      data.points.map((p) => p[0]),
      0.08,
    );
    const [yMin, yMax] = extent(
      data.points.map((p) => p[1]),
      0.08,
    );
    this.run = { data, box: { xMin, xMax, yMin, yMax }, losses: [], accuracies: [], lastDraw: 0 };
    status(msg('examples.logistic-neuron.training'));
    return createLogisticSession(tf, { data, lr: settings.lr, epochs: settings.epochs, seed: settings.seed });
  }

  /** The scatter plot with the decision boundary for (θ, b), and the loss and accuracy curves so far. */
  private draw(state: { theta: number[]; b: number }, { msg }: RunContext<typeof logisticExampleSchema>) {
    const { data, box, losses, accuracies } = this.run!;
    const chart = (name: string) => this.querySelector<HTMLElement>(`[data-chart="${name}"]`)!;
    const classPoints = (label: number) => data.points.filter((_, i) => data.labels[i] === label).map(([px, py]) => ({ x: px, y: py }));
    const boundary = decisionBoundary(state.theta, state.b, box);
    drawChart(
      chart('scatter'),
      [
        { kind: 'dots', className: 'kb-logit-class0', label: msg('examples.logistic-neuron.class0'), points: classPoints(0) },
        { kind: 'dots', className: 'kb-logit-class1', label: msg('examples.logistic-neuron.class1'), points: classPoints(1) },
        ...(boundary
          ? [
              {
                kind: 'line' as const,
                className: 'series-model',
                label: msg('examples.logistic-neuron.boundary'),
                points: boundary.map(([bx, by]) => ({ x: bx, y: by })),
              },
            ]
          : []),
      ],
      { xLabel: 'x₁', yLabel: 'x₂', title: msg('examples.logistic-neuron.scatterTitle'), xDomain: [box.xMin, box.xMax], yDomain: [box.yMin, box.yMax] },
    );
    drawChart(chart('loss'), [{ kind: 'line', className: 'series-model', label: msg('examples.logistic-neuron.lossSeries'), points: losses }], {
      xLabel: msg('examples.logistic-neuron.epochAxis'),
      yLabel: msg('examples.logistic-neuron.lossAxis'),
      title: msg('examples.logistic-neuron.lossTitle'),
    });
    drawChart(chart('accuracy'), [{ kind: 'line', className: 'series-model', label: msg('examples.logistic-neuron.accuracy'), points: accuracies }], {
      xLabel: msg('examples.logistic-neuron.epochAxis'),
      yLabel: msg('examples.logistic-neuron.accuracy'),
      title: msg('examples.logistic-neuron.accuracyTitle'),
      yDomain: [0, 1.02],
    });
  }

  /** Where the run stands: charts, the TF.js fit beside plain JS over the same epochs, and the status. */
  private finish(session: LogisticSession, ctx: RunContext<typeof logisticExampleSchema>) {
    const { settings, msg, status } = ctx;
    const { data } = this.run!;
    const result = session.result();
    this.draw(result, ctx);
    const reference = trainLogisticPlain({ data, lr: settings.lr, epochs: result.epochsRun, seed: settings.seed });
    this.renderResults(settings, result, reference, data.points.length);
    status(
      result.stopped ? msg('examples.common.stopped') : msg('examples.logistic-neuron.done', { accuracy: num(result.accuracy, 3), loss: num(result.loss) }),
    );
  }

  private renderResults(settings: Settings, result: Fit & { epochsRun: number }, reference: Fit, points: number) {
    const { msg } = exampleFrame(this);
    const row = (name: string, r: Fit, cls: string) =>
      h(
        'tr',
        { class: cls },
        h('th', { scope: 'row' }, name),
        h('td', { 'data-value': 'theta1', 'data-exact': r.theta[0] }, num(r.theta[0]!)),
        h('td', { 'data-value': 'theta2', 'data-exact': r.theta[1] }, num(r.theta[1]!)),
        h('td', { 'data-value': 'b', 'data-exact': r.b }, num(r.b)),
        h('td', { 'data-value': 'loss', 'data-exact': r.loss }, num(r.loss)),
        h('td', { 'data-value': 'accuracy', 'data-exact': r.accuracy }, num(r.accuracy, 3)),
      );
    const head = [msg('examples.logistic-neuron.model'), 'θ₁', 'θ₂', 'b', msg('examples.logistic-neuron.lossAxis'), msg('examples.logistic-neuron.accuracy')];
    patch(this.querySelector('[data-table]')!, [
      h(
        'table',
        {},
        h(
          'caption',
          {},
          plural(msg, result.epochsRun, 'examples.logistic-neuron.tableCaption.one', 'examples.logistic-neuron.tableCaption.other', {
            points,
            lr: settings.lr,
          }),
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          row(msg('examples.logistic-neuron.tfRow'), result, 'row-model'),
          row(msg('examples.logistic-neuron.plainRow'), reference, 'row-reference'),
        ),
      ),
    ]);
  }
}

interface Fit {
  theta: number[];
  b: number;
  loss: number;
  accuracy: number;
}

customElements.define('kb-logistic-neuron', LogisticNeuron);
