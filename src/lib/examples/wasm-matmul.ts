/**
 * Matrix products with a transposed operand on TF.js' wasm backend. Its BatchMatMul kernel takes
 * `transposeA`/`transposeB` but then runs ≈ 1.5–4× slower than on the same operands transposed
 * first (Chromium, shapes of the tiny Transformer: 64×512 · 512×256 with transposeA 23.7 ms, with
 * an explicit transpose 6.4 ms). Every backward pass of a matMul asks for such products (dA = dC·Bᵀ,
 * dB = Aᵀ·dC), and attention's Q·Kᵀ is one. This module wraps the kernel so that it transposes
 * explicitly (the backend's own Transpose kernel), then multiplies without flags: the same sums.
 */
import type { TensorInfo as Info } from '@tensorflow/tfjs-core';
import { kernelOf, replaceKernel } from './kernel-swap.ts';
import type { Tf } from './tf-runtime.ts';

type Backend = { disposeData(id: object): boolean };

/** The permutation that swaps the last two axes of a rank-`rank` tensor. */
export const swapLastTwo = (rank: number): number[] => [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];

/** Wraps the wasm BatchMatMul kernel (idempotent); no-op where the wasm backend is not registered. */
export function useExplicitTransposeMatMul(tf: Tf): void {
  if (!tf.getKernel('BatchMatMul', 'wasm') || !tf.getKernel('Transpose', 'wasm')) return;
  const transpose = kernelOf(tf, 'Transpose', 'wasm');
  replaceKernel(tf, 'BatchMatMul', 'wasm', (original) => ({ inputs, backend, attrs }) => {
    if (!attrs.transposeA && !attrs.transposeB) return original!({ inputs, backend, attrs });
    const made: Info[] = [];
    const upright = (x: Info, flag: unknown) => {
      if (!flag) return x;
      const t = transpose({ inputs: { x }, backend, attrs: { perm: swapLastTwo(x.shape.length) } });
      made.push(t);
      return t;
    };
    const out = original!({
      inputs: { a: upright(inputs.a!, attrs.transposeA), b: upright(inputs.b!, attrs.transposeB) },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    for (const t of made) (backend as Backend).disposeData(t.dataId);
    return out;
  });
}
