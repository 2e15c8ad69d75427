/**
 * The loss example of article 004 §4.1 (`<kb-loss-playground>`): mean squared error on the article's
 * samples and, for the five probabilities on sliders, the article's cross-entropy formula next to
 * binary cross-entropy, recomputed on every move. "Check with TensorFlow.js" adds the same values
 * from tf ops; an infinite exact loss gets a note on the finite value TensorFlow.js reports.
 */
import { articleCrossEntropy, binaryCrossEntropy, mse, TF_LOG_LOSS_EPSILON } from '../../lib/examples/activations.ts';
import { ARTICLE_004_BCE_LABELS, ARTICLE_004_MSE } from '../../lib/examples/article-data.ts';
import { h, patch, type Child } from '../../lib/examples/element.ts';
import { lossesSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import { formatParts } from '../../lib/i18n.ts';
import { exampleFrame, instantExample, type SliderSpec } from './instant.ts';
import { code, plain, shown, table, valueCell } from './result-table.ts';
import { ExampleIsland } from './island.ts';

type Settings = SettingsOf<typeof lossesSchema>;
const PROBABILITY: SliderSpec = { min: 0, max: 1, step: 0.01 };
const labels = [...ARTICLE_004_BCE_LABELS];
const { yTrue, yPred } = ARTICLE_004_MSE;
const probabilities = (s: Settings) => [s.p1, s.p2, s.p3, s.p4, s.p5];

/** The TensorFlow.js values: tf.losses.meanSquaredError, tf.losses.logLoss and the article's formula as tensor ops. */
function tfLosses(tf: Tf, probs: number[]) {
  return tf.tidy(() => {
    const y = tf.tensor1d(labels);
    const p = tf.tensor1d(probs);
    return {
      mse: tf.losses.meanSquaredError(tf.tensor1d([...yTrue]), tf.tensor1d([...yPred])).dataSync()[0],
      logLoss: tf.losses.logLoss(y, p).dataSync()[0],
      article: tf.neg(tf.sum(tf.mul(y, tf.log(p)))).dataSync()[0],
    };
  });
}

class LossPlayground extends ExampleIsland {
  private tf?: Tf;

  protected start(): void {
    const { msg } = exampleFrame(this);
    instantExample(this, lossesSchema, {
      sliders: { p1: PROBABILITY, p2: PROBABILITY, p3: PROBABILITY, p4: PROBABILITY, p5: PROBABILITY },
      render: (settings) => this.render(settings),
      run: async ({ settings, loadTf, status, firstResult }) => {
        this.tf = (await loadTf()).tf;
        this.render(settings);
        firstResult();
        status(msg('examples.loss-functions.done'));
      },
    });
  }

  private render(settings: Settings) {
    const { msg } = exampleFrame(this);
    const probs = probabilities(settings);
    const squared = yTrue.map((y, i) => (y - yPred[i]!) ** 2);
    const bce = binaryCrossEntropy(labels, probs);
    const fromTf = this.tf ? tfLosses(this.tf, probs) : undefined;
    const summary = (caption: string, rows: { key: string; label: Child; js: number; tf?: number | null }[]) =>
      table(
        caption,
        [msg('examples.loss-functions.quantity'), 'JavaScript', 'TensorFlow.js'],
        rows.map((r) =>
          h('tr', { 'data-row': r.key }, h('th', { scope: 'row' }, r.label), valueCell('js', r.js), r.tf === null ? h('td', {}, '—') : valueCell('tf', r.tf)),
        ),
      );
    patch(this.querySelector('[data-table="mse"]')!, [
      table(
        msg('examples.loss-functions.mseCaption'),
        ['i', 'y', 'ŷ', '(y − ŷ)²'],
        yTrue.map((y, i) => h('tr', {}, h('th', { scope: 'row' }, i + 1), h('td', {}, y), h('td', {}, yPred[i]), valueCell('sq', squared[i]))),
      ),
      summary(msg('examples.loss-functions.mseSummary'), [
        { key: 'mse-sum', label: msg('examples.loss-functions.sse'), js: squared.reduce((s, v) => s + v, 0), tf: null },
        {
          key: 'mse',
          label: formatParts(msg('examples.loss-functions.mse'), { n: yTrue.length, code: code('tf.losses.meanSquaredError') }),
          js: mse(yTrue, yPred),
          tf: fromTf?.mse,
        },
      ]),
    ]);
    patch(this.querySelector('[data-table="bce"]')!, [
      table(
        msg('examples.loss-functions.bceCaption'),
        ['i', 'y', 'ŷ', msg('examples.loss-functions.articleTerm'), msg('examples.loss-functions.bceTerm')],
        labels.map((y, i) =>
          h(
            'tr',
            { 'data-i': i + 1 },
            h('th', { scope: 'row' }, i + 1),
            h('td', {}, y),
            h('td', {}, plain(probs[i]!)),
            valueCell('article', y === 0 ? 0 : -y * Math.log(probs[i]!)),
            valueCell('bce', bce.perSample[i]),
          ),
        ),
      ),
      summary(msg('examples.loss-functions.ceSummary'), [
        { key: 'ce-article', label: msg('examples.loss-functions.ceArticle'), js: articleCrossEntropy(labels, probs), tf: fromTf?.article },
        { key: 'bce-sum', label: msg('examples.loss-functions.bceSum'), js: bce.sum, tf: null },
        {
          key: 'bce-mean',
          label: formatParts(msg('examples.loss-functions.bceMean'), { code: code('tf.losses.logLoss') }),
          js: bce.mean,
          tf: fromTf?.logLoss,
        },
      ]),
      this.epsilonNote(probs, bce.perSample),
    ]);
  }

  /** Why an infinite exact loss is finite in TensorFlow.js: its ε, with the values it leads to. */
  private epsilonNote(probs: number[], exact: number[]) {
    const { msg } = exampleFrame(this);
    const infinite = exact.flatMap((v, i) => (v === Infinity ? [i] : []));
    if (!infinite.length) return h('p', { hidden: true, 'data-epsilon-note': '' });
    const clipped = binaryCrossEntropy(labels, probs, { epsilon: TF_LOG_LOSS_EPSILON });
    return h(
      'p',
      { class: 'kb-act__note', 'data-epsilon-note': '' },
      formatParts(msg('examples.loss-functions.epsilonNote'), {
        samples: infinite.map((i) => i + 1).join(msg('examples.common.listSeparator')),
        code: code('tf.losses.logLoss'),
        epsilon: String(TF_LOG_LOSS_EPSILON),
        term: h('span', { 'data-value': 'clipped-term' }, shown(clipped.perSample[infinite[0]!])),
        mean: h('span', { 'data-value': 'clipped-mean' }, shown(clipped.mean)),
      }),
    );
  }
}

customElements.define('kb-loss-playground', LossPlayground);
