import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  costLines,
  decoderParameters,
  DEFAULT_ASSUMPTIONS,
  GPT3_SHAPE,
  parametersFittingMemory,
  quantityParts,
  scientific,
  tinyTransformerShape,
  trainingCost,
  trainingFlops,
  trainingTokens,
  type CostAssumptions,
} from '../../../src/lib/examples/training-cost.ts';
import { disposeParams, initParams, parameterCount } from '../../../src/lib/examples/tiny-transformer.ts';
import { loadTf, type Tf } from '../../../src/lib/examples/tf-runtime.ts';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf();
});

const a100: CostAssumptions = { peakFlopsPerGpu: 312e12, utilisation: 0.4, pricePerGpuHour: 2 };

describe('parameters of a decoder', () => {
  it('counts exactly the variables the example trains, for every form setting', () => {
    for (const dModel of [32, 48, 64])
      for (const layers of [1, 2])
        for (const context of [4, 64]) {
          const shape = tinyTransformerShape({ vocabSize: 57, context, dModel, layers });
          const model = initParams(tf, { vocabSize: 57, contextLength: context, dModel, nHeads: 2, nLayers: layers, ffnHidden: 4 * dModel }, 1);
          try {
            expect(decoderParameters(shape)).toBe(parameterCount(model));
          } finally {
            disposeParams(model);
          }
        }
  });

  it('derives GPT-3 from its architecture: 12·L·d² dominates and the total rounds to 175 billion', () => {
    const n = decoderParameters(GPT3_SHAPE);
    expect(n / 1e9).toBeCloseTo(175, -1); // within ±5 billion
    expect(12 * GPT3_SHAPE.nLayers * GPT3_SHAPE.dModel ** 2).toBeLessThan(n);
    expect(n - 12 * GPT3_SHAPE.nLayers * GPT3_SHAPE.dModel ** 2).toBeLessThan(0.01 * n);
  });

  it('a tied output layer saves exactly d·V + V parameters', () => {
    const untied = { ...GPT3_SHAPE, tiedOutput: false };
    expect(decoderParameters(untied) - decoderParameters(GPT3_SHAPE)).toBe(GPT3_SHAPE.dModel * GPT3_SHAPE.vocabSize + GPT3_SHAPE.vocabSize);
  });
});

describe('training compute and cost', () => {
  it('tokens are steps × batch × context and compute is 6·N·D', () => {
    expect(trainingTokens({ steps: 250, batch: 8, context: 32 })).toBe(64_000);
    expect(trainingFlops(1e9, 2e10)).toBe(1.2e20);
  });

  it('converts FLOPs to GPU-hours at the sustained throughput, and GPU-hours to dollars', () => {
    // 1 GPU at 100 TFLOP/s × 50 % = 5e13 FLOP/s; 6·1e9·3e13 = 1.8e23 FLOPs → 3.6e9 s = 1e6 h.
    const c = trainingCost(1e9, 3e10 * 1000, { peakFlopsPerGpu: 1e14, utilisation: 0.5, pricePerGpuHour: 1.5 });
    expect(c.flops).toBe(1.8e23);
    expect(c.gpuSeconds).toBeCloseTo(3.6e9, -3);
    expect(c.gpuHours).toBeCloseTo(1e6, 0);
    expect(c.cost).toBeCloseTo(1.5e6, -1);
  });

  it('is monotone in N and in D, linear in the price and inverse in utilisation', () => {
    const positive = fc.double({ min: 1, max: 1e13, noNaN: true });
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 1.0001, max: 100, noNaN: true }), (n, d, k) => {
        const base = trainingCost(n, d, a100);
        expect(trainingCost(n * k, d, a100).cost).toBeGreaterThan(base.cost);
        expect(trainingCost(n, d * k, a100).gpuHours).toBeGreaterThan(base.gpuHours);
        expect(trainingCost(n, d, { ...a100, pricePerGpuHour: a100.pricePerGpuHour * k }).cost / base.cost).toBeCloseTo(k, 9);
        const slower = trainingCost(n, d, { ...a100, utilisation: a100.utilisation / k });
        expect(slower.gpuHours / base.gpuHours).toBeCloseTo(k, 9);
      }),
    );
  });

  it('the largest model whose training state fits a 12 GB card at 16 bytes per parameter has 750 million parameters', () => {
    expect(parametersFittingMemory(12e9, 16)).toBe(750_000_000);
  });
});

