import { describe, expect, it } from 'vitest';
import { layers, loadTf, tf } from '../../../src/lib/examples/tf-runtime.ts';

describe('tf-runtime', () => {
  it('loads the cpu backend once, with gradients and chained ops registered', async () => {
    const p1 = loadTf();
    const p2 = loadTf();
    expect(p2).toBe(p1);
    const t = await p1;
    expect(t).toBe(tf);
    expect(t.getBackend()).toBe('cpu');
    const before = t.memory().numTensors;
    t.tidy(() => {
      const x = t.tensor1d([1, 2, 3]);
      // chained op (needs register_all_chained_ops)
      expect(Array.from(x.mul(2).dataSync())).toEqual([2, 4, 6]);
      // gradient (needs register_all_gradients)
      const g = t.grad((v) => t.sum(t.square(v)))(x);
      expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
    });
    expect(t.memory().numTensors).toBe(before);
  });

  it('tfjs-layers shares the same engine (a seeded dense layer builds and predicts)', async () => {
    const t = await loadTf();
    const before = t.memory().numTensors;
    const model = layers.sequential({
      layers: [layers.layers.dense({ units: 1, inputShape: [2], kernelInitializer: layers.initializers.glorotUniform({ seed: 1 }) })],
    });
    const y = t.tidy(() => Array.from((model.predict(t.tensor2d([[1, 2]])) as import('@tensorflow/tfjs-core').Tensor).dataSync()));
    expect(y).toHaveLength(1);
    expect(Number.isFinite(y[0])).toBe(true);
    model.dispose();
    expect(t.memory().numTensors).toBe(before);
  });
});
