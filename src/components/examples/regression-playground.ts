/**
 * Linear regression of article 000 §4–5 (`<kb-linear-regression>`). The reader drags the data points
 * (or focuses one and moves it with the arrow keys) and the closed-form fit, the ridge fit and the
 * residuals follow at once, in plain TypeScript; Run trains gradient descent with TensorFlow.js on
 * the points as they are, stopping early if it diverges.
 */
import { ARTICLE_000_POINTS } from '../../lib/examples/article-data.ts';
import { h, patch } from '../../lib/examples/element.ts';
import { makeLinearData } from '../../lib/examples/gradient-descent.ts';
import { createLinearSession, linearMse, type LinearEpoch, type LinearSession } from '../../lib/examples/linear-regression.ts';
import {
  closedForms,
  dragDomains,
  keyStep,
  movePoint,
  regressionFigure,
  regressionFrame,
  toData,
  type Domains,
  type XY,
} from '../../lib/examples/regression-chart.ts';
import { DivergenceWatch, converged, parameterGap, type Divergence } from '../../lib/examples/run-health.ts';
import { linearRegressionSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { fmt } from '../../lib/plot.ts';
import { drawChart, drawFigure } from './chart-view.ts';
import { exampleFrame, instantExample } from './instant.ts';
import { plural } from './messages.ts';
import { num, sessionPlayer, type RunContext } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Settings = SettingsOf<typeof linearRegressionSchema>;
/** A gradient-descent result and the problem (data, λ) it was trained on. */
interface Trained {
  fit: { b0: number; b1: number; mse: number };
  name: string;
  problem: string;
}

const initialData = (s: Settings): XY =>
  s.data === 'article'
    ? { x: [...ARTICLE_000_POINTS.x], y: [...ARTICLE_000_POINTS.y] }
    : makeLinearData({ n: 20, seed: s.seed, xMin: 0, xMax: 10, intercept: 2, slope: 0.85, noiseSd: 0.8 });

class LinearRegressionPlayground extends ExampleIsland {
  private settings!: Settings;
  private data: XY = { x: [], y: [] };
  private domains!: Domains;
  private dataSource = '';
  private trained?: Trained;
  private dragging?: number;
  /** The gradient-descent session's data (as when it began), loss curve and health. */
  private run?: {
    data: XY;
    problem: string;
    losses: { x: number; y: number }[];
    watch: DivergenceWatch;
    diverged?: Divergence & { epoch: number; loss: number };
  };

  protected start(): void {
    instantExample(this, linearRegressionSchema, {
      sliders: { lambda: { min: 0, max: 2, step: 0.01 } },
      render: (settings) => this.update(settings),
      run: this.player,
    });
    const figure = this.fitFigure();
    figure.addEventListener('pointerdown', (e) => this.grab(e));
    figure.addEventListener('pointermove', (e) => this.drag(e));
    for (const type of ['pointerup', 'pointercancel'] as const) figure.addEventListener(type, () => (this.dragging = undefined));
    figure.addEventListener('keydown', (e) => this.nudge(e));
    this.querySelector('[data-reset]')!.addEventListener('click', () => {
      this.dataSource = '';
      this.update(this.settings);
    });
  }

  private fitFigure = () => this.querySelector<HTMLElement>('[data-chart="fit"]')!;
  private running = () => exampleFrame(this).section.dataset.state === 'running';
  /** What a gradient-descent result depends on: it is shown only while this is unchanged. */
  private problem = () => JSON.stringify([this.data, this.settings.lambda, this.settings.penalizeIntercept]);

  private update(settings: Settings) {
    this.settings = settings;
    const source = `${settings.data}:${settings.seed}`;
    if (source !== this.dataSource) {
      this.dataSource = source;
      this.data = initialData(settings);
      this.domains = dragDomains(this.data);
      this.player.discard();
    }
    this.render();
  }

  /** The fit chart and the table for the current points and settings. */
  private render() {
    const { msg } = exampleFrame(this);
    const { lambda, penalizeIntercept } = this.settings;
    const forms = closedForms(this.data, lambda, penalizeIntercept);
    const lsName = msg('examples.linear-regression.leastSquares');
    const ridgeName = msg('examples.linear-regression.ridge', { lambda });
    const target = forms.ridge ? { ...forms.ridge, label: ridgeName } : forms.leastSquares && { ...forms.leastSquares, label: lsName };
    const gd = this.trained?.problem === this.problem() ? this.trained : undefined;
    const view = {
      data: this.data,
      domains: this.domains,
      target,
      leastSquares: forms.ridge && forms.leastSquares && { ...forms.leastSquares, label: lsName },
      gradientDescent: gd && { ...gd.fit, label: msg('examples.linear-regression.gd') },
      text: {
        title: msg('examples.linear-regression.fitTitle'),
        xLabel: 'X',
        yLabel: 'Y',
        data: msg('examples.linear-regression.data'),
        residuals: msg('examples.linear-regression.residuals'),
        point: (i: number, x: number, y: number) => msg('examples.linear-regression.point', { i, x: fmt(x), y: fmt(y) }),
        table: { summary: msg('examples.common.chart.table'), series: msg('examples.common.chart.series') },
      },
    };
    drawFigure(this.fitFigure(), (width) => regressionFigure(view, width));
    const row = (name: string, r: { b0: number; b1: number; mse: number } | undefined, cls: string) =>
      h(
        'tr',
        { class: cls },
        h('th', { scope: 'row' }, name),
        ['b0', 'b1', 'mse', 'rmse'].map((key) => {
          const v = r && (key === 'rmse' ? Math.sqrt(r.mse) : r[key as 'b0' | 'b1' | 'mse']);
          return h('td', { 'data-value': key, 'data-exact': v }, v === undefined ? '—' : num(v));
        }),
      );
    patch(this.querySelector('[data-table]')!, [
      h(
        'table',
        {},
        h('caption', {}, msg('examples.linear-regression.tableCaption', { n: this.data.x.length })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [msg('examples.linear-regression.method'), 'β₀', 'β₁', 'MSE', 'RMSE'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          gd && row(gd.name, gd.fit, 'row-model'),
          row(forms.ridge ? ridgeName : lsName, forms.ridge ?? forms.leastSquares, 'row-reference'),
          forms.ridge && row(lsName, forms.leastSquares, 'row-least-squares'),
        ),
      ),
    ]);
  }

  /** Moves point i to a position (data units) and recomputes everything that depends on it. */
  private moveTo(i: number, to: { x: number; y: number }) {
    this.data = movePoint(this.data, i, to, this.domains);
    this.player.discard(); // a paused run belongs to the points it began with
    this.render();
  }

  private grab(e: PointerEvent) {
    const point = (e.target as Element).closest<SVGElement>('[data-point]');
    if (!point || this.running()) return;
    e.preventDefault();
    this.dragging = Number(point.dataset.point);
    point.setPointerCapture(e.pointerId);
    point.focus();
  }

  private drag(e: PointerEvent) {
    if (this.dragging === undefined) return;
    const svg = this.fitFigure().querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const width = svg.viewBox.baseVal.width;
    const scale = width / box.width;
    this.moveTo(this.dragging, toData(regressionFrame(width, this.domains), (e.clientX - box.left) * scale, (e.clientY - box.top) * scale));
  }

  private nudge(e: KeyboardEvent) {
    const point = (e.target as Element).closest<SVGElement>('[data-point]');
    const step = keyStep(e.key, e.shiftKey);
    if (!point || !step || this.running()) return;
    e.preventDefault();
    const i = Number(point.dataset.point);
    this.moveTo(i, { x: this.data.x[i]! + step.x, y: this.data.y[i]! + step.y });
  }

  /** Run and Step: gradient descent with TensorFlow.js on the points as they were when the session began. */
  private player = sessionPlayer<typeof linearRegressionSchema, LinearEpoch, LinearSession>({
    create: (ctx) => this.createSession(ctx),
    show: (e, session, ctx) => {
      const run = this.run!;
      run.losses.push({ x: e.epoch, y: Math.log10(e.loss) });
      const d = run.watch.check(e.loss);
      if (d) run.diverged = { ...d, epoch: e.epoch, loss: e.loss };
      // Drawn every 20 epochs while running, and at every Step.
      if (d || e.epoch % 20 === 0 || session.done === session.total || ctx.shouldStop()) this.showFit(e, ctx.msg('examples.linear-regression.gd'), ctx);
    },
    shouldEnd: () => this.run?.diverged !== undefined,
    finish: (session, ctx) => this.finish(session, ctx),
    yieldEvery: 20,
  });

  private async createSession(ctx: RunContext<typeof linearRegressionSchema>): Promise<LinearSession> {
    const { settings, msg, loadTf, status } = ctx;
    const data = { x: [...this.data.x], y: [...this.data.y] };
    this.run = { data, problem: this.problem(), losses: [], watch: new DivergenceWatch() };
    const { tf } = await loadTf();
    status(msg('examples.linear-regression.training'));
    return createLinearSession(tf, {
      ...data,
      lr: settings.lr,
      epochs: settings.epochs,
      ridgeLambda: settings.lambda,
      penalizeIntercept: settings.penalizeIntercept,
    });
  }

  /** The gradient-descent line, the table and the loss curve for parameters (b0, b1) of the current run. */
  private showFit({ b0, b1 }: { b0: number; b1: number }, name: string, { msg }: RunContext<typeof linearRegressionSchema>) {
    const { data, problem, losses } = this.run!;
    this.trained = { fit: { b0, b1, mse: linearMse(b0, b1, data.x, data.y) }, name, problem };
    this.render();
    drawChart(
      this.querySelector<HTMLElement>('[data-chart="loss"]')!,
      [{ kind: 'line', className: 'series-model', label: msg('examples.linear-regression.lossSeries'), points: losses }],
      {
        xLabel: msg('examples.linear-regression.epochAxis'),
        yLabel: msg('examples.linear-regression.lossAxis'),
        title: msg('examples.linear-regression.lossTitle'),
      },
    );
  }

  /** Where the run stands: the labelled result row and a status that says whether it diverged, converged or not yet. */
  private finish(session: LinearSession, ctx: RunContext<typeof linearRegressionSchema>) {
    const { settings, msg, status } = ctx;
    const { data, diverged } = this.run!;
    const result = session.result();
    this.showFit(
      result,
      result.epochsRun < settings.epochs
        ? msg('examples.linear-regression.gdRowPartial', { n: result.epochsRun, total: settings.epochs })
        : plural(msg, result.epochsRun, 'examples.linear-regression.gdRow.one', 'examples.linear-regression.gdRow.other'),
      ctx,
    );
    if (diverged) {
      const params = { epoch: diverged.epoch + 1, lr: settings.lr, value: fmt(diverged.loss), factor: diverged.kind === 'growing' ? fmt(diverged.factor) : '' };
      status(
        diverged.kind === 'non-finite'
          ? msg('examples.linear-regression.diverged.non-finite', params)
          : msg('examples.linear-regression.diverged.growing', params),
      );
      return 'diverged' as const;
    }
    const forms = closedForms(data, settings.lambda, settings.penalizeIntercept);
    const reference = forms.ridge ?? forms.leastSquares;
    const fit = [result.b0, result.b1];
    const optimum = reference ? [reference.b0, reference.b1] : fit;
    status(
      result.stopped
        ? msg('examples.common.stopped')
        : converged(fit, optimum)
          ? msg('examples.linear-regression.converged')
          : msg('examples.linear-regression.notConverged', { gap: (parameterGap(fit, optimum) * 100).toFixed(0) }),
    );
  }
}

customElements.define('kb-linear-regression', LinearRegressionPlayground);
