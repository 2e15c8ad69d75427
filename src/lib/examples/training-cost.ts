/**
 * What training a dense Transformer costs, from the tiny model of the Transformer example up to
 * the sizes the articles mention: parameters N × training tokens D → training compute C ≈ 6·N·D
 * FLOPs (2·N per token for the forward pass, 4·N for the backward pass; Kaplan et al. 2020) →
 * GPU-hours at a stated sustained throughput → cost at a stated price. Pure, no TensorFlow.js.
 */

/** FLOPs per parameter per training token (forward 2, backward 4). */
export const FLOPS_PER_PARAMETER_TOKEN = 6;

/** The shape of a decoder-only Transformer with learned position embeddings. */
export interface DecoderShape {
  vocabSize: number;
  contextLength: number;
  dModel: number;
  nLayers: number;
  /** Width of each feed-forward block's hidden layer. */
  ffnHidden: number;
  /** The output layer reuses the token-embedding matrix (GPT-2/3) instead of its own d×V weights and V biases (this site's example). */
  tiedOutput: boolean;
  /** Biases on the query, key, value and output projections (GPT-3 has them, this site's example does not). */
  attentionBiases: boolean;
}

/**
 * Every trainable parameter: token and position embeddings; per block the four d×d attention
 * matrices (and their biases), the feed-forward block's two matrices and biases, two LayerNorms
 * (gain and bias); the final LayerNorm; the output layer unless tied.
 */
export function decoderParameters(s: DecoderShape): number {
  const { vocabSize: V, contextLength: T, dModel: d, nLayers: L, ffnHidden: f } = s;
  const block = 4 * d * d + (s.attentionBiases ? 4 * d : 0) + 2 * d * f + f + d + 4 * d;
  return V * d + T * d + L * block + 2 * d + (s.tiedOutput ? 0 : d * V + V);
}

/** The tiny model of the Transformer example (feed-forward width 4·d, untied output, no attention biases). */
export function tinyTransformerShape({
  vocabSize,
  context,
  dModel,
  layers,
}: {
  vocabSize: number;
  context: number;
  dModel: number;
  layers: number;
}): DecoderShape {
  return { vocabSize, contextLength: context, dModel, nLayers: layers, ffnHidden: 4 * dModel, tiedOutput: false, attentionBiases: false };
}

/**
 * GPT-3 175B as described by Brown et al. 2020 (Table 2.1 and §2.1): 96 layers, d = 12,288,
 * feed-forward 4·d, a 2,048-token context, the GPT-2 vocabulary of 50,257 tokens, tied output.
 */
export const GPT3_SHAPE: DecoderShape = {
  vocabSize: 50_257,
  contextLength: 2048,
  dModel: 12_288,
  nLayers: 96,
  ffnHidden: 4 * 12_288,
  tiedOutput: true,
  attentionBiases: true,
};

/** Tokens a training run processes: every position of every sequence of every step predicts one token. */
export function trainingTokens({ steps, batch, context }: { steps: number; batch: number; context: number }): number {
  return steps * batch * context;
}

/** Training compute of a dense Transformer, C ≈ 6·N·D FLOPs. */
export function trainingFlops(parameters: number, tokens: number): number {
  return FLOPS_PER_PARAMETER_TOKEN * parameters * tokens;
}

/** The largest model whose training state fits in `memoryBytes` at `bytesPerParameter` (activations not counted). */
export function parametersFittingMemory(memoryBytes: number, bytesPerParameter: number): number {
  return Math.floor(memoryBytes / bytesPerParameter);
}

/** The hardware and price a cost estimate assumes; every one is shown to the reader and editable. */
export interface CostAssumptions {
  /** Peak dense throughput of one GPU, in FLOP/s (A100: 312 TFLOP/s in BF16). */
  peakFlopsPerGpu: number;
  /** Fraction of the peak a real training run sustains (model FLOPs utilisation), 0–1. */
  utilisation: number;
  /** Rental price of one GPU for one hour, in US dollars. */
  pricePerGpuHour: number;
}

export interface TrainingCost {
  flops: number;
  /** GPU-seconds at the sustained throughput. */
  gpuSeconds: number;
  gpuHours: number;
  /** US dollars. */
  cost: number;
}

