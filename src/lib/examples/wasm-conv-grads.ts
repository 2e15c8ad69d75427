/**
 * Two gradients of the transfer-learning miniature (article 001 §5) on TF.js' wasm backend, whose
 * own kernels for them are plain C++ loops: in Node, of a 14 ms pre-training step (batch of 32),
 * they took 3.5 ms (Conv2DBackpropInput) and 2.2 ms (MaxPoolGrad).
 *  - The input gradient of a stride-1 'same' convolution with odd filters is itself a 'same'
 *    convolution: of dy with the filter turned 180° and its channel axes swapped. The backend's
 *    Conv2D (XNNPACK, SIMD) computes it.
 *  - The max-pooling gradient is a JS loop over the module's memory that sends each output's
 *    gradient to its window's first maximum, as the cpu backend's kernel does.
 * Anything else (channels-first data, strides, dilations, other padding) goes to the kernels
 * they replace. Unit tests compare both with the cpu backend.
 */
import { heapFloats, kernelOf, replaceKernel, windowGeometry, type KernelFn, type WasmBackend, type WindowGeometry } from './kernel-swap.ts';
import type { Tf } from './tf-runtime.ts';

/** Shape of a filter: [height, width, in channels, out channels]. */
type FilterShape = readonly [number, number, number, number];

/** `filter` [FH, FW, C, O] turned 180° with its channel axes swapped, written to `out` [FH, FW, O, C]. */
export function turnFilter(filter: ArrayLike<number>, [FH, FW, C, O]: FilterShape, out: Float32Array): void {
  for (let r = 0; r < FH; r++)
    for (let c = 0; c < FW; c++) {
      const src = (r * FW + c) * C * O;
      const dst = ((FH - 1 - r) * FW + (FW - 1 - c)) * O * C;
      for (let i = 0; i < C; i++) for (let o = 0; o < O; o++) out[dst + o * C + i] = filter[src + i * O + o]!;
    }
}

/**
 * dx of a max pooling: each output's gradient dy goes to the first maximum of its window (row by
 * row, positions in the padding skipped), as TF.js' cpu kernel routes it; written to `dx`.
 */
export function maxPoolGradNHWC(input: ArrayLike<number>, dy: ArrayLike<number>, g: WindowGeometry, dx: Float32Array): void {
  const { inChannels: C, inHeight: H, inWidth: W } = g;
  const max = new Float32Array(C);
  const at = new Int32Array(C);
  dx.fill(0);
  let out = 0;
  for (let b = 0; b < g.batch; b++)
    for (let y = 0; y < g.outHeight; y++)
      for (let x = 0; x < g.outWidth; x++, out += C) {
        max.fill(-Infinity);
        at.fill(-1);
        for (let r = 0; r < g.filterHeight; r++) {
          const iy = y * g.strideHeight + r - g.padTop;
          if (iy < 0 || iy >= H) continue;
          for (let c = 0; c < g.filterWidth; c++) {
            const ix = x * g.strideWidth + c - g.padLeft;
            if (ix < 0 || ix >= W) continue;
            const base = ((b * H + iy) * W + ix) * C;
            for (let ch = 0; ch < C; ch++)
              if (input[base + ch]! > max[ch]!) {
                max[ch] = input[base + ch]!;
                at[ch] = base + ch;
              }
          }
        }
        for (let ch = 0; ch < C; ch++) if (at[ch]! >= 0) dx[at[ch]!]! += dy[out + ch]!;
      }
}

const isUnit = (v: unknown) => (Array.isArray(v) ? v.every((s) => s === 1) : v === 1);
const channelsLast = (attrs: Record<string, unknown>) => ((attrs.dataFormat as string | undefined) ?? 'NHWC') === 'NHWC';

/** Conv2DBackpropInput as a Conv2D with the turned filter, where the two are the same sums. */
function inputGrad(tf: Tf, original: KernelFn): KernelFn {
  return (args) => {
    const { inputs, attrs } = args;
    const filter = inputs.filter!;
    const shape = filter.shape as unknown as FilterShape;
    if (!channelsLast(attrs) || attrs.pad !== 'same' || !isUnit(attrs.strides) || shape[0] % 2 === 0 || shape[1] % 2 === 0 || filter.dtype !== 'float32')
      return original(args);
    const backend = args.backend as WasmBackend;
    const turned = backend.makeOutput([shape[0], shape[1], shape[3], shape[2]], 'float32');
    turnFilter(heapFloats(backend, filter), shape, heapFloats(backend, turned));
    const dx = kernelOf(
      tf,
      'Conv2D',
      'wasm',
    )({
      inputs: { x: inputs.dy!, filter: turned },
      backend,
      attrs: { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1, dimRoundingMode: undefined },
    });
    backend.disposeData(turned.dataId);
    return dx;
  };
}

/** MaxPoolGrad in JS over the module's memory (no dilation, float32). */
function poolGrad(tf: Tf, original: KernelFn): KernelFn {
  return (args) => {
    const { inputs, attrs } = args;
    const x = inputs.input!;
    const info = tf.backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterSize as number | [number, number],
      attrs.strides as number | [number, number],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    );
    if (x.dtype !== 'float32' || info.dilationHeight !== 1 || info.dilationWidth !== 1) return original(args);
    const backend = args.backend as WasmBackend;
    const dx = backend.makeOutput([...x.shape], 'float32');
    maxPoolGradNHWC(heapFloats(backend, x), heapFloats(backend, inputs.dy!), windowGeometry(info), heapFloats(backend, dx));
    return dx;
  };
}

/**
 * Replaces the wasm backend's Conv2DBackpropInput and MaxPoolGrad (idempotent); no-op where the
 * wasm backend is not registered. Returns the replaced kernels (for tests).
 */
export function useFastWasmConvGrads(tf: Tf): { inputGrad?: KernelFn; poolGrad?: KernelFn } {
  if (!tf.getKernel('Conv2DBackpropInput', 'wasm') || !tf.getKernel('MaxPoolGrad', 'wasm')) return {};
  return {
    inputGrad: replaceKernel(tf, 'Conv2DBackpropInput', 'wasm', (original) => inputGrad(tf, original!)),
    poolGrad: replaceKernel(tf, 'MaxPoolGrad', 'wasm', (original) => poolGrad(tf, original!)),
  };
}
