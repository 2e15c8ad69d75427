/**
 * A faster kernel for the filter gradient of a 2-D convolution (Conv2DBackpropFilter), used by
 * the transfer-learning miniature of article 001 §5.
 *
 * TF.js's CPU kernel for it reads every element through TensorBuffer.get (hundreds of ms per batch
 * even for our tiny convolutions, ~50× the forward pass), which would make pre-training in the
 * page take minutes. This module computes the same sum on flat typed arrays (float64
 * accumulation, like the original) and registers it for the 'cpu' backend in place of the
 * original, which still handles anything it does not cover (channels-first data, dilations).
 * Tests compare it with the original kernel.
 */
import type { Tf } from './tf-runtime.ts';

/** Geometry of a convolution for the filter gradient (NHWC, no dilation). */
export interface FilterGradGeometry {
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

/**
 * dW[r, c, i, o] = Σ over batch b and output positions (y, x) of
 *   input[b, y·sh + r − padTop, x·sw + c − padLeft, i] · dy[b, y, x, o]
 * (positions outside the input contribute nothing), for NHWC `input` and `dy` as flat arrays.
 */
export function conv2dFilterGradNHWC(input: ArrayLike<number>, dy: ArrayLike<number>, g: FilterGradGeometry): Float32Array {
  const { batch, inHeight, inWidth, inChannels: C, outHeight, outWidth, outChannels: O, filterHeight: FH, filterWidth: FW } = g;
  const acc = new Float64Array(FH * FW * C * O);
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < outHeight; y++) {
      for (let x = 0; x < outWidth; x++) {
        const dyOff = ((b * outHeight + y) * outWidth + x) * O;
        for (let r = 0; r < FH; r++) {
          const iy = y * g.strideHeight + r - g.padTop;
          if (iy < 0 || iy >= inHeight) continue;
          for (let c = 0; c < FW; c++) {
            const ix = x * g.strideWidth + c - g.padLeft;
            if (ix < 0 || ix >= inWidth) continue;
            const inOff = ((b * inHeight + iy) * inWidth + ix) * C;
            const wOff = (r * FW + c) * C * O;
            for (let i = 0; i < C; i++) {
              const v = input[inOff + i]!;
              if (v === 0) continue;
              const row = wOff + i * O;
              for (let o = 0; o < O; o++) acc[row + o]! += v * dy[dyOff + o]!;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}

const registered = new WeakSet<object>();

type Info = { dataId: object; shape: number[]; dtype: string };
/** What the kernel needs of a backend: 'cpu' makes outputs with makeTensorInfo, 'wasm' with makeOutput (cpu's makeOutput takes other arguments). */
type Backend = {
  readSync(id: object): ArrayLike<number>;
  makeTensorInfo?(shape: number[], dtype: string, values: Float32Array): Info;
  makeOutput?(shape: number[], dtype: string, memoryOffset: undefined, values: Float32Array): Info;
};
type KernelArgs = { inputs: { x: Info; dy: Info }; backend: Backend; attrs: Record<string, unknown> };
/** The parts of TF.js' wasm backend that locate a tensor in the module's memory. */
type WasmMemory = { wasm?: { HEAPU8: Uint8Array }; dataIdMap?: { get(id: object): { memoryOffset: number } | undefined } };

/**
 * A float32 tensor's values. On wasm, a view of them in the module's memory: readSync copies them
 * out, which took 0.7 s of a 4.2 s transfer-learning run in Chromium. The view is valid until the
 * next allocation, so the kernel reads both inputs before it makes its output.
 */
function floatsOf(backend: Backend, info: Info): ArrayLike<number> {
  const { wasm, dataIdMap } = backend as Backend & WasmMemory;
  const offset = info.dtype === 'float32' ? dataIdMap?.get(info.dataId)?.memoryOffset : undefined;
  if (!wasm || offset === undefined) return backend.readSync(info.dataId);
  return new Float32Array(
    wasm.HEAPU8.buffer,
    offset,
    info.shape.reduce((a, b) => a * b, 1),
  );
}

/**
 * Registers `conv2dFilterGradNHWC` as the Conv2DBackpropFilter kernel of `backendName`: on 'cpu' in
 * place of the slow original (which still handles channels-first data), on 'wasm', which has no such
 * kernel at all in TF.js 4.22, as the only one. Idempotent per TF.js instance and backend; returns the
 * original kernel function where there was one (for tests).
 */
export function useFastConvFilterGrad(tf: Tf, backendName: 'cpu' | 'wasm' = 'cpu'): { original?: (args: unknown) => unknown } {
  const name = 'Conv2DBackpropFilter';
  const current = tf.getKernel(name, backendName);
  if (!current && backendName === 'cpu') throw new Error('the cpu backend is not registered');
  const marked = current?.kernelFunc as unknown as { original?: (args: unknown) => unknown } | undefined;
  if (current && registered.has(current.kernelFunc)) return { original: marked?.original };
  const original = current?.kernelFunc as unknown as ((args: unknown) => unknown) | undefined;
  const fast = (args: KernelArgs) => {
    const { inputs, backend, attrs } = args;
    const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
    if (dataFormat !== 'NHWC') {
      if (original) return original(args);
      throw new Error(`${name} on ${backendName}: only channels-last (NHWC) data is supported`);
    }
    const info = tf.backend_util.computeConv2DInfo(
      inputs.x.shape as [number, number, number, number],
      attrs.filterShape as [number, number, number, number],
      attrs.strides as number | [number, number],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
      false,
      'channelsLast',
    );
    const values = conv2dFilterGradNHWC(floatsOf(backend, inputs.x), floatsOf(backend, inputs.dy), {
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
    });
    return backendName === 'wasm'
      ? backend.makeOutput!(info.filterShape, 'float32', undefined, values)
      : backend.makeTensorInfo!(info.filterShape, 'float32', values);
  };
  (fast as unknown as { original?: typeof original }).original = original;
  if (current) tf.unregisterKernel(name, backendName);
  tf.registerKernel({ kernelName: name, backendName, kernelFunc: fast as unknown as Parameters<Tf['registerKernel']>[0]['kernelFunc'] });
  registered.add(fast);
  return { original };
}
