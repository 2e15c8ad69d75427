/**
 * The worked update θ ← θ − α·∇J of article 004 §4.3 (`<kb-update-playground>`), recomputed as the
 * α slider moves; "Check with TensorFlow.js" applies one tf.train.sgd(α) step to the same variable.
 */
import { ARTICLE_004_UPDATE } from '../../lib/examples/article-data.ts';
import { h, patch } from '../../lib/examples/element.ts';
import { parameterUpdate } from '../../lib/examples/gradient-descent.ts';
import { parameterUpdateSchema } from '../../lib/examples/url-state.ts';
import type { Tf } from '../../lib/examples/tf-runtime.ts';
import { formatParts } from '../../lib/i18n.ts';
import { exampleFrame, instantExample } from './instant.ts';
import { code, table, valueCell } from './result-table.ts';
import { ExampleIsland } from './island.ts';

const theta = [...ARTICLE_004_UPDATE.theta];
const grad = [...ARTICLE_004_UPDATE.grad];

/** θ after one tf.train.sgd(lr) step with the given gradient. */
function sgdStep(tf: Tf, lr: number): number[] {
  const variable = tf.variable(tf.tensor1d(theta));
  const optimizer = tf.train.sgd(lr);
  try {
    tf.tidy(() => optimizer.applyGradients({ [variable.name]: tf.tensor1d(grad) }));
    return Array.from(variable.dataSync());
  } finally {
    variable.dispose();
    optimizer.dispose();
  }
}

class UpdatePlayground extends ExampleIsland {
  private tf?: Tf;

  protected start(): void {
    const { msg } = exampleFrame(this);
    instantExample(this, parameterUpdateSchema, {
      sliders: { lr: { min: 0, max: 1, step: 0.01 } },
      render: ({ lr }) => this.render(lr),
      run: async ({ settings, loadTf, status, firstResult }) => {
        this.tf = (await loadTf()).tf;
        this.render(settings.lr);
        firstResult();
        status(msg('examples.common.done'));
      },
    });
  }

  private render(lr: number) {
    const { msg } = exampleFrame(this);
    const next = parameterUpdate(theta, grad, lr);
    const fromTf = this.tf ? sgdStep(this.tf, lr) : undefined;
    patch(this.querySelector('[data-table="update"]')!, [
      table(
        msg('examples.parameter-update.caption', { lr }),
        ['i', 'θᵢ', '∇ᵢJ', 'α·∇ᵢJ', msg('examples.parameter-update.js'), formatParts(msg('examples.parameter-update.tf'), { code: code('tf.train.sgd') })],
        theta.map((th, i) =>
          h(
            'tr',
            { 'data-i': i + 1 },
            h('th', { scope: 'row' }, i + 1),
            h('td', {}, th),
            h('td', {}, grad[i]),
            valueCell('step', lr * grad[i]!),
            valueCell('js', next[i]),
            valueCell('tf', fromTf?.[i]),
          ),
        ),
      ),
    ]);
  }
}

customElements.define('kb-update-playground', UpdatePlayground);
