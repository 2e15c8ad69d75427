/**
 * The one module that loads TensorFlow.js for the in-browser examples
 * (ports P000, P001a, P003a, P004c of the seed guide §4.2).
 *
 * The imports below are static and ORDERED on purpose (seed guide / stack notes, "flaky tfjs start"):
 *  1. tfjs-core itself;
 *  2. the gradient registrations (without them `tf.grad`/`optimizer.minimize` throw
 *     "gradient function not found");
 *  3. the chained-op registrations (without them `x.mul is not a function`);
 *  4. the CPU backend (registers the 'cpu' kernels);
 *  5. tfjs-layers (for the examples that use `tf.layers`; loaded through this module so that
 *     every example shares a single engine).
 *
 * Islands must load it with a dynamic `import('~/lib/examples/tf-runtime.ts')`, so that article
 * pages without an example ship no tfjs at all. The numerics modules next to this file never
 * import it: they receive `tf` as a parameter (tests pass the Node instance).
 */
import * as tfCore from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import * as tfLayers from '@tensorflow/tfjs-layers';

/** TF.js core namespace (ops, variables, optimizers, grads), as used by every example. */
export const tf = tfCore;

/** The tfjs-layers namespace (`layers.dense`, `sequential`, …) for examples that build Keras-style models. */
export const layers = tfLayers;

/** The type every numerics function in `src/lib/examples/` accepts as its `tf` parameter. */
export type Tf = typeof tfCore;

let ready: Promise<Tf> | undefined;

/**
 * Selects the deterministic 'cpu' backend and waits until it is ready.
 * Idempotent: every call returns the same promise.
 */
export function loadTf(): Promise<Tf> {
  ready ??= (async () => {
    await tfCore.setBackend('cpu');
    await tfCore.ready();
    return tfCore;
  })();
  return ready;
}
