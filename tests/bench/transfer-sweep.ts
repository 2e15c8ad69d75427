/**
 * The learning-rate sweep behind TUNED_LR (src/lib/examples/transfer.ts), and the "labelled
 * examples" curve at that rate, in Node on TF.js's WebAssembly backend:
 *   npx node tests/bench/transfer-sweep.ts [--seeds 1,2,3] [--lrs 0.001,0.003,0.01,0.03]
 * For every seed, the backbone is pre-trained once at the page's default settings; then both
 * networks (frozen backbone + new head, and the same network from scratch) are trained on the
 * new task at each learning rate and evaluated on its 500 test images. Prints a markdown table.
 */
import { PRETRAIN_CLASSES, type ImageSet } from '../../src/lib/examples/shapes.ts';
import * as tl from '../../src/lib/examples/transfer.ts';
import { decodeSettings, transferSchema } from '../../src/lib/examples/url-state.ts';
import { nodeTf } from './node-tf.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i > 0 ? process.argv[i + 1]! : fallback).split(',').map(Number);
};
const seeds = arg('seeds', '1,2,3');
const lrs = arg('lrs', '0.001,0.003,0.01,0.03');
const curve = !process.argv.includes('--no-curve');
const { tf, layers } = await nodeTf('wasm');
const defaults = decodeSettings(transferSchema, '').settings;
const pct = (v: number) => (100 * v).toFixed(1);

const rows: string[] = ['| seed | learning rate | transfer | from scratch | verdict |', '|---|---|---|---|---|'];
const curveRows: string[] = ['| seed | labelled examples | epochs | transfer | from scratch | verdict |', '|---|---|---|---|---|---|'];
for (const seed of seeds) {
  const data = tl.miniatureData({ ...defaults, seed });
  const backbone = tl.buildBackbone(layers, { size: tl.MINIATURE.size, seeds: tl.layerSeeds(seed, 0) });
  const pretrainModel = tl.buildPretrainModel(layers, backbone, { classes: PRETRAIN_CLASSES.length, seeds: tl.layerSeeds(seed, 0) });
  const started = performance.now();
  await tl.trainModel(tf, pretrainModel, data.pretrain, {
    task: { kind: 'softmax', classes: PRETRAIN_CLASSES.length },
    epochs: defaults.pretrainEpochs,
    batchSize: tl.MINIATURE.batchSize,
    lr: tl.MINIATURE.pretrainLr,
    seed: seed + 11,
  });
  const preMs = performance.now() - started;
  backbone.trainable = false;
  const both = async (lr: number, train: ImageSet = data.train, epochs = defaults.epochs) => {
    const run = (kind: 'transfer' | 'scratch') => tl.newTaskAccuracy(tf, layers, kind, { backbone, train, test: data.test, seed, epochs, lr });
    const transfer = await run('transfer');
    const scratch = await run('scratch');
    return { transfer, scratch, verdict: tl.accuracyVerdict(transfer.accuracy, scratch.accuracy, data.test.count).kind };
  };
  for (const lr of lrs) {
    const r = await both(lr);
    rows.push(
      `| ${seed} | ${lr} | ${pct(r.transfer.accuracy)}% (${(r.transfer.ms / 1000).toFixed(2)} s) | ${pct(r.scratch.accuracy)}% (${(r.scratch.ms / 1000).toFixed(2)} s) | ${r.verdict} |`,
    );
  }
  console.error(`seed ${seed}: pre-training ${(preMs / 1000).toFixed(2)} s`);
  if (curve) {
    const steps = defaults.epochs * Math.ceil(defaults.trainSize / tl.MINIATURE.batchSize);
    for (const n of tl.curveSizes(defaults.trainSize)) {
      const epochs = tl.epochsForSteps(steps, n, tl.MINIATURE.batchSize);
      const r = await both(tl.TUNED_LR, tl.subset(data.train, n), epochs);
      curveRows.push(`| ${seed} | ${n} | ${epochs} | ${pct(r.transfer.accuracy)}% | ${pct(r.scratch.accuracy)}% | ${r.verdict} |`);
    }
  }
  tl.disposeModels(pretrainModel);
}
console.log(`Backend: ${tf.getBackend()}; defaults: ${JSON.stringify(defaults)}; ${tl.MINIATURE.testCount} test images\n`);
console.log(rows.join('\n'));
if (curve) console.log(`\nCurve at learning rate ${tl.TUNED_LR} (same number of steps for every size):\n\n${curveRows.join('\n')}`);
