/**
 * The one module that loads TensorFlow.js for the in-browser examples
 * (ports P000, P001a, P003a, P004c of the seed guide §4.2).
 *
 * The imports below are static and ORDERED on purpose (seed guide / stack notes, "flaky tfjs start"):
 *  1. tfjs-core itself;
 *  2. the gradient registrations (without them `tf.grad`/`optimizer.minimize` throw
 *     "gradient function not found");
 *  3. the chained-op registrations (without them `x.mul is not a function`);
 *  4. the CPU backend (registers the 'cpu' kernels) and the WebAssembly backend ('wasm': the same
 *     float32 arithmetic, 2–7× faster here on dense layers and matrix products; its one missing
 *     kernel we need, the convolution filter gradient, is registered from fast-conv-kernels.ts,
 *     and its slow convolution gradients are replaced from wasm-conv-grads.ts);
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
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tfLayers from '@tensorflow/tfjs-layers';
import { useFastConvFilterGrad } from './fast-conv-kernels.ts';
import { useFastWasmConvGrads } from './wasm-conv-grads.ts';
import { useExplicitTransposeMatMul } from './wasm-matmul.ts';

/** TF.js core namespace (ops, variables, optimizers, grads), as used by every example. */
export const tf = tfCore;

/** The tfjs-layers namespace (`layers.dense`, `sequential`, …) for examples that build Keras-style models. */
export const layers = tfLayers;

/** The type every numerics function in `src/lib/examples/` accepts as its `tf` parameter. */
export type Tf = typeof tfCore;

/** The backends the examples run on: 'wasm' where the browser can, 'cpu' (plain JavaScript) otherwise. */
export type BackendName = 'wasm' | 'cpu';

/** Where the page serves the WebAssembly binaries (URLs the bundler gives them; Node finds its own). */
export type WasmPaths = Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm', string>;

export interface LoadOptions {
  /** The backend to try first; 'cpu' is the fallback (default 'cpu': deterministic and always there). */
  backend?: BackendName;
  wasmPaths?: WasmPaths;
}

let ready: Promise<Tf> | undefined;

/**
 * Selects the requested backend (falling back to 'cpu' when it cannot start) and waits until it is
 * ready. Idempotent: every call returns the first call's promise.
 */
export function loadTf({ backend = 'cpu', wasmPaths }: LoadOptions = {}): Promise<Tf> {
  ready ??= (async () => {
    if (wasmPaths) {
      // The threaded build needs a cross-origin-isolated page, which a plain static server does not
      // give: never pick it, so one binary fewer ships (TF.js still wants an entry for it).
      tfCore.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths({ ...wasmPaths, 'tfjs-backend-wasm-threaded-simd.wasm': wasmPaths['tfjs-backend-wasm-simd.wasm'] });
    }
    useFastConvFilterGrad(tfCore, 'cpu');
    useFastConvFilterGrad(tfCore, 'wasm');
    useFastWasmConvGrads(tfCore);
    useExplicitTransposeMatMul(tfCore);
    if (backend === 'cpu' || !(await tfCore.setBackend(backend).catch(() => false))) await tfCore.setBackend('cpu');
    await tfCore.ready();
    return tfCore;
  })();
  return ready;
}
