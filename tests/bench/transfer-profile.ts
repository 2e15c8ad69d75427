/**
 * Where the transfer-learning session's time goes on TF.js's WebAssembly backend (Node):
 *   node tests/bench/transfer-profile.ts [--profile] [--rounds 3]
 * Runs the whole session at the page's default settings and prints its phases' training times;
 * with --profile, also the time per kernel (wrapping the engine's runKernel dispatch), per phase.
 */
import { createTransferSession } from '../../src/lib/examples/transfer-session.ts';
import * as tl from '../../src/lib/examples/transfer.ts';
import { decodeSettings, transferSchema } from '../../src/lib/examples/url-state.ts';
import { nodeTf } from './node-tf.ts';

const { tf, layers } = await nodeTf('wasm');
const settings = decodeSettings(transferSchema, '').settings;
const profile = process.argv.includes('--profile');
const ri = process.argv.indexOf('--rounds');
const rounds = ri > 0 ? Number(process.argv[ri + 1]) : 1;
const vi = process.argv.indexOf('--variants');
// A: the kernels as before (TF.js's wasm kernels + the JS filter gradient); B: fast-conv-kernels' useFastWasmConvGrads.
const variants = [...(vi > 0 ? process.argv[vi + 1]! : 'B')];
import { useFastWasmConvGrads } from '../../src/lib/examples/fast-conv-kernels.ts';

const perKernel = new Map<string, { n: number; ms: number }>();
if (profile) {
  // (A kernel that calls others — B's gradients call BatchMatMul and Conv2D — counts their time too.)
  if (variants.includes('B')) useFastWasmConvGrads(tf);
  // Every kernel goes through engine.runKernelFunc → backend kernel: time the registered kernel functions.
  const eng = tf.engine() as unknown as { backendName: string };
  const kernels = tf.getKernelsForBackend(eng.backendName);
  for (const k of kernels) {
    const f = k.kernelFunc;
    tf.unregisterKernel(k.kernelName, k.backendName);
    tf.registerKernel({
      ...k,
      kernelFunc: ((args: unknown) => {
        const t = performance.now();
        const r = (f as (a: unknown) => unknown)(args);
        const e = perKernel.get(k.kernelName) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        perKernel.set(k.kernelName, e);
        return r;
      }) as typeof f,
    });
  }
}

for (let round = 0; round < rounds * variants.length; round++) {
  const variant = variants[round % variants.length]!;
  if (variant === 'A') useFastWasmConvGrads(tf)();
  const data = tl.miniatureData(settings);
  const session = createTransferSession(tf, layers, { settings, data, fastKernels: variant === 'B' && !profile });
  const t0 = performance.now();
  const phaseMs: Record<string, number> = {};
  let last = t0;
  const snapshots: Record<string, Map<string, { n: number; ms: number }>> = {};
  let prevPhase = '';
  while (session.done < session.total) {
    const snap = await session.step();
    if (snap.epoch === snap.epochs) {
      const now = performance.now();
      phaseMs[snap.phase] = now - last;
      last = now;
      if (profile) {
        snapshots[snap.phase] = new Map([...perKernel].map(([k, v]) => [k, { ...v }]));
        perKernel.clear();
      }
      prevPhase = snap.phase;
    }
  }
  void prevPhase;
  const total = performance.now() - t0;
  const r = session.reports;
  console.log(
    `${variant} round ${Math.floor(round / variants.length)}: load ${(await import('node:os')).loadavg()[0]!.toFixed(2)} train ${(r.pretrain!.ms + r.transfer!.ms + r.scratch!.ms).toFixed(0)} ms, total ${total.toFixed(0)} ms; train ms pretrain ${r.pretrain!.ms.toFixed(0)} transfer ${r.transfer!.ms.toFixed(0)} scratch ${r.scratch!.ms.toFixed(0)}; ` +
      `wall per phase ${Object.entries(phaseMs)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(' ')}; acc pre ${r.pretrain!.accuracy} tr ${r.transfer!.accuracy} sc ${r.scratch!.accuracy}`,
  );
  if (profile)
    for (const [phase, m] of Object.entries(snapshots)) {
      const rows = [...m].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
      const sum = [...m.values()].reduce((s, v) => s + v.ms, 0);
      console.log(`  ${phase}: kernels ${sum.toFixed(0)} ms total`);
      for (const [k, v] of rows)
        console.log(`    ${k.padEnd(24)} ${v.ms.toFixed(1).padStart(8)} ms  ${String(v.n).padStart(6)} calls  ${((1000 * v.ms) / v.n).toFixed(1)} µs/call`);
    }
  session.dispose();
}
