/**
 * Batch vs mini-batch vs stochastic gradient descent of article 001 §4 (`<kb-gradient-descent>`),
 * in plain TypeScript (no TensorFlow.js). Two different things a reader does here:
 * - "One update" works ONE update of the chosen mode (or of §4.1.1's rule as printed) by hand: the
 *   batch, the gradient and `old − α·gradient = new` — a walk-through of the formula.
 * - Run animates all three modes side by side to their last epoch, then compares the printed rule
 *   with the corrected one.
 * Run stays a plain run, not a session on the shared player: its unit would be an animation frame
 * (each mode advances by its own number of updates, SGD n times as many as batch GD), which a reader
 * cannot follow or check by hand; the meaningful step is the worked update above, of one mode only.
 */
import { create, h, patch, type Child, type VNode } from '../../lib/examples/element.ts';
import { modeRace, mseQuadratic, printedRuleSteps, thin, updatesPerEpoch, type Point } from '../../lib/examples/gd-explorer.ts';
import { article001Comparison, gradientDescentSteps, makeLinearData, mseOf, type GdMode, type XYData } from '../../lib/examples/gradient-descent.ts';
import { decodeSettings, gradientDescentSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { formatParts } from '../../lib/i18n.ts';
import { drawChart } from './chart-view.ts';
import { correctedStepTable, drawPathChart, fmt, MODE_KEYS, printedStepTable, resultsTable } from './gd-views.ts';
import { exampleFrame } from './instant.ts';
import { plural, type Msg } from './messages.ts';
import { describeIssues, formParams, wire, type RunContext, type RunOutcome } from './runtime.ts';
import { ExampleIsland } from './island.ts';

type Schema = typeof gradientDescentSchema;
type Settings = SettingsOf<Schema>;
const MODES: GdMode[] = ['batch', 'mini-batch', 'stochastic'];

const dataOf = (s: Settings): XYData => makeLinearData({ n: s.n, seed: s.seed, noiseSd: s.noise });
const updateNumber = (n: number) => h('span', { 'data-value': 'update' }, n);

/** One worked update: its caption and arithmetic, and where (β0, β1) went. */
interface WorkedUpdate {
  view: VNode[];
  b0: number;
  b1: number;
}

/** The hand-stepped updates of one set of settings, from (0, 0). */
interface Walk {
  key: string;
  data: XYData;
  /** The next worked update from (p0, p1), or undefined after the last epoch. */
  next: (p0: number, p1: number) => WorkedUpdate | undefined;
  label: string;
  cls: string;
  path: Point[];
}

class GradientDescentExplorer extends ExampleIsland {
  private walk?: Walk;

  protected start(): void {
    const { section } = exampleFrame(this);
    wire(section, section.dataset.example!, gradientDescentSchema, (ctx) => this.run(ctx));
    this.el('[data-step]').addEventListener('click', () => this.stepOnce());
    this.el('[data-reset]').addEventListener('click', () => {
      this.walk = undefined;
      this.el('[data-gd-detail]').replaceChildren();
    });
  }

  private el = (selector: string) => this.querySelector<HTMLElement>(selector)!;

  // ---- One update per press, with its arithmetic. ---------------------------------------------

  private stepOnce() {
    const { section, form, msg } = exampleFrame(this);
    if (section.dataset.state === 'running') return;
    const detail = this.el('[data-gd-detail]');
    const { settings, issues } = decodeSettings(gradientDescentSchema, formParams(form, gradientDescentSchema));
    if (issues.length) {
      patch(detail, [h('p', {}, msg('examples.common.form.invalid', { list: describeIssues(section, issues) }))]);
      return;
    }
    const key = JSON.stringify(settings);
    if (this.walk?.key !== key) this.walk = this.newWalk(key, settings, msg);
    const walk = this.walk;
    const last = walk.path.at(-1)!;
    const worked = walk.next(last.x, last.y);
    if (!worked) {
      detail.querySelector('[data-step-end]')?.remove();
      detail.append(create(document, h('p', { 'data-step-end': true }, msg('examples.gradient-descent.stepEnd'))));
      return;
    }
    walk.path.push({ x: worked.b0, y: worked.b1 });
    patch(detail, worked.view);
    drawPathChart(this.el('[data-chart="path"]'), walk.data, [{ cls: walk.cls, label: walk.label, points: walk.path }], msg);
  }

  /** The corrected updates of the chosen mode, or (with "broken") the rule as printed in §4.1.1. */
  private newWalk(key: string, s: Settings, msg: Msg): Walk {
    const data = dataOf(s);
    const base = { key, data, path: [{ x: 0, y: 0 }] };
    if (s.broken) {
      const steps = printedRuleSteps(data, { lr: s.lr, maxSteps: s.epochs });
      const next = (p0: number, p1: number) => {
        const st = steps.next().value;
        if (!st) return undefined;
        const caption = formatParts(msg('examples.gradient-descent.printedCaption'), { update: updateNumber(st.update) });
        const view = [h('p', { 'data-step-caption': true }, caption), printedStepTable(st, p0, p1, s.lr, msg)];
        if (!Number.isFinite(st.mse)) view.push(h('p', {}, msg('examples.gradient-descent.overflow')));
        return { view, b0: st.b0, b1: st.b1 };
      };
      return { ...base, next, label: msg('examples.gradient-descent.printedRule'), cls: 'kb-gd-printed' };
    }
    const steps = gradientDescentSteps(data, { mode: s.mode, lr: s.lr, epochs: s.epochs, batchSize: s.batchSize, seed: s.seed });
    const per = updatesPerEpoch(s.mode, s.n, s.batchSize);
    const next = (p0: number, p1: number) => {
      const st = steps.next().value;
      if (!st) return undefined;
      const count = st.indices.length;
      const list = `#${st.indices.slice(0, 12).join(', #')}${count > 12 ? ' …' : ''}`;
      const batch =
        count === s.n
          ? msg('examples.gradient-descent.allPoints', { n: s.n })
          : plural(msg, count, 'examples.gradient-descent.somePoints.one', 'examples.gradient-descent.somePoints.other', { list });
      const caption: Child[] = formatParts(msg('examples.gradient-descent.stepCaption'), {
        update: updateNumber(st.update),
        epoch: st.epoch + 1,
        k: st.update - st.epoch * per,
        per,
        mode: msg(MODE_KEYS[s.mode]),
        batch,
      });
      return { view: [h('p', { 'data-step-caption': true }, caption), correctedStepTable(st, p0, p1, s.lr, msg)], b0: st.b0, b1: st.b1 };
    };
    return { ...base, next, label: msg(MODE_KEYS[s.mode]), cls: `kb-gd-${s.mode}` };
  }

  // ---- Run: the three modes animated side by side, and the printed vs corrected rule. ---------

  private async run(ctx: RunContext<Schema>): Promise<RunOutcome> {
    const { settings, msg, shouldStop, status, progress, firstResult, frame } = ctx;
    this.walk = undefined;
    this.el('[data-gd-detail]').replaceChildren();
    const data = dataOf(settings);
    const race = modeRace(data, { lr: settings.lr, epochs: settings.epochs, batchSize: settings.batchSize, seed: settings.seed }, MODES);
    status(msg('examples.gradient-descent.iterating'));
    const frames = Math.min(40, settings.epochs * 10);
    let stopped = false;
    for (let f = 1; f <= frames && !race.allDiverged(); f++) {
      if ((stopped = shouldStop())) break;
      race.advance(f / frames);
      this.drawRace(race.runs, data, settings, msg);
      firstResult();
      progress(f / frames);
      await frame();
    }
    this.showResults(race.runs, data, msg);
    this.showPrinted(data, settings, msg);
    const diverged = race.runs.filter((r) => r.divergedAt !== undefined);
    if (diverged.length) {
      const list = diverged
        .map((r) => msg('examples.gradient-descent.divergedAt', { mode: msg(MODE_KEYS[r.mode]), update: r.divergedAt! }))
        .join(msg('examples.common.listSeparator'));
      status(msg('examples.gradient-descent.diverged', { list, lr: settings.lr }));
      return 'diverged';
    }
    status(stopped ? msg('examples.common.stopped') : msg('examples.gradient-descent.done'));
  }

  /** The three paths over the contours and their loss curves, the chosen mode highlighted. */
  private drawRace(runs: ReturnType<typeof modeRace>['runs'], data: XYData, settings: Settings, msg: Msg) {
    const items = runs.map((r) => ({ cls: `kb-gd-${r.mode}${r.mode === settings.mode ? ' kb-gd-highlight' : ''}`, label: msg(MODE_KEYS[r.mode]) }));
    drawPathChart(
      this.el('[data-chart="path"]'),
      data,
      runs.map((r, i) => ({ ...items[i]!, points: r.path })),
      msg,
    );
    const minLine = Math.log10(mseQuadratic(data).mseMin);
    const reference = {
      kind: 'line' as const,
      className: 'series-reference',
      label: msg('examples.gradient-descent.minMse'),
      points: [
        { x: 0, y: minLine },
        { x: settings.epochs, y: minLine },
      ],
    };
    drawChart(
      this.el('[data-chart="loss"]'),
      [
        ...runs.map((r, i) => ({ kind: 'line' as const, className: items[i]!.cls, label: items[i]!.label, points: thin(r.loss, 1500) })),
        ...(Number.isFinite(minLine) ? [reference] : []),
      ],
      { xLabel: msg('examples.gradient-descent.epochAxis'), yLabel: 'log₁₀ MSE', title: msg('examples.gradient-descent.lossTitle') },
    );
  }

  /** Where each mode ended, next to the least-squares closed form. */
  private showResults(runs: ReturnType<typeof modeRace>['runs'], data: XYData, msg: Msg) {
    const q = mseQuadratic(data);
    const mse0 = mseOf(0, 0, data);
    patch(this.el('[data-table]'), [
      resultsTable(msg, [
        ...runs.map((r) => ({
          cls: `row-${r.mode}`,
          name: msg(MODE_KEYS[r.mode]),
          updates: r.last?.update ?? 0,
          b0: r.last?.b0 ?? 0,
          b1: r.last?.b1 ?? 0,
          mse: r.last?.mse ?? mse0,
        })),
        { cls: 'row-reference', name: msg('examples.gradient-descent.leastSquares'), updates: '—', b0: q.b0, b1: q.b1, mse: q.mseMin },
      ]),
    ]);
  }

  /** Article 001 §4.1.1: the printed rule vs the corrected one, one full-data update per epoch. */
  private showPrinted(data: XYData, settings: Settings, msg: Msg) {
    const cmp = article001Comparison(data, { lr: settings.lr, steps: settings.epochs });
    this.el('[data-printed]').hidden = false;
    const curve = (className: string, label: string, points: { step: number; mse: number }[]) => ({
      kind: 'line' as const,
      className,
      label: msg(label),
      points: points.map((p) => ({ x: p.step, y: Math.log10(p.mse) })),
    });
    drawChart(
      this.el('[data-chart="printed"]'),
      [
        curve('kb-gd-printed', 'examples.gradient-descent.printedRule', cmp.broken),
        curve('kb-gd-batch', 'examples.gradient-descent.correctedRule', cmp.corrected),
      ],
      { xLabel: msg('examples.gradient-descent.printedAxis'), yLabel: 'log₁₀ MSE', title: msg('examples.gradient-descent.printedTitle') },
    );
    const lastBroken = cmp.broken.at(-1)!;
    const lastCorrected = cmp.corrected.at(-1)!;
    patch(this.el('[data-printed-table]'), [
      resultsTable(msg, [
        { cls: 'row-printed', name: msg('examples.gradient-descent.asPrinted'), updates: lastBroken.step, ...lastBroken },
        { cls: 'row-corrected', name: msg('examples.gradient-descent.corrected'), updates: lastCorrected.step, ...lastCorrected },
      ]),
    ]);
    patch(
      this.el('[data-printed-summary]'),
      cmp.brokenDivergedAt !== null
        ? formatParts(msg('examples.gradient-descent.printedOverflows'), {
            update: h('span', { 'data-value': 'diverged-at' }, cmp.brokenDivergedAt),
            steps: settings.epochs,
            mse: fmt(lastCorrected.mse),
          })
        : [
            msg('examples.gradient-descent.printedNoOverflow', {
              steps: settings.epochs,
              from: fmt(mseOf(0, 0, data)),
              to: fmt(lastBroken.mse),
              corrected: fmt(lastCorrected.mse),
            }),
          ],
    );
  }
}

customElements.define('kb-gradient-descent', GradientDescentExplorer);
