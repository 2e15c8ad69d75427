import { beforeAll, describe, expect, it } from 'vitest';
import { layers, loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';
import { play } from '../../../src/lib/examples/session.ts';
import { miniatureData, subset } from '../../../src/lib/examples/transfer.ts';
import { createTransferSession, type TransferSnap } from '../../../src/lib/examples/transfer-session.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const settings = { seed: 3, pretrainEpochs: 2, epochs: 2, lr: 0.03 };
// Small sets keep the test quick on the cpu backend (the page's test sets are 500 and 300 images).
const data = () => {
  const d = miniatureData({ seed: settings.seed, pretrainPerClass: 20, trainSize: 40 });
  return { ...d, pretrain: subset(d.pretrain, 64), pretrainTest: subset(d.pretrainTest, 50), test: subset(d.test, 60) };
};

describe('the transfer-learning comparison as a session (one epoch per step)', () => {
  it('steps through pre-training, transfer and from scratch, one epoch each, and ends where a straight run ends; nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const stepped = createTransferSession(tf, layers, { settings, data: data() });
    expect(stepped.total).toBe(2 + 2 + 2);
    const snaps: TransferSnap[] = [];
    while (stepped.done < stepped.total) snaps.push(await stepped.step());
    expect(snaps.map((s) => `${s.phase} ${s.epoch}/${s.epochs}`)).toEqual([
      'pretrain 1/2',
      'pretrain 2/2',
      'transfer 1/2',
      'transfer 2/2',
      'scratch 1/2',
      'scratch 2/2',
    ]);
    // Pre-training reports its 10-class accuracy after its last epoch; the new task its test accuracy after every epoch.
    expect(snaps.map((s) => s.accuracy === undefined)).toEqual([true, false, false, false, false, false]);
    expect(snaps[3]!.accuracy).toBe(stepped.reports.transfer!.accuracy);
    expect(snaps[5]!.accuracy).toBe(stepped.reports.scratch!.accuracy);
    const { transfer, scratch, pretrain } = stepped.reports;
    expect(pretrain!.counts.frozen).toBe(0);
    expect(transfer!.counts.frozen).toBeGreaterThan(0);
    expect(transfer!.backboneAfter).toEqual(transfer!.backboneBefore);
    expect(scratch!.backboneAfter!.hash).not.toBe(scratch!.backboneBefore!.hash);

    const straight = createTransferSession(tf, layers, { settings, data: data() });
    const seen: TransferSnap[] = [];
    await play(straight, { onEpoch: (s) => seen.push(s) });
    expect(seen).toEqual(snaps);
    for (const phase of ['pretrain', 'transfer', 'scratch'] as const) {
      const { ms: _a, ...a } = stepped.reports[phase]!;
      const { ms: _b, ...b } = straight.reports[phase]!;
      expect(b).toEqual(a);
    }
    stepped.dispose();
    straight.dispose();
    straight.dispose();
    expect(tf.memory().numTensors).toBe(before);
    await expect(async () => stepped.step()).rejects.toThrow(/after dispose/);
  });
});
