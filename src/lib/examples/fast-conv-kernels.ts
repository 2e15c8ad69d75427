/**
 * A faster kernel for the filter gradient of a 2-D convolution (Conv2DBackpropFilter), used by
 * the transfer-learning miniature of article 001 §5.
 *
 * TF.js's CPU kernel for it reads every element through TensorBuffer.get (hundreds of ms per batch
 * even for our tiny convolutions, ~50× the forward pass), which would make pre-training in the
 * page take minutes. On 'cpu' this module computes the same sum on flat typed arrays (float64
 * accumulation, like the original) in place of the original, which still handles anything it does
 * not cover (channels-first data, dilations). The 'wasm' backend has no such kernel: there the sum
 * is one matrix product in the module's own (SIMD) BatchMatMul over patches gathered in JS: in
 * Chromium a transfer-learning run took ≈ 0.8 s less than with the loop below. Tests compare the
 * cpu kernel with the original and the wasm kernel with the cpu one.
 */
import type { TensorInfo as Info } from '@tensorflow/tfjs-core';
import { heapFloats, kernelOf, replaceKernel, windowGeometry, type KernelFn, type WasmBackend, type WindowGeometry } from './kernel-swap.ts';
import type { Tf } from './tf-runtime.ts';

/**
 * dW[r, c, i, o] = Σ over batch b and output positions (y, x) of
 *   input[b, y·sh + r − padTop, x·sw + c − padLeft, i] · dy[b, y, x, o]
 * (positions outside the input contribute nothing), for NHWC `input` and `dy` as flat arrays.
 */
export function conv2dFilterGradNHWC(input: ArrayLike<number>, dy: ArrayLike<number>, g: WindowGeometry): Float32Array {
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

/**
 * The input patches each filter tap sees, transposed: row k = (r·FW + c)·C + i holds, for every
 * output position n = (b·outHeight + y)·outWidth + x, input[b, y·sh + r − padTop, x·sw + c − padLeft, i]
 * (0 outside the input). Then dW[k, o] = Σₙ out[k·N + n] · dy[n, o], one matrix product.
 */
export function gatherPatchesTransposed(input: ArrayLike<number>, g: WindowGeometry, out: Float32Array): void {
  const { batch, inHeight, inWidth, inChannels: C, outHeight, outWidth, filterHeight: FH, filterWidth: FW } = g;
  const N = batch * outHeight * outWidth;
  for (let r = 0; r < FH; r++) {
    for (let c = 0; c < FW; c++) {
      for (let i = 0; i < C; i++) {
        let n = ((r * FW + c) * C + i) * N;
        for (let b = 0; b < batch; b++) {
          for (let y = 0; y < outHeight; y++) {
            const iy = y * g.strideHeight + r - g.padTop;
            const rowInside = iy >= 0 && iy < inHeight;
            const rowOff = (b * inHeight + iy) * inWidth;
            for (let x = 0; x < outWidth; x++, n++) {
              const ix = x * g.strideWidth + c - g.padLeft;
              out[n] = rowInside && ix >= 0 && ix < inWidth ? input[(rowOff + ix) * C + i]! : 0;
            }
          }
        }
      }
    }
  }
}

/** What the kernel needs of TF.js' cpu backend. */
type CpuBackend = {
  readSync(id: object): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): Info;
};

/** The filter gradient on wasm: patchesᵀ [K, N] · dy [N, O] in the backend's BatchMatMul, reshaped to the filter. */
function filterGradByMatMul(tf: Tf, backend: WasmBackend, inputs: { x: Info; dy: Info }, g: WindowGeometry, filterShape: number[]): Info {
  const taps = g.filterHeight * g.filterWidth * g.inChannels;
  const positions = g.batch * g.outHeight * g.outWidth;
  const patches = backend.makeOutput([1, taps, positions], 'float32');
  // Views are taken after the allocation, which may grow (and so move) the module's memory.
  gatherPatchesTransposed(heapFloats(backend, inputs.x), g, heapFloats(backend, patches));
  const product = kernelOf(
    tf,
    'BatchMatMul',
    'wasm',
  )({
    inputs: { a: patches, b: { ...inputs.dy, shape: [1, positions, g.outChannels] } },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  backend.disposeData(patches.dataId);
  return { ...product, shape: filterShape };
}

/**
 * Registers the fast Conv2DBackpropFilter kernel for `backendName`: on 'cpu' `conv2dFilterGradNHWC`
 * in place of the slow original (which still handles channels-first data), on 'wasm', which has no
 * such kernel at all in TF.js 4.22, the matrix product as the only one. Idempotent per TF.js
 * instance and backend; returns the original kernel function where there was one (for tests).
 */
export function useFastConvFilterGrad(tf: Tf, backendName: 'cpu' | 'wasm' = 'cpu'): { original?: KernelFn } {
  const name = 'Conv2DBackpropFilter';
  if (backendName === 'cpu' && !tf.getKernel(name, 'cpu')) throw new Error('the cpu backend is not registered');
  const original = replaceKernel(tf, name, backendName, (original) => (args) => {
    const { backend, attrs } = args;
    const inputs = args.inputs as { x: Info; dy: Info };
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
    const g = windowGeometry(info);
    if (backendName === 'wasm') return filterGradByMatMul(tf, backend as WasmBackend, inputs, g, info.filterShape);
    const cpu = backend as CpuBackend;
    return cpu.makeTensorInfo(info.filterShape, 'float32', conv2dFilterGradNHWC(cpu.readSync(inputs.x.dataId), cpu.readSync(inputs.dy.dataId), g));
  });
  return { original };
}
