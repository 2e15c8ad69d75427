/**
 * Putting our own kernel in place of one of TF.js' (fast-conv-kernels.ts, wasm-conv-grads.ts,
 * wasm-matmul.ts), reading a wasm-backend tensor without copying it, and the geometry of the
 * sliding windows those kernels walk.
 */
import type { backend_util, TensorInfo as Info } from '@tensorflow/tfjs-core';
import type { Tf } from './tf-runtime.ts';

/** A kernel as the engine calls it; each module narrows `backend` to what it uses. */
export type KernelFn = (args: { inputs: Record<string, Info>; backend: unknown; attrs: Record<string, unknown> }) => Info;

/** What the kernels here need of the wasm backend: tensors in the module's memory, allocated by makeOutput. */
export interface WasmBackend {
  wasm: { HEAPU8: Uint8Array };
  dataIdMap: { get(id: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: string): Info;
  disposeData(id: object): boolean;
}

/** Our kernels, each with the kernel it replaced (undefined where there was none). */
const replaced = new WeakMap<object, KernelFn | undefined>();

/**
 * Registers `make(original)` as kernel `name` of `backendName`, in place of the current one (or as
 * the only one). Idempotent per TF.js instance: a kernel of ours is left in place. Returns the
 * kernel it replaced (for tests that compare both).
 */
export function replaceKernel(tf: Tf, name: string, backendName: string, make: (original: KernelFn | undefined) => KernelFn): KernelFn | undefined {
  const current = tf.getKernel(name, backendName);
  if (current && replaced.has(current.kernelFunc)) return replaced.get(current.kernelFunc);
  const original = current?.kernelFunc as unknown as KernelFn | undefined;
  const kernel = make(original);
  replaced.set(kernel, original);
  if (current) tf.unregisterKernel(name, backendName);
  // The original's setupFunc (a wasm kernel binds its C++ function there) stays: ours may call it.
  tf.registerKernel({ ...current, kernelName: name, backendName, kernelFunc: kernel as unknown as Parameters<Tf['registerKernel']>[0]['kernelFunc'] });
  return original;
}

/** Another kernel of the same backend, called directly (no engine bookkeeping, no gradient tape). */
export function kernelOf(tf: Tf, name: string, backendName: string): KernelFn {
  const kernel = tf.getKernel(name, backendName);
  if (!kernel) throw new Error(`no ${name} kernel on the ${backendName} backend`);
  return kernel.kernelFunc as unknown as KernelFn;
}

/**
 * A float32 tensor's values on wasm, as a view of the module's memory (readSync's copy took 0.7 s
 * of a 4.2 s transfer-learning run in Chromium). The view is valid until the next allocation,
 * which may grow (and so move) the memory: take views after makeOutput.
 */
export function heapFloats(backend: WasmBackend, info: Info): Float32Array {
  const offset = backend.dataIdMap.get(info.dataId)?.memoryOffset;
  if (info.dtype !== 'float32' || offset === undefined) throw new Error(`wasm kernel: no float32 data for a ${info.dtype} tensor`);
  return new Float32Array(
    backend.wasm.HEAPU8.buffer,
    offset,
    info.shape.reduce((a, b) => a * b, 1),
  );
}

/** A sliding window over NHWC data: a convolution or a pooling (no dilation). */
export interface WindowGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/** The window of TF.js' computeConv2DInfo or computePool2DInfo. */
export function windowGeometry(info: backend_util.Conv2DInfo): WindowGeometry {
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}
