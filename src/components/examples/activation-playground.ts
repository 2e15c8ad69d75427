/**
 * The activation example of article 004 §4.2 (`<kb-activation-playground>`): the chosen function and
 * its derivative with a point at x, the value and derivative of all three functions at x, and the
 * inputs of the article's examples, redrawn on every move of the x slider. "Check with
 * TensorFlow.js" adds tf.sigmoid / tf.relu / tf.relu6 and their tf.grad.
 */
import { relu, relu6, relu6Derivative, reluDerivative, sigmoid, sigmoidDerivative } from '../../lib/examples/activations.ts';
import { ARTICLE_004_ACTIVATION_INPUTS } from '../../lib/examples/article-data.ts';
import { h, patch } from '../../lib/examples/element.ts';
import { activationsSchema, type SettingsOf } from '../../lib/examples/url-state.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import { formatParts } from '../../lib/i18n.ts';
import { drawChart } from './chart-view.ts';
import { exampleFrame, instantExample } from './instant.ts';
import { code, table, valueCell } from './result-table.ts';
import { ExampleIsland } from './island.ts';

type Settings = SettingsOf<typeof activationsSchema>;
const FUNCTIONS = {
  sigmoid: { label: 'sigmoid', f: sigmoid, d: sigmoidDerivative },
  relu: { label: 'ReLU', f: relu, d: reluDerivative },
  relu6: { label: 'ReLU6', f: relu6, d: relu6Derivative },
} as const;
type FnName = keyof typeof FUNCTIONS;
const NAMES = Object.keys(FUNCTIONS) as FnName[];
const ARTICLE_INPUTS = NAMES.flatMap((name) => ARTICLE_004_ACTIVATION_INPUTS[name].map((input) => ({ name, input })));

/** Value and tf.grad of each function at each input, from TensorFlow.js (keyed `name:input`). */
function tfValues(tf: Tf, inputs: readonly number[]): Map<string, { value: number; grad: number }> {
  const out = new Map<string, { value: number; grad: number }>();
  const ops = { sigmoid: tf.sigmoid, relu: tf.relu, relu6: tf.relu6 } as const;
  tf.tidy(() => {
    for (const name of NAMES) {
      const op = ops[name] as (t: import('@tensorflow/tfjs-core').Tensor) => import('@tensorflow/tfjs-core').Tensor;
      for (const input of inputs) {
        const point = tf.scalar(input);
        out.set(`${name}:${input}`, {
          value: op(point).dataSync()[0]!,
          grad: tf
            .grad((v) => op(v))(point)
            .dataSync()[0]!,
        });
      }
    }
  });
  return out;
}

/** Points of the curves on [lo, hi], with the kinks at 0 and 6 included exactly so the lines bend where the functions do. */
function grid(x: number): number[] {
  const lo = Math.min(-8, Math.floor(x) - 1);
  const hi = Math.max(8, Math.ceil(x) + 1);
  const xs = Array.from({ length: 201 }, (_, i) => lo + ((hi - lo) * i) / 200);
  for (const k of [0, 6]) if (k > lo && k < hi) xs.push(k);
  return xs.sort((a, b) => a - b);
}

class ActivationPlayground extends ExampleIsland {
  private tf?: Tf;

  protected start(): void {
    const { msg } = exampleFrame(this);
    instantExample(this, activationsSchema, {
      sliders: { x: { min: -10, max: 10, step: 0.1 } },
      render: (settings) => this.render(settings),
      run: async ({ settings, loadTf, status, firstResult }) => {
        this.tf = (await loadTf()).tf;
        this.render(settings);
        firstResult();
        status(msg('examples.activation-functions.done'));
      },
    });
  }

  private render({ fn, x }: Settings) {
    const { msg } = exampleFrame(this);
    const chosen = FUNCTIONS[fn];
    const xs = grid(x);
    drawChart(
      this.querySelector<HTMLElement>('[data-chart="activation"]')!,
      [
        { kind: 'line', className: 'series-model', label: `${chosen.label}(x)`, points: xs.map((v) => ({ x: v, y: chosen.f(v) })) },
        {
          kind: 'line',
          className: 'series-reference',
          label: msg('examples.activation-functions.derivative', { fn: chosen.label }),
          points: xs.map((v) => ({ x: v, y: chosen.d(v) })),
        },
        {
          kind: 'dots',
          className: 'series-data',
          label: msg('examples.activation-functions.atPoint', { x }),
          points: [
            { x, y: chosen.f(x) },
            { x, y: chosen.d(x) },
          ],
        },
      ],
      { xLabel: 'x', yLabel: msg('examples.activation-functions.output'), title: msg('examples.activation-functions.title', { fn: chosen.label, x }) },
    );
    const fromTf = this.tf ? tfValues(this.tf, [x, ...ARTICLE_INPUTS.map((a) => a.input)]) : undefined;
    patch(this.querySelector('[data-table="at-x"]')!, [
      table(
        msg('examples.activation-functions.atCaption', { x }),
        [
          msg('examples.activation-functions.function'),
          msg('examples.activation-functions.valueJs'),
          msg('examples.activation-functions.valueTf'),
          msg('examples.activation-functions.derivativeJs'),
          formatParts(msg('examples.activation-functions.derivativeTf'), { code: code('tf.grad') }),
        ],
        NAMES.map((name) => {
          const { f, d } = FUNCTIONS[name];
          const tfAt = fromTf?.get(`${name}:${x}`);
          return h(
            'tr',
            { 'data-fn': name },
            h('th', { scope: 'row' }, code(`tf.${name}`)),
            valueCell('js', f(x)),
            valueCell('tf', tfAt?.value),
            valueCell('d-js', d(x)),
            valueCell('d-tf', tfAt?.grad),
          );
        }),
      ),
    ]);
    patch(this.querySelector('[data-table="article"]')!, [
      table(
        msg('examples.activation-functions.articleCaption'),
        [msg('examples.activation-functions.computation'), 'JavaScript', 'TensorFlow.js'],
        ARTICLE_INPUTS.map(({ name, input }) =>
          h(
            'tr',
            { 'data-article': `${name}:${input}` },
            h('th', { scope: 'row' }, `${FUNCTIONS[name].label}(${String(input).replace('-', '−')})`),
            valueCell('js', FUNCTIONS[name].f(input)),
            valueCell('tf', fromTf?.get(`${name}:${input}`)?.value),
          ),
        ),
      ),
    ]);
  }
}

customElements.define('kb-activation-playground', ActivationPlayground);
