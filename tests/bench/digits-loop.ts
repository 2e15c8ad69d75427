/**
 * A/B of the digit classifier's training loop overhead (interleaved runs, Node, wasm):
 *   npx node tests/bench/digits-loop.ts [rounds] [epochs] [variants, default ABCDE]
 * A: a per-batch onBatchEnd callback (tfjs-layers reads every batch's logs: one sync per batch);
 * B: onYield every 200 ms only (logs read at the yields); C: no callback at all.
 * D: the hand-written loop (`trainEpoch`) reading every batch's loss and accuracy (as the page's
 * onBatch does); E: the same loop reading nothing until the epoch ends.
 */
import { loadPackageDigits } from '../../src/lib/examples/digits-file.ts';
import { buildDigitData, DIGITS_FILE, epochOrders } from '../../src/lib/examples/digits.ts';
import { buildArticleModel, evaluateModel, floatDigits, setToTensors, trainEpoch, trainerOf, type DigitsTrainer } from '../../src/lib/examples/digits-model.ts';
import { nodeTf } from './node-tf.ts';

const rounds = Number(process.argv[2] ?? 3);
const epochs = Number(process.argv[3] ?? 5);
const variants = [...(process.argv[4] ?? 'ABCDE')] as Variant[];
type Variant = 'A' | 'B' | 'C' | 'D' | 'E';
const { tf, layers } = await nodeTf('wasm');
const data = buildDigitData(await loadPackageDigits(), DIGITS_FILE);
const floats = floatDigits(data.train, 9000);
const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Variants D and E: one epoch of the hand-written loop, yielding every 200 ms like A. */
async function handEpoch(trainer: DigitsTrainer, order: number[], read: boolean, seen: { batches: number; last: number }) {
  await trainEpoch(tf, trainer, floats, order, 32, async (_b, logs) => {
    if (read) seen.batches += (await logs.loss.data())[0]! >= 0 && (await logs.accuracy.data())[0]! >= 0 ? 1 : 0;
    if (performance.now() - seen.last >= 200) {
      await macrotask();
      seen.last = performance.now();
    }
    return false;
  });
}

async function run(variant: Variant) {
  const model = buildArticleModel(layers, 1);
  const train = setToTensors(tf, data.train, 9000);
  const test = setToTensors(tf, data.test);
  const orders = epochOrders(9000, 1);
  const trainer = trainerOf(tf, model);
  let batches = 0;
  let last = performance.now();
  const t0 = performance.now();
  let acc = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (variant === 'D' || variant === 'E') {
      const seen = { batches, last };
      await handEpoch(trainer, orders.next(), variant === 'D', seen);
      ({ batches, last } = seen);
      acc = (await evaluateModel(tf, model, test.x, test.y)).accuracy;
      continue;
    }
    const order = tf.tensor1d(orders.next(), 'int32');
    const x = tf.gather(train.x, order);
    const y = tf.gather(train.y, order);
    order.dispose();
    const callbacks =
      variant === 'A'
        ? {
            onBatchEnd: async (_b: number, logs?: Record<string, number>) => {
              batches += logs?.loss === undefined ? 0 : 1;
              if (performance.now() - last >= 200) {
                await macrotask();
                last = performance.now();
              }
            },
          }
        : variant === 'B'
          ? { onYield: () => void batches++ }
          : {};
    await model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false, verbose: 0, yieldEvery: variant === 'B' ? 200 : 'never', callbacks });
    tf.dispose([x, y]);
    acc = (await evaluateModel(tf, model, test.x, test.y)).accuracy;
  }
  const s = (performance.now() - t0) / 1000;
  model.dispose();
  tf.dispose([train.x, train.y, test.x, test.y]);
  return { s, acc };
}
const times: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
for (let r = 0; r < rounds; r++)
  for (const v of variants) {
    const { s, acc } = await run(v);
    times[v]!.push(s);
    console.log(`round ${r} ${v}: ${s.toFixed(2)} s, held-out ${acc}`);
  }
for (const [v, t] of Object.entries(times)) console.log(v, 'median', t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!.toFixed(2));