/** Compute, GPU time and price of training N parameters on D tokens under the assumptions. */
export function trainingCost(parameters: number, tokens: number, a: CostAssumptions): TrainingCost {
  const flops = trainingFlops(parameters, tokens);
  const gpuSeconds = flops / (a.peakFlopsPerGpu * a.utilisation);
  const gpuHours = gpuSeconds / 3600;
  return { flops, gpuSeconds, gpuHours, cost: gpuHours * a.pricePerGpuHour };
}

/** A number as mantissa × 10^exponent with `digits` significant digits (mantissa in [1, 10)). */
export function scientific(value: number, digits = 3): { mantissa: number; exponent: number } {
  if (value === 0 || !Number.isFinite(value)) return { mantissa: value, exponent: 0 };
  let exponent = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  // Rounding can carry the mantissa to 10 (9.996 → 10.0): renormalise.
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return { mantissa, exponent };
}

/**
 * A quantity as the page shows it, in the page's language: compact between 0.01 and 10¹⁵
 * ("175B", "1750亿", "699K"), otherwise as mantissa × 10^exponent (`exponent` set), both with
 * three significant digits.
 */
export function quantityParts(value: number, lang: string): { text: string; exponent?: number } {
  if (value === 0 || (Math.abs(value) >= 0.01 && Math.abs(value) < 1e15)) {
    return { text: new Intl.NumberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(value) };
  }
  const { mantissa, exponent } = scientific(value);
  return { text: new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 }).format(mantissa), exponent };
}

// The cost view of the Transformer example: its rows, from the example's settings and the reader's assumptions.

export const COST_ROWS = ['tiny', 'fits12gb', 'threshold', 'gpt3'] as const;
export type CostRow = (typeof COST_ROWS)[number];

/** What the reader can change, in the units the inputs show. */
export interface CostInputs {
  /** Peak throughput of one GPU in TFLOP/s (NVIDIA A100, dense BF16: 312). */
  peakTflops: number;
  /** Sustained share of the peak, in percent. */
  utilisation: number;
  /** US dollars per GPU-hour. */
  price: number;
  /** Training tokens per parameter for the rows without a stated D (≈ 20 is compute-optimal, Hoffmann et al. 2022). */
  tokensPerParameter: number;
  /** GPT-3's training tokens, in billions (Brown et al. 2020: about 300). */
  gpt3TokensBillions: number;
}

export const DEFAULT_ASSUMPTIONS: CostInputs = { peakTflops: 312, utilisation: 40, price: 2, tokensPerParameter: 20, gpt3TokensBillions: 300 };

/** The tiny model's settings that set its N and D (the example's form). */
export interface TinySettings {
  vocabSize: number;
  dModel: number;
  layers: number;
  context: number;
  batch: number;
  steps: number;
}

/** 12 GB of GPU memory at 16 bytes per parameter (mixed-precision weights, gradients and Adam state). */
const CARD_BYTES = 12e9;
const TRAINING_BYTES_PER_PARAMETER = 16;
/** This site's rough threshold for calling a model large. */
const LARGE_MODEL_THRESHOLD = 1e9;

export interface CostLine extends TrainingCost {
  parameters: number;
  tokens: number;
}

/** Every row of the table. */
export function costLines(tiny: TinySettings, inputs: CostInputs): Record<CostRow, CostLine> {
  const assumptions = { peakFlopsPerGpu: inputs.peakTflops * 1e12, utilisation: inputs.utilisation / 100, pricePerGpuHour: inputs.price };
  const line = (parameters: number, tokens: number): CostLine => ({ parameters, tokens, ...trainingCost(parameters, tokens, assumptions) });
  const scaled = (parameters: number) => line(parameters, parameters * inputs.tokensPerParameter);
  return {
    tiny: line(
      decoderParameters(tinyTransformerShape({ vocabSize: tiny.vocabSize, context: tiny.context, dModel: tiny.dModel, layers: tiny.layers })),
      trainingTokens(tiny),
    ),
    fits12gb: scaled(parametersFittingMemory(CARD_BYTES, TRAINING_BYTES_PER_PARAMETER)),
    threshold: scaled(LARGE_MODEL_THRESHOLD),
    gpt3: line(decoderParameters(GPT3_SHAPE), inputs.gpt3TokensBillions * 1e9),
  };
}
