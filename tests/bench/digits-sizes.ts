/**
 * How held-out accuracy of article 004 §5.2's digit model grows with the number of training
 * digits, and the best accuracy the site's digits allow with settings a reader can choose, in Node
 * on TF.js's WebAssembly backend:
 *   npx node tests/bench/digits-sizes.ts [--runs "epochs,batch,trainSize;…"]
 * Prints a markdown table (accuracy on the 1,000 held-out digits, seconds).
 */
import { loadPackageDigits } from '../../src/lib/examples/digits-file.ts';
import { buildDigitData, DIGITS_FILE } from '../../src/lib/examples/digits.ts';
import { predictedAccuracy, trainDigits } from '../../src/lib/examples/digits-model.ts';
import { nodeTf } from './node-tf.ts';

const i = process.argv.indexOf('--runs');
const spec = i > 0 ? process.argv[i + 1]! : '5,32,300;5,32,1000;5,32,3000;5,32,9000;10,32,9000;20,64,9000;30,128,9000';
const runs = spec.split(';').map((r) => r.split(',').map(Number) as [number, number, number]);
const { tf, layers } = await nodeTf('wasm');
const data = buildDigitData(await loadPackageDigits(), DIGITS_FILE);
console.log('| epochs | batch | training digits | held-out accuracy | seconds |\n|---|---|---|---|---|');
for (const [epochs, batchSize, trainCount] of runs) {
  const started = performance.now();
  const result = await trainDigits(tf, layers, data, { epochs, batchSize, seed: 1, trainCount, yieldFn: async () => {} });
  const seconds = (performance.now() - started) / 1000;
  const { accuracy } = predictedAccuracy(tf, result.model, data.test);
  result.model.dispose();
  console.log(`| ${epochs} | ${batchSize} | ${trainCount} | ${(accuracy * 100).toFixed(1)}% | ${seconds.toFixed(1)} |`);
}
