/**
 * The whole transfer-learning comparison of article 001 §5 as one session (session.ts): pre-train
 * the backbone on the 10 shape classes, freeze it and train the new head (transfer), then train
 * the same network from scratch on the same new task.
 *
 * One step is ONE EPOCH of the current phase: an epoch is the unit the article's recipe counts in
 * (`epochs=5`), the unit the charts plot and the one after which test accuracy is measured, so a
 * reader stepping sees each network improve epoch by epoch; a batch would show only noise, a whole
 * phase would hide the comparison the example is about.
 */
import type { Sequential } from '@tensorflow/tfjs-layers';
import type { Session } from './session.ts';
import type { Tf } from './tf-runtime.ts';
import { PRETRAIN_CLASSES, type ImageSet } from './shapes.ts';
import * as tl from './transfer.ts';

type Layers = typeof import('@tensorflow/tfjs-layers');

/** The three phases, in the order they run. */
export type Phase = 'pretrain' | 'transfer' | 'scratch';

/** What one step shows: the phase, its epoch (1-based), its mean training loss and, where measured, an accuracy. */
export interface TransferSnap {
  phase: Phase;
  epoch: number;
  epochs: number;
  loss: number;
  /**
   * Test accuracy of the new task after every transfer and from-scratch epoch; for pre-training,
   * the 10-class accuracy on new images after its last epoch only (measuring it every epoch would
   * slow the longest phase for a number the comparison does not use).
   */
  accuracy?: number;
}

type Fingerprint = ReturnType<typeof tl.weightFingerprint>;
type Counts = ReturnType<typeof tl.paramCounts>;

/** What a finished phase leaves to show (plain numbers). */
export interface PhaseReport {
  counts: Counts;
  /** Training time, steps only (ms). */
  ms: number;
  /** Pre-training: 10-class accuracy on new images; new task: test accuracy. */
  accuracy: number;
  /** New task: accuracy on the training images. */
  trainAccuracy?: number;
  /** New task: fingerprints of the backbone before and after (frozen for transfer, trained from scratch). */
  backboneBefore?: Fingerprint;
  backboneAfter?: Fingerprint;
}

export interface TransferSettings {
  seed: number;
  pretrainEpochs: number;
  epochs: number;
  lr: number;
}

export interface TransferSession extends Session<TransferSnap> {
  /** Reports of the phases finished so far. */
  readonly reports: Partial<Record<Phase, PhaseReport>>;
  /** The pre-trained backbone (frozen once transfer began), for the labelled-examples curve. */
  readonly backbone: Sequential;
}

export interface TransferSessionOptions {
  settings: TransferSettings;
  /** The run's images (tl.miniatureData). */
  data: Record<'pretrain' | 'pretrainTest' | 'train' | 'test', ImageSet>;
  /** Called after every batch (progress within a long epoch). */
  onBatch?: (phase: Phase, p: tl.BatchProgress) => void;
  /** Awaited every `yieldEvery` batches inside an epoch so that the page can paint and take input. */
  yieldFn?: () => Promise<void>;
  yieldEvery?: number;
}

const SOFTMAX: tl.TaskKind = { kind: 'softmax', classes: PRETRAIN_CLASSES.length };
const BINARY: tl.TaskKind = { kind: 'binary' };

