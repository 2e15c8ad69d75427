/**
 * A faithful miniature of article 001 §5's transfer-learning recipe (ResNet50 pre-trained on
 * ImageNet + a new Dense head), with the corrections of errata E001-12/13: the backbone ends in
 * global average pooling (include_top=False, pooling='avg'), it is frozen (trainable = false) and
 * only the new head Dense(32, relu) → Dense(1, sigmoid) is trained on the small new task.
 *
 * The backbone is tiny — Conv2D(8, 3×3) → MaxPool(2) → Conv2D(16, 3×3) → GlobalAveragePooling —
 * and is pre-trained here on the generated 10-class shapes task of shapes.ts instead of ImageNet.
 * Everything is seeded: initialisers get non-zero seeds, batches are shuffled with our PRNG, and
 * training uses our own loop (optimizer.minimize over the model's trainable weights) rather than
 * model.fit, whose shuffling uses Math.random.
 *
 * `tf` and `layers` are parameters (tests pass the Node instance, islands the lazily loaded one).
 */
import type { Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel, Sequential } from '@tensorflow/tfjs-layers';
import { createRng } from './random.ts';
import type { Tf } from './tf-runtime.ts';
import type { ImageSet } from './shapes.ts';

type Layers = typeof import('@tensorflow/tfjs-layers');

/** Non-zero seeds for the initialisers of one model (TF.js treats seed 0 as "unseeded"). */
export function layerSeeds(seed: number, salt: number): number[] {
  const rng = createRng(((seed >>> 0) ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  return Array.from({ length: 6 }, () => 1 + rng.int(2 ** 31 - 2));
}

/** The backbone: Conv2D(8) → MaxPool(2) → Conv2D(16) → GlobalAveragePooling2D (16 features). */
export function buildBackbone(layers: Layers, { size, seeds }: { size: number; seeds: number[] }): Sequential {
  const glorot = (seed: number) => layers.initializers.glorotUniform({ seed });
  return layers.sequential({
    name: 'backbone',
    layers: [
      layers.layers.conv2d({
        inputShape: [size, size, 1],
        filters: 8,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: glorot(seeds[0]!),
      }),
      layers.layers.maxPooling2d({ poolSize: 2 }),
      layers.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: glorot(seeds[1]!) }),
      layers.layers.globalAveragePooling2d({}),
    ],
  });
}

/** Backbone + Dense(classes) logits: the pre-training model (our stand-in for ResNet50 with its ImageNet top). */
export function buildPretrainModel(layers: Layers, backbone: Sequential, { classes, seeds }: { classes: number; seeds: number[] }): Sequential {
  return layers.sequential({
    layers: [backbone, layers.layers.dense({ units: classes, kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[2]! }) })],
  });
}

/** Backbone + the article's new head Dense(32, relu) → Dense(1, sigmoid) (the Flatten is unnecessary after pooling, E001-12). */
export function buildBinaryModel(layers: Layers, backbone: Sequential, { seeds }: { seeds: number[] }): Sequential {
  return layers.sequential({
    layers: [
      backbone,
      layers.layers.dense({ units: 32, activation: 'relu', kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[3]! }) }),
      layers.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: layers.initializers.glorotUniform({ seed: seeds[4]! }) }),
    ],
  });
}

/**
 * Disposes models that share one backbone (Keras-style nesting does not count the sharing, so
 * disposing both models would dispose the backbone twice): every distinct layer once.
 */
export function disposeModels(...models: LayersModel[]): void {
  const seen = new Set<object>();
  for (const model of models) {
    for (const layer of model.layers) {
      if (seen.has(layer)) continue;
      seen.add(layer);
      layer.dispose();
    }
  }
}

/** Number of scalars in a list of weights. */
export function countParams(weights: readonly { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((s, w) => s + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1), 0);
}

/** Trainable and frozen parameter counts of a model. */
export function paramCounts(model: LayersModel): { trainable: number; frozen: number } {
  return { trainable: countParams(model.trainableWeights), frozen: countParams(model.nonTrainableWeights) };
}

/**
 * A fingerprint of weight values (to show that frozen weights did not move): the count, the sum
 * and the sum of squares in float64, and an FNV-1a hash of the float32 bytes.
 */
export function weightFingerprint(weights: readonly { read(): Tensor }[]): { count: number; sum: number; sumSq: number; hash: string } {
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  let h = 0x811c9dc5;
  for (const w of weights) {
    const values = w.read().dataSync() as Float32Array;
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    for (const v of values) {
      sum += v;
      sumSq += v * v;
    }
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    count += values.length;
  }
  return { count, sum, sumSq, hash: h.toString(16).padStart(8, '0') };
}