describe('scientific notation', () => {
  it('keeps three significant digits and carries a rounded mantissa of 10 into the exponent', () => {
    expect(scientific(3.1416e23)).toEqual({ mantissa: 3.14, exponent: 23 });
    expect(scientific(9.9996e5)).toEqual({ mantissa: 1, exponent: 6 });
    expect(scientific(4.2e-8)).toEqual({ mantissa: 4.2, exponent: -8 });
  });

  it('round-trips every positive number to within its precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-30, max: 1e30, noNaN: true }), (v) => {
        const { mantissa, exponent } = scientific(v);
        expect(mantissa).toBeGreaterThanOrEqual(1);
        expect(mantissa).toBeLessThan(10);
        expect(Math.abs(mantissa * 10 ** exponent - v) / v).toBeLessThan(0.006);
      }),
    );
  });
});

describe('quantities in the page language', () => {
  it('uses compact notation of each language, and powers of ten outside it', () => {
    expect(quantityParts(175e9, 'en')).toEqual({ text: '175B' });
    expect(quantityParts(174.6e9, 'zh-CN')).toEqual({ text: '1750亿' });
    expect(quantityParts(750e6, 'zh-CN')).toEqual({ text: '7.5亿' });
    expect(quantityParts(3.14e23, 'en')).toEqual({ text: '3.14', exponent: 23 });
    expect(quantityParts(4.2e-8, 'zh-CN')).toEqual({ text: '4.2', exponent: -8 });
    expect(quantityParts(0, 'en')).toEqual({ text: '0' });
  });
});

describe('the cost view rows', () => {
  const tiny = { vocabSize: 120, dModel: 32, layers: 2, context: 32, batch: 8, steps: 250 };

  it("start from the example's own model and tokens, and follow its settings", () => {
    const lines = costLines(tiny, DEFAULT_ASSUMPTIONS);
    expect(lines.tiny.parameters).toBe(decoderParameters(tinyTransformerShape({ vocabSize: 120, context: 32, dModel: 32, layers: 2 })));
    expect(lines.tiny.tokens).toBe(250 * 8 * 32);
    const wider = costLines({ ...tiny, dModel: 64, steps: 500 }, DEFAULT_ASSUMPTIONS).tiny;
    expect(wider.parameters).toBeGreaterThan(lines.tiny.parameters);
    expect(wider.flops).toBeGreaterThan(2 * lines.tiny.flops);
  });

  it('scale the rows without a stated token count by tokens per parameter, and GPT-3 by its stated tokens', () => {
    const lines = costLines(tiny, { ...DEFAULT_ASSUMPTIONS, tokensPerParameter: 10, gpt3TokensBillions: 300 });
    expect(lines.fits12gb).toMatchObject({ parameters: 750e6, tokens: 7.5e9 });
    expect(lines.threshold).toMatchObject({ parameters: 1e9, tokens: 1e10 });
    // 6 · 174.6e9 · 300e9 ≈ 3.14e23 FLOPs, the figure Brown et al. report for GPT-3.
    expect(lines.gpt3.flops / 1e23).toBeCloseTo(3.14, 1);
  });

  it('turn percent, TFLOP/s and dollars into the arithmetic', () => {
    const lines = costLines(tiny, { ...DEFAULT_ASSUMPTIONS, peakTflops: 100, utilisation: 50, price: 3 });
    const { threshold } = lines;
    expect(threshold.gpuSeconds).toBeCloseTo(threshold.flops / 50e12, 0);
    expect(threshold.cost).toBeCloseTo((threshold.gpuSeconds / 3600) * 3, 6);
  });
});