/** Creates the comparison's models (seeded as before: pre-training model, from-scratch model; the transfer model when its phase begins). */
export function createTransferSession(tf: Tf, layers: Layers, opts: TransferSessionOptions): TransferSession {
  const { settings, data } = opts;
  const s = settings.seed >>> 0;
  const { size, batchSize, pretrainLr } = tl.MINIATURE;
  const seeds = tl.layerSeeds(s, 0);
  const backbone = tl.buildBackbone(layers, { size, seeds });
  const pretrainModel = tl.buildPretrainModel(layers, backbone, { classes: PRETRAIN_CLASSES.length, seeds });
  const scratchModel = tl.newTaskModel(layers, 'scratch', backbone, s);
  let fineModel: Sequential | undefined;
  const phases: readonly { phase: Phase; epochs: number }[] = [
    { phase: 'pretrain', epochs: settings.pretrainEpochs },
    { phase: 'transfer', epochs: settings.epochs },
    { phase: 'scratch', epochs: settings.epochs },
  ];
  const reports: Partial<Record<Phase, PhaseReport>> = {};
  let current: { phase: Phase; model: Sequential; trainer: tl.TrainSession; counts: Counts; before?: Fingerprint } | undefined;
  let done = 0;

  const backboneOf = (phase: Phase) => (phase === 'scratch' ? (scratchModel.layers[0] as Sequential) : backbone);
  const trainer = (phase: Phase, model: Sequential, set: ImageSet, options: Pick<tl.TrainOptions, 'task' | 'epochs' | 'lr' | 'seed'>) =>
    tl.createTrainSession(tf, model, set, {
      ...options,
      batchSize,
      onBatch: opts.onBatch && ((p) => opts.onBatch!(phase, p)),
      yieldFn: opts.yieldFn,
      yieldEvery: opts.yieldEvery,
    });

  /** Sets up a phase: the model it trains (the transfer model is built on the frozen backbone now) and its trainer. */
  const begin = (phase: Phase) => {
    if (phase === 'pretrain') {
      const t = trainer(phase, pretrainModel, data.pretrain, { task: SOFTMAX, epochs: settings.pretrainEpochs, lr: pretrainLr, seed: s + 11 });
      return { phase, model: pretrainModel, trainer: t, counts: tl.paramCounts(pretrainModel) };
    }
    if (phase === 'transfer') {
      backbone.trainable = false;
      fineModel = tl.newTaskModel(layers, 'transfer', backbone, s);
    }
    const model = phase === 'transfer' ? fineModel! : scratchModel;
    // Both new-task phases train on the same data with the same settings; only the model differs.
    const t = trainer(phase, model, data.train, { task: BINARY, epochs: settings.epochs, lr: settings.lr, seed: s + 12 });
    return { phase, model, trainer: t, counts: tl.paramCounts(model), before: tl.weightFingerprint(backboneOf(phase).weights) };
  };

  /** Closes the phase that just ran its last epoch; `accuracy` is the new task's test accuracy after it. */
  const end = (c: NonNullable<typeof current>, accuracy: number | undefined): PhaseReport => {
    const ms = c.trainer.result().ms;
    c.trainer.dispose();
    if (c.phase === 'pretrain') return { counts: c.counts, ms, accuracy: tl.evaluateModel(tf, c.model, data.pretrainTest, SOFTMAX).accuracy };
    return {
      counts: c.counts,
      ms,
      accuracy: accuracy!,
      trainAccuracy: tl.evaluateModel(tf, c.model, data.train, BINARY).accuracy,
      backboneBefore: c.before,
      backboneAfter: tl.weightFingerprint(backboneOf(c.phase).weights),
    };
  };

  const phaseAt = (k: number) => {
    let rest = k;
    for (const p of phases) {
      if (rest < p.epochs) return p;
      rest -= p.epochs;
    }
    throw new Error(`step() past the end of a ${total}-step session`);
  };
  const total = phases.reduce((n, p) => n + p.epochs, 0);
  let released = false;

  return {
    total,
    get done() {
      return done;
    },
    reports,
    backbone,
    async step() {
      if (released) throw new Error('step() after dispose()');
      const { phase, epochs } = phaseAt(done);
      const c = (current ??= begin(phase));
      const { epoch, loss } = await c.trainer.step();
      let accuracy = phase === 'pretrain' ? undefined : tl.evaluateModel(tf, c.model, data.test, BINARY).accuracy;
      if (c.trainer.done === c.trainer.total) {
        reports[phase] = end(c, accuracy);
        accuracy = reports[phase].accuracy;
        current = undefined;
      }
      done++;
      return { phase, epoch: epoch + 1, epochs, loss, accuracy };
    },
    dispose() {
      if (released) return;
      released = true;
      current?.trainer.dispose();
      tl.disposeModels(pretrainModel, ...(fineModel ? [fineModel] : []));
      tl.disposeModels(scratchModel);
    },
  };
}
