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
    const values = conv2dFilterGradNHWC(backend.readSync(inputs.x.dataId), backend.readSync(inputs.dy.dataId), {
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

// ---------------------------------------------------------------------------------------------
// The wasm backend's convolution gradients, on its fast (XNNPACK) matrix product and convolution.
// ---------------------------------------------------------------------------------------------

/** A wasm-backend tensor's data id as the backend's kernels see it. */
type WasmBackend = {
  readSync(id: object): ArrayLike<number>;
  makeOutput(shape: number[], dtype: string, memoryOffset?: undefined, values?: Float32Array): Info;
  disposeData(id: object): void;
};
type WasmArgs = { inputs: Record<string, Info>; backend: WasmBackend; attrs: Record<string, unknown> };
type KernelFn = (args: WasmArgs) => Info;

const wasmRegistered = new WeakMap<object, () => void>();

/**
 * The im2col matrix of a convolution's input, transposed: row (r, c, i) — the filter tap and input
 * channel, in the filter's [FH, FW, C] order — and column p = (b, y, x), the output position;
 * zero where the tap falls in the padding. `cols[(r·FW + c)·C + i][p] = input[b, y·sh + r − top, x·sw + c − left, i]`.
 */
export function im2colT(input: ArrayLike<number>, g: FilterGradGeometry): Float32Array {
  const { batch, inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight: FH, filterWidth: FW } = g;
  const P = batch * outHeight * outWidth;
  const cols = new Float32Array(FH * FW * C * P);
  for (let r = 0; r < FH; r++) {
    for (let c = 0; c < FW; c++) {
      for (let i = 0; i < C; i++) {
        const row = ((r * FW + c) * C + i) * P;
        let p = 0;
        for (let b = 0; b < batch; b++) {
          for (let y = 0; y < outHeight; y++) {
            const iy = y * g.strideHeight + r - g.padTop;
            if (iy < 0 || iy >= inHeight) {
              p += outWidth;
              continue;
            }
            const base = (b * inHeight + iy) * inWidth;
            for (let x = 0; x < outWidth; x++, p++) {
              const ix = x * g.strideWidth + c - g.padLeft;
              if (ix >= 0 && ix < inWidth) cols[row + p] = input[(base + ix) * C + i]!;
            }
          }
        }
      }
    }
  }
  return cols;
}

/** A [FH, FW, C, O] filter turned 180° with its channel axes swapped: [FH, FW, O, C] (the filter of the transposed convolution). */
export function flipFilter(filter: ArrayLike<number>, [FH, FW, C, O]: readonly number[]): Float32Array {
  const out = new Float32Array(FH! * FW! * C! * O!);
  for (let r = 0; r < FH!; r++)
    for (let c = 0; c < FW!; c++) {
      const src = (r * FW! + c) * C! * O!;
      const dst = ((FH! - 1 - r) * FW! + (FW! - 1 - c)) * O! * C!;
      for (let i = 0; i < C!; i++) for (let o = 0; o < O!; o++) out[dst + o * C! + i] = filter[src + i * O! + o]!;
    }
  return out;
}

/** The smallest positive normal float32 (C++'s numeric_limits<float>::min()). */
const FLT_MIN = 1.1754943508222875e-38;

/**
 * The gradient of a 2-D max pooling without padding (NHWC), exactly as TF.js 4.22's wasm kernel
 * (MaxPoolGrad.cc) computes it: the position of a window's maximum is the LAST tap (row by row)
 * whose value is ≥ FLT_MIN, or else flat offset 0 of the whole input; an output's gradient is
 * added to that position when it lies in the window, and is dropped otherwise. (So a window of
 * zeros — after a relu — passes no gradient, which the relu would have zeroed anyway.)
 */
export function maxPoolGradNHWC(input: ArrayLike<number>, dy: ArrayLike<number>, g: FilterGradGeometry): Float32Array {
  const { batch, inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight: FH, filterWidth: FW } = g;
  const dx = new Float32Array(batch * inHeight * inWidth * C);
  for (let b = 0; b < batch; b++)
    for (let y = 0; y < outHeight; y++)
      for (let x = 0; x < outWidth; x++)
        for (let ch = 0; ch < C; ch++) {
          let max = FLT_MIN;
          let best = 0;
          for (let r = 0; r < FH; r++) {
            const row = (b * inHeight + y * g.strideHeight + r) * inWidth + x * g.strideWidth;
            for (let c = 0; c < FW; c++) {
              const at = (row + c) * C + ch;
              if (input[at]! >= max) {
                max = input[at]!;
                best = at;
              }
            }
          }
          // Offset 0 (the fallback) is in the window only for the first window of channel 0 of image 0.
          if (best !== 0 || (b === 0 && y === 0 && x === 0 && ch === 0)) dx[best]! += dy[((b * outHeight + y) * outWidth + x) * C + ch]!;
        }
  return dx;
}

/**
 * Registers, on the 'wasm' backend, the two gradients of a 2-D convolution as the backend's fast
 * kernels compute them (the same sums, in float32, in another order):
 *  - Conv2DBackpropFilter: dW = im2colᵀ(x) · dy, one BatchMatMul of a [FH·FW·C, B·H·W] matrix
 *    assembled in JS (transposed as it is built) by the [B·H·W, O] gradient, in place of the
 *    JavaScript loop of useFastConvFilterGrad (≈ 2.6 ms per batch of 32 for our 8 → 16 layer);
 *  - Conv2DBackpropInput, for stride 1 and 'same' padding with odd filters: dx = conv2d(dy, W
 *    turned 180° with in/out channels swapped, 'same'), on the backend's Conv2D, in place of its
 *    plain C++ loop (≈ 2.5 ms for the same layer).
 * Anything else (channels-first, strides, dilations, other padding) goes to the kernels they
 * replace. Idempotent per TF.js instance; returns a function that puts the replaced kernels back
 * (for tests that compare both).
 */
export function useFastWasmConvGrads(tf: Tf): () => void {
  const names = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad'] as const;
  const current = names.map((n) => tf.getKernel(n, 'wasm'));
  if (current.some((k) => !k)) throw new Error('the wasm backend (and its filter-gradient kernel) is not registered');
  const mine = wasmRegistered.get(current[0]!.kernelFunc);
  if (mine) return mine;
  const [filterOrig, inputOrig, poolOrig] = current.map((k) => k!.kernelFunc as unknown as KernelFn) as [KernelFn, KernelFn, KernelFn];
  const kernel = (n: string) => tf.getKernel(n, 'wasm')!.kernelFunc as unknown as KernelFn;

  const filterGrad: KernelFn = (args) => {
    const { inputs, backend, attrs } = args;
    if (((attrs.dataFormat as string | undefined) ?? 'NHWC') !== 'NHWC') return filterOrig(args);
    const info = tf.backend_util.computeConv2DInfo(
      inputs.x!.shape as [number, number, number, number],
      attrs.filterShape as [number, number, number, number],
      attrs.strides as number | [number, number],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
      false,
      'channelsLast',
    );
    const K = info.filterHeight * info.filterWidth * info.inChannels;
    const P = info.batchSize * info.outHeight * info.outWidth;
    const cols = im2colT(backend.readSync(inputs.x!.dataId), {
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
    const a = backend.makeOutput([K, P], 'float32', undefined, cols);
    try {
      const out = kernel('BatchMatMul')({
        inputs: { a, b: { ...inputs.dy!, shape: [P, info.outChannels] } },
        backend,
        attrs: { transposeA: false, transposeB: false },
      });
      out.shape = [...info.filterShape];
      return out;
    } finally {
      backend.disposeData(a.dataId);
    }
  };

  const inputGrad: KernelFn = (args) => {
    const { inputs, backend, attrs } = args;
    const filterShape = inputs.filter!.shape;
    const [FH, FW] = filterShape as [number, number];
    const strides = attrs.strides as number | [number, number];
    const unit = Array.isArray(strides) ? strides[0] === 1 && strides[1] === 1 : strides === 1;
    if (((attrs.dataFormat as string | undefined) ?? 'NHWC') !== 'NHWC' || attrs.pad !== 'same' || !unit || FH % 2 === 0 || FW % 2 === 0)
      return inputOrig(args);
    const flipped = backend.makeOutput(
      [FH, FW, filterShape[3]!, filterShape[2]!],
      'float32',
      undefined,
      flipFilter(backend.readSync(inputs.filter!.dataId), filterShape),
    );
    try {
      return kernel('Conv2D')({
        inputs: { x: inputs.dy!, filter: flipped },
        backend,
        attrs: { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 1, dimRoundingMode: undefined },
      });
    } finally {
      backend.disposeData(flipped.dataId);
    }
  };

  const poolGrad: KernelFn = (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs.input!;
    const info = tf.backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterSize as number | [number, number],
      attrs.strides as number | [number, number],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    );
    const { top, bottom, left, right } = info.padInfo;
    if (top || bottom || left || right || info.dilationHeight !== 1 || info.dilationWidth !== 1 || x.dtype !== 'float32') return poolOrig(args);
    const dx = maxPoolGradNHWC(backend.readSync(x.dataId), backend.readSync(inputs.dy!.dataId), {
      batch: info.batchSize,
      inHeight: info.inHeight,
      inWidth: info.inWidth,
      inChannels: info.inChannels,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      outChannels: info.outChannels,
      filterHeight: info.effectiveFilterHeight,
      filterWidth: info.effectiveFilterWidth,
      strideHeight: info.strideHeight,
      strideWidth: info.strideWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    });
    return backend.makeOutput([...x.shape], 'float32', undefined, dx);
  };

  const swap = (name: string, fn: KernelFn) => {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: fn as unknown as Parameters<Tf['registerKernel']>[0]['kernelFunc'] });
  };
  swap(names[0], filterGrad);
  swap(names[1], inputGrad);
  swap(names[2], poolGrad);
  const restore = () => {
    if (tf.getKernel(names[0], 'wasm')?.kernelFunc !== (filterGrad as unknown)) return;
    swap(names[0], filterOrig);
    swap(names[1], inputOrig);
    swap(names[2], poolOrig);
  };
  wasmRegistered.set(filterGrad, restore);
  return restore;
}
