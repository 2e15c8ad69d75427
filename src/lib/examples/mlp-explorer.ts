/**
 * What the MLP example of article 001 §3 shows for one batch (port P001a): the forward pass of
 * every sample (z and a per layer, ŷ, its BCE) and the batch-mean gradients of the manual
 * back-propagation in mlp.ts; plus the data sets and the plotting box. Plain numbers, no DOM.
 */
import { bceFromLogit } from './logistic.ts';
import {
  flattenLayers,
  makeTwoMoons,
  mlpBatchGradients,
  mlpForward,
  XOR_DATA,
  type HiddenActivation,
  type MlpData,
  type MlpGradients,
  type MlpParams,
} from './mlp.ts';

/** The data sets of the example: the four XOR points, or 200 seeded two-moons points. */
export function mlpExampleData(kind: 'xor' | 'moons', { noise = 0.1, seed = 1 }: { noise?: number; seed?: number } = {}): MlpData {
  return kind === 'xor' ? { points: XOR_DATA.points.map((p) => p.slice()), labels: XOR_DATA.labels.slice() } : makeTwoMoons({ n: 200, noise, seed });
}

/** Forward pass of one sample of the batch (article 001 §3.2, with a⁰ = x kept). */
export interface SampleForward {
  index: number;
  x: number[];
  /** Pre-activations z¹ … z^L. */
  zs: number[][];
  /** Activations a¹ … a^L (a^L = [ŷ]). */
  activations: number[][];
  yHat: number;
  y: number;
  /** This sample's BCE. */
  loss: number;
}

/** One batch as the example shows it: every sample's forward pass, the mean BCE and the mean gradients. */
export interface BatchDetails {
  samples: SampleForward[];
  loss: number;
  grads: MlpGradients;
  /** `grads` flattened like `flattenLayers` (W row-major, then b, layer by layer). */
  flat: number[];
}

/** Forward pass of every sample in `indices` and the batch gradients of `mlpBatchGradients` (article 001 §3.2–3.3). */
export function mlpBatchDetails(params: MlpParams, data: MlpData, hidden: HiddenActivation, indices: readonly number[]): BatchDetails {
  const samples = indices.map((index) => {
    const cache = mlpForward(params, data.points[index]!, hidden);
    const y = data.labels[index]!;
    const yHat = cache.activations.at(-1)![0]!;
    return { index, x: cache.activations[0]!, zs: cache.zs, activations: cache.activations.slice(1), yHat, y, loss: bceFromLogit(cache.zs.at(-1)![0]!, y) };
  });
  const { loss, grads } = mlpBatchGradients(params, data, hidden, indices);
  return { samples, loss, grads, flat: flattenLayers(grads) };
}

/** Names of the flattened parameters, in `flattenLayers` order: W¹[1,1] … b¹[H], W²[1,1] …. */
export function parameterNames(params: MlpParams): string[] {
  const sup = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return params.flatMap((layer, l) => [
    ...layer.W.flatMap((row, j) => row.map((_, k) => `W${sup(l + 1)}[${j + 1},${k + 1}]`)),
    ...layer.b.map((_, j) => `b${sup(l + 1)}[${j + 1}]`),
  ]);
}

/** The square-ish box the decision regions are drawn on: the data's range plus `pad` of its size. */
export function plotBox(data: MlpData, pad = 0.25): { xMin: number; xMax: number; yMin: number; yMax: number } {
  const xs = data.points.map((p) => p[0]!);
  const ys = data.points.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const px = Math.max(x1 - x0, 1e-6) * pad;
  const py = Math.max(y1 - y0, 1e-6) * pad;
  return { xMin: x0 - px, xMax: x1 + px, yMin: y0 - py, yMax: y1 + py };
}
