/**
 * Transfer learning in miniature, article 001 §5 (`<kb-transfer-learning>`): the data are drawn
 * from the seed at once; Run (or Step, one epoch at a time) pre-trains the backbone, trains the new
 * head on the frozen backbone and the same network from scratch (transfer-session.ts), then shows
 * the table, the frozen-weights check and the verdict, and optionally the labelled-examples curve.
 * The numerics are in src/lib/examples/transfer*.ts; they receive `tf`, so importing them loads no
 * TensorFlow.js.
 */
import { h, patch, type Node_ } from '../../lib/examples/element.ts';
import { grayImage } from '../../lib/examples/region-chart.ts';
import { imageRows, meanInk, NEW_TASK_SHAPES, PRETRAIN_CLASSES, type ImageSet } from '../../lib/examples/shapes.ts';
import * as tl from '../../lib/examples/transfer.ts';
import { createTransferSession, type PhaseReport, type TransferSession, type TransferSnap } from '../../lib/examples/transfer-session.ts';
import { transferSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import { formatParts } from '../../lib/i18n.ts';
import { drawChart } from './chart-view.ts';
import type { Msg } from './messages.ts';
import { PAINT_EVERY_MS, sessionPlayer, wire, type RunContext } from './runtime.ts';
import { everyMs } from '../../lib/examples/session.ts';
import { ExampleIsland } from './island.ts';

type Schema = typeof transferSchema;
type Ctx = RunContext<Schema>;
type Settings = SettingsOf<Schema>;
type Data = ReturnType<typeof tl.miniatureData>;
type Points = { x: number; y: number }[];

const ID = 'transfer-learning';
const { size: SIZE, batchSize: BATCH } = tl.MINIATURE;

/** The message key of each shape's name. */
const SHAPE_KEYS: Record<string, string> = {
  circle: 'examples.transfer-learning.shape.circle',
  ring: 'examples.transfer-learning.shape.ring',
  square: 'examples.transfer-learning.shape.square',
  'square-outline': 'examples.transfer-learning.shape.square-outline',
  triangle: 'examples.transfer-learning.shape.triangle',
  'triangle-outline': 'examples.transfer-learning.shape.triangle-outline',
  'h-stripes': 'examples.transfer-learning.shape.h-stripes',
  'v-stripes': 'examples.transfer-learning.shape.v-stripes',
  'd-stripes': 'examples.transfer-learning.shape.d-stripes',
  plus: 'examples.transfer-learning.shape.plus',
  diamond: 'examples.transfer-learning.shape.diamond',
  ellipse: 'examples.transfer-learning.shape.ellipse',
  hexagon: 'examples.transfer-learning.shape.hexagon',
};
/** The message key of each verdict (accuracyVerdict in transfer.ts). */
const VERDICT_KEYS: Record<tl.AccuracyVerdict['kind'], string> = {
  chance: 'examples.transfer-learning.verdict.chance',
  'transfer-better': 'examples.transfer-learning.verdict.transfer-better',
  'scratch-better': 'examples.transfer-learning.verdict.scratch-better',
  same: 'examples.transfer-learning.verdict.same',
};

const pct = (v: number) => (100 * v).toFixed(1);
const sec = (ms: number) => (ms / 1000).toFixed(2);

class TransferLearning extends ExampleIsland {
  /** The run's data and the new-task curves drawn so far (set when a session is created). */
  private run?: { data: Data; curves: Record<'transfer' | 'scratch', { acc: Points; loss: Points }> };

  protected start(): void {
    const section = this.closest<HTMLElement>('[data-example]')!;
    wire(section, ID, transferSchema, this.player);
  }

  private find = (selector: string) => this.querySelector<HTMLElement>(selector)!;

  /** Run and Step: one epoch of the current phase per step (transfer-session.ts says why). */
  private player = sessionPlayer<Schema, TransferSnap, TransferSession>({
    create: (ctx) => this.createSession(ctx),
    show: (snap, session, ctx) => this.show(snap, session, ctx),
    finish: (session, ctx) => this.finish(session, ctx),
    yieldEvery: 1,
  });

  private async createSession(ctx: Ctx): Promise<TransferSession> {
    const { settings, msg } = ctx;
    this.clear();
    const data = tl.miniatureData(settings);
    this.run = { data, curves: { transfer: { acc: [], loss: [] }, scratch: { acc: [], loss: [] } } };
    this.showData(settings, data, msg);
    ctx.firstResult();
    const { tf, layers } = await ctx.loadTf();
    ctx.status(msg('examples.transfer-learning.step1'));
    return createTransferSession(tf, layers, {
      settings,
      data,
      // Pre-training epochs are long: say where they stand every 8 batches.
      onBatch: (phase, p) => {
        if (phase === 'pretrain' && p.batch % 8 === 0) this.stage('pre', this.pretrainProgress(ctx, p.epoch + 1, p.batch + 1, p.batchesPerEpoch, p.loss));
      },
      // A paint at most every 50 ms: a frame every 4 batches left the CPU idle a third of the time.
      yieldFn: everyMs(ctx.frame, PAINT_EVERY_MS),
    });
  }

  private clear() {
    for (const sel of [
      '[data-tl-stages]',
      '[data-table]',
      '[data-tl-frozen]',
      '[data-chart="accuracy"]',
      '[data-chart="loss"]',
      '[data-tl-verdict]',
      '[data-chart="curve"]',
      '[data-tl-curve-note]',
    ])
      this.find(sel).replaceChildren();
    for (const sel of ['[data-tl-verdict]', '[data-chart="curve"]', '[data-tl-curve-note]']) this.find(sel).hidden = true;
  }

  /** A shape's name in the page's language. */
  private shapeName = (msg: Msg, key: string) => (SHAPE_KEYS[key] ? msg(SHAPE_KEYS[key]) : key);

  /** The generated data: a thumbnail of each pre-training class and of the first new-task images, and the ink check. */
  private showData(settings: Settings, { pretrain, train, test }: Data, msg: Msg) {
    const name = (key: string) => this.shapeName(msg, key);
    const thumbs = (set: ImageSet, picks: number[], label: (i: number) => string) =>
      h(
        'div',
        { class: 'kb-tl__thumbs' },
        picks.map((i) => h('figure', { class: 'kb-tl__thumb' }, grayImage(imageRows(set, i), { pixel: 3 }), h('figcaption', {}, label(i)))),
      );
    const firstOfClass = PRETRAIN_CLASSES.map((_, c) => pretrain.labels.indexOf(c));
    const newPicks = [0, 1, 2, 3, 4, 5].filter((i) => i < train.count);
    const ink = (cls: 0 | 1) => h('span', { 'data-value': cls ? 'ink-filled' : 'ink-hollow' }, meanInk(train, cls).toFixed(1));
    const kind = (i: number) => msg(train.labels[i] === 1 ? 'examples.transfer-learning.filled' : 'examples.transfer-learning.hollow');
    patch(this.find('[data-tl-data]'), [
      h(
        'p',
        {},
        h('strong', {}, msg('examples.transfer-learning.pretrainData')),
        ': ',
        msg('examples.transfer-learning.pretrainDataText', { n: settings.pretrainPerClass, size: SIZE }),
      ),
      thumbs(pretrain, firstOfClass, (i) => name(PRETRAIN_CLASSES[pretrain.labels[i]!]!)),
      h(
        'p',
        {},
        h('strong', {}, msg('examples.transfer-learning.newTask')),
        ': ',
        formatParts(msg('examples.transfer-learning.newTaskText'), {
          shapes: NEW_TASK_SHAPES.map(name).join(msg('examples.transfer-learning.shapeSeparator')),
          train: train.count,
          test: test.count,
          filled: ink(1),
          hollow: ink(0),
        }),
      ),
      thumbs(train, newPicks, (i) => `${name(train.shapes[i]!)} · ${kind(i)}`),
    ]);
  }

  /** The line of the stage list for `key` (pre, transfer, scratch), created on first use. */
  private stage(key: string, text: string | readonly Node_[]) {
    const stages = this.find('[data-tl-stages]');
    let li = stages.querySelector<HTMLElement>(`[data-stage="${key}"]`);
    if (!li) {
      li = document.createElement('li');
      li.dataset.stage = key;
      stages.append(li);
    }
    patch(li, typeof text === 'string' ? [text] : text);
  }

  private pretrainProgress = ({ settings, msg }: Ctx, epoch: number, batch: number, batches: number, loss: number) =>
    msg('examples.transfer-learning.pretrainProgress', { epoch, epochs: settings.pretrainEpochs, batch, batches, loss: loss.toFixed(3) });

  /** One epoch: its stage line; for the new task, a point on both charts; at a phase's end, what it took. */
  private show(snap: TransferSnap, session: TransferSession, ctx: Ctx) {
    const { msg, settings, status } = ctx;
    if (snap.phase === 'pretrain') {
      const batches = Math.ceil(this.run!.data.pretrain.count / BATCH);
      this.stage('pre', this.pretrainProgress(ctx, snap.epoch, batches, batches, snap.loss));
    } else {
      const curve = this.run!.curves[snap.phase];
      curve.loss.push({ x: snap.epoch, y: snap.loss });
      curve.acc.push({ x: snap.epoch, y: snap.accuracy! });
      const key = snap.phase === 'transfer' ? 'examples.transfer-learning.transferProgress' : 'examples.transfer-learning.scratchProgress';
      this.stage(snap.phase === 'transfer' ? 'fine' : 'scratch', msg(key, { epoch: snap.epoch, epochs: snap.epochs, loss: snap.loss.toFixed(3) }));
      this.drawCurves(msg, settings.epochs);
    }
    if (snap.epoch < snap.epochs) return;
    this.phaseDone(snap.phase, session.reports[snap.phase]!, ctx);
    if (snap.phase === 'pretrain') status(msg('examples.transfer-learning.step2'));
    if (snap.phase === 'transfer') status(msg('examples.transfer-learning.step3'));
  }

  /** The stage line of a finished phase. */
  private phaseDone(phase: TransferSnap['phase'], r: PhaseReport, { msg, settings }: Ctx) {
    if (phase === 'pretrain')
      this.stage(
        'pre',
        formatParts(msg('examples.transfer-learning.pretrainDone'), {
          params: r.counts.trainable,
          epochs: settings.pretrainEpochs,
          seconds: sec(r.ms),
          count: this.run!.data.pretrainTest.count,
          accuracy: h('span', { 'data-value': 'pretrain-acc' }, pct(r.accuracy)),
        }),
      );
    else if (phase === 'transfer')
      this.stage('fine', msg('examples.transfer-learning.transferDone', { trainable: r.counts.trainable, frozen: r.counts.frozen, seconds: sec(r.ms) }));
    else this.stage('scratch', msg('examples.transfer-learning.scratchDone', { trainable: r.counts.trainable, seconds: sec(r.ms) }));
  }

  /** Test accuracy and training loss of both networks on the new task, per epoch. */
  private drawCurves(msg: Msg, epochs: number) {
    const { transfer, scratch } = this.run!.curves;
    const draw = (chart: string, a: Points, b: Points, [model, reference, yLabel, title]: string[], extra: { yDomain?: [number, number] }) =>
      drawChart(
        this.find(`[data-chart="${chart}"]`),
        [
          { kind: 'line', className: 'series-model', label: msg(model!), points: a },
          { kind: 'line', className: 'series-reference', label: msg(reference!), points: b },
        ],
        { xLabel: msg('examples.transfer-learning.epochAxis'), yLabel: msg(yLabel!), title: msg(title!), xDomain: [0, epochs], ...extra },
      );
    const acc = ['examples.transfer-learning.transferSeries', 'examples.transfer-learning.scratchSeries', 'examples.transfer-learning.testAccuracy'];
    draw('accuracy', transfer.acc, scratch.acc, [...acc, 'examples.transfer-learning.accuracyTitle'], { yDomain: [0, 1] });
    const loss = ['examples.transfer-learning.transfer', 'examples.transfer-learning.scratch', 'examples.transfer-learning.lossAxis'];
    draw('loss', transfer.loss, scratch.loss, [...loss, 'examples.transfer-learning.lossTitle'], {});
  }

  /** After the last epoch: the table, the frozen-weights check, the verdict and, if asked for, the curve. */
  private async finish(session: TransferSession, ctx: Ctx) {
    const { msg, status } = ctx;
    if (ctx.shouldStop()) status(msg('examples.common.stopped'));
    if (session.done < session.total) return; // paused by Stop or Step: the frame says so
    const fine = session.reports.transfer!;
    const scratch = session.reports.scratch!;
    this.showTable(fine, scratch, ctx);
    this.showWeights(fine, scratch, msg);
    this.showVerdict(fine, scratch, ctx);
    if (ctx.settings.curve && !(await this.showCurve(session, fine, scratch, ctx))) {
      status(msg('examples.common.stopped'));
      return;
    }
    status(msg('examples.common.done'));
  }

  private showTable(fine: PhaseReport, scratch: PhaseReport, { msg, settings }: Ctx) {
    const row = (cls: string, label: string, r: PhaseReport) =>
      h(
        'tr',
        { class: cls },
        h('th', { scope: 'row' }, label),
        h('td', { 'data-value': 'trainable' }, r.counts.trainable),
        h('td', { 'data-value': 'frozen' }, r.counts.frozen),
        h('td', { 'data-value': 'seconds' }, sec(r.ms)),
        h('td', { 'data-value': 'train-acc', 'data-raw': r.trainAccuracy }, `${pct(r.trainAccuracy!)}%`),
        h('td', { 'data-value': 'test-acc', 'data-raw': r.accuracy }, `${pct(r.accuracy)}%`),
      );
    const head = [
      msg('examples.transfer-learning.method'),
      msg('examples.transfer-learning.trainedParams'),
      msg('examples.transfer-learning.frozenParams'),
      msg('examples.transfer-learning.seconds'),
      msg('examples.transfer-learning.trainAccuracy'),
      msg('examples.transfer-learning.testAccuracy'),
    ];
    patch(this.find('[data-table]'), [
      h(
        'table',
        {},
        h('caption', {}, msg('examples.transfer-learning.tableCaption', { epochs: settings.epochs, lr: settings.lr, batch: BATCH })),
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
          row('row-finetune', msg('examples.transfer-learning.transferRow'), fine),
          row('row-scratch', msg('examples.transfer-learning.scratchRow'), scratch),
        ),
      ),
    ]);
  }

  /** Fingerprints of both backbones before and after training on the new task: the frozen one did not move. */
  private showWeights(fine: PhaseReport, scratch: PhaseReport, msg: Msg) {
    type Fp = NonNullable<PhaseReport['backboneBefore']>;
    const fp = (f: Fp, value: string) => h('code', { 'data-value': value }, `${f.hash} (Σ = ${f.sum.toFixed(6)})`);
    const [before, after] = [fine.backboneBefore!, fine.backboneAfter!];
    const unchanged = before.hash === after.hash && before.sum === after.sum;
    patch(this.find('[data-tl-frozen]'), [
      h(
        'p',
        {},
        formatParts(msg('examples.transfer-learning.frozenWeights'), {
          before: fp(before, 'frozen-before'),
          after: fp(after, 'frozen-after'),
          verdict: msg(unchanged ? 'examples.transfer-learning.unchanged' : 'examples.transfer-learning.changed'),
        }),
      ),
      h(
        'p',
        {},
        formatParts(msg('examples.transfer-learning.scratchWeights'), {
          before: fp(scratch.backboneBefore!, 'scratch-before'),
          after: fp(scratch.backboneAfter!, 'scratch-after'),
        }),
      ),
    ]);
  }

  /** The comparison's verdict in words: only what the test images can tell apart (transfer.ts). */
  private showVerdict(fine: PhaseReport, scratch: PhaseReport, { msg, settings }: Ctx) {
    const testCount = this.run!.data.test.count;
    const verdict = tl.accuracyVerdict(fine.accuracy, scratch.accuracy, testCount);
    const speed = tl.speedVerdict(fine.ms, scratch.ms);
    const el = this.find('[data-tl-verdict]');
    el.hidden = false;
    el.dataset.verdict = verdict.kind;
    el.dataset.faster = String(speed.faster);
    const words = msg(VERDICT_KEYS[verdict.kind], {
      transfer: pct(fine.accuracy),
      scratch: pct(scratch.accuracy),
      test: testCount,
      epochs: settings.epochs,
      lr: settings.lr,
      points: 'points' in verdict ? verdict.points.toFixed(1) : '',
      margin: verdict.margin.toFixed(1),
    });
    const time = speed.faster
      ? msg('examples.transfer-learning.speed.faster', { times: (1 / speed.ratio).toFixed(1) })
      : msg('examples.transfer-learning.speed.notFaster', { percent: Math.round((1 - tl.FASTER_RATIO) * 100) });
    el.textContent = `${words} ${time}`;
  }

  /**
   * Test accuracy against the number of labelled examples: both networks trained again (a plain
   * run, after the comparison) for the comparison's number of steps at each smaller size. False if
   * it was stopped.
   */
  private async showCurve(session: TransferSession, fine: PhaseReport, scratch: PhaseReport, ctx: Ctx): Promise<boolean> {
    const { settings, msg, status } = ctx;
    const { train, test } = this.run!.data;
    const { tf, layers } = await ctx.loadTf();
    status(msg('examples.transfer-learning.curveRunning'));
    const newSteps = settings.epochs * Math.ceil(train.count / BATCH);
    const sizes = tl.curveSizes(train.count).slice(0, -1);
    const points: Record<'transfer' | 'scratch', Points> = { transfer: [], scratch: [] };
    // Progress in from-scratch batches: a transfer batch costs about a quarter of one.
    const total = sizes.length * newSteps * 1.25;
    let done = 0;
    for (const n of sizes) {
      const epochs = tl.epochsForSteps(newSteps, n, BATCH);
      for (const kind of ['transfer', 'scratch'] as const) {
        const r = await tl.newTaskAccuracy(tf, layers, kind, {
          backbone: session.backbone,
          train: tl.subset(train, n),
          test,
          seed: settings.seed >>> 0,
          epochs,
          lr: settings.lr,
          shouldStop: ctx.shouldStop,
          yieldFn: everyMs(ctx.frame, PAINT_EVERY_MS),
          onBatch: () => ctx.progress((done += (kind === 'transfer' ? 0.25 : 1) * (newSteps / (epochs * Math.ceil(n / BATCH)))) / total),
        });
        if (r.stopped) return false;
        points[kind].push({ x: n, y: r.accuracy });
      }
      this.drawCurve(points, train.count, msg);
    }
    points.transfer.push({ x: train.count, y: fine.accuracy });
    points.scratch.push({ x: train.count, y: scratch.accuracy });
    this.drawCurve(points, train.count, msg);
    const note = this.find('[data-tl-curve-note]');
    note.hidden = false;
    note.textContent = msg('examples.transfer-learning.curveNote', { steps: newSteps, test: test.count, lr: settings.lr });
    return true;
  }

  /** Test accuracy against the number of labelled training images, both networks, chance marked. */
  private drawCurve(points: Record<'transfer' | 'scratch', Points>, max: number, msg: Msg) {
    const fig = this.find('[data-chart="curve"]');
    fig.hidden = false;
    const chance = [
      { x: 0, y: 0.5 },
      { x: max, y: 0.5 },
    ];
    drawChart(
      fig,
      [
        { kind: 'line', className: 'series-chance', label: msg('examples.transfer-learning.chanceSeries'), points: chance, table: false },
        { kind: 'line', className: 'series-model', label: msg('examples.transfer-learning.transferSeries'), points: points.transfer },
        { kind: 'dots', className: 'series-model', label: msg('examples.transfer-learning.transferSeries'), points: points.transfer },
        { kind: 'line', className: 'series-reference', label: msg('examples.transfer-learning.scratchSeries'), points: points.scratch },
        { kind: 'dots', className: 'series-reference', label: msg('examples.transfer-learning.scratchSeries'), points: points.scratch },
      ],
      {
        xLabel: msg('examples.transfer-learning.examplesAxis'),
        yLabel: msg('examples.transfer-learning.testAccuracy'),
        title: msg('examples.transfer-learning.curveTitle'),
        xDomain: [0, max],
        yDomain: [0.4, 1],
      },
    );
  }
}

customElements.define('kb-transfer-learning', TransferLearning);