/** Copies images `indices` of a set into one [m, size, size, 1] batch tensor and its labels. */
function batchOf(tf: Tf, set: ImageSet, indices: readonly number[]): { x: Tensor; labels: number[] } {
  const px = set.size * set.size;
  const buf = new Float32Array(indices.length * px);
  indices.forEach((idx, k) => buf.set(set.images.subarray(idx * px, (idx + 1) * px), k * px));
  return { x: tf.tensor4d(buf, [indices.length, set.size, set.size, 1]), labels: indices.map((i) => set.labels[i]!) };
}

/** 'softmax': integer class labels and logits (pre-training); 'binary': 0/1 labels and a sigmoid output. */
export type TaskKind = { kind: 'softmax'; classes: number } | { kind: 'binary' };

function lossOf(tf: Tf, task: TaskKind, output: Tensor, labels: number[]): Tensor {
  if (task.kind === 'softmax') {
    const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), task.classes);
    return tf.losses.softmaxCrossEntropy(oneHot, output);
  }
  return tf.losses.logLoss(tf.tensor2d(labels, [labels.length, 1]), output);
}

/** Progress of a training run, after every batch. */
export interface BatchProgress {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
}

export interface TrainOptions {
  task: TaskKind;
  epochs: number;
  batchSize: number;
  /** Adam learning rate (the article: 0.001). */
  lr: number;
  /** Seed of the per-epoch shuffle. */
  seed: number;
  onBatch?: (p: BatchProgress) => void;
  /** Called after every epoch with the mean training loss of that epoch. */
  onEpoch?: (epoch: number, loss: number) => void;
  shouldStop?: () => boolean;
  /** Awaited every `yieldEvery` batches (default every batch) so that the page stays responsive. */
  yieldFn?: () => Promise<void>;
  yieldEvery?: number;
}

/**
 * Trains the model's trainable weights (frozen layers are left out, as Keras does) with Adam on
 * seeded shuffled batches. Returns the mean loss of every epoch, whether it was stopped and the
 * time it took (ms).
 */
export async function trainModel(
  tf: Tf,
  model: LayersModel,
  set: ImageSet,
  opts: TrainOptions,
): Promise<{ epochLosses: number[]; stopped: boolean; ms: number; steps: number }> {
  const start = performance.now();
  const rng = createRng(opts.seed);
  const optimizer = tf.train.adam(opts.lr);
  const vars = model.trainableWeights.map((w) => w.read() as Variable);
  const order = Array.from({ length: set.count }, (_, i) => i);
  const batches = Math.ceil(set.count / opts.batchSize);
  const epochLosses: number[] = [];
  let stopped = false;
  let steps = 0;
  try {
    for (let epoch = 0; epoch < opts.epochs && !stopped; epoch++) {
      const perm = rng.shuffled(order);
      let total = 0;
      for (let b = 0; b < batches; b++) {
        if (opts.shouldStop?.()) {
          stopped = true;
          break;
        }
        const indices = perm.slice(b * opts.batchSize, (b + 1) * opts.batchSize);
        const loss = tf.tidy(() => {
          const { x, labels } = batchOf(tf, set, indices);
          const cost = optimizer.minimize(
            () => lossOf(tf, opts.task, model.apply(x, { training: true }) as Tensor, labels) as import('@tensorflow/tfjs-core').Scalar,
            true,
            vars,
          );
          return cost!.dataSync()[0]!;
        });
        steps++;
        total += loss * indices.length;
        opts.onBatch?.({ epoch, batch: b, batchesPerEpoch: batches, loss });
        if (opts.yieldFn && (b + 1) % (opts.yieldEvery ?? 1) === 0) await opts.yieldFn();
      }
      if (!stopped) {
        epochLosses.push(total / set.count);
        opts.onEpoch?.(epoch, total / set.count);
      }
    }
  } finally {
    optimizer.dispose();
  }
  return { epochLosses, stopped, ms: performance.now() - start, steps };
}

/** Accuracy (and mean loss) of the model on a set, evaluated in batches. */
export function evaluateModel(tf: Tf, model: LayersModel, set: ImageSet, task: TaskKind, batchSize = 100): { accuracy: number; loss: number } {
  let correct = 0;
  let loss = 0;
  for (let start = 0; start < set.count; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, set.count - start) }, (_, k) => start + k);
    const [c, l] = tf.tidy(() => {
      const { x, labels } = batchOf(tf, set, indices);
      const out = model.predict(x) as Tensor;
      const predicted = task.kind === 'softmax' ? Array.from(tf.argMax(out, 1).dataSync()) : Array.from(out.dataSync()).map((p) => (p >= 0.5 ? 1 : 0));
      const batchLoss = lossOf(tf, task, out, labels).dataSync()[0]!;
      return [predicted.filter((p, k) => p === labels[k]).length, batchLoss * indices.length];
    });
    correct += c;
    loss += l;
  }
  return { accuracy: correct / set.count, loss: loss / set.count };
}
